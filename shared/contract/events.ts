// Live events: SSE event names in the server face, one IPC channel in the desktop face. The browser
// (renderer/src/api/eventStream.ts) and the desktop's hub follower (main/follower/stream-messages.ts) read each SSE
// message with parseUiEvent: one schema for both, and a malformed event is dropped, not shown.
import { z } from 'zod';
import { feedEntrySchema } from './feed.js';
import { firstIssueText } from './issues.js';
import { statusSchema } from './status.js';

export const uiEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('feed'), entries: z.array(feedEntrySchema) }),
  z.object({ type: z.literal('alert'), entries: z.array(feedEntrySchema) }),
  z.object({ type: z.literal('status'), status: statusSchema }),
  /** what the client missed is gone (a hub's retention): reload every view from the API */
  z.object({ type: z.literal('reset') }),
]);

export const UI_EVENT_TYPES = ['feed', 'alert', 'status', 'reset'] as const satisfies readonly z.infer<
  typeof uiEventSchema
>['type'][];

export type UiEvent = z.infer<typeof uiEventSchema>;

export type UiEventType = UiEvent['type'];

/** The event an SSE message of that name carries (its data, whatever `type` it claims), or what is wrong with it. */
export function parseUiEvent(
  name: UiEventType,
  data: unknown,
): { event: UiEvent; problem?: undefined } | { event: null; problem: string } {
  const fields = typeof data === 'object' && data !== null && !Array.isArray(data) ? data : {};
  const parsed = uiEventSchema.safeParse({ ...fields, type: name });
  return parsed.success
    ? { event: parsed.data }
    : { event: null, problem: firstIssueText(parsed.error.issues, 'data') };
}
