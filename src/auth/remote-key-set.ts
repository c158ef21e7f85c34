import { createRemoteJWKSet, type JWTVerifyGetKey } from 'jose';

/** A key set fetched again at most this often when a token names an unknown `kid`. */
const COOLDOWN_MS = 30_000;
/** How long fetched keys are used before they are fetched again. */
const CACHE_MAX_AGE_MS = 600_000;
/** jose's errors that mean "the keys are there, none is this token's": the token's fault. */
const KEY_MISMATCH_CODES: ReadonlySet<unknown> = new Set([
  'ERR_JWKS_NO_MATCHING_KEY',
  'ERR_JWKS_MULTIPLE_MATCHING_KEYS',
]);

/** Keys that could not be fetched within the deadline, or not at all: the issuer's fault, not the caller's. */
export class KeysUnavailableError extends Error {
  override name = 'KeysUnavailableError';
}

/**
 * A remote JWKS (cached, refetched on an unknown `kid`) whose every use gives up after
 * `timeoutMs`. jose's own timeout only covers the wait for response headers, so a server
 * that trickles its body could otherwise hold a caller for as long as it likes.
 */
export function createRemoteKeySet(uri: string, timeoutMs: number): JWTVerifyGetKey {
  const remote = createRemoteJWKSet(new URL(uri), {
    timeoutDuration: timeoutMs,
    cooldownDuration: COOLDOWN_MS,
    cacheMaxAge: CACHE_MAX_AGE_MS,
  });
  return async (header, token) => {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(
        () => reject(new KeysUnavailableError(`the keys at ${uri} did not arrive within ${timeoutMs} ms`)),
        timeoutMs,
      );
    });
    try {
      return await Promise.race([remote(header, token), deadline]);
    } catch (error) {
      if (error instanceof KeysUnavailableError || KEY_MISMATCH_CODES.has((error as { code?: unknown }).code))
        throw error;
      throw new KeysUnavailableError(`the keys at ${uri} could not be fetched`, { cause: error });
    } finally {
      clearTimeout(timer);
    }
  };
}
