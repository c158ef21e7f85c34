import type { NextFunction, Request, RequestHandler, Response } from 'express';

/**
 * Middleware that runs `handlers` in order as one router layer: each router layer costs a
 * path match and bookkeeping on every request, and these run on every request anyway. A
 * handler's error (passed, thrown or rejected) skips the rest and goes to `next`, as the
 * router would send it to the error handler.
 */
export function inSequence(handlers: readonly RequestHandler[]): RequestHandler {
  return (req: Request, res: Response, next: NextFunction): void => {
    let index = 0;
    const step = (error?: unknown): void => {
      if (error !== undefined && error !== null) return next(error);
      const handler = handlers[index];
      index += 1;
      if (handler === undefined) return next();
      try {
        const result: unknown = handler(req, res, step);
        if (result instanceof Promise) result.catch(next);
      } catch (thrown) {
        next(thrown);
      }
    };
    step();
  };
}
