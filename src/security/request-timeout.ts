import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { BeaconError } from '../errors/beacon-error';
import { requestIdOf } from '../logging/request-logger';

type ErrorHandler = (error: unknown, req: Request, res: Response, next: NextFunction) => void;

/**
 * Answers 503 (TIMEOUT) when a request has not been answered within `timeoutMs`, below
 * the 5 s aggregator cut-off; the late answer of the handler is dropped, not sent twice.
 * Store work is bounded by the store itself (MongoDB `maxTimeMS` is below this timeout).
 */
export function createRequestTimeout(timeoutMs: number, answerError: ErrorHandler, logger: Logger) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const timer = setTimeout(() => {
      if (res.headersSent) return;
      logger.warn({ reqId: requestIdOf(res), timeoutMs }, 'request timed out');
      answerError(
        new BeaconError(
          'TIMEOUT',
          `the query took longer than ${timeoutMs} ms and was stopped; narrow the filters or retry`,
        ),
        req,
        res,
        next,
      );
      // The handler may still finish later: its answer must not reach a closed response.
      res.json = () => res;
      res.send = () => res;
    }, timeoutMs);
    res.once('close', () => clearTimeout(timer));
    next();
  };
}
