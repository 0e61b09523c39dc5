// Opens the engine on a data folder: lock, store, journal replay, receiver, UI API, live events.
import fs from 'node:fs';
import path from 'node:path';
import { Low } from 'lowdb';
import type { UiEvent } from '../../shared/api.js';
import { ApiError } from '../../shared/api-error.js';
import { createService } from './api/service.js';
import { ApplyQueue } from './apply-queue.js';
import { Checkpointer } from './checkpoint.js';
import { loadSecrets, saveSecrets } from './config.js';
import { EventHub } from './event-hub.js';
import { nodeFileSystem } from './file-system.js';
import { type Command, JournalWriter, pruneSegments } from './journal/index.js';
import { createReceiverApp } from './receiver/app.js';
import { type Listening, listen } from './receiver/listen.js';
import { newSecret } from './receiver/secret.js';
import { replayJournal } from './replay.js';
import { mergeRepeatedRules, repairStoredSettings } from './startup-repair.js';
import { StatusBoard } from './status-board.js';
import { DurableStoreFile } from './store/durable-file.js';
import { acquireLock } from './store/lock.js';
import { emptyStore, type StoreData } from './store/state.js';
import { StoreView } from './store/view.js';
import { withoutPath } from './system-error.js';
import type { Engine, EngineOptions, Logger } from './types.js';

export { DataFolderLockedError } from './store/lock.js';
export type { Engine, EngineOptions, Logger } from './types.js';

const DAY_MS = 86_400_000;

export async function openEngine(options: EngineOptions): Promise<Engine> {
  const fsys = options.fileSystem ?? nodeFileSystem;
  const clock = options.clock ?? Date.now;
  const log = options.log ?? silentLogger;
  const journalDir = path.join(options.dataDir, 'journal');
  fs.mkdirSync(journalDir, { recursive: true });
  const releaseLock = acquireLock(options.dataDir);
  try {
    const secrets = loadSecrets(options.dataDir);
    if (options.secret) secrets.secret = options.secret;
    const notices: string[] = [];

    const storeFile = new DurableStoreFile(fsys, options.dataDir, clock);
    const db = new Low<StoreData>(storeFile, emptyStore());
    await db.read();
    const loaded = storeFile.lastLoad;
    if (loaded.movedAside.length > 0) {
      notices.push(
        `The saved state was damaged (${loaded.movedAside.join(', ')} moved aside) and was rebuilt from the journal.`,
      );
      log.warn('Store file damaged; rebuilt from the journal', { movedAside: loaded.movedAside });
    }
    // Before replay: applying reads settings (retention), so they must be valid first.
    const repairs = [...repairStoredSettings(db.data, log), ...mergeRepeatedRules(db.data, log)];
    notices.push(...repairs);
    const savedSeq = db.data.appliedSeq;
    const view = new StoreView(db.data);
    const { read: replay, notices: refused } = await replayJournal(fsys, journalDir, view, log, clock());
    notices.push(...refused);
    if (replay.tornTail) {
      fs.truncateSync(replay.tornTail.path, replay.tornTail.goodLength);
      log.warn('Dropped a torn last journal line (a write cut off by a crash; it was never acknowledged)');
    }
    if (replay.damaged > 0) {
      notices.push(`${replay.damaged} damaged journal record(s) could not be read and were skipped.`);
      log.error('Damaged journal records skipped', { damaged: replay.damaged });
    }
    const replayed = db.data.appliedSeq;

    const hub = new EventHub();
    const board = new StatusBoard(view, notices, (status) => hub.emit({ type: 'status', status }));
    let queue: ApplyQueue | null = null;
    const checkpointer = new Checkpointer({
      db,
      log,
      onWriteFault: (error) => board.setStoreFault(error),
      holdChanges: () => {
        queue?.pause();
        return () => queue?.resume();
      },
      quietMs: options.checkpoint?.quietMs ?? 2_000,
      maxDelayMs: options.checkpoint?.maxDelayMs ?? 15_000,
      maxUnsavedRecords: 20_000,
      savedSeq,
      afterWrite: async (replacedSeq) => {
        const keepNewerThan = clock() - db.data.settings.retention.journalDays * DAY_MS;
        await pruneSegments(fsys, journalDir, replacedSeq, keepNewerThan);
      },
    });
    queue = new ApplyQueue(
      view,
      (effectsList) => {
        const entries = effectsList.flatMap((effects) => effects.entries).map((entry) => view.joinProduct(entry));
        if (entries.length > 0) hub.emit({ type: 'feed', entries });
        const alerting = entries.filter((entry) => entry.alerts.length > 0);
        if (alerting.length > 0) hub.emit({ type: 'alert', entries: alerting });
        board.changed();
        checkpointer.touch();
      },
      () => journal.busy,
    );
    const journal = new JournalWriter({
      fsys,
      dir: journalDir,
      lastSeq: Math.max(replay.lastSeq, replayed),
      onDurable: (records) => queue.push(records),
      onFault: (error) => board.setFault(error),
    });
    if (repairs.length > 0) checkpointer.touchRepaired();
    else if (replayed > savedSeq) checkpointer.touch();

    const receiverConfig = () => ({
      host: options.receiverHost ?? db.data.settings.receiver.host,
      port: options.receiverPort ?? db.data.settings.receiver.port,
    });
    let listening: Listening | null = null;
    board.setReceiver(() => {
      const { host, port } = receiverConfig();
      const actualPort = listening?.port ?? port;
      return { url: postbackUrl(options.publicUrl, host, actualPort, secrets.secret), port: actualPort };
    });

    const run = async (parsed: Command) => {
      // Applied live exactly as replay will read it back: IPC keeps `undefined` fields ({ launchAtLogin: undefined }),
      // the journal's JSON drops them, and a merge must not set a setting to undefined in one and not the other.
      const command = JSON.parse(JSON.stringify(parsed)) as Command;
      const record = await journal.append({ type: 'command', command }, clock()).catch((error: Error) => {
        log.error('Could not journal a change', { kind: command.kind, error: error.message });
        throw new ApiError(503, `Could not save the change (${withoutPath(error)}). Nothing was changed; try again.`);
      });
      await queue.applied(record.seq);
    };
    const setup = () => board.setup(db.data.settings.receiver);
    const api = createService({
      view,
      run,
      status: () => board.status(),
      setup,
      regenerateSecret: () => {
        secrets.secret = newSecret();
        saveSecrets(options.dataDir, secrets);
        board.changed();
        return setup();
      },
      clock,
    });

    const receiverApp = createReceiverApp({
      secrets: () => ({ secret: secrets.secret, ...pickHeader(db.data.settings.receiver) }),
      persist: (raw) => journal.append({ type: 'postback', raw }, clock()),
      retryAfterSeconds: 30,
    });

    let closed = false;
    return {
      api,
      uiToken: options.uiToken ?? secrets.uiToken,
      subscribe: (listener: (event: UiEvent) => void) => hub.subscribe(listener),
      async startReceiver() {
        const { host, port } = receiverConfig();
        listening = await listen(receiverApp, host, port);
        board.changed();
        return {
          host,
          port: listening.port,
          postbackUrl: postbackUrl(options.publicUrl, host, listening.port, secrets.secret),
        };
      },
      async close() {
        if (closed) return;
        closed = true;
        await listening?.close();
        await journal.close();
        await queue.drained();
        checkpointer.stop();
        await checkpointer.writeNow();
        board.stop();
        releaseLock();
      },
    };
  } catch (error) {
    releaseLock();
    throw error;
  }
}

function pickHeader(receiver: { headerName: string; headerValue: string }) {
  return { headerName: receiver.headerName, headerValue: receiver.headerValue };
}

export function postbackUrl(publicUrl: string | undefined, host: string, port: number, secret: string): string {
  if (publicUrl) return `${publicUrl.replace(/\/+$/, '')}/postback/${secret}`;
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  return `http://${shownHost}:${port}/postback/${secret}`;
}

const silentLogger: Logger = { info() {}, warn() {}, error() {} };
