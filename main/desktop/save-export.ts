// The desktop's way to save an export: main asks the UI API for it (the same methods the browser downloads from),
// then a save dialog for where, then writes the file. The text never crosses to the renderer and back.

import type { UiApi } from '../../shared/contract/api.js';
import { type ExportRequest, exportRequestSchema, type SavedExport } from '../../shared/contract/export.js';
import { parseOrThrow } from '../../shared/contract/issues.js';

export interface SaveExportDeps {
  api: UiApi;
  /** the path the user chose for this suggested file name; null when they closed the dialog */
  choosePath(suggestedName: string): Promise<string | null>;
  writeFile(path: string, text: string): Promise<void>;
}

export async function saveExport(deps: SaveExportDeps, payload: unknown): Promise<SavedExport> {
  const request: ExportRequest = parseOrThrow(exportRequestSchema, payload, 'The export');
  const file =
    request.kind === 'feed' ? await deps.api.exportFeed(request.view ?? {}) : await deps.api.exportHistory(request);
  const path = await deps.choosePath(file.filename);
  if (path === null) return { saved: false, rows: file.rows, truncated: file.truncated };
  await deps.writeFile(path, file.csv);
  return { saved: true, rows: file.rows, truncated: file.truncated };
}
