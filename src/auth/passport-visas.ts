import { decodeProtectedHeader, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { createRemoteKeySet } from './remote-key-set';

export const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'EdDSA'];

/** How far in the future a visa's `asserted` may lie: the broker's clock and ours differ a little. */
export const VISA_CLOCK_SKEW_SECONDS = 60;
/** Visas read from one passport; the rest are ignored (each costs a signature check). */
const MAX_VISAS = 200;

interface VisaClaim {
  type?: unknown;
  value?: unknown;
  asserted?: unknown;
}

export interface VisaKeys {
  /** The issuer's own JWKS, used for visas without an allowed `jku`. */
  issuerKeys: JWTVerifyGetKey;
  /** JWKS URIs a visa's `jku` header may name. */
  allowedJku: ReadonlySet<string>;
  /** Deadline of each fetch of a `jku` key set. */
  fetchTimeoutMs: number;
}

/** One cached remote JWKS per allowed `jku` (jose refetches on an unknown `kid`). */
function keysFor(visa: string, keys: VisaKeys, cache: Map<string, JWTVerifyGetKey>): JWTVerifyGetKey {
  const { jku } = decodeProtectedHeader(visa);
  if (typeof jku !== 'string' || !keys.allowedJku.has(jku)) return keys.issuerKeys;
  let remote = cache.get(jku);
  if (!remote) {
    remote = createRemoteKeySet(jku, keys.fetchTimeoutMs);
    cache.set(jku, remote);
  }
  return remote;
}

/**
 * The resource id one visa grants, or undefined. Beyond its signature, a visa must expire
 * (`exp`), name its issuer and subject (`iss`, `sub`), be about the passport's own subject
 * (bob's visa inside alice's passport grants alice nothing), and not be `asserted` later
 * than now (give or take the skew): GA4GH AAI requires all of these of a visa.
 */
async function grantOf(
  visa: unknown,
  subject: string,
  keys: VisaKeys,
  cache: Map<string, JWTVerifyGetKey>,
): Promise<string | undefined> {
  if (typeof visa !== 'string') throw new TypeError('visa is not a JWT');
  const { payload } = await jwtVerify(visa, keysFor(visa, keys, cache), {
    algorithms: ALGORITHMS,
    requiredClaims: ['exp', 'iss', 'sub'],
    subject,
  });
  if (typeof payload.iss !== 'string' || payload.iss === '') throw new TypeError('visa iss is not a string');
  const claim = payload.ga4gh_visa_v1 as VisaClaim | undefined;
  const asserted = claim?.asserted;
  if (typeof asserted !== 'number' || asserted > Date.now() / 1000 + VISA_CLOCK_SKEW_SECONDS)
    throw new TypeError('visa asserted is missing or in the future');
  return claim?.type === 'ControlledAccessGrants' && typeof claim.value === 'string' ? claim.value : undefined;
}

/**
 * GA4GH passport visas of the passport of `subject` -> the resource ids granted by
 * verified `ControlledAccessGrants` visas. A visa that fails any check grants nothing and
 * is counted. Visas are checked at once, so keys fetched for several cost one fetch time.
 */
export async function readVisaGrants(
  passport: unknown,
  subject: string,
  keys: VisaKeys,
  cache: Map<string, JWTVerifyGetKey>,
): Promise<{ grants: Set<string>; rejected: number }> {
  const visas: unknown[] = Array.isArray(passport) ? passport.slice(0, MAX_VISAS) : [];
  const outcomes = await Promise.allSettled(visas.map((visa) => grantOf(visa, subject, keys, cache)));
  const grants = new Set<string>();
  let rejected = 0;
  for (const outcome of outcomes) {
    if (outcome.status === 'rejected') rejected += 1;
    else if (outcome.value !== undefined) grants.add(outcome.value);
  }
  return { grants, rejected };
}
