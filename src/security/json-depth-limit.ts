import type { NextFunction, Request, Response } from 'express';
import { invalidRequest } from '../errors/beacon-error';
import { jsonDepth } from './json-depth';

/**
 * After body parsing: a body nested deeper than `maxDepth` is a 400 (MAX_JSON_DEPTH);
 * `__proto__`, `constructor` and `prototype` keys are dropped from the parsed body.
 */
export function createJsonDepthLimit(maxDepth: number) {
  return (req: Request, _res: Response, next: NextFunction): void => {
    const body: unknown = req.body;
    if (body === null || typeof body !== 'object') {
      next();
      return;
    }
    const { tooDeep, pollutionKeys } = jsonDepth(body, maxDepth);
    if (pollutionKeys > 0) req.log?.warn({ pollutionKeys }, 'dropped prototype-pollution keys from the body');
    next(tooDeep ? invalidRequest(`the body nests deeper than ${maxDepth} levels of objects and arrays`) : undefined);
  };
}
