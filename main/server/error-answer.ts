// Every error answer of the UI API and the hub's listener: the status and an ApiErrorBody, a message for the user and
// its machine-readable code (shared/contract/errors.ts).
import type { Response } from 'express';
import { errorBody } from '../../shared/contract/errors.js';

export function answerError(res: Response, status: number, message: string): void {
  res.status(status).json(errorBody(status, message));
}
