import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface PostbackFixture {
  name: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
  expect: Record<string, unknown> & { key?: string; changes?: string[]; status?: number; test?: boolean };
}

/** The team's example postbacks: ../shared/fixtures beside the project's root. */
export const FIXTURES_FILE = fileURLToPath(new URL('../../../shared/fixtures/postbacks.jsonl', import.meta.url));

export function loadFixtures(): PostbackFixture[] {
  return fs
    .readFileSync(FIXTURES_FILE, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as PostbackFixture);
}
