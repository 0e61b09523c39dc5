// What the figures were measured on: ratios travel between machines, absolute times do not.
import { execFileSync } from 'node:child_process';
import os from 'node:os';

export function machineInfo() {
  return {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    totalMemoryMb: Math.round(os.totalmem() / 2 ** 20),
    loadAverage: os.loadavg().map((value) => Math.round(value * 100) / 100),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    /** the engine is changing fast: which code these figures belong to */
    commit: git(['rev-parse', '--short', 'HEAD']),
    uncommittedEngineChanges: git(['status', '--porcelain', '--', 'main', 'shared']) !== '',
  };
}

function git(args: string[]): string {
  try {
    return execFileSync('git', args, { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}
