import cors from 'cors';
import type { RequestHandler } from 'express';

/** Headers a browser page may read from our responses. */
const EXPOSED_HEADERS = ['ETag', 'X-Request-Id', 'X-Total-Count', 'Content-Disposition'];

/**
 * CORS for browser portals that call the beacon directly: GET and POST from the allowed
 * origins (`*` by default, `CORS_ORIGINS` to restrict), preflight answered with 204.
 */
export function createCors(origins: readonly string[]): RequestHandler {
  const anyOrigin = origins.includes('*');
  return cors({
    origin: anyOrigin ? '*' : [...origins],
    methods: ['GET', 'HEAD', 'POST', 'OPTIONS'],
    allowedHeaders: ['Content-Type', 'Accept', 'Authorization', 'auth-key', 'If-None-Match', 'X-Request-Id'],
    exposedHeaders: EXPOSED_HEADERS,
    maxAge: 86400,
    optionsSuccessStatus: 204,
  });
}
