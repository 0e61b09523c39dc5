// The browser's way to save an export: the file's text as a Blob, handed to a download link that is clicked once.

import type { UiApi } from '../../../shared/contract/api.js';
import type { CsvExport, ExportRequest, SavedExport } from '../../../shared/contract/export.js';

/** Asks the UI API for the export (the same request the desktop's save dialog makes). */
export function fetchExport(api: UiApi, request: ExportRequest): Promise<CsvExport> {
  return request.kind === 'feed' ? api.exportFeed(request.view ?? {}) : api.exportHistory({ key: request.key });
}

export async function downloadExport(api: UiApi, request: ExportRequest, doc: Document): Promise<SavedExport> {
  const file = await fetchExport(api, request);
  const url = URL.createObjectURL(new Blob([file.csv], { type: 'text/csv;charset=utf-8' }));
  try {
    const link = doc.createElement('a');
    link.href = url;
    link.download = file.filename;
    link.rel = 'noopener';
    doc.body.append(link);
    link.click();
    link.remove();
  } finally {
    // the download has its own copy once started; the next tick is soon enough to let the URL go
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
  return { saved: true, rows: file.rows, truncated: file.truncated };
}
