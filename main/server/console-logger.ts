import type { Logger } from '../engine/index.js';

/** Logs to stderr as one line each. Never pass a URL with the secret in it. */
export const consoleLogger: Logger = {
  info: (message, meta) => write('info', message, meta),
  warn: (message, meta) => write('warn', message, meta),
  error: (message, meta) => write('error', message, meta),
};

function write(level: string, message: string, meta?: Record<string, unknown>): void {
  const details = meta ? ` ${JSON.stringify(meta)}` : '';
  process.stderr.write(`${new Date().toISOString()} ${level} ${message}${details}\n`);
}
