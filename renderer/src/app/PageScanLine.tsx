import type { PageScanStatus } from '../../../shared/contract/pages.js';
import { hrefs } from '../routing/routes.js';

/** While the partner's sites are read: "Reading your pages: 120 of 800" (the Pages view says the rest). */
export function PageScanLine({ scan }: { scan: PageScanStatus | undefined }) {
  if (!scan?.running) return null;
  const progress =
    scan.total > 0
      ? `Reading your pages: ${scan.done.toLocaleString()} of ${scan.total.toLocaleString()}`
      : 'Reading your pages…';
  return (
    <p className="status-line muted" data-testid="page-scan-line">
      <a href={hrefs.pages}>{progress}</a>
      {scan.errors > 0 ? ` · ${scan.errors.toLocaleString()} could not be read` : ''}
    </p>
  );
}
