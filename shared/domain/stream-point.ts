// How far an event-stream client has the feed: the SSE `id:` of feed and alert messages, which the client sends back
// as Last-Event-ID (or ?after=) to resume.
//   "<seq>"      every entry of the journal records up to seq: the form every version sends and understands
//   "<seq>.<n>"  up to the entry at index n of record seq: a message that ends partway through a record, because
//                one record (re-processing the quarantine, a catalog check) made more entries than a message carries
// A follower of an older version reads only "<seq>": it hands a "<seq>.<n>" batch on but does not remember its id,
// so it resumes from the last whole record and may see part of that record again, but never misses an entry.
// Note a feed entry's own id uses the same digits with another meaning: entry "7" is the first entry of record 7.

export interface StreamPoint {
  seq: number;
  /** the index of the last entry had within record `seq`; Infinity: all of it */
  index: number;
}

const STREAM_ID = /^(\d{1,15})(?:\.(\d{1,4}))?$/;

/** The point a stream id names; null when it is not a stream id. */
export function streamPointOf(id: string | null | undefined): StreamPoint | null {
  const match = id ? STREAM_ID.exec(id) : null;
  if (!match) return null;
  return { seq: Number(match[1]), index: match[2] === undefined ? Number.POSITIVE_INFINITY : Number(match[2]) };
}

export function streamIdOf(point: StreamPoint): string {
  return point.index === Number.POSITIVE_INFINITY ? String(point.seq) : `${point.seq}.${point.index}`;
}

/** Every entry of records up to `seq`. */
export function throughRecord(seq: number): StreamPoint {
  return { seq, index: Number.POSITIVE_INFINITY };
}

/** The point of a feed entry itself (its id "<seq>" or "<seq>.<n>", where a bare seq is index 0). */
export function pointOfEntry(entry: { id: string; seq: number }): StreamPoint {
  const dot = entry.id.indexOf('.');
  return { seq: entry.seq, index: dot < 0 ? 0 : Number(entry.id.slice(dot + 1)) };
}

/** Negative when a is before b, 0 when equal, positive when after. */
export function comparePoints(a: StreamPoint, b: StreamPoint): number {
  if (a.seq !== b.seq) return a.seq - b.seq;
  if (a.index === b.index) return 0;
  return a.index < b.index ? -1 : 1;
}
