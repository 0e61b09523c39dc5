// Live events for the browser: Server-Sent Events named feed, alert and status.
import type { Request, Response } from 'express';
import type { UiEvent } from '../../shared/api.js';

export function eventsRoute(subscribe: (listener: (event: UiEvent) => void) => () => void) {
  return (req: Request, res: Response): void => {
    res.set({ 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    res.flushHeaders();
    res.write('retry: 2000\n\n');
    const unsubscribe = subscribe((event) => {
      res.write(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
    });
    const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 25_000);
    req.on('close', () => {
      clearInterval(keepAlive);
      unsubscribe();
    });
  };
}
