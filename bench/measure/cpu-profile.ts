// Summarizes a V8 .cpuprofile: where the samples land (self time per function), how much time sits under a few
// functions that matter for the ack path (inclusive time), and per area of the code base.
import fs from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileRow {
  name: string;
  ms: number;
  pct: number;
}

export interface ProfileSummary {
  totalMs: number;
  topSelf: ProfileRow[];
  byArea: ProfileRow[];
  inclusive: ProfileRow[];
}

/** Functions whose inclusive time answers "what does the ack path pay for" (matched on the function name). */
const WATCHED_FUNCTIONS = [
  'writeDurably',
  'flushBatch',
  'encodeRecord',
  'runSlice',
  'applyRecord',
  'applyRecords',
  'applyPostback',
  'parseRequest',
  'normalize',
  'applyProductSnapshot',
  'commit',
  'trimFeed',
  'handleRequest',
  'emit',
  'onApplied',
  'write', // DurableStoreFile.write: the checkpoint (JSON.stringify of the whole store + fsync)
  'stringify',
  'touch',
  'queryFeed',
];

export function summarizeProfile(file: string, top = 15): ProfileSummary {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

  const self = new Map<string, number>();
  const area = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let totalUs = 0;
  profile.samples.forEach((id, index) => {
    const us = profile.timeDeltas[index] ?? 0;
    totalUs += us;
    const node = byId.get(id);
    if (!node) return;
    add(self, label(node), us);
    add(area, areaOf(node), us);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at);
      const name = frame?.callFrame.functionName ?? '';
      if (!WATCHED_FUNCTIONS.includes(name)) continue;
      const key = `${name} (${shortUrl(frame?.callFrame.url ?? '')})`;
      if (!seen.has(key)) add(inclusive, key, us);
      seen.add(key);
    }
  });
  const rows = (map: Map<string, number>, limit: number) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([name, us]) => ({ name, ms: us / 1000, pct: (100 * us) / totalUs }));
  return { totalMs: totalUs / 1000, topSelf: rows(self, top), byArea: rows(area, 12), inclusive: rows(inclusive, 20) };
}

function add(map: Map<string, number>, key: string, us: number): void {
  map.set(key, (map.get(key) ?? 0) + us);
}

function label(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  return `${functionName || '(anonymous)'} ${shortUrl(url)}${url ? `:${lineNumber + 1}` : ''}`;
}

function shortUrl(url: string): string {
  return url
    .replace(/^file:\/\//, '')
    .replace(/^.*\/node_modules\//, '~/')
    .replace(/^.*\/work\/main\//, '');
}

function areaOf(node: ProfileNode): string {
  const { url, functionName } = node.callFrame;
  if (!url) return functionName.startsWith('(') ? functionName : 'V8 builtins / native (JSON, crypto, Buffer…)';
  if (url.startsWith('node:'))
    return `node ${url.startsWith('node:internal/http') || url.includes('_http') ? 'http' : 'core'}`;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
  if (pkg)
    return `npm: ${['express', 'router', 'body-parser', 'raw-body', 'send', 'finalhandler'].includes(pkg) ? 'express stack' : pkg}`;
  const engine = /main\/engine\/([^/.]+)/.exec(url)?.[1];
  if (engine) return `engine/${engine}`;
  return shortUrl(url).split('/').slice(0, 2).join('/');
}
