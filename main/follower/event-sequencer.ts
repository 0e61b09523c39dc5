// Turns the hub's stream messages into events for the listeners, each feed batch exactly once and in order, and
// keeps the resume point (the last event id, see shared/domain/stream-point.ts) in the store after handing each one on.
import type { EventSourceMessage } from 'eventsource-parser';
import { comparePoints, type StreamPoint, streamIdOf, streamPointOf } from '../../shared/domain/stream-point.js';
import { alertOf, type EventMeta, type FollowerEvent, parseEventData } from './stream-messages.js';

/** Where the stream resumes from; kept across restarts of the app. */
export interface LastEventIdStore {
  load(): string | null;
  save(id: string): void;
  /** a `reset` without an id: resume from "now" */
  clear(): void;
}

export interface EventSequencerOptions {
  store: LastEventIdStore;
  deliver: (event: FollowerEvent, meta: EventMeta) => void;
  log: (message: string) => void;
}

export class EventSequencer {
  /** how far the feed was handed on: a repeat is skipped */
  private last: StreamPoint | null = null;

  constructor(private readonly options: EventSequencerOptions) {}

  /** At each (re)connect: the id to send as Last-Event-ID. */
  resumeFrom(): string | null {
    const stored = this.options.store.load();
    this.last = streamPointOf(stored);
    return stored;
  }

  /** Returns 'live' when the hub says the backlog is delivered. */
  handle(message: EventSourceMessage, meta: EventMeta): 'live' | null {
    const point = streamPointOf(message.id);
    switch (message.event) {
      case 'live':
        if (point !== null) {
          this.noticeRewind(point, meta);
          this.remember(point);
        }
        return 'live';
      case 'reset':
        this.options.deliver({ type: 'reset' }, meta);
        if (point === null) {
          this.last = null;
          this.options.store.clear();
        } else this.remember(point);
        return null;
      case 'feed':
        this.onFeed(message, point, meta);
        return null;
      case 'status': {
        const parsed = parseEventData('status', message.data);
        if (parsed.event) this.options.deliver(parsed.event, meta);
        else this.options.log(`Skipped a status event from the hub: ${parsed.problem}`);
        return null;
      }
      default:
        // `alert` is derived from its feed event (see alertOf); names this version does not know are for newer ones
        return null;
    }
  }

  private onFeed(message: EventSourceMessage, point: StreamPoint | null, meta: EventMeta): void {
    // already handed on (a repeat at the resume point)
    if (point !== null && this.last !== null && comparePoints(point, this.last) === 0) return;
    if (point !== null) this.noticeRewind(point, meta);
    const parsed = parseEventData('feed', message.data);
    if (parsed.event?.type === 'feed') {
      this.options.deliver(parsed.event, meta);
      const alert = alertOf(parsed.event);
      if (alert) this.options.deliver(alert, meta);
    } else this.options.log(`Skipped feed event ${message.id ?? '(no id)'} from the hub: ${parsed.problem}`);
    if (point !== null) this.remember(point);
  }

  /** An earlier point than we had: the hub's journal is not the one we followed (restored from a backup). */
  private noticeRewind(point: StreamPoint, meta: EventMeta): void {
    if (this.last === null || comparePoints(point, this.last) >= 0) return;
    this.options.log(`The hub went back from event ${streamIdOf(this.last)} to ${streamIdOf(point)}: reloading.`);
    this.last = null;
    this.options.deliver({ type: 'reset' }, meta);
  }

  private remember(point: StreamPoint): void {
    this.last = point;
    this.options.store.save(streamIdOf(point));
  }
}
