// The desktop face's shell actions (open a link, copy text), which the preload exposes beside the UI API: their
// payloads as main parses them before acting.
import { z } from 'zod';
import { isWebUrl } from '../../shared/domain/web-url.js';

/** Clipboard text is small (a URL, a template); anything bigger is not what the UI meant to copy. */
export const MAX_COPY_CHARS = 100_000;

export const openExternalSchema = z.string().max(8_192).refine(isWebUrl, { error: 'must be an http or https link' });

export const copyTextSchema = z.string().max(MAX_COPY_CHARS);
