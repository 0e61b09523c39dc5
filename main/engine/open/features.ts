// The engine's features that run commands of their own: paired devices, the impact.com link (the catalog's
// reconciliation), alert channels, and the reader of the partner's pages. Built here, started and stopped by the
// engine (in an order that interleaves them with the backups: see open-engine.ts).
import { type Channels, openChannels } from '../channels/index.js';
import { DeviceRegistry } from '../hub/devices.js';
import { fileCredentialStore } from '../impact-link/credentials.js';
import { ImpactLink } from '../impact-link/link.js';
import { PageScanner } from '../pages/scan/page-scanner.js';
import { DEFAULT_PAGE_SCAN } from '../pages/scan/scan-options.js';
import type { StatusBoard } from '../status-board.js';
import type { Store } from '../store/store.js';
import type { EngineContext } from './context.js';
import type { RunCommand } from './run-command.js';
import type { WritingPath } from './writing-path.js';

const DEFAULT_IMPACT_API = 'https://api.impact.com';

export interface Features {
  devices: DeviceRegistry;
  impact: ImpactLink;
  channels: Channels;
  pageScanner: PageScanner;
}

export interface FeatureParts {
  store: Store;
  writing: Pick<WritingPath, 'writer' | 'queue' | 'checkpointer'>;
  board: StatusBoard;
  run: RunCommand;
}

export function openFeatures(context: EngineContext, parts: FeatureParts): Features {
  const { options, dataDir, clock, log } = context;
  const { store, writing, board, run } = parts;
  const devices = new DeviceRegistry(store, run, clock);
  const impact = new ImpactLink({
    store,
    dataDir,
    credentials: options.impact?.credentials ?? fileCredentialStore(dataDir),
    preset: options.impact?.preset,
    apiBase: options.impact?.apiBase ?? DEFAULT_IMPACT_API,
    clientOptions: options.impact?.clientOptions,
    run,
    record: (observation) => writing.writer.append({ type: 'observation', observation }, clock()),
    onStatus: (status) => board.setReconcile(status),
    clock,
    log,
  });
  const channels = openChannels({
    store,
    dataDir,
    options: options.channels,
    run,
    clock,
    log,
    hubUrl: () => devices.remote?.url ?? null,
  });
  const pageScanner = new PageScanner({
    store,
    run,
    clock,
    log,
    options: { ...DEFAULT_PAGE_SCAN, ...options.pages },
    writable: () => writing.queue.whenUnheld(),
    wrote: () => writing.checkpointer.touch(),
    onProgress: () => board.changed(),
  });
  board.setPageScan(() => pageScanner.status());
  return { devices, impact, channels, pageScanner };
}
