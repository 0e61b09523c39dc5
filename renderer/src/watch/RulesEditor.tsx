import { useEffect, useId, useState } from 'react';
import type { RuleKind } from '../../../shared/contract/enums.js';
import type { WatchRule } from '../../../shared/contract/watch.js';
import { ALL_RULE_KINDS, needsValue, RULE_LABELS } from './defaultRules.js';
import { draftProblems, fromDrafts, type RuleDraft, sameRules, toDrafts } from './ruleDraft.js';

interface RulesEditorProps {
  rules: WatchRule[];
  onSave: (rules: WatchRule[]) => Promise<unknown>;
  /** names the watch in control labels, e.g. the product name */
  subject: string;
}

/** Edits a watch's rules in place; nothing is sent until Save, and Save is only offered for a valid change. */
export function RulesEditor({ rules, onSave, subject }: RulesEditorProps) {
  const [drafts, setDrafts] = useState(() => toDrafts(rules));
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const savedKey = JSON.stringify(rules);
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the saved rules really change
  useEffect(() => setDrafts(toDrafts(rules)), [savedKey]);

  const problems = draftProblems(drafts);
  const valid = problems.every((problem) => problem === null) && drafts.length > 0;
  const changed = !sameRules(fromDrafts(drafts), rules);
  const update = (index: number, patch: Partial<RuleDraft>) =>
    setDrafts((current) => current.map((draft, i) => (i === index ? { ...draft, ...patch } : draft)));
  const add = () => {
    const unused = ALL_RULE_KINDS.find((kind) => !drafts.some((draft) => draft.kind === kind)) ?? 'price-below';
    setDrafts((current) => [...current, { kind: unused, value: '' }]);
  };
  const save = () => {
    setSaving(true);
    setError(null);
    onSave(fromDrafts(drafts)).then(
      () => setSaving(false),
      (e: unknown) => {
        setSaving(false);
        setError(e instanceof Error ? e.message : String(e));
      },
    );
  };

  return (
    <fieldset className="rules-editor" aria-label={`Rules for ${subject}`}>
      <legend>Alert me when</legend>
      {drafts.length === 0 ? <p className="muted">No rules: add one, or this watch never alerts.</p> : null}
      <ul className="rule-list">
        {drafts.map((draft, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited positionally
          <li key={index} className="rule-row">
            <select
              aria-label={`Rule ${index + 1}`}
              value={draft.kind}
              onChange={(event) => update(index, { kind: event.target.value as RuleKind })}
            >
              {ALL_RULE_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {RULE_LABELS[kind]}
                </option>
              ))}
            </select>
            {needsValue(draft.kind) ? (
              <input
                type="number"
                inputMode="decimal"
                step="any"
                min="0"
                className="rule-value"
                aria-label={`Rule ${index + 1} value`}
                aria-invalid={problems[index] ? true : undefined}
                aria-describedby={problems[index] ? `${id}-problem-${index}` : undefined}
                value={draft.value}
                onChange={(event) => update(index, { value: event.target.value })}
              />
            ) : null}
            {problems[index] ? (
              <span className="field-error" id={`${id}-problem-${index}`}>
                {problems[index]}
              </span>
            ) : null}
            <button
              type="button"
              className="button small"
              aria-label={`Remove rule ${index + 1}: ${RULE_LABELS[draft.kind]}`}
              onClick={() => setDrafts((current) => current.filter((_, i) => i !== index))}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
      <div className="row">
        <button type="button" className="button" onClick={add}>
          Add rule
        </button>
        <button type="button" className="button primary" onClick={save} disabled={!valid || !changed || saving}>
          {saving ? 'Saving…' : 'Save rules'}
        </button>
        {error ? (
          <span className="field-error" role="alert">
            {error}
          </span>
        ) : null}
      </div>
    </fieldset>
  );
}
