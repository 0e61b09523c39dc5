// Issue 20: a supervisor (pm2, Docker, systemd) that stops `npm run serve` with SIGTERM to npm's pid alone must stop
// Shelfwatch too: the ports and the data folder's lock free, so the next start works. The package's real `serve`
// script runs (npm → sh → the launcher → the server), in a copy of the package whose `build` does nothing: the test
// uses the existing build, and must not rebuild dist/ under the other suites' feet.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT } from '../e2e/build.js';
import { type ServeChild, startServeChild } from '../e2e/serve-child.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { until } from '../helpers/until.js';

const STOP_WITHIN_MS = 10_000;
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** A folder that runs the repository's `serve` script with `build` a no-op; scripts/ and dist/ are the real ones. */
function packageWithoutBuild(dir: string): string {
  const real = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    name: string;
    scripts: Record<string, string>;
  };
  const scripts = { build: 'node -e ""', serve: real.scripts.serve ?? '' };
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: real.name, private: true, scripts }));
  for (const folder of ['scripts', 'dist']) fs.symlinkSync(path.join(ROOT, folder), path.join(dir, folder), 'dir');
  return dir;
}

/** Every process below `pid` (the shell, the launcher, the server), from `ps`. */
function descendants(pid: number): number[] {
  const table = execFileSync('ps', ['-A', '-o', 'pid=,ppid='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number) as [number, number]);
  const found: number[] = [];
  const visit = (parent: number) => {
    for (const [child, ppid] of table)
      if (ppid === parent) {
        found.push(child);
        visit(child);
      }
  };
  visit(pid);
  return found;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

const portOf = (url: string) => Number(new URL(url).port);

describe.skipIf(process.platform === 'win32')('npm run serve under a supervisor', () => {
  let temp: ReturnType<typeof makeTempDir> | undefined;
  const started: ServeChild[] = [];
  const leftOver: number[] = [];

  afterEach(async () => {
    for (const child of started.splice(0)) await child.stop();
    for (const pid of leftOver.splice(0)) if (alive(pid)) process.kill(pid, 'SIGKILL');
    temp?.remove();
  });

  it('stops the server when only npm gets SIGTERM: ports free, lock released, a restart works', async () => {
    ensureBuilt();
    temp = makeTempDir('shelfwatch-signals-');
    const project = packageWithoutBuild(fs.mkdtempSync(path.join(temp.dir, 'package-')));
    const dataDir = path.join(temp.dir, 'data');
    const viaNpm = (flags: string[]) => ({
      file: NPM,
      args: ['run', '--silent', 'serve', '--', ...flags],
      cwd: project,
    });
    const options = { dataDir, secret: 'signals-secret-0123456789', uiToken: 'signals-token-0123456789' };

    const npm = await startServeChild({ ...options, command: viaNpm });
    started.push(npm);
    const below = descendants(npm.pid);
    leftOver.push(...below);
    expect(below.length, 'npm runs the shell, the launcher and the server').toBeGreaterThanOrEqual(2);
    const ports = [portOf(npm.postbackUrl), portOf(npm.uiUrl)];

    process.kill(npm.pid, 'SIGTERM');
    await until('the server and the launcher to exit', () => below.every((pid) => !alive(pid)), STOP_WITHIN_MS);
    expect(npm.output()).toContain('SIGTERM: finishing postbacks in flight and saving');
    for (const port of ports) expect(await portIsFree(port), `port ${port} free`).toBe(true);

    // the same ports and data folder: the lock was released, nothing holds the ports
    const again = await startServeChild({ ...options, receiverPort: ports[0], uiPort: ports[1] });
    started.push(again);
    expect(portOf(again.postbackUrl)).toBe(ports[0]);
    expect(again.output()).not.toContain('already using the data folder');
  });
});
