import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { requestIdOf } from '../logging/request-logger';
import { invalidRequest } from '../errors/beacon-error';
import { jsonDepth } from './json-depth';

/**
 * After body parsing: a body nested deeper than `maxDepth` is a 400 (MAX_JSON_DEPTH);
 * `__proto__`, `constructor` and `prototype` keys are dropped from the parsed body.
 */
export function createJsonDepthLimit(maxDepth: number, logger: Logger) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const body: unknown = req.body;
    if (body === null || typeof body !== 'object') {
      next();
      return;
    }
    const { tooDeep, pollutionKeys } = jsonDepth(body, maxDepth);
    if (pollutionKeys > 0)
      logger.warn({ reqId: requestIdOf(res), pollutionKeys }, 'dropped prototype-pollution keys from the body');
    next(tooDeep ? invalidRequest(`the body nests deeper than ${maxDepth} levels of objects and arrays`) : undefined);
  };
}
