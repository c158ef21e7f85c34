import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';

/** A caller's id is reused only when it is this sane, so it cannot forge log lines or headers. */
const REQUEST_ID = /^[\w.:-]{1,128}$/;

/** The id of the request being answered (set by the request logger; `undefined` before it). */
export function requestIdOf(res: Response): string | undefined {
  return res.locals.requestId as string | undefined;
}

/**
 * One JSON line per request through the base logger, written when the response closes:
 * `reqId`, method, url, status and response time in ms; `request aborted` when the client
 * hung up first. No headers, addresses or bodies, so no token or personal data. The
 * caller's `X-Request-Id` is reused when sane, else one is generated; either is echoed,
 * so one id follows a query across services.
 */
export function createRequestLogger(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const started = performance.now();
    const given = req.headers['x-request-id'];
    const reqId = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    res.locals.requestId = reqId;
    res.setHeader('X-Request-Id', reqId);
    res.once('close', () => {
      if (!logger.isLevelEnabled('info')) return;
      const line = {
        reqId,
        method: req.method,
        url: req.originalUrl,
        status: res.statusCode,
        responseTime: Math.round(performance.now() - started),
      };
      logger.info(line, res.writableFinished ? 'request completed' : 'request aborted');
    });
    next();
  };
}
