// Everything one bench run measures: the shape of bench-results/latest.json.
import type { ChannelFigures } from './channels/measure-channels.js';
import type { FanoutFigures } from './fanout/measure-fanout.js';
import type { machineInfo } from './machine.js';
import type { BurstFigures } from './measure/burst.js';
import type { ProfileSummary } from './measure/cpu-profile.js';
import type { FeedPageFigures } from './measure/feed-page.js';
import type { ProductPageFigures } from './measure/product-page.js';
import type { BenchOptions } from './options.js';
import type { PageScanFigures } from './pages/run-pages.js';
import type { ReceiverComparison } from './receiver-compare.js';
import type { SeedInfo } from './seed/seed-folder.js';

export interface StartupFigures {
  /** spawn() → ready line, Node start-up included: the median of a few starts on fresh copies */
  spawnToReadyMs: number;
  spawnToReadyRunsMs: number[];
  /** inside the child: process start → ready */
  inProcessReadyMs: number;
  /** startServer() alone: open the store, replay the journal tail, listen (median) */
  openMs: number;
  /** resident memory at ready, after a full GC */
  rssMb: number;
  /** resident memory right after the 20,000-postback burst was applied, after a full GC */
  rssAfterBurstMb: number | null;
  /** resident memory after the receiver runs (A/C/B) too, after a full GC */
  rssAfterLoadMb: number | null;
}

/** One of the issues' targets, checked against this run's figures (targets.ts). */
export interface TargetCheck {
  target: string;
  value: number | null;
  limit: string;
  /** null when the figure could not be measured (see note) */
  pass: boolean | null;
  note?: string;
}

export interface BenchFigures {
  machine: ReturnType<typeof machineInfo>;
  options: BenchOptions;
  startedAt: string;
  /** wall time of the whole run */
  durationMs: number;
  seed: Omit<SeedInfo, 'dir'>;
  /** B's seeded store: lowdb's one JSON document */
  naiveSeed: { bytes: number; buildMs: number };
  receiver: { empty: ReceiverComparison; large: ReceiverComparison };
  burst: { empty: BurstFigures; large: BurstFigures };
  startup: StartupFigures;
  feedPage: FeedPageFigures;
  productPage: ProductPageFigures;
  firstRender: { coldMs: number | null; warmMs: number | null; selector: string; missingReason: string | null };
  /** the hub fan-out figure; null with --no-fanout */
  fanout: FanoutFigures | null;
  /** the alert-channel figure (issue 17); null with --no-channels */
  channels: ChannelFigures | null;
  /** reading a 10,000-page site (issue 18); null with --no-pages */
  pages: PageScanFigures | null;
  profile: { empty: ProfileSummary; large: ProfileSummary; startup: ProfileSummary; files: string[] } | null;
  targets: TargetCheck[];
}
