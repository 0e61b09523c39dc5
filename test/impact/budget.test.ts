// The hourly budget of one endpoint group, without HTTP: the share holds in every 60-minute span, background work
// leaves a reserve, impact.com's own numbers and a clock set back are handled.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { endpointGroupOf, GroupBudget, HOUR_MS } from '../../main/engine/impact/budget.js';

const T0 = Date.parse('2026-06-01T10:00:00Z');

function sendAll(budget: GroupBudget, count: number, at: number): void {
  for (let i = 0; i < count; i++) budget.recordSend(at);
}

describe('hourly budget', () => {
  it('names the endpoint groups as impact.com counts them', () => {
    const group = (path: string) => endpointGroupOf(`/Mediapartners/IRabc${path}`);
    expect(group('/Catalogs/ItemSearch')).toBe('product-search');
    expect(group('/Catalogs/ItemSearch.json')).toBe('product-search');
    expect(group('/Catalogs/24836/Items')).toBe('product-search');
    expect(group('/Catalogs/24836/Items/product_24836_A-1')).toBe('product-search');
    expect(group('/Catalogs/24836')).toBe('other');
    expect(group('/Catalogs')).toBe('other');
  });

  it('allows half the limit an hour, of which background work leaves a tenth', () => {
    const budget = new GroupBudget('other', 0.5);
    expect([budget.allowance(), budget.reserved()]).toEqual([500, 50]);
    sendAll(budget, 450, T0);
    expect(budget.nextSendAt(T0, 'background')).toBe(T0 + HOUR_MS);
    expect(budget.nextSendAt(T0, 'interactive')).toBe(T0);
    sendAll(budget, 50, T0 + 1000);
    expect(budget.nextSendAt(T0 + 1000, 'interactive')).toBe(T0 + HOUR_MS);
  });

  it('learns the limit from headers and waits for the reset impact.com names when nothing is left', () => {
    const budget = new GroupBudget('product-search', 0.5);
    budget.recordHeaders({ limit: 100 }, T0, 0);
    expect(budget.allowance()).toBe(50);
    budget.recordHeaders({ remaining: 0, resetAt: T0 + 600_000 }, T0, 0);
    expect(budget.nextSendAt(T0, 'interactive')).toBe(T0 + 600_000);
    budget.recordHeaders({ remaining: 0, resetAt: T0 + 600_000, retryAt: T0 + 60_000 }, T0, 0);
    expect(budget.nextSendAt(T0, 'interactive')).toBe(T0 + 60_000);
    expect(budget.nextSendAt(T0 + 60_000, 'interactive')).toBe(T0 + 60_000);
  });

  it('counts our unanswered requests against what impact.com says is left', () => {
    const budget = new GroupBudget('other', 1);
    budget.recordHeaders({ remaining: 2, resetAt: T0 + HOUR_MS }, T0, 2);
    expect(budget.remaining(T0)).toBe(0);
    expect(budget.nextSendAt(T0, 'interactive')).toBe(T0 + HOUR_MS);
  });

  it('does not turn a clock set back a day into a day’s wait', () => {
    const budget = new GroupBudget('other', 0.5);
    sendAll(budget, 450, T0);
    budget.blockUntil(T0 + 30 * 60_000);
    const dayBefore = T0 - 24 * HOUR_MS;
    expect(budget.nextSendAt(dayBefore, 'background')).toBeLessThanOrEqual(dayBefore + HOUR_MS + 60_000);
  });

  it('holds the share in every 60-minute span, whatever the arrivals (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 3 * HOUR_MS }), { minLength: 1, maxLength: 200 }),
        fc.constantFrom(0.1, 0.5, 1),
        fc.constantFrom<'interactive' | 'background'>('interactive', 'background'),
        (arrivals, share, priority) => {
          const budget = new GroupBudget('other', share);
          budget.recordHeaders({ limit: 60 }, T0, 0);
          const sent: number[] = [];
          let now = T0;
          for (const arrival of [...arrivals].sort((a, b) => a - b)) {
            now = Math.max(now, T0 + arrival);
            now = budget.nextSendAt(now, priority);
            budget.recordSend(now);
            sent.push(now);
          }
          const allowance = budget.allowance();
          return sent.every((start) => sent.filter((at) => at >= start && at < start + HOUR_MS).length <= allowance);
        },
      ),
      { seed: 12, numRuns: 300 },
    );
  });
});
