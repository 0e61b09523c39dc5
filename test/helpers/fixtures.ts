import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface PostbackFixture {
  name: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
  expect: Record<string, unknown> & {
    key?: string;
    changes?: string[];
    status?: number;
    test?: boolean;
    repeat?: boolean;
    isNew?: boolean;
    alerts?: string[];
  };
}

/** The example postbacks (test/fixtures/README.md says what they tell). */
export const FIXTURES_FILE = fileURLToPath(new URL('../fixtures/postbacks.jsonl', import.meta.url));

/** The watch the `flip-*` fixtures' `alerts` assume. */
export const FLIP_WATCH = {
  target: { catalogId: '24836', catalogItemId: 'ACME-LAMP-3' },
  rules: [{ kind: 'price-change' }, { kind: 'back-in-stock' }, { kind: 'out-of-stock' }],
} as const;

export function loadFixtures(): PostbackFixture[] {
  return fs
    .readFileSync(FIXTURES_FILE, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as PostbackFixture);
}
