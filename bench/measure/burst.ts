// A burst of unique postbacks at C: how long until every one is acknowledged (T_ack), and how long until the feed
// reflects them all (T_feed: the journal's appliedSeq reaches the last acknowledged record). Polling starts only
// once the acks are in, so it does not compete with the burst; before that the feed cannot be complete anyway.
import { setTimeout as sleep } from 'node:timers/promises';
import type { ChildServer } from '../child-server.js';
import { runLoad } from './load.js';
import { appliedSeq } from './ui-api.js';

export interface BurstFigures {
  postbacks: number;
  acknowledged: number;
  ackMs: number;
  feedMs: number;
  /** T_feed / T_ack */
  feedToAckRatio: number;
  ackReqPerSec: number;
  p99Ms: number;
  /** the longest event-loop stall from the burst's start until its checkpoint was written (all acks wait that long) */
  longestStallMs: number;
  /** resident memory once the burst is applied and checkpointed, after a full GC */
  rssAfterMb: number;
}

/** `settle` waits for the checkpoint the burst makes due, so its stall is counted. */
export async function measureBurst(
  server: ChildServer,
  postbacks: number,
  connections: number,
  settle: () => Promise<unknown>,
): Promise<BurstFigures> {
  const before = await appliedSeq(server.uiPort);
  await server.memory(); // starts the stall window here
  const started = performance.now();
  const load = await runLoad({ port: server.receiverPort, prefix: 'burst', connections, amount: postbacks });
  const ackMs = performance.now() - started;
  const target = before + load.acknowledged;
  while ((await appliedSeq(server.uiPort)) < target) await sleep(5);
  const feedMs = performance.now() - started;
  await settle();
  const after = await server.memory();
  return {
    postbacks,
    acknowledged: load.acknowledged,
    ackMs,
    feedMs,
    feedToAckRatio: feedMs / ackMs,
    ackReqPerSec: load.reqPerSec,
    p99Ms: load.p99Ms,
    longestStallMs: after.longestStallMs,
    rssAfterMb: after.rssBytes / 2 ** 20,
  };
}
