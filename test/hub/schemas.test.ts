import { describe, expect, it } from 'vitest';
import { API_RESPONSE_SCHEMAS, UI_EVENT_DATA_SCHEMAS } from '../../shared/api-schemas.js';
import { makeEntry, makeQuarantine, makeSettings, makeSetup, makeStatus, makeWatch } from '../renderer/fixtures.js';

describe('schemas of what a hub sends', () => {
  it('accept what the engine answers', () => {
    const entry = makeEntry({ alerts: [{ watchId: 'w1', kind: 'price-below', message: 'Below $30' }] });
    expect(API_RESPONSE_SCHEMAS.status.parse(makeStatus())).toEqual(makeStatus());
    expect(API_RESPONSE_SCHEMAS.setup.parse(makeSetup())).toEqual(makeSetup());
    expect(API_RESPONSE_SCHEMAS.feed.parse({ items: [entry], next: null, total: 1 }).items).toEqual([entry]);
    expect(API_RESPONSE_SCHEMAS.listWatches.parse([makeWatch()])).toEqual([makeWatch()]);
    expect(API_RESPONSE_SCHEMAS.quarantine.parse([makeQuarantine()])).toEqual([makeQuarantine()]);
    expect(API_RESPONSE_SCHEMAS.getSettings.parse(makeSettings())).toEqual(makeSettings());
    expect(
      API_RESPONSE_SCHEMAS.previewMapping.parse({
        fields: { sku: 'X' },
        mappedTo: { sku: 'catalogItemId', other: null },
        result: { kind: 'unusable', reason: 'No catalog id' },
      }),
    ).toMatchObject({ result: { kind: 'unusable' } });
    expect(UI_EVENT_DATA_SCHEMAS.feed.parse({ type: 'feed', entries: [entry] }).entries).toEqual([entry]);
  });

  it('keep fields a newer hub adds, so an older desktop keeps working', () => {
    const status = { ...makeStatus(), remote: { url: 'https://hub.example.net:8789', fingerprint: 'ab' } };
    expect(API_RESPONSE_SCHEMAS.status.parse(status)).toEqual(status);
  });

  it('refuse what would break the UI: wrong types, missing fields, unknown enum values', () => {
    expect(API_RESPONSE_SCHEMAS.status.safeParse({ ...makeStatus(), unread: '3' }).success).toBe(false);
    expect(API_RESPONSE_SCHEMAS.listWatches.safeParse([{ id: 'w1' }]).success).toBe(false);
    const entry = makeEntry();
    const badStock = { ...entry, product: { ...entry.product, stockAvailability: 'Maybe' } };
    expect(UI_EVENT_DATA_SCHEMAS.feed.safeParse({ entries: [badStock] }).success).toBe(false);
    expect(API_RESPONSE_SCHEMAS.deleteWatch.safeParse(null).success).toBe(false);
  });
});
