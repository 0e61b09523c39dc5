// Start-up to ready at the large store, a few times over on fresh copies of the seed (each start replays the same
// unapplied journal tail): the median is the figure, since a neighbour's burst on a shared machine can hit any one
// start. The last server started is kept running for the measurements that follow.
import fs from 'node:fs';
import { type ChildServer, startChildServer } from '../child-server.js';
import type { StartupFigures } from '../figures.js';
import { copySeed } from '../seed/seed-folder.js';

const MB = 2 ** 20;

export async function measureStartups(
  seedDir: string,
  dataDir: string,
  rendererDir: string,
  samples: number,
): Promise<{ server: ChildServer; startup: StartupFigures }> {
  const runs: { spawnToReadyMs: number; inProcessReadyMs: number; openMs: number }[] = [];
  for (let i = 0; ; i++) {
    fs.rmSync(dataDir, { recursive: true, force: true });
    copySeed(seedDir, dataDir);
    const server = await startChildServer('shelfwatch', { args: [dataDir, rendererDir] });
    runs.push({
      spawnToReadyMs: server.spawnToReadyMs,
      inProcessReadyMs: server.ready.readyMs,
      openMs: Number(server.ready.openMs),
    });
    if (i + 1 < samples) {
      await server.stop();
      continue;
    }
    const median = (pick: (run: (typeof runs)[number]) => number) => {
      const values = runs.map(pick).sort((a, b) => a - b);
      return values[Math.floor(values.length / 2)] as number;
    };
    return {
      server,
      startup: {
        spawnToReadyMs: median((run) => run.spawnToReadyMs),
        spawnToReadyRunsMs: runs.map((run) => run.spawnToReadyMs),
        inProcessReadyMs: median((run) => run.inProcessReadyMs),
        openMs: median((run) => run.openMs),
        rssMb: server.ready.rssBytes / MB,
        rssAfterBurstMb: null,
        rssAfterLoadMb: null,
      },
    };
  }
}
