import { type FormEvent, useState } from 'react';
import { productKey } from '../../../../shared/domain/watch-target.js';
import { useApiClient } from '../../api/ApiContext.js';
import { messageOf } from '../../api/useLoad.js';
import { useImpact } from '../../impact/ImpactContext.js';
import { productName } from '../../lib/productName.js';
import { useWatches } from '../../watch/WatchesContext.js';

/** Watch an item by id, even before any postback mentioned it (the first one then fires the matching rules). */
export function AddWatchForm() {
  const { create, byKey } = useWatches();
  const { api } = useApiClient();
  const impact = useImpact();
  const [catalogId, setCatalogId] = useState('');
  const [itemId, setItemId] = useState('');
  const [message, setMessage] = useState<{ tone: 'error' | 'ok'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const target = { catalogId: catalogId.trim(), catalogItemId: itemId.trim() };
    if (!/^\d+$/.test(target.catalogId)) return setMessage({ tone: 'error', text: 'The catalog id is a number.' });
    if (!target.catalogItemId) return setMessage({ tone: 'error', text: 'Enter the item id.' });
    if (byKey.has(`${target.catalogId}:${target.catalogItemId}`)) {
      return setMessage({ tone: 'error', text: 'You already watch this item.' });
    }
    setBusy(true);
    create(target).then(
      async () => {
        setItemId('');
        setMessage({ tone: 'ok', text: await watchingText(target) });
        setBusy(false);
      },
      (e: unknown) => {
        setBusy(false);
        setMessage({ tone: 'error', text: messageOf(e) });
      },
    );
  };

  /** "Watching Trail Tent 2P." by its name once anything mentioned it; else the item in its catalog. */
  const watchingText = async (target: { catalogId: string; catalogItemId: string }): Promise<string> => {
    const key = productKey(target.catalogId, target.catalogItemId);
    const known = await api.product({ key }).then(
      (detail) => productName(detail.product),
      () => null,
    );
    if (known) return `Watching ${known}.`;
    const catalog = impact.catalogById.get(target.catalogId);
    const where = catalog ? `${catalog.advertiserName}’s ${catalog.name}` : `catalog ${target.catalogId}`;
    return `Watching item ${target.catalogItemId} of ${where}: its name shows with its first postback or check.`;
  };

  return (
    <form className="add-watch" onSubmit={submit} aria-label="Add a watch">
      <label>
        Catalog id
        <input value={catalogId} onChange={(e) => setCatalogId(e.target.value)} inputMode="numeric" required />
      </label>
      <label>
        Item id
        <input value={itemId} onChange={(e) => setItemId(e.target.value)} required />
      </label>
      <button type="submit" className="button primary" disabled={busy}>
        Watch item
      </button>
      {message ? (
        <p
          className={message.tone === 'error' ? 'field-error' : 'muted'}
          role={message.tone === 'error' ? 'alert' : 'status'}
        >
          {message.text}
        </p>
      ) : null}
    </form>
  );
}
