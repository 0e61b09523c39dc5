// Two instances starting at the same moment over a stale lock (its owner was killed) must not both win: the
// takeover is atomic. 20 processes race for one data folder; exactly one gets it, the others are told it is in use.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../helpers/temp-dir.js';

const CONTENDERS = 20;
const temp = makeTempDir('shelfwatch-lock-race-');
const childScript = path.join(temp.dir, 'contender.mjs');

beforeAll(async () => {
  await build({
    entryPoints: [path.join(import.meta.dirname, 'helpers', 'lock-race-child.ts')],
    outfile: childScript,
    bundle: true,
    platform: 'node',
    format: 'esm',
    logLevel: 'silent',
  });
});
afterAll(() => temp.remove());

/** The pid of a process that has exited: what a lock left by kill -9 holds. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0']);
  await new Promise((resolve) => child.on('exit', resolve));
  return child.pid as number;
}

function lineFrom(child: ChildProcess, wanted: (line: string) => boolean): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffered = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const line = buffered.split('\n').find(wanted);
      if (line !== undefined) resolve(line);
    });
    child.on('exit', () => reject(new Error(`exited without the line (got: ${buffered.trim()})`)));
    if (child.exitCode !== null) reject(new Error('already exited'));
  });
}

describe('the stale-lock takeover', () => {
  it(`lets exactly one of ${CONTENDERS} processes starting at once take a stale lock`, async () => {
    for (let round = 0; round < 2; round++) {
      const dataDir = path.join(temp.dir, `data-${round}`);
      fs.mkdirSync(dataDir);
      fs.writeFileSync(path.join(dataDir, 'shelfwatch.lock'), String(await deadPid()));
      const go = path.join(dataDir, 'go');
      const done = path.join(dataDir, 'done');
      const children = Array.from({ length: CONTENDERS }, () =>
        spawn(process.execPath, [childScript, dataDir, go, done], { stdio: ['ignore', 'pipe', 'inherit'] }),
      );
      const exited = children.map((child) => new Promise((resolve) => child.on('exit', resolve)));
      await Promise.all(children.map((child) => lineFrom(child, (line) => line === 'ready')));
      const outcomes = children.map((child) => lineFrom(child, (line) => line !== 'ready' && line !== ''));
      fs.writeFileSync(go, '');
      const results = await Promise.all(outcomes);
      fs.writeFileSync(done, '');
      await Promise.all(exited);

      expect(results.filter((result) => result !== 'won' && result !== 'locked')).toEqual([]);
      expect(results.filter((result) => result === 'won')).toHaveLength(1);
      expect(results.filter((result) => result === 'locked')).toHaveLength(CONTENDERS - 1);
      expect(fs.existsSync(path.join(dataDir, 'shelfwatch.lock'))).toBe(false); // the winner let go
    }
  }, 60_000);
});
