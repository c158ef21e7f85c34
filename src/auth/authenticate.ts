import { timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Config } from '../config/config';
import { BeaconError } from '../errors/beacon-error';
import type { CredentialCount } from '../security/rate-limit';
import { authFailure } from './auth-error';
import { KeysUnavailableError } from './remote-key-set';
import { TokenRejectedError, type TokenVerifier } from './token-verifier';
import type { Principal } from './principal';

/** Counts a credential before it is checked (see `ClientRateLimit.countCredential`). */
export type CountCredential = (req: Request, res: Response) => CredentialCount;

const COUNT_NOTHING: CountCredential = () => ({ verified: () => undefined });

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The token's principal, or the error to answer: 401 for a bad token, 503 when the issuer's keys do not come. */
async function verifyBearer(
  res: Response,
  authorization: string,
  verifyToken: TokenVerifier,
): Promise<Principal | BeaconError> {
  const match = /^Bearer\s+([\w-]+\.[\w-]*\.[\w-]*)\s*$/i.exec(authorization);
  if (!match?.[1]) return authFailure(res, 'the Authorization header is not "Bearer <JWT>"');
  try {
    return await verifyToken(match[1]);
  } catch (error) {
    if (error instanceof TokenRejectedError) return authFailure(res, error.message);
    if (!(error instanceof KeysUnavailableError)) throw error;
    res.setHeader('Retry-After', '5');
    return new BeaconError(
      'KEYS_UNAVAILABLE',
      "the token issuer's keys could not be fetched in time; retry shortly, or send no token for the public answer",
    );
  }
}

/**
 * Reads `Authorization: Bearer <JWT>` (when an issuer is configured) and the legacy
 * `auth-key` header (when keys are configured) into `res.locals.principal`. No credential
 * is anonymous; a bad one is 401 with `WWW-Authenticate`. Unconfigured schemes are ignored,
 * so a beacon without auth keeps answering portals that send a token anyway. Each
 * credential is counted against the client address first, so guessing is rate limited.
 */
export function createAuthenticate(
  config: Pick<Config, 'authKeys'>,
  verifyToken: TokenVerifier | undefined,
  countCredential: CountCredential = COUNT_NOTHING,
) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const authorization = req.headers.authorization;
    const authKey = req.headers['auth-key'];
    const useToken = verifyToken !== undefined && authorization !== undefined;
    if (!useToken && !(config.authKeys.length > 0 && typeof authKey === 'string')) return next();
    const count = countCredential(req, res);
    if (count.refused) return next(count.refused);
    const outcome = useToken
      ? await verifyBearer(res, authorization, verifyToken)
      : verifyAuthKey(res, authKey as string, config.authKeys);
    if (outcome instanceof BeaconError) return next(outcome);
    count.verified();
    res.locals.principal = outcome;
    next();
  };
}

function verifyAuthKey(res: Response, authKey: string, keys: readonly string[]): Principal | BeaconError {
  return keys.some((key) => sameSecret(authKey, key))
    ? { kind: 'auth-key' }
    : authFailure(res, 'the auth-key is not accepted');
}
