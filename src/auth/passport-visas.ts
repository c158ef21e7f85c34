import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify, type JWTVerifyGetKey } from 'jose';

export const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'EdDSA'];

interface VisaClaim {
  type?: unknown;
  value?: unknown;
}

export interface VisaKeys {
  /** The issuer's own JWKS, used for visas without an allowed `jku`. */
  issuerKeys: JWTVerifyGetKey;
  /** JWKS URIs a visa's `jku` header may name. */
  allowedJku: ReadonlySet<string>;
}

/** One cached remote JWKS per allowed `jku` (jose refetches on an unknown `kid`). */
function keysFor(visa: string, keys: VisaKeys, cache: Map<string, JWTVerifyGetKey>): JWTVerifyGetKey {
  const { jku } = decodeProtectedHeader(visa);
  if (typeof jku !== 'string' || !keys.allowedJku.has(jku)) return keys.issuerKeys;
  let remote = cache.get(jku);
  if (!remote) {
    remote = createRemoteJWKSet(new URL(jku));
    cache.set(jku, remote);
  }
  return remote;
}

/**
 * GA4GH passport visas -> the resource ids granted by verified, unexpired
 * `ControlledAccessGrants` visas. A visa that fails verification grants nothing and is counted.
 */
export async function readVisaGrants(passport: unknown, keys: VisaKeys, cache: Map<string, JWTVerifyGetKey>): Promise<{ grants: Set<string>; rejected: number }> {
  const grants = new Set<string>();
  let rejected = 0;
  const visas = Array.isArray(passport) ? passport.slice(0, 200) : [];
  for (const visa of visas) {
    try {
      if (typeof visa !== 'string') throw new TypeError('visa is not a JWT');
      const { payload } = await jwtVerify(visa, keysFor(visa, keys, cache), { algorithms: ALGORITHMS });
      const claim = payload.ga4gh_visa_v1 as VisaClaim | undefined;
      if (claim?.type === 'ControlledAccessGrants' && typeof claim.value === 'string') grants.add(claim.value);
    } catch {
      rejected += 1;
    }
  }
  return { grants, rejected };
}
