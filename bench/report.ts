// The table on stdout and the same figures as JSON.
import fs from 'node:fs';
import path from 'node:path';
import type { BenchFigures } from './figures.js';
import type { ProfileSummary } from './measure/cpu-profile.js';
import type { LoadFigures } from './measure/load.js';
import { formatPageScan } from './pages/run-pages.js';

const MB = 2 ** 20;
const count = (value: number) => value.toLocaleString('en-US');
const num = (value: number | null | undefined, digits = 0) =>
  value === null || value === undefined || Number.isNaN(value) ? 'n/a' : value.toFixed(digits);

export function writeJson(file: string, figures: BenchFigures): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(figures, null, 2)}\n`);
}

export function formatTable(f: BenchFigures): string {
  const lines: string[] = [];
  const m = f.machine;
  lines.push(
    `Shelfwatch bench — ${m.cpu}, ${m.cores} cores, ${m.totalMemoryMb} MB, Node ${m.node}, load ${m.loadAverage}, commit ${m.commit}${m.uncommittedEngineChanges ? ' + uncommitted engine changes' : ''}`,
  );
  const seed = f.seed;
  lines.push(
    `Large store: ${count(seed.products)} products, ${count(seed.historyPoints)} history points, ` +
      `${count(seed.feedEntries)} feed entries (${count(seed.alerts)} with alerts), ${seed.watches} watches, ` +
      `store.db ${num(seed.dbBytes / MB)} MB, journal ${num(seed.journalBytes / MB)} MB ` +
      `(${seed.unappliedRecords} records unapplied); seeded in ${num(seed.buildMs / 1000)} s; ` +
      `naive store ${num(f.naiveSeed.bytes / MB)} MB; ${f.options.connections} connections, ${f.options.durationS} s per run; ` +
      `whole run ${num(f.durationMs / 60_000, 1)} min`,
  );
  lines.push('');
  lines.push(row(['receiver', 'store', 'req/s', 'p50 ms', 'p99 ms', 'acked', 'non-2xx', 'errors']));
  lines.push(row(Array(8).fill('---')));
  for (const size of ['empty', 'large'] as const) {
    const r = f.receiver[size];
    for (const [name, figures] of [
      ['A no-op', r.A],
      ['B naive lowdb', r.B],
      ['C Shelfwatch', r.C],
    ] as [string, LoadFigures | null][]) {
      if (!figures) {
        lines.push(row([name, size, `could not load: ${r.bUnavailable ?? 'unknown'}`, '', '', '', '', '']));
        continue;
      }
      lines.push(
        row([
          name,
          size,
          num(figures.reqPerSec),
          num(figures.p50Ms),
          num(figures.p99Ms),
          String(figures.acknowledged),
          String(figures.non2xx),
          String(figures.errors + figures.timeouts),
        ]),
      );
    }
    lines.push(row(['C/A', size, num(r.cOverA, 2), '', `p99 C/A ${num(r.p99COverA, 2)}`, '', '', '']));
    const fromProbe = r.cOverBFromSequential ? ' (B acked nothing in its run: vs its sequential best case)' : '';
    lines.push(
      row([
        'C/B',
        size,
        num(r.cOverB, 1),
        '',
        r.bSequential ? `B one-at-a-time p50 ${num(r.bSequential.p50Ms)} ms${fromProbe}` : 'B could not load',
        '',
        '',
        '',
      ]),
    );
  }
  lines.push('');
  for (const size of ['empty', 'large'] as const) {
    const b = f.burst[size];
    lines.push(
      `Burst of ${b.postbacks} (${size} store): acks ${num(b.ackMs)} ms (${num(b.ackReqPerSec)} req/s, p99 ` +
        `${num(b.p99Ms)} ms), feed reflects all at ${num(b.feedMs)} ms → T_feed/T_ack ${num(b.feedToAckRatio, 2)}; ` +
        `longest event-loop stall until its checkpoint ${num(b.longestStallMs)} ms; RSS then ${num(b.rssAfterMb)} MB`,
    );
  }
  const s = f.startup;
  lines.push(
    `Start-up (large store): spawn→ready ${num(s.spawnToReadyMs)} ms median of ` +
      `${s.spawnToReadyRunsMs.map((ms) => num(ms)).join(', ')} (in process ${num(s.inProcessReadyMs)} ms, ` +
      `startServer ${num(s.openMs)} ms); RSS ${num(s.rssMb)} MB at ready, ${num(s.rssAfterBurstMb)} MB after the ` +
      `burst, ${num(s.rssAfterLoadMb)} MB after the receiver runs`,
  );
  lines.push(`Feed page, 50 entries, ${f.feedPage.requestsPerCase} sequential requests per case (large store):`);
  for (const c of f.feedPage.cases) {
    const what = `filter=${c.filter}${c.q ? ` q=${c.q}` : ''}`;
    lines.push(
      `  ${what.padEnd(36)} p50 ${num(c.p50Ms, 1).padStart(6)} ms  p99 ${num(c.p99Ms, 1).padStart(6)} ms  ` +
        `(${c.items} items${c.hasNext ? ', more' : ''})`,
    );
  }
  const pp = f.productPage;
  lines.push(
    `Product page (state + ${pp.minHistory} history points), ${pp.requests} random products: ` +
      `p50 ${num(pp.p50Ms, 1)} ms, p99 ${num(pp.p99Ms, 1)} ms`,
  );
  const r = f.firstRender;
  lines.push(
    r.missingReason
      ? `Feed view first render: missing — ${r.missingReason}`
      : `Feed view first render (Chromium, ${r.selector}): cold ${num(r.coldMs)} ms, warm ${num(r.warmMs)} ms`,
  );
  const fan = f.fanout;
  if (fan) {
    lines.push(
      `Hub fan-out: ${fan.followers} followers over TLS, ${fan.ratePerSecond} postbacks/s for ${fan.durationS} s ` +
        `(${count(fan.postbacks)} acknowledged): 200 → every follower has it p50 ${num(fan.delayP50Ms)} ms, ` +
        `p99 ${num(fan.delayP99Ms)} ms, max ${num(fan.delayMaxMs)} ms; ${fan.missing} missing; hub RSS ` +
        `${num(fan.hubRssPerFollowerKb)} KB per follower`,
    );
  }
  const ch = f.channels;
  if (ch) {
    lines.push(
      `Alert channels (a webhook channel, every postback an alert, one message each): ${ch.ratePerSecond} postbacks/s ` +
        `→ 200 to the webhook's receipt p50 ${num(ch.latencyP50Ms, 1)} ms, p99 ${num(ch.latencyP99Ms, 1)} ms, max ` +
        `${num(ch.latencyMaxMs)} ms; a burst of ${count(ch.burst)}: ${num(ch.alertsPerSecond)} alerts/s delivered; ` +
        `${ch.missing} missing, ${ch.repeats} repeats; receiver C/A ${num(ch.off.cOverA, 2)} without channels, ` +
        `${num(ch.on.cOverA, 2)} with a channel (60 s digest; on/off ${num(ch.onOverOff, 2)}), ` +
        `${num(ch.onEach.cOverA, 2)} with one message per alert (on/off ${num(ch.onEachOverOff, 2)}, ` +
        `${count(ch.alertsOn)} alerts sent)`,
    );
  }
  if (f.pages) lines.push(formatPageScan(f.pages));
  if (f.profile) {
    lines.push('');
    lines.push(formatProfile('C under --cpu-prof, burst at an empty store', f.profile.empty));
    lines.push(formatProfile('C under --cpu-prof, burst at the large store', f.profile.large));
    lines.push(formatProfile('C under --cpu-prof, start-up at the large store', f.profile.startup));
  }
  lines.push('');
  lines.push(row(['target', 'value', 'limit', 'result']));
  lines.push(row(Array(4).fill('---')));
  for (const t of f.targets) {
    const result = t.pass === null ? (t.note ?? 'MISSING') : t.pass ? 'pass' : 'FAIL';
    lines.push(row([t.target, num(t.value, 2), t.limit, result]));
  }
  return lines.join('\n');
}

function formatProfile(title: string, p: ProfileSummary): string {
  const part = (rows: { name: string; ms: number; pct: number }[]) =>
    rows.map((r) => `    ${num(r.pct, 1).padStart(5)}%  ${num(r.ms).padStart(6)} ms  ${r.name}`).join('\n');
  return [
    `${title} (${num(p.totalMs)} ms sampled)`,
    '  by area (self time):',
    part(p.byArea),
    '  top functions (self time):',
    part(p.topSelf),
    '  inclusive time of ack-path functions:',
    part(p.inclusive),
  ].join('\n');
}

function row(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}
