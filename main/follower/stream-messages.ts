// What the hub's event stream says, and what the follower hands on. The protocol (issue 11):
//   event: feed | alert   id: <point> data: UiEvent JSON     a batch of feed entries; alert = its alerting subset
//                                                           (<point>: "<seq>" or "<seq>.<n>", shared/domain/stream-point.ts)
//   event: status                    data: UiEvent JSON     the hub's status
//   event: reset   id: <head seq>?   data: {}               what we asked to resume from is no longer kept
//   event: live    id: <head seq>    data: {}               the backlog is delivered; from here on events are live
//   ": hb" comments every 15 s.
// `live` and `reset` carry `data: {}` because an SSE message without data is never dispatched (EventSource and
// eventsource-parser both drop it).
import { parseUiEvent, type UiEvent } from '../../shared/contract/events.js';

/** A UiEvent, or `{ type: 'reset' }`: the hub no longer has what was missed; reload every view from the API. */
export type FollowerEvent = UiEvent | { type: 'reset' };

export interface EventMeta {
  /** delivered while catching up on what happened while this device was away (before the hub's `live`) */
  catchUp: boolean;
}

export type FollowerListener = (event: FollowerEvent, meta: EventMeta) => void;

/** Parses the data of a feed or status message; null (and the reason) when it is not what this app expects. */
export function parseEventData(
  name: 'feed' | 'status',
  data: string,
): { event: UiEvent; problem?: undefined } | { event: null; problem: string } {
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return { event: null, problem: 'not JSON' };
  }
  return parseUiEvent(name, json);
}

/**
 * The alert event of a feed batch, derived here rather than taken from the hub's `alert` message: both carry the
 * same id, so a connection lost between the two would otherwise lose the alert (resuming after that id) or repeat
 * the feed. The engine builds it the same way (entries with alerts).
 */
export function alertOf(feed: Extract<UiEvent, { type: 'feed' }>): UiEvent | null {
  const entries = feed.entries.filter((entry) => entry.alerts.length > 0);
  return entries.length > 0 ? { type: 'alert', entries } : null;
}
