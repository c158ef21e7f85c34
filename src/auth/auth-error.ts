import type { Response } from 'express';
import { BeaconError } from '../errors/beacon-error';

const REALM = 'beacon-catalog';

/** A 401 Beacon error whose `WWW-Authenticate` says why (RFC 6750); never echoes the token. */
export function authFailure(res: Response, description: string): BeaconError {
  const safe = description.replace(/["\\\r\n]/g, ' ');
  res.setHeader('WWW-Authenticate', `Bearer realm="${REALM}", error="invalid_token", error_description="${safe}"`);
  return new BeaconError(
    'UNAUTHORIZED',
    `${description}; send a valid Bearer token from the configured issuer, or none`,
  );
}
