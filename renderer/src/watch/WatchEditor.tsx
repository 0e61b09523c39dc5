import type { Watch } from '../../../shared/contract/watch.js';
import { RulesEditor } from './RulesEditor.js';
import { WatchActions } from './WatchActions.js';
import { useWatches } from './WatchesContext.js';

/** A watch's rules plus mute and delete, as the product page shows them. */
export function WatchEditor({ watch, subject }: { watch: Watch; subject: string }) {
  const { update } = useWatches();
  return (
    <div className="watch-editor">
      {watch.muted ? <p className="badge muted-badge">Muted: changes are recorded, no alerts are raised</p> : null}
      <RulesEditor rules={watch.rules} subject={subject} onSave={(rules) => update(watch.id, { rules })} />
      <WatchActions watch={watch} subject={subject} />
    </div>
  );
}
