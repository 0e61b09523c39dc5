// One short log line per postback, so `tail -f` shows the receiver at work: the method, the item, what changed.
// Never the URL (it holds the secret); payload text is flattened to one line so a value cannot forge log lines.

import { plainText } from '../../shared/domain/alert-policy-text.js';
import { describeEntry } from '../../shared/domain/describe.js';
import type { PostbackOutcome } from '../engine/index.js';

const MAX_LINE = 240;

/** "postback POST 24836:ACME-TB-12: $39.99 → $34.99 (−12.5%)" */
export function postbackLine(outcome: PostbackOutcome): string {
  const item = outcome.key ? ` ${outcome.key}` : '';
  const unreadable = outcome.kind !== 'quarantined' && outcome.reason ? ` · needs attention: ${outcome.reason}` : '';
  return plainText(`postback ${outcome.method}${item}: ${whatHappened(outcome)}${unreadable}`, MAX_LINE);
}

function whatHappened(outcome: PostbackOutcome): string {
  switch (outcome.kind) {
    case 'change':
      return outcome.entry ? describeEntry(outcome.entry) : 'changed';
    case 'repeat':
      return 'no change (a repeat)';
    case 'test':
      return 'test postback';
    case 'quarantined':
      return `needs attention (Setup): ${outcome.reason ?? 'could not be read'}`;
  }
}
