// Turns the hub's stream messages into events for the listeners, each feed batch exactly once and in order, and
// keeps the resume point (the last event id) in the store after handing each one on.
import type { EventSourceMessage } from 'eventsource-parser';
import { alertOf, type EventMeta, type FollowerEvent, parseEventData, seqOf } from './stream-messages.js';

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
  /** the last seq handed on: a repeat is skipped */
  private lastSeq: number | null = null;

  constructor(private readonly options: EventSequencerOptions) {}

  /** At each (re)connect: the id to send as Last-Event-ID. */
  resumeFrom(): string | null {
    const stored = this.options.store.load();
    this.lastSeq = seqOf(stored);
    return stored;
  }

  /** Returns 'live' when the hub says the backlog is delivered. */
  handle(message: EventSourceMessage, meta: EventMeta): 'live' | null {
    const seq = seqOf(message.id);
    switch (message.event) {
      case 'live':
        if (seq !== null) {
          this.noticeRewind(seq, meta);
          this.remember(seq);
        }
        return 'live';
      case 'reset':
        this.options.deliver({ type: 'reset' }, meta);
        if (seq === null) {
          this.lastSeq = null;
          this.options.store.clear();
        } else this.remember(seq);
        return null;
      case 'feed':
        this.onFeed(message, seq, meta);
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

  private onFeed(message: EventSourceMessage, seq: number | null, meta: EventMeta): void {
    if (seq !== null && seq === this.lastSeq) return; // already handed on (a repeat at the resume point)
    if (seq !== null) this.noticeRewind(seq, meta);
    const parsed = parseEventData('feed', message.data);
    if (parsed.event?.type === 'feed') {
      this.options.deliver(parsed.event, meta);
      const alert = alertOf(parsed.event);
      if (alert) this.options.deliver(alert, meta);
    } else this.options.log(`Skipped feed event ${message.id ?? '(no id)'} from the hub: ${parsed.problem}`);
    if (seq !== null) this.remember(seq);
  }

  /** An older seq than we had: the hub's journal is not the one we followed (restored from a backup). */
  private noticeRewind(seq: number, meta: EventMeta): void {
    if (this.lastSeq === null || seq >= this.lastSeq) return;
    this.options.log(`The hub went back from event ${this.lastSeq} to ${seq}: reloading.`);
    this.lastSeq = null;
    this.options.deliver({ type: 'reset' }, meta);
  }

  private remember(seq: number): void {
    this.lastSeq = seq;
    this.options.store.save(String(seq));
  }
}
