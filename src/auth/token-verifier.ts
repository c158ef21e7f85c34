import { jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { Config } from '../config/config';
import type { Principal } from './principal';
import { ALGORITHMS, readVisaGrants } from './passport-visas';
import { createRemoteKeySet, KeysUnavailableError } from './remote-key-set';

export type TokenVerifier = (token: string) => Promise<Extract<Principal, { kind: 'token' }>>;

/** A token that fails verification; `reason` is safe to show (it never contains the token). */
export class TokenRejectedError extends Error {
  override name = 'TokenRejectedError';
}

function reasonOf(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (code === 'ERR_JWT_EXPIRED') return 'the token has expired';
  if (code === 'ERR_JWT_CLAIM_VALIDATION_FAILED')
    return `the token's ${String((error as { claim?: unknown }).claim)} claim is not accepted`;
  if (code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED' || code === 'ERR_JWKS_NO_MATCHING_KEY')
    return 'the token signature does not verify against the issuer keys';
  if (code === 'ERR_JOSE_ALG_NOT_ALLOWED') return 'the token algorithm is not accepted';
  return 'the token is malformed';
}

/**
 * Verifies Bearer JWTs against the configured issuer's JWKS (fetched on first use, cached,
 * refetched on an unknown `kid`): signature, `iss`, `aud`, `exp`/`nbf`; `alg: none` is
 * never accepted. Keys that cannot be fetched within `KEY_FETCH_TIMEOUT_MS` raise
 * `KeysUnavailableError` (not the caller's fault). Returns undefined when no issuer is configured.
 */
export function createTokenVerifier(
  config: Pick<Config, 'authIssuer' | 'authJwksUri' | 'authAudience' | 'visaJwksUris' | 'keyFetchTimeoutMs'>,
): TokenVerifier | undefined {
  const { authIssuer, authJwksUri, authAudience, keyFetchTimeoutMs } = config;
  if (!authIssuer || !authJwksUri) return undefined;
  const issuerKeys = createRemoteKeySet(authJwksUri, keyFetchTimeoutMs);
  const visaKeys = { issuerKeys, allowedJku: new Set(config.visaJwksUris), fetchTimeoutMs: keyFetchTimeoutMs };
  const jkuCache = new Map<string, JWTVerifyGetKey>();
  return async (token) => {
    let payload;
    try {
      ({ payload } = await jwtVerify(token, issuerKeys, {
        issuer: authIssuer,
        audience: authAudience,
        algorithms: ALGORITHMS,
        requiredClaims: ['exp', 'sub'],
      }));
    } catch (error) {
      if (error instanceof KeysUnavailableError) throw error;
      throw new TokenRejectedError(reasonOf(error), { cause: error });
    }
    // jose checks only that `sub` is present; an object would reach the rate-limit key.
    if (typeof payload.sub !== 'string' || payload.sub === '')
      throw new TokenRejectedError("the token's sub claim is not accepted");
    const { grants, rejected } = await readVisaGrants(payload.ga4gh_passport_v1, payload.sub, visaKeys, jkuCache);
    return { kind: 'token', issuer: authIssuer, subject: payload.sub, grants, rejectedVisas: rejected };
  };
}
