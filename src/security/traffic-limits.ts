import type { RequestHandler } from 'express';
import type { AppDeps } from '../http/app-deps';
import { createErrorHandler } from '../http/error-handler';
import { createRequestTimeout } from './request-timeout';
import { createConcurrencyLimit } from './concurrency-limit';
import { createRateLimit } from './rate-limit';
import { createAuthenticate } from '../auth/authenticate';
import { createTokenVerifier } from '../auth/token-verifier';

/**
 * What every API request passes before its body is read, in order: the request timeout
 * (which also bounds time spent queued), the concurrency bound and queue, authentication
 * (so a verified token subject can be the rate-limit key), then the per-client rate limit.
 */
export function trafficLimits(deps: AppDeps): RequestHandler[] {
  const { config } = deps;
  return [
    createRequestTimeout(config.requestTimeoutMs, createErrorHandler(deps), deps.logger),
    createConcurrencyLimit(config),
    createAuthenticate(config, createTokenVerifier(config)),
    createRateLimit(config),
  ];
}
