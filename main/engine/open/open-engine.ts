// Opens the engine on a data folder, part by part, each built from those before it: the lock; the data (secrets,
// store, journal replayed: open-data.ts); the status and its live events; the writing path (journal, apply queue,
// checkpoints: writing-path.ts); backups; the features (devices, impact.com, channels, pages); the receiver; the UI
// API's service; and the Engine the faces get (engine-surface.ts), whose close undoes it all in order.
import { Backups } from '../backup/backups.js';
import { createDataFolder } from '../data-folder.js';
import { LiveEvents } from '../live-events.js';
import { StatusBoard } from '../status-board.js';
import { acquireLock } from '../store/lock.js';
import type { Engine, EngineOptions } from '../types.js';
import { announceApplied } from './announce-applied.js';
import { type EngineContext, engineContext } from './context.js';
import { DamageReport } from './damage-report.js';
import { engineSurface } from './engine-surface.js';
import { openFeatures } from './features.js';
import { type OpenedData, openData } from './open-data.js';
import { PostbackSecret } from './postback-secret.js';
import { EngineReceiver } from './receiver.js';
import { commandRunner } from './run-command.js';
import { serviceDeps } from './service-deps.js';
import { upgradeInBackground } from './upgrade-in-background.js';
import { openWritingPath } from './writing-path.js';

export async function openEngine(options: EngineOptions): Promise<Engine> {
  const context = engineContext(options);
  createDataFolder(context.dataDir);
  const releaseLock = acquireLock(context.dataDir);
  const data = await openData(context).catch((error: unknown) => {
    releaseLock();
    throw error;
  });
  const closeData = () => {
    data.close();
    releaseLock();
  };
  try {
    return runEngine(context, data, closeData);
  } catch (error) {
    closeData();
    throw error;
  }
}

/** Everything after the data is open, built in dependency order; nothing here waits. */
function runEngine(context: EngineContext, data: OpenedData, closeData: () => void): Engine {
  const { options, dataDir, clock, log, notices } = context;
  const { store, secrets, legacy, replay, recovered } = data;
  const postbackSecret = new PostbackSecret(secrets, options.secret);
  const live = new LiveEvents();
  const board = new StatusBoard(store, notices, () => live.emit({ type: 'status' }));
  const damage = new DamageReport(context);
  const writing = openWritingPath({
    store,
    dataDir,
    journalDir: context.journalDir,
    fsys: context.fsys,
    clock,
    log,
    lastSeq: Math.max(replay.lastSeq, store.appliedSeq),
    savedSeq: data.savedSeq,
    checkpoint: options.checkpoint,
    board,
    onDamage: damage.report,
  });
  const { writer, queue, checkpointer, pruner } = writing;
  const backups = new Backups({
    dataDir,
    store,
    clock,
    log,
    quiet: () => queue.idle && !writer.busy,
    onDamage: damage.report,
    onChange: () => board.setBackupFault(backups.failure),
    afterBackup: () => pruner.prune(),
    firstDelayMs: options.backups?.firstDelayMs,
  });
  if (replay.applied > 0 || store.documentsVersion > 0 || recovered?.salvaged) checkpointer.touch();
  const upgrading = legacy
    ? upgradeInBackground(context, { data: { ...data, legacy }, writing, board, backups })
    : null;

  const receiver = new EngineReceiver({
    options,
    store,
    secrets,
    postbackSecret,
    writer,
    clock,
    onListening: () => board.changed(),
  });
  board.setReceiver(() => receiver.address());
  board.setUrlChange(() => {
    const at = secrets.urlChangedAt;
    return at === null
      ? null
      : { at, headerValueLost: store.settings.receiver.headerName !== '' && !secrets.headerValue };
  });

  const run = commandRunner(writing, clock, log);
  const features = openFeatures(context, { store, writing, board, run });
  writing.onApplied(announceApplied({ options, store, features, live, board }));
  const service = serviceDeps(context, { data, postbackSecret, writing, board, backups, features, run });

  features.impact.start();
  features.channels.start({ forgetUnusedSecrets: !legacy });
  if (!legacy) backups.start();
  features.pageScanner.start();
  const uiToken = options.uiToken ?? secrets.uiToken;
  const surface = { store, service, onDamage: damage.report, uiToken, live, board, receiver, features, backups };
  return engineSurface({ ...surface, writing, upgrading, closeData });
}
