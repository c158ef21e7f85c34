import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { BeaconError } from '../errors/beacon-error';
import { requestIdOf } from '../logging/request-logger';

type ErrorHandler = (error: unknown, req: Request, res: Response, next: NextFunction) => void;

function timeoutError(req: Request, res: Response, timeoutMs: number): BeaconError {
  if (req.complete)
    return new BeaconError(
      'TIMEOUT',
      `the query took longer than ${timeoutMs} ms and was stopped; narrow the filters or retry`,
    );
  // The body is still coming: the connection cannot be reused for the next request.
  res.setHeader('Connection', 'close');
  return new BeaconError(
    'RECEIVE_TIMEOUT',
    `the request body did not arrive within ${timeoutMs} ms; send it whole and at once`,
  );
}

/**
 * Answers 503 (TIMEOUT) when a request has not been answered within `timeoutMs`, below
 * the 5 s aggregator cut-off; the late answer of the handler is dropped, not sent twice.
 * It runs before the body is read, so a body still arriving then is a 408 (RECEIVE_TIMEOUT).
 * Store work is bounded by the store itself (MongoDB `maxTimeMS` is below this timeout).
 */
export function createRequestTimeout(timeoutMs: number, answerError: ErrorHandler, logger: Logger) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const timer = setTimeout(() => {
      if (res.headersSent) return;
      logger.warn({ reqId: requestIdOf(res), timeoutMs, bodyComplete: req.complete }, 'request timed out');
      answerError(timeoutError(req, res, timeoutMs), req, res, next);
      // The handler may still finish later: its answer must not reach a closed response.
      res.json = () => res;
      res.send = () => res;
    }, timeoutMs);
    res.once('close', () => clearTimeout(timer));
    next();
  };
}
