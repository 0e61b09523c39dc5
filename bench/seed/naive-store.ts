// B's large store: the same seed postbacks recorded the naive way, written as lowdb's JSONFile writes it.
import fs from 'node:fs';
import { emptyNaiveData, recordNaively } from '../servers/naive-data.js';
import { seedRecords } from './records.js';

export function writeNaiveSeed(file: string, products: number): void {
  const data = emptyNaiveData();
  for (const record of seedRecords(products)) {
    if (record.type !== 'postback') continue;
    recordNaively(data, JSON.parse(record.raw.body) as Record<string, string>, new Date(record.at).toISOString());
  }
  // lowdb's JSONFile writes with two-space indentation.
  fs.writeFileSync(file, JSON.stringify(data, null, 2));
}
