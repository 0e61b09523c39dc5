// parse → normalize for one postback, with the reason a user can act on when nothing usable came of it: when the
// body is not valid JSON or XML, that is the real problem ("the body is not valid JSON (… at character 212)"), not
// the "no item id … add a mapping" that reading its broken remains led to.
import type { RawRequest } from '../../../shared/contract/quarantine.js';
import { type NormalizeResult, normalize } from './normalize.js';
import { parseRequest } from './parse.js';
import { bodySyntaxProblem } from './syntax-problem.js';

export interface ReadPostback {
  /** the flat fields the body and query gave (empty when the request could not be parsed) */
  fields: Record<string, string>;
  result: NormalizeResult;
}

export function readPostback(raw: RawRequest, mapping: Record<string, string>): ReadPostback {
  const parsed = parseRequest(raw);
  if (!parsed.ok) return { fields: {}, result: { kind: 'unusable', reason: parsed.reason } };
  const result = normalize(parsed.fields, mapping);
  if (result.kind !== 'unusable' || parsed.format === 'query') return { fields: parsed.fields, result };
  const problem = bodySyntaxProblem(typeof raw.body === 'string' ? raw.body : '');
  return { fields: parsed.fields, result: problem ? { kind: 'unusable', reason: problem } : result };
}
