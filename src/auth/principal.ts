import type { Response } from 'express';

/** Who is asking, as far as a verified credential says; set per request in `res.locals`. */
export type Principal =
  | { kind: 'anonymous' }
  /** A caller presenting a configured legacy `auth-key`: treated as registered. */
  | { kind: 'auth-key' }
  /** A verified Bearer JWT; `grants` are resource ids from verified ControlledAccessGrants visas. */
  | { kind: 'token'; issuer: string; subject: string; grants: ReadonlySet<string>; rejectedVisas: number };

export const ANONYMOUS: Principal = Object.freeze({ kind: 'anonymous' });

export function principalOf(res: Response): Principal {
  return (res.locals.principal as Principal | undefined) ?? ANONYMOUS;
}
