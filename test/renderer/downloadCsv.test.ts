// The browser saves an export as a download: the API's CSV as a Blob, under the name the engine suggested.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { downloadExport } from '../../renderer/src/api/downloadCsv.js';
import { createFakeClient } from './fakeApi.js';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('downloadExport', () => {
  it('downloads the feed export under its file name, and lets the object URL go', async () => {
    const client = createFakeClient();
    const blobs: Blob[] = [];
    const create = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:shelfwatch/1';
    });
    const revoke = vi.fn();
    Object.assign(URL, { createObjectURL: create, revokeObjectURL: revoke });
    const clicked: { href: string; download: string }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download });
    });

    const saved = await downloadExport(client.api, { kind: 'feed', view: { filter: 'all' } }, document);
    expect(saved).toEqual({ saved: true, rows: 5, truncated: false });
    expect(clicked).toEqual([{ href: 'blob:shelfwatch/1', download: 'shelfwatch-feed.csv' }]);
    expect(blobs[0]?.type).toBe('text/csv;charset=utf-8');
    expect((await blobs[0]?.text())?.split('\r\n')[0]).toBe('Time,Item id');
    expect(document.querySelectorAll('a[download]')).toHaveLength(0);
    await vi.waitFor(() => expect(revoke).toHaveBeenCalledWith('blob:shelfwatch/1'));
  });
});
