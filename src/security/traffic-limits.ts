import type { RequestHandler } from 'express';
import type { AppDeps } from '../http/app-deps';
import { createErrorHandler } from '../http/error-handler';
import { createRequestTimeout } from './request-timeout';
import { createConcurrencyLimit } from './concurrency-limit';
import { createRateLimit } from './rate-limit';
import { createAuthenticate } from '../auth/authenticate';
import { createTokenVerifier } from '../auth/token-verifier';

/**
 * What every API request passes, in order: the request timeout (which also bounds the
 * time the body takes to arrive and time spent queued), authentication (each credential
 * counted against the client address before it is checked; a verified token subject then
 * becomes the rate-limit key), the per-client rate limit, `readBody` (so a slow sender
 * holds no slot, and a refused client's body is never read), then the concurrency bound and
 * queue. Keys are fetched before a slot is taken, so a slow issuer never holds slots others need.
 */
export function trafficLimits(deps: AppDeps, readBody: readonly RequestHandler[]): RequestHandler[] {
  const { config } = deps;
  const rateLimit = createRateLimit(config);
  return [
    createRequestTimeout(config.requestTimeoutMs, createErrorHandler(deps), deps.logger),
    createAuthenticate(config, createTokenVerifier(config), rateLimit.countCredential),
    rateLimit.middleware,
    ...readBody,
    createConcurrencyLimit(config),
  ];
}
