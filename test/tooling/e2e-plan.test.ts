// `npm test` on a fresh machine: without Chromium the e2e project is skipped with instructions, except in CI; the same
// for the colour emoji font the UI test checks.
import { describe, expect, it } from 'vitest';
import { CHROMIUM_HELP, e2ePlan } from '../../scripts/chromium.js';
import { EMOJI_FONT_HELP, emojiVerdict } from '../e2e/glyphs.js';

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

describe('the colour emoji check', () => {
  it('passes when the browser drew the emoji in colour, CI or not', () => {
    expect(emojiVerdict(true, {})).toBe('drawn');
    expect(emojiVerdict(true, { CI: 'true' })).toBe('drawn');
  });

  it('skips a local run without the font, saying how to get it', () => {
    expect(emojiVerdict(false, {})).toEqual({ skipReason: EMOJI_FONT_HELP });
    expect(EMOJI_FONT_HELP).toContain('apt-get install fonts-noto-color-emoji');
  });

  it('fails a CI run without the font', () => {
    expect(emojiVerdict(false, { CI: 'true' })).toEqual({ failure: expect.stringContaining('CI must draw emoji') });
  });
});
