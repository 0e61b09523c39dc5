// The main process logs to stdout/stderr (visible in `npm start` and in the OS's app logs).
import type { Logger } from '../engine/index.js';

const line = (message: string, meta?: Record<string, unknown>) =>
  meta ? `[shelfwatch] ${message} ${JSON.stringify(meta)}` : `[shelfwatch] ${message}`;

export const consoleLog: Logger = {
  info: (message, meta) => console.log(line(message, meta)),
  warn: (message, meta) => console.warn(line(message, meta)),
  error: (message, meta) => console.error(line(message, meta)),
};
