import type { FeedFilter } from '../../../../shared/contract/enums.js';

const FILTERS: { value: FeedFilter; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'watched', label: 'Watched' },
  { value: 'alerts', label: 'Alerts' },
];

interface FeedToolbarProps {
  filter: FeedFilter;
  onFilter: (filter: FeedFilter) => void;
  search: string;
  onSearch: (text: string) => void;
  unread: number;
  onMarkAllRead: () => void;
}

export function FeedToolbar({ filter, onFilter, search, onSearch, unread, onMarkAllRead }: FeedToolbarProps) {
  return (
    <div className="toolbar">
      <fieldset className="segmented">
        <legend className="visually-hidden">Show</legend>
        {FILTERS.map((option) => (
          <button
            key={option.value}
            type="button"
            className="segment"
            aria-pressed={filter === option.value}
            onClick={() => onFilter(option.value)}
          >
            {option.label}
          </button>
        ))}
      </fieldset>
      <input
        type="search"
        className="search"
        placeholder="Search name, brand or item id"
        aria-label="Search the feed by product name, brand or item id"
        value={search}
        onChange={(event) => onSearch(event.target.value)}
      />
      <button type="button" className="button" onClick={onMarkAllRead} disabled={unread === 0}>
        Mark all read
      </button>
    </div>
  );
}
