import { timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Config } from '../config/config';
import { authFailure } from './auth-error';
import { TokenRejectedError, type TokenVerifier } from './token-verifier';

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Reads `Authorization: Bearer <JWT>` (when an issuer is configured) and the legacy
 * `auth-key` header (when keys are configured) into `res.locals.principal`. No credential
 * is anonymous; a bad one is 401 with `WWW-Authenticate`. Unconfigured schemes are ignored,
 * so a beacon without auth keeps answering portals that send a token anyway.
 */
export function createAuthenticate(config: Pick<Config, 'authKeys'>, verifyToken: TokenVerifier | undefined) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const authorization = req.headers.authorization;
    if (verifyToken && authorization !== undefined) {
      const match = /^Bearer\s+([\w-]+\.[\w-]*\.[\w-]*)\s*$/i.exec(authorization);
      if (!match?.[1]) return next(authFailure(res, 'the Authorization header is not "Bearer <JWT>"'));
      try {
        res.locals.principal = await verifyToken(match[1]);
      } catch (error) {
        if (!(error instanceof TokenRejectedError)) throw error;
        return next(authFailure(res, error.message));
      }
      return next();
    }
    const authKey = req.headers['auth-key'];
    if (config.authKeys.length > 0 && typeof authKey === 'string') {
      if (!config.authKeys.some((key) => sameSecret(authKey, key))) return next(authFailure(res, 'the auth-key is not accepted'));
      res.locals.principal = { kind: 'auth-key' };
    }
    next();
  };
}
