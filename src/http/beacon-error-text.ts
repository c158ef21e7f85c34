import type { Config } from '../config/config';
import { ERROR_CODES, type ErrorCode } from '../errors/beacon-error';
import { errorResponse } from '../render/envelope';
import { defaultCatalogRequest } from '../request/catalog-request';

/**
 * The JSON text of a `beaconErrorResponse` for answers sent outside Express (at the door,
 * or on a connection Node's parser gave up on), as the error handler would render it for
 * a request that said nothing.
 */
export function beaconErrorText(config: Readonly<Config>, code: ErrorCode, message: string): string {
  const request = defaultCatalogRequest(config);
  const input = {
    identity: config,
    request,
    echoFilters: [],
    schema: config.defaultSchema,
    granularity: request.requestedGranularity,
  };
  return JSON.stringify(errorResponse(input, ERROR_CODES[code].status, message));
}
