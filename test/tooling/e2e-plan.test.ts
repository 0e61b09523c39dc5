// `npm test` on a fresh machine: without Chromium the e2e project is skipped with instructions, except in CI.
import { describe, expect, it } from 'vitest';
import { CHROMIUM_HELP, e2ePlan } from '../../scripts/chromium.js';

describe('the e2e browser plan', () => {
  it('runs with the browser it found', () => {
    expect(e2ePlan('/usr/bin/chromium', {})).toEqual({ run: true, browser: '/usr/bin/chromium' });
  });

  it('skips a local run without a browser, saying how to get one', () => {
    expect(e2ePlan(null, {})).toEqual({ run: false, skipReason: CHROMIUM_HELP });
    expect(CHROMIUM_HELP).toContain('apt-get install chromium');
    expect(CHROMIUM_HELP).toContain('npx playwright-core install chromium');
  });

  it('fails a CI run without a browser', () => {
    expect(e2ePlan(null, { CI: 'true' })).toEqual({ run: false, failure: expect.stringContaining('CI must run') });
  });
});
