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
}

export async function measureBurst(server: ChildServer, postbacks: number, connections: number): Promise<BurstFigures> {
  const before = await appliedSeq(server.uiPort);
  const started = performance.now();
  const load = await runLoad({ port: server.receiverPort, prefix: 'burst', connections, amount: postbacks });
  const ackMs = performance.now() - started;
  const target = before + load.acknowledged;
  while ((await appliedSeq(server.uiPort)) < target) await sleep(5);
  const feedMs = performance.now() - started;
  return {
    postbacks,
    acknowledged: load.acknowledged,
    ackMs,
    feedMs,
    feedToAckRatio: feedMs / ackMs,
    ackReqPerSec: load.reqPerSec,
    p99Ms: load.p99Ms,
  };
}
