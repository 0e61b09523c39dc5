import { describe, expect, it } from 'vitest';
import { parseUiEvent } from '../../shared/contract/events.js';
import { API_METHOD_SCHEMAS } from '../../shared/contract/methods.js';
import { makeEntry, makeQuarantine, makeSettings, makeSetup, makeStatus, makeWatch } from '../fakes/ui-data.js';

describe('schemas of what a hub sends', () => {
  it('accept what the engine answers', () => {
    const entry = makeEntry({ alerts: [{ watchId: 'w1', kind: 'price-below', message: 'Below $30' }] });
    expect(API_METHOD_SCHEMAS.status.res.parse(makeStatus())).toEqual(makeStatus());
    expect(API_METHOD_SCHEMAS.setup.res.parse(makeSetup())).toEqual(makeSetup());
    expect(API_METHOD_SCHEMAS.feed.res.parse({ items: [entry], next: null, total: 1 }).items).toEqual([entry]);
    expect(API_METHOD_SCHEMAS.listWatches.res.parse([makeWatch()])).toEqual([makeWatch()]);
    expect(API_METHOD_SCHEMAS.quarantine.res.parse([makeQuarantine()])).toEqual([makeQuarantine()]);
    expect(API_METHOD_SCHEMAS.getSettings.res.parse(makeSettings())).toEqual(makeSettings());
    expect(
      API_METHOD_SCHEMAS.previewMapping.res.parse({
        fields: { sku: 'X' },
        mappedTo: { sku: 'catalogItemId', other: null },
        result: { kind: 'unusable', reason: 'No catalog id' },
      }),
    ).toMatchObject({ result: { kind: 'unusable' } });
    expect(parseUiEvent('feed', { type: 'feed', entries: [entry] }).event).toEqual({ type: 'feed', entries: [entry] });
  });

  it('keep fields a newer hub adds, so an older desktop keeps working', () => {
    const status = { ...makeStatus(), remote: { url: 'https://hub.example.net:8789', fingerprint: 'ab' } };
    expect(API_METHOD_SCHEMAS.status.res.parse(status)).toEqual(status);
  });

  it('refuse what would break the UI: wrong types, missing fields, unknown enum values', () => {
    expect(API_METHOD_SCHEMAS.status.res.safeParse({ ...makeStatus(), unread: '3' }).success).toBe(false);
    expect(API_METHOD_SCHEMAS.listWatches.res.safeParse([{ id: 'w1' }]).success).toBe(false);
    const entry = makeEntry();
    const badStock = { ...entry, product: { ...entry.product, stockAvailability: 'Maybe' } };
    expect(parseUiEvent('feed', { entries: [badStock] }).event).toBeNull();
    expect(API_METHOD_SCHEMAS.deleteWatch.res.safeParse(null).success).toBe(false);
  });
});
