// The pure ingest pipeline: parse → normalize → diff → rules. No I/O, no clock: times come in as arguments.
export { CANONICAL_FIELDS, type CanonicalField, foldKey, resolveField } from './aliases.js';
export { type ApplyResult, applySnapshot, historyPoint, shouldRecordHistory } from './diff.js';
export { type NormalizeResult, normalize, previewMapping } from './normalize.js';
export { type BodyFormat, type ParseResult, parseRequest } from './parse.js';
export { type ReadPostback, readPostback } from './read-postback.js';
export { evaluateWatch, type RuleMemory, type WatchEvaluation } from './rules.js';
