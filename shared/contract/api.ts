// The UI API as TypeScript sees it: request and answer types from the method schemas (methods.ts), the interface
// the engine implements and every transport's client exposes, and the helpers that build one from a single function.
import type { z } from 'zod';
import { firstIssueText, parseOrThrow } from './issues.js';
import { API_METHOD_SCHEMAS } from './methods.js';
import { type ApiMethod, methodTable } from './routes.js';

type Schemas = typeof API_METHOD_SCHEMAS;

/** What a caller sends: renaming a field in the schema breaks the callers' compilation. */
export type ApiRequest<M extends ApiMethod> = z.input<Schemas[M]['req']>;
/** What the method runs with: the request after its schema's defaults and conversions. */
export type ParsedRequest<M extends ApiMethod> = z.output<Schemas[M]['req']>;
export type ApiResponse<M extends ApiMethod> = z.output<Schemas[M]['res']>;

/** What the engine implements and what each transport's client exposes. */
export type UiApi = { [M in ApiMethod]: (req: ApiRequest<M>) => Promise<ApiResponse<M>> };

/**
 * A UiApi whose every method is `call` with the method's name: a transport (HTTP, IPC, a hub) or a wrapper (error
 * translation, a guard) is one function, not a loop of its own. Each method returns a promise even when `call`
 * throws at once.
 */
export function mapUiApi(call: <M extends ApiMethod>(method: M, req: ApiRequest<M>) => Promise<ApiResponse<M>>): UiApi {
  return methodTable<UiApi>((method) => async (req: ApiRequest<typeof method>) => call(method, req));
}

/**
 * Calls a method with a request as it arrived (a JSON body, a query, an IPC payload), unparsed: the engine's service
 * parses every request with the method's schema before it runs, so nothing is assumed of it here.
 */
export function callUnparsed<M extends ApiMethod>(api: UiApi, method: M, input: unknown): Promise<ApiResponse<M>> {
  return api[method](input as ApiRequest<M>);
}

/** The request, complete and typed, or a 400 ApiError naming the field. */
export function parseApiRequest<M extends ApiMethod>(method: M, input: unknown): ParsedRequest<M> {
  return parseOrThrow(API_METHOD_SCHEMAS[method].req, input) as ParsedRequest<M>;
}

export type CheckedAnswer<M extends ApiMethod> = { ok: true; value: ApiResponse<M> } | { ok: false; problem: string };

/**
 * An answer received over the network (its JSON), checked with the method's schema: the browser and the desktop
 * following a hub check alike, so a server of another version fails with a reason rather than breaking a view.
 */
export function checkApiResponse<M extends ApiMethod>(method: M, json: unknown): CheckedAnswer<M> {
  const parsed = API_METHOD_SCHEMAS[method].res.safeParse(json);
  return parsed.success
    ? { ok: true, value: parsed.data as ApiResponse<M> }
    : { ok: false, problem: firstIssueText(parsed.error.issues, 'answer') };
}
