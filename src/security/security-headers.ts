import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';
import { recordHeaders, setHeaders } from '../http/static-headers';

export const HELMET_OPTIONS = {
  contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
  crossOriginResourcePolicy: { policy: 'cross-origin' },
  crossOriginEmbedderPolicy: false,
} as const satisfies Parameters<typeof helmet>[0];

/**
 * helmet for a JSON API: nothing may be loaded or framed from a response, yet the
 * answers stay readable cross-origin (portals and aggregators fetch from browsers; CORS
 * itself is configured elsewhere). Every directive is a constant, so helmet's headers
 * are the same for every request: computed once, then set.
 */
export function securityHeaders(): RequestHandler {
  const headers = recordHeaders(helmet(HELMET_OPTIONS), { method: 'GET', headers: {} });
  return (_req: Request, res: Response, next: NextFunction): void => {
    setHeaders(res, headers);
    res.removeHeader('X-Powered-By');
    next();
  };
}
