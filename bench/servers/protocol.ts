// The line protocol every server under test speaks with the bench: one JSON "ready" line on stdout; on stdin,
// "mem" asks for the resident memory (after a full GC when --expose-gc is on) and the longest event-loop stall since
// the last "mem" (a synchronous checkpoint or a long apply slice: acknowledgements wait that long). SIGTERM, SIGINT
// or the parent going away (stdin closes) stops the server gracefully, so a --cpu-prof profile gets written and no
// child outlives the bench.

import { monitorEventLoopDelay } from 'node:perf_hooks';

export const BENCH_SECRET = 'bench-secret-0123456789abcdef';
export const BENCH_TOKEN = 'bench-token-0123456789abcdef';

export interface ReadyLine {
  ready: true;
  /** ms since this process started (performance.timeOrigin): module loading + opening the store + listening */
  readyMs: number;
  rssBytes: number;
  [detail: string]: unknown;
}

export function announceReady(details: Record<string, unknown>, stop: () => Promise<void>): void {
  const line: ReadyLine = { ready: true, readyMs: performance.now(), rssBytes: residentBytes(), ...details };
  process.stdout.write(`${JSON.stringify(line)}\n`);
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();

  let buffered = '';
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (chunk: string) => {
    buffered += chunk;
    let end = buffered.indexOf('\n');
    while (end !== -1) {
      if (buffered.slice(0, end).trim() === 'mem') {
        const longestStallMs = loopDelay.max / 1e6;
        loopDelay.reset();
        process.stdout.write(`${JSON.stringify({ mem: true, rssBytes: residentBytes(), longestStallMs })}\n`);
      }
      buffered = buffered.slice(end + 1);
      end = buffered.indexOf('\n');
    }
  });

  let stopping = false;
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`stop failed: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.stdin.on('end', shutdown);
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

function residentBytes(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  return process.memoryUsage().rss;
}
