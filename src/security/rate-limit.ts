import type { NextFunction, Request, Response } from 'express';
import type { Config } from '../config/config';
import { BeaconError } from '../errors/beacon-error';
import { principalOf } from '../auth/principal';
import { clientKey } from './client-key';
import { createRateLimiter } from './rate-limiter';

const MINUTE_MS = 60_000;

/** Token subject when a verified token is present, else the client address. */
function keyOf(req: Request, res: Response): string {
  const principal = principalOf(res);
  return principal.kind === 'token' ? `sub:${principal.issuer} ${principal.subject}` : clientKey(req.ip);
}

/**
 * `RATE_LIMIT_PER_MINUTE` requests per client per minute, answered 429 with `Retry-After`
 * beyond it; addresses in `RATE_LIMIT_EXEMPT` (loopback by default) are never limited.
 */
export function createRateLimit(config: Pick<Config, 'rateLimitPerMinute' | 'rateLimitExempt'>, now?: () => number) {
  const limiter = createRateLimiter(config.rateLimitPerMinute, MINUTE_MS, now);
  const exempt = new Set(config.rateLimitExempt);
  return (req: Request, res: Response, next: NextFunction): void => {
    if (config.rateLimitPerMinute === 0 || (req.ip !== undefined && exempt.has(req.ip))) {
      next();
      return;
    }
    const decision = limiter.hit(keyOf(req, res));
    res.setHeader('RateLimit-Limit', String(config.rateLimitPerMinute));
    res.setHeader('RateLimit-Remaining', String(decision.remaining));
    if (decision.allowed) {
      next();
      return;
    }
    res.setHeader('Retry-After', String(decision.retryAfterSeconds));
    next(new BeaconError('TOO_MANY_REQUESTS', `more than ${config.rateLimitPerMinute} requests a minute from this client; retry after ${decision.retryAfterSeconds} s`));
  };
}
