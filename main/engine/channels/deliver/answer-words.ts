// A service's HTTP answer → delivered, retry (when and why) or failed, in plain words. Each service says why in its
// own place: Slack in plain text ("no_service"), Discord in `message`, Telegram in `description`, ntfy in `error`.
import type { HttpAnswer } from './http-post.js';
import { type DeliveryOutcome, delivered, failed } from './outcome.js';

const MAX_DETAIL = 200;

/** Statuses worth another try: the service is busy or briefly unwell; anything else 4xx will be refused again. */
function isTransient(status: number): boolean {
  return status === 408 || status === 425 || status === 429 || status >= 500;
}

function meaningOf(status: number): string {
  if (status >= 300 && status < 400) return 'it redirects elsewhere; use the address it leads to';
  if (status === 400) return 'the message was refused';
  if (status === 401 || status === 403) return 'the credentials in the channel’s URL were refused';
  if (status === 404 || status === 410) return 'the address does not exist (removed, or mistyped)';
  if (status === 413) return 'the message was too large';
  if (status === 429) return 'too many messages; waiting as it asked';
  if (status >= 500) return 'the service is having trouble; trying again';
  return isTransient(status) ? 'trying again' : 'the message was refused';
}

export function outcomeOfAnswer(service: string, answer: HttpAnswer, now: number): DeliveryOutcome {
  if (answer.status >= 200 && answer.status < 300) return delivered;
  const body = jsonOf(answer.text);
  const detail = detailOf(answer.text, body);
  const problem = `${service.charAt(0).toUpperCase()}${service.slice(1)} answered ${answer.status}${detail ? ` (${detail})` : ''}: ${meaningOf(answer.status)}`;
  return failed(problem, isTransient(answer.status), retryAfterMs(answer, body, now));
}

function jsonOf(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

function detailOf(text: string, body: Record<string, unknown> | null): string {
  const said = body ? [body.description, body.message, body.error].find((value) => typeof value === 'string') : text;
  if (typeof said !== 'string' || said.trimStart().startsWith('<')) return ''; // an HTML error page says nothing useful
  // biome-ignore lint/suspicious/noControlCharactersInRegex: a target's answer is flattened to one line of text
  const line = said.replace(/[\u0000-\u001f\u007f\s]+/g, ' ').trim();
  return line.length > MAX_DETAIL ? `${line.slice(0, MAX_DETAIL - 1)}…` : line;
}

/** Retry-After in seconds or as a date; Discord's `retry_after` and Telegram's `parameters.retry_after` in seconds. */
export function retryAfterMs(
  answer: HttpAnswer,
  body: Record<string, unknown> | null,
  now: number,
): number | undefined {
  const header = answer.headers.get('retry-after')?.trim();
  if (header) {
    if (/^\d+(\.\d+)?$/.test(header)) return Math.round(Number(header) * 1000);
    const date = Date.parse(header);
    if (Number.isFinite(date)) return Math.max(0, date - now);
  }
  const parameters = body?.parameters as { retry_after?: unknown } | undefined;
  const seconds = body?.retry_after ?? parameters?.retry_after;
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds >= 0
    ? Math.round(seconds * 1000)
    : undefined;
}
