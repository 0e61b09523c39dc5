// Runs the slow SQLite work of backups in a worker thread. On the event loop it would hold up acknowledgements: at
// 100,000 products (120 MB) a backup's final fsync took 0.3 s, counting the products 0.1 s and PRAGMA quick_check
// 2 s, and a million products are seven times that. The worker opens its own read-only connection (WAL lets the
// engine go on writing meanwhile) and copies every page in one step: SQLite restarts a stepwise backup whenever
// another connection writes.
//
// It loads better-sqlite3 by file, so it must find that file: from the entry script or the working folder
// (npm run serve, the tests, npm start). Where it cannot (a packaged desktop app) the answer is undefined and the
// caller does the work on the event loop instead.
import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CopyCheck } from '../store/db/copy-check.js';
import { sqliteBinding } from '../store/db/open.js';

/** Plain JavaScript, evaluated as the worker's script. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const load = () => {
  try {
    return require(workerData.module);
  } catch {
    return null;
  }
};
const Database = load();
const options = workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {};
const reader = (file) => new Database(file, { ...options, readonly: true, fileMustExist: true });
const tasks = {
  async copy({ source, target }) {
    const from = reader(source);
    try {
      await from.backup(target, { progress: () => 0x7fffffff });
    } finally {
      from.close();
    }
    const copy = new Database(target, options);
    try {
      copy.pragma('journal_mode = DELETE');
      const first = String(copy.pragma('quick_check')[0]?.quick_check ?? 'no answer');
      const seq = copy.prepare("SELECT value FROM meta WHERE name = 'appliedSeq'").pluck().get();
      return {
        ok: first === 'ok',
        problem: first === 'ok' ? null : first,
        appliedSeq: seq === undefined ? 0 : Number(JSON.parse(seq)),
        schemaVersion: copy.pragma('user_version', { simple: true }),
        products: copy.prepare('SELECT count(*) FROM products WHERE NOT ghost').pluck().get() ?? 0,
      };
    } finally {
      copy.close();
    }
  },
  async countFirstSeen({ file, at }) {
    const db = reader(file);
    try {
      return db.prepare('SELECT count(*) FROM products WHERE NOT ghost AND first_seen_at <= ?').pluck().get(at);
    } finally {
      db.close();
    }
  },
};
(async () => {
  if (!Database) return { unavailable: true };
  return { result: await tasks[workerData.task](workerData) };
})().then(
  (answer) => parentPort.postMessage(answer),
  (error) => parentPort.postMessage({ error: { message: String(error?.message ?? error), code: error?.code } }),
);
`;

type WorkerAnswer<T> = { unavailable: true } | { result: T } | { error: { message: string; code: string | undefined } };

/**
 * Copies `source` (a live database) to `target` and checks the copy; undefined when no worker could run (nothing
 * was copied then). Rejects with the error that stopped the copy (its SQLite code kept), or when `signal` aborts.
 */
export function copyInWorker(source: string, target: string, signal: AbortSignal): Promise<CopyCheck | undefined> {
  return run<CopyCheck>({ task: 'copy', source, target }, signal);
}

/** Products first seen at or before `at` (ms), read from `file`; undefined when no worker could run. */
export function countFirstSeenInWorker(file: string, at: number): Promise<number | undefined> {
  return run<number>({ task: 'countFirstSeen', file, at }, new AbortController().signal);
}

function run<T>(task: Record<string, unknown>, signal: AbortSignal): Promise<T | undefined> {
  if (signal.aborted) return Promise.reject(signal.reason);
  const module = sqliteModuleFile();
  if (!module) return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { ...task, module, nativeBinding: sqliteBinding() },
    });
    const abort = () => {
      void worker.terminate();
      reject(signal.reason);
    };
    signal.addEventListener('abort', abort, { once: true });
    const settle = () => signal.removeEventListener('abort', abort);
    worker.once('message', (answer: WorkerAnswer<T>) => {
      settle();
      if ('result' in answer) resolve(answer.result);
      else if ('error' in answer) reject(Object.assign(new Error(answer.error.message), { code: answer.error.code }));
      else resolve(undefined);
    });
    worker.once('error', () => {
      settle();
      resolve(undefined); // the worker itself could not run
    });
  });
}

function sqliteModuleFile(): string | null {
  const bases = [process.argv[1], path.join(process.cwd(), 'index.js')].filter((base) => base !== undefined);
  for (const base of bases) {
    try {
      return createRequire(base).resolve('better-sqlite3');
    } catch {
      // not from here: the next place
    }
  }
  return null;
}
