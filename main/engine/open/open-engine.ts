// Opens the engine on a data folder: lock, documents, database, journal replay, receiver, UI API, live events.
import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../../shared/contract/errors.js';
import type { UiEvent } from '../../../shared/contract/events.js';
import { DAMAGED_MESSAGE, guardDamage } from '../api/damage-guard.js';
import { createService } from '../api/service.js';
import { ApplyQueue } from '../apply-queue.js';
import { Backups } from '../backup/backups.js';
import { JournalPruner } from '../backup/journal-pruner.js';
import { recoveryNotices, salvageBeforeReplay } from '../backup/recovery.js';
import { type Channels, openChannels } from '../channels/index.js';
import { Checkpointer } from '../checkpoint.js';
import { createDataFolder, tightenDataFolder } from '../data-folder.js';
import { EventHub } from '../event-hub.js';
import { FILE_MODE, nodeFileSystem } from '../file-system.js';
import { DeviceRegistry } from '../hub/devices.js';
import { fileCredentialStore } from '../impact-link/credentials.js';
import { ImpactLink } from '../impact-link/link.js';
import { type Command, JournalWriter } from '../journal/index.js';
import { withLinkedPages } from '../pages/linked-pages.js';
import { PageScanner } from '../pages/scan/page-scanner.js';
import { DEFAULT_PAGE_SCAN } from '../pages/scan/scan-options.js';
import { createReceiverApp } from '../receiver/app.js';
import { type Listening, listen } from '../receiver/listen.js';
import { postbackUrl } from '../receiver/postback-url.js';
import { journalEnd, replayJournal } from '../replay.js';
import { runUpgrade } from '../run-upgrade.js';
import { EngineSecrets } from '../secrets/engine-secrets.js';
import { moveHeaderValueToSecrets } from '../secrets/header-value.js';
import { settingOverrides } from '../setting-overrides.js';
import { mergeRepeatedRules, repairStoredSettings } from '../startup-repair.js';
import { StatusBoard } from '../status-board.js';
import { DAMAGED_MARKER, isDamage } from '../store/db/open.js';
import { LOCAL_DEVICE } from '../store/db/read-state.js';
import { entriesAfter } from '../store/feed-page.js';
import { acquireLock } from '../store/lock.js';
import { openStore } from '../store/open-store.js';
import { withoutPath } from '../system-error.js';
import type { Engine, EngineOptions, Logger } from '../types.js';

const DEFAULT_IMPACT_API = 'https://api.impact.com';

export async function openEngine(options: EngineOptions): Promise<Engine> {
  const fsys = options.fileSystem ?? nodeFileSystem;
  const clock = options.clock ?? Date.now;
  const log = options.log ?? silentLogger;
  const journalDir = path.join(options.dataDir, 'journal');
  createDataFolder(options.dataDir);
  const releaseLock = acquireLock(options.dataDir);
  let closeStore = () => {};
  try {
    const notices: string[] = [];
    /** a postback secret from a flag or the environment, until the user makes a new one */
    let secretOverride = options.secret || undefined;
    const secretsOptions = { dataDir: options.dataDir, clock, log, secretOverride: secretOverride !== undefined };
    const secrets = EngineSecrets.open(secretsOptions, notices);
    const postbackSecret = () => secretOverride ?? secrets.secret;
    const { store, legacy, recovery, close } = await openStore({ dataDir: options.dataDir, fsys, clock, log, notices });
    closeStore = close;
    tightenDataFolder(options.dataDir, log);
    // Before replay: the documents as read are the older source of a header value than the journal's lines.
    const secureHeaderValue = () => moveHeaderValueToSecrets(store, secrets, options.dataDir, log);
    secureHeaderValue();
    const savedSeq = Math.min(store.appliedSeq, store.docs.appliedSeq);
    // Before replay: applying reads settings (retention), so they must be valid first.
    notices.push(...repairStoredSettings(store, log), ...mergeRepeatedRules(store, log));
    // An old store is upgraded after the engine is up (the UI shows progress); the journal waits until then.
    const catchUp = async () => {
      const replayed = await replayJournal(store, fsys, journalDir, log, notices, clock());
      secureHeaderValue();
      return replayed;
    };
    const recovered = legacy ? null : await salvageBeforeReplay(recovery, store, options.dataDir, fsys, log);
    const replay = legacy ? await journalEnd(fsys, journalDir, log) : await catchUp();
    if (recovered) notices.push(...recoveryNotices(recovered, store, clock()));

    const hub = new EventHub();
    let impact: ImpactLink | null = null;
    let channels: Channels | null = null;
    let damageReported = false;
    const onDamage = (error: Error) => {
      if (damageReported) return;
      damageReported = true;
      fs.writeFileSync(
        path.join(options.dataDir, DAMAGED_MARKER),
        `${new Date(clock()).toISOString()} ${error.message}\n`,
        { mode: FILE_MODE },
      );
      notices.push(DAMAGED_MESSAGE);
      log.error('The product database is damaged; it is restored from a backup and the journal at the next start', {
        error: error.message,
      });
    };
    const board = new StatusBoard(store, notices, () => hub.emit({ type: 'status' }));
    const pruner = new JournalPruner({ dataDir: options.dataDir, fsys, store, clock });
    const checkpointer = new Checkpointer({
      store,
      log,
      onFault: (error) => board.setStoreFault(error),
      quietMs: options.checkpoint?.quietMs ?? 2_000,
      maxDelayMs: options.checkpoint?.maxDelayMs ?? 15_000,
      savedSeq,
      fsys,
      mayRun: () => queue.idle,
      holdApplying: () => {
        queue.pause();
        return () => queue.resume();
      },
      afterCheckpoint: async (coveredSeq) => {
        await pruner.storesSaved(coveredSeq);
      },
    });
    const queue = new ApplyQueue({
      store,
      onApplied: (effectsList) => {
        if (options.onPostback) for (const { postback } of effectsList) if (postback) options.onPostback(postback);
        const entries = withLinkedPages(
          store.pageIndex,
          effectsList.flatMap((effects) => effects.entries),
        );
        impact?.reconciler.countChanged(entries.filter((entry) => entry.source === 'api').length);
        if (entries.length > 0) hub.emit({ type: 'feed', entries });
        const alerting = entries.filter((entry) => entry.alerts.length > 0);
        if (alerting.length > 0) hub.emit({ type: 'alert', entries: alerting });
        if (alerting.length > 0) channels?.sender.wake(); // their messages are in the outbox now
        board.changed();
        checkpointer.touch();
      },
      onFault: (error) => {
        board.setApplyFault(error);
        if (error && isDamage(error)) onDamage(error);
      },
      receiverBusy: () => writer.busy, // the writer below: made before anything asks
    });
    const writer = new JournalWriter({
      fsys,
      dir: journalDir,
      lastSeq: Math.max(replay.lastSeq, store.appliedSeq),
      onDurable: (records) => queue.push(records),
      onFault: (error) => board.setFault(error),
    });
    const backups = new Backups({
      dataDir: options.dataDir,
      store,
      clock,
      log,
      quiet: () => queue.idle && !writer.busy,
      onDamage,
      onChange: () => board.setBackupFault(backups.failure),
      afterBackup: () => pruner.prune(),
      firstDelayMs: options.backups?.firstDelayMs,
    });
    if (replay.applied > 0 || store.documentsVersion > 0 || recovered?.salvaged) checkpointer.touch();
    let upgrading: Promise<void> | null = null;
    if (legacy) {
      queue.pause();
      const makeDurable = async () => {
        secureHeaderValue(); // the old store's settings hold it
        await checkpointer.checkpointNow();
        const written = store.writtenDocuments;
        if (written.appliedSeq !== store.appliedSeq || written.version !== store.documentsVersion) {
          throw new Error('the new store could not be saved');
        }
      };
      const upgrade = { store, legacy, board, log, notices, dataDir: options.dataDir, fsys, makeDurable, catchUp };
      upgrading = runUpgrade(upgrade).then(
        () => {
          queue.resume();
          checkpointer.touch();
          // The upgraded data is not in the journal: back it up at once, and only then start the daily round.
          void backups
            .backUpNow('upgrade')
            .catch(() => undefined)
            .finally(() => backups.start());
        },
        (error: unknown) => {
          notices.push(
            `Upgrading your data failed (${String(error)}). Restart Shelfwatch to try again; nothing is lost.`,
          );
          log.error('Upgrade failed', { error: String(error) });
          board.changed();
        },
      );
    }

    const receiverConfig = () => ({
      host: options.receiverHost ?? store.settings.receiver.host,
      port: options.receiverPort ?? store.settings.receiver.port,
    });
    let listening: Listening | null = null;
    board.setReceiver(() => {
      const { host, port } = receiverConfig();
      const actualPort = listening?.port ?? port;
      return { url: postbackUrl(options.publicUrl, host, actualPort, postbackSecret()), port: actualPort };
    });
    board.setUrlChange(() => {
      const at = secrets.urlChangedAt;
      return at === null
        ? null
        : { at, headerValueLost: store.settings.receiver.headerName !== '' && !secrets.headerValue };
    });

    const run = async (parsed: Command) => {
      // Applied live exactly as replay will read it back: IPC keeps `undefined` fields ({ launchAtLogin: undefined }),
      // the journal's JSON drops them, and a merge must not set a setting to undefined in one and not the other.
      const command = JSON.parse(JSON.stringify(parsed)) as Command;
      const record = await writer.append({ type: 'command', command }, clock()).catch((error: Error) => {
        log.error('Could not journal a change', { kind: command.kind, error: error.message });
        throw new ApiError(503, `Could not save the change (${withoutPath(error)}). Nothing was changed; try again.`);
      });
      await queue.applied(record.seq).catch((error: Error) => {
        throw new ApiError(
          503,
          `Saved, but not applied yet: the product database cannot be written (${withoutPath(error)}). It is applied once writing works again.`,
        );
      });
    };
    const setup = () => board.setup(store.settings.receiver, secrets.headerValue, settingOverrides(options));
    const devices = new DeviceRegistry(store, run, clock);
    impact = new ImpactLink({
      store,
      dataDir: options.dataDir,
      credentials: options.impact?.credentials ?? fileCredentialStore(options.dataDir),
      preset: options.impact?.preset,
      apiBase: options.impact?.apiBase ?? DEFAULT_IMPACT_API,
      clientOptions: options.impact?.clientOptions,
      run,
      record: (observation) => writer.append({ type: 'observation', observation }, clock()),
      onStatus: (status) => board.setReconcile(status),
      clock,
      log,
    });
    const impactLink = impact;
    channels = openChannels({
      store,
      dataDir: options.dataDir,
      options: options.channels,
      run,
      clock,
      log,
      hubUrl: () => devices.remote?.url ?? null,
    });
    const alertChannels = channels;
    const pageScanner = new PageScanner({
      store,
      run,
      clock,
      log,
      options: { ...DEFAULT_PAGE_SCAN, ...options.pages },
      writable: () => queue.whenUnheld(),
      wrote: () => checkpointer.touch(),
      onProgress: () => board.changed(),
    });
    board.setPageScan(() => pageScanner.status());
    const serviceDeps = {
      store,
      backups,
      devices,
      impact: impactLink,
      channels: alertChannels.methods,
      pageScanner,
      run,
      status: (device: string) => board.status(device),
      setup,
      secret: postbackSecret,
      regenerateSecret: () => {
        secrets.regenerateSecret();
        secretOverride = undefined;
        board.changed();
        return setup();
      },
      headerValue: () => secrets.headerValue,
      setHeaderValue: (value: string) => {
        // Every journal record so far is older than this value: replaying one never brings an older value back.
        secrets.setHeaderValue(value, writer.appendedSeq);
        board.changed();
      },
      acknowledgeUrlChange: () => {
        secrets.acknowledgeUrlChange();
        board.changed();
      },
      clock,
    };

    const receiverApp = createReceiverApp({
      secrets: () => ({
        secret: postbackSecret(),
        headerName: store.settings.receiver.headerName,
        headerValue: secrets.headerValue,
        allowList: store.settings.receiver.allowList,
      }),
      persist: (raw) => writer.append({ type: 'postback', raw }, clock()),
      retryAfterSeconds: 30,
    });

    impactLink.start();
    alertChannels.start({ forgetUnusedSecrets: !legacy });
    if (!legacy) backups.start();
    pageScanner.start();
    let closed = false;
    return {
      api: guardDamage(createService(serviceDeps, LOCAL_DEVICE), onDamage),
      apiFor: (device) => guardDamage(createService(serviceDeps, device), onDamage),
      uiToken: options.uiToken ?? secrets.uiToken,
      devices: {
        pair: (code, name) => devices.pair(code, name),
        authenticate: (token, address) => devices.authenticate(token, address),
        onRevoked: (listener) => devices.onRevoked(listener),
        setRemote: (remote) => {
          devices.remote = remote;
          board.setRemote(remote);
        },
      },
      entriesAfter: (after, device, limit) => entriesAfter(store, after, limit, device),
      appliedSeq: () => store.appliedSeq,
      subscribe: (listener: (event: UiEvent) => void, device = LOCAL_DEVICE) =>
        hub.subscribe((event) =>
          listener(event.type === 'status' ? { type: 'status', status: board.status(device) } : event),
        ),
      async startReceiver() {
        const { host, port } = receiverConfig();
        listening = await listen(receiverApp, host, port);
        board.changed();
        return {
          host,
          port: listening.port,
          postbackUrl: postbackUrl(options.publicUrl, host, listening.port, postbackSecret()),
        };
      },
      async close() {
        if (closed) return;
        closed = true;
        impactLink.stop();
        await alertChannels.sender.stop();
        await backups.stop();
        await pageScanner.stop();
        await listening?.close();
        await upgrading;
        await writer.close();
        await queue.drained();
        queue.stop();
        checkpointer.stop();
        await checkpointer.checkpointNow();
        board.stop();
        closeStore();
        releaseLock();
      },
    };
  } catch (error) {
    closeStore();
    releaseLock();
    throw error;
  }
}

const silentLogger: Logger = { info() {}, warn() {}, error() {} };
