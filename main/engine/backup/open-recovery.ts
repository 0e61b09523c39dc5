// What opening the store found and did about a damaged or missing store (store/open-store.ts), for the recovery
// around the replay (recovery.ts) and its words (recovery-notices.ts).
import type { Snapshot } from './manifest.js';

/** What opening the store found and did (open-store.ts), before the journal was replayed. */
export interface OpenRecovery {
  /** store.db was damaged: the files it was moved aside as */
  databaseMovedAside: string[];
  /** store.db was created or restored now (missing or damaged) */
  databaseIsNew: boolean;
  /** the backup restored in its place */
  databaseRestored: Snapshot | null;
  documentsMovedAside: string[];
  /** neither documents.json nor its previous generation could be read */
  documentsLost: boolean;
  documentsRestored: Snapshot | null;
  /** the journal record each store reflected through when opened */
  databaseSeq: number;
  documentsSeq: number;
}
