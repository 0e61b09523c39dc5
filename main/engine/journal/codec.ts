// One record a line: "<crc32 as 8 hex digits> <json>\n". The checksum tells a torn or damaged line from a good one.
import { crc32 } from 'node:zlib';
import type { JournalRecord, StoredRecord } from './record.js';

export function encodeRecord(record: JournalRecord): string {
  const json = JSON.stringify(record);
  return `${checksum(json)} ${json}\n`;
}

/**
 * Returns the record's envelope (sequence number, time, the rest unchecked), or null when the line is damaged (bad
 * checksum, bad JSON, no envelope). Whether the rest fits today's schema is parseJournalRecord's to say.
 */
export function decodeRecord(line: string): StoredRecord | null {
  if (line.length < 10 || line[8] !== ' ') return null;
  const json = line.slice(9);
  if (checksum(json) !== line.slice(0, 8)) return null;
  try {
    const record = JSON.parse(json) as Partial<StoredRecord> | null;
    const isObject = typeof record === 'object' && record !== null && !Array.isArray(record);
    return isObject && Number.isSafeInteger(record.seq) && typeof record.at === 'number'
      ? (record as StoredRecord)
      : null;
  } catch {
    return null;
  }
}

function checksum(text: string): string {
  return crc32(Buffer.from(text, 'utf8')).toString(16).padStart(8, '0');
}
