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
 * time the body takes to arrive and time spent queued), `readBody` (so a slow sender holds
 * no slot), the concurrency bound and queue, authentication (so a verified token subject
 * can be the rate-limit key), then the per-client rate limit.
 */
export function trafficLimits(deps: AppDeps, readBody: readonly RequestHandler[]): RequestHandler[] {
  const { config } = deps;
  return [
    createRequestTimeout(config.requestTimeoutMs, createErrorHandler(deps), deps.logger),
    ...readBody,
    createConcurrencyLimit(config),
    createAuthenticate(config, createTokenVerifier(config)),
    createRateLimit(config),
  ];
}
