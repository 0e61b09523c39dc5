// What a channel is called, how long it gathers alerts into one message, and which alerts it gets: shared by
// "Add a channel" and a channel's Edit. A filter group left empty does not narrow anything.
import { useId, useState } from 'react';
import type { ChannelFilter } from '../../../../../shared/contract/channel.js';
import { RULE_KINDS } from '../../../../../shared/contract/enums.js';
import { RULE_LABELS } from '../../../../../shared/domain/rule-words.js';
import { brandOf, useImpact } from '../../../impact/ImpactContext.js';
import { describeTarget } from '../../../impact/targetText.js';
import { useWatches } from '../../../watch/WatchesContext.js';
import { CheckboxField, SelectField, TextField } from '../fields.js';
import { DIGEST_CHOICES } from './channelServices.js';

export interface ChannelOptions {
  name: string;
  digestSeconds: number;
  filter: ChannelFilter;
}

export function ChannelOptionsFields({
  value,
  onChange,
}: {
  value: ChannelOptions;
  onChange: (value: ChannelOptions) => void;
}) {
  const set = (patch: Partial<ChannelOptions>) => onChange({ ...value, ...patch });
  const filtered = Object.values(value.filter).some((list) => list !== undefined);
  const [narrowed, setNarrowed] = useState(filtered);
  const digestChoices = DIGEST_CHOICES.map((choice) => ({ value: choice.seconds, label: choice.label }));
  if (!digestChoices.some((choice) => choice.value === value.digestSeconds)) {
    digestChoices.push({ value: value.digestSeconds, label: `Gather for ${value.digestSeconds} seconds` });
  }
  return (
    <>
      <TextField label="Name" value={value.name} onChange={(name) => set({ name })} hint="Shown in Shelfwatch only." />
      <SelectField
        label="Messages"
        value={value.digestSeconds}
        options={digestChoices}
        onChange={(digestSeconds) => set({ digestSeconds })}
        hint="Alerts that arrive together go out as one message listing the first ten, so a catalog import is one message, not a thousand."
      />
      <CheckboxField
        label="Every alert a watch raises"
        checked={!narrowed}
        onChange={(every) => {
          setNarrowed(!every);
          if (every) set({ filter: {} });
        }}
      />
      {narrowed ? <FilterFields filter={value.filter} onChange={(filter) => set({ filter })} /> : null}
    </>
  );
}

function FilterFields({ filter, onChange }: { filter: ChannelFilter; onChange: (filter: ChannelFilter) => void }) {
  const { state } = useWatches();
  const impact = useImpact();
  const brands = new Map<string, string>();
  for (const catalog of impact.catalogs) brands.set(catalog.campaignId, brandOf(catalog));
  /** a group's list with `id` in or out; an emptied group is left out of the filter (it narrows nothing) */
  const toggle = (group: keyof ChannelFilter, id: string, on: boolean) => {
    const current = new Set<string>(filter[group] ?? []);
    if (on) current.add(id);
    else current.delete(id);
    const { [group]: _old, ...rest } = filter;
    onChange(current.size > 0 ? { ...rest, [group]: [...current] } : rest);
  };
  const watches = state.data ?? [];
  return (
    <div className="channel-filter">
      <p className="muted">Only alerts that fit every group you tick from (any one ticked in a group).</p>
      <CheckList
        legend="Rules"
        items={RULE_KINDS.map((kind) => ({ id: kind, label: RULE_LABELS[kind] }))}
        chosen={filter.kinds ?? []}
        onToggle={(id, on) => toggle('kinds', id, on)}
      />
      {watches.length > 0 ? (
        <CheckList
          legend="Watches"
          items={watches.map((watch) => ({ id: watch.id, label: describeTarget(watch.target, impact).title }))}
          chosen={filter.watchIds ?? []}
          onToggle={(id, on) => toggle('watchIds', id, on)}
        />
      ) : null}
      {brands.size > 0 ? (
        <CheckList
          legend="Brands"
          items={[...brands].map(([id, label]) => ({ id, label }))}
          chosen={filter.campaignIds ?? []}
          onToggle={(id, on) => toggle('campaignIds', id, on)}
        />
      ) : (
        <BrandIdsField value={filter.campaignIds ?? []} onChange={(ids) => onChange(withList(filter, ids))} />
      )}
    </div>
  );
}

function withList(filter: ChannelFilter, campaignIds: string[]): ChannelFilter {
  const { campaignIds: _old, ...rest } = filter;
  return campaignIds.length > 0 ? { ...rest, campaignIds } : rest;
}

function CheckList(props: {
  legend: string;
  items: { id: string; label: string }[];
  chosen: readonly string[];
  onToggle: (id: string, on: boolean) => void;
}) {
  const id = useId();
  return (
    <fieldset className="check-list" aria-labelledby={id}>
      <legend id={id}>{props.legend}</legend>
      {props.items.map((item) => (
        <CheckboxField
          key={item.id}
          label={item.label}
          checked={props.chosen.includes(item.id)}
          onChange={(on) => props.onToggle(item.id, on)}
        />
      ))}
    </fieldset>
  );
}

/** Without the impact.com catalogs there are no brand names to tick: their campaign ids, typed. */
function BrandIdsField({ value, onChange }: { value: readonly string[]; onChange: (ids: string[]) => void }) {
  const [text, setText] = useState(value.join(', '));
  return (
    <TextField
      label="Brands (campaign ids)"
      value={text}
      onChange={(typed) => {
        setText(typed);
        onChange(typed.split(/[\s,]+/).filter((id) => id !== ''));
      }}
      hint="Connect the impact.com account (above) to pick brands by name."
    />
  );
}
