import type { FileSystem } from '../../main/engine/file-system.js';
import { nodeFileSystem } from '../../main/engine/file-system.js';

export type Operation = keyof FileSystem;

/** The real file system, with counts of each operation and an error to throw from chosen operations. */
export function faultyFileSystem() {
  const calls: Record<string, number> = {};
  const failing = new Map<Operation, string>();
  const fsys = {} as FileSystem;
  for (const name of Object.keys(nodeFileSystem) as Operation[]) {
    const real = nodeFileSystem[name] as (...args: unknown[]) => Promise<unknown>;
    (fsys as unknown as Record<string, unknown>)[name] = async (...args: unknown[]) => {
      calls[name] = (calls[name] ?? 0) + 1;
      const code = failing.get(name);
      if (code) throw Object.assign(new Error(`${code}: injected fault in ${name}`), { code });
      return real(...args);
    };
  }
  return {
    fsys,
    calls,
    fail: (operation: Operation, code: string) => failing.set(operation, code),
    heal: () => failing.clear(),
  };
}
