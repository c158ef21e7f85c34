import cors from 'cors';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { recordHeaders, setHeaders } from './static-headers';

/** Headers a browser page may read from our responses. */
const EXPOSED_HEADERS = ['ETag', 'X-Request-Id', 'X-Total-Count', 'Content-Disposition'];

/**
 * CORS for browser portals that call the beacon directly: GET and POST from the allowed
 * origins (`*` by default, `CORS_ORIGINS` to restrict), preflight answered with 204.
 * With any origin allowed, the headers of every request but a preflight are the same:
 * recorded once from `cors`, then set; preflights and origin lists go through `cors`.
 */
export function createCors(origins: readonly string[]): RequestHandler {
  const anyOrigin = origins.includes('*');
  const full = cors({
    origin: anyOrigin ? '*' : [...origins],
    methods: ['GET', 'HEAD', 'POST', 'OPTIONS'],
    allowedHeaders: ['Content-Type', 'Accept', 'Authorization', 'auth-key', 'If-None-Match', 'X-Request-Id'],
    exposedHeaders: EXPOSED_HEADERS,
    maxAge: 86400,
    optionsSuccessStatus: 204,
  });
  if (!anyOrigin) return full;
  const simple = recordHeaders(full, { method: 'GET', headers: {} });
  return (req: Request, res: Response, next: NextFunction): void => {
    if (req.method === 'OPTIONS') return full(req, res, next);
    setHeaders(res, simple);
    next();
  };
}
