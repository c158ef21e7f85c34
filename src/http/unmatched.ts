import type { NextFunction, Request, Response } from 'express';
import { BeaconError } from '../errors/beacon-error';

/** Last in line: no route matched the path (known paths answer other methods with 405 themselves). */
export function unmatchedHandler(req: Request, _res: Response, next: NextFunction): void {
  next(
    new BeaconError('NOT_FOUND', `no endpoint at ${req.path}; see /entry_types and /map for what this beacon serves`),
  );
}
