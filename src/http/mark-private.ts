import type { IncomingMessage } from 'node:http';
import type { NextFunction, Request, Response } from 'express';

/**
 * Marks an answer as one caller's: a shared cache must not store it, nor hand an answer
 * stored for one set of credentials to another (`auth-key` is not a header caches know).
 */
export function markPrivate(res: Response): void {
  res.setHeader('Cache-Control', 'private');
  res.vary('Authorization');
  res.vary('auth-key');
}

export function carriesCredentials(req: IncomingMessage): boolean {
  return req.headers.authorization !== undefined || req.headers['auth-key'] !== undefined;
}

/** Every answer to a request that carries credentials is private, errors included. */
export function markPrivateForCredentials(req: Request, res: Response, next: NextFunction): void {
  if (carriesCredentials(req)) markPrivate(res);
  next();
}
