import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Config } from '../config/config';
import { BeaconError } from '../errors/beacon-error';
import { principalOf } from '../auth/principal';
import { clientKey } from './client-key';
import { createRateLimiter, type RateLimitDecision } from './rate-limiter';

const MINUTE_MS = 60_000;

/** What `countCredential` says: answer this 429, or go on and call `verified` if the credential holds. */
export type CredentialCount = { refused: BeaconError } | { refused?: undefined; verified: () => void };

export interface ClientRateLimit {
  /** Counts each request under its key: the verified token's subject, else the client address. */
  middleware: RequestHandler;
  /**
   * Counts a credential against the client address before any verification work, so wrong
   * tokens and auth-keys spend that address's budget and, once it is spent, are refused
   * without being checked. A credential that verifies gives its count back (`verified`):
   * `middleware` then counts the request under its own key.
   */
  countCredential(req: Request, res: Response): CredentialCount;
}

/** Token subject when a verified token is present, else the client address. */
function keyOf(req: Request, res: Response): string {
  const principal = principalOf(res);
  return principal.kind === 'token' ? `sub:${principal.issuer} ${principal.subject}` : clientKey(req.ip);
}

function tooMany(res: Response, decision: RateLimitDecision, limit: number): BeaconError | undefined {
  res.setHeader('RateLimit-Limit', String(limit));
  res.setHeader('RateLimit-Remaining', String(decision.remaining));
  if (decision.allowed) return undefined;
  res.setHeader('Retry-After', String(decision.retryAfterSeconds));
  return new BeaconError(
    'TOO_MANY_REQUESTS',
    `more than ${limit} requests a minute from this client; retry after ${decision.retryAfterSeconds} s`,
  );
}

const NOTHING_TO_GIVE_BACK = (): void => undefined;

/**
 * `RATE_LIMIT_PER_MINUTE` requests per client per minute, answered 429 with `Retry-After`
 * beyond it; addresses in `RATE_LIMIT_EXEMPT` (loopback by default) are never limited.
 */
export function createRateLimit(
  config: Pick<Config, 'rateLimitPerMinute' | 'rateLimitExempt'>,
  now?: () => number,
): ClientRateLimit {
  const limit = config.rateLimitPerMinute;
  const limiter = createRateLimiter(limit, MINUTE_MS, now);
  const exempt = new Set(config.rateLimitExempt);
  const isLimited = (req: Request): boolean => limit > 0 && !(req.ip !== undefined && exempt.has(req.ip));
  return {
    middleware: (req: Request, res: Response, next: NextFunction): void => {
      next(isLimited(req) ? tooMany(res, limiter.hit(keyOf(req, res)), limit) : undefined);
    },
    countCredential: (req: Request, res: Response): CredentialCount => {
      if (!isLimited(req)) return { verified: NOTHING_TO_GIVE_BACK };
      const key = clientKey(req.ip);
      const decision = limiter.hit(key);
      const refused = tooMany(res, decision, limit);
      return refused ? { refused } : { verified: () => limiter.refund(key, decision.windowStart) };
    },
  };
}
