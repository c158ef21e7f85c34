import type { NextFunction, Request, Response } from 'express';
import { BeaconError } from '../errors/beacon-error';
import type { Route } from './routes';

/** Last in line: a known path with another method is a 405 (with `Allow`), anything else a 404. */
export function createUnmatchedHandler(routes: readonly Route[]) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const route = routes.find((r) => r.path === req.path);
    if (route) {
      res.setHeader('Allow', route.methods.join(', '));
      next(new BeaconError('METHOD_NOT_ALLOWED', `${req.method} is not allowed on ${route.path}; use ${route.methods.join(' or ')}`));
      return;
    }
    next(new BeaconError('NOT_FOUND', `no endpoint at ${req.path}; see /entry_types and /map for what this beacon serves`));
  };
}
