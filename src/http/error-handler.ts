import type { NextFunction, Request, Response } from 'express';
import type { AppDeps } from './app-deps';
import { BeaconError, ERROR_CODES, type ErrorCode } from '../errors/beacon-error';
import { defaultCatalogRequest, type CatalogRequest } from '../request/catalog-request';
import { errorResponse } from '../render/envelope';
import { StoreUnavailableError, TextScanBudgetError } from '../store/store-errors';
import { requestIdOf } from '../logging/request-logger';

/** Errors raised by Express's body parser carry a `type`; map them by it, never by message. */
interface BodyParserError {
  type?: string;
  status?: number;
}

/**
 * An error Express's router or body-parser raised with a 4xx status and no `type`: a path
 * that is not percent-encoded UTF-8 (`%ZZ`, overlong `%C0%AF`: the router's URIError), or a
 * body its Content-Encoding does not decode (gzip, deflate or br: the decoder's error). The
 * client caused it, so it stays 4xx; an error without a 4xx status is ours (500).
 */
function clientError(error: unknown): BeaconError | undefined {
  const { status } = (error ?? {}) as BodyParserError;
  if (typeof status !== 'number' || status < 400 || status > 499) return undefined;
  if (error instanceof URIError)
    return new BeaconError(
      'INVALID_REQUEST',
      'the path is not valid percent-encoded UTF-8; encode ids with encodeURIComponent',
    );
  if (status === 400)
    return new BeaconError(
      'INVALID_REQUEST',
      'the body does not decode as its Content-Encoding says; send it uncompressed, or compressed whole',
    );
  const byStatus = (Object.keys(ERROR_CODES) as ErrorCode[]).find((name) => ERROR_CODES[name].status === status);
  return new BeaconError(
    byStatus ?? 'INVALID_REQUEST',
    'the request could not be read; check its path, headers and body',
  );
}

function toBeaconError(error: unknown, limitBytes: number): BeaconError {
  if (error instanceof BeaconError) return error;
  if (error instanceof StoreUnavailableError)
    return new BeaconError('STORE_UNAVAILABLE', 'the catalog store is unavailable; try again shortly');
  if (error instanceof TextScanBudgetError) {
    return new BeaconError(
      'INVALID_REQUEST',
      `the text filters (dct:title, dct:description, dct:identifier) would scan more than ${error.limit} characters (MAX_TEXT_SCAN_CHARS); send fewer % values, longer text between the % signs, or add a theme, type or country filter so fewer resources are searched`,
    );
  }
  const parserType = (error as BodyParserError | undefined)?.type;
  switch (parserType) {
    case 'entity.parse.failed':
      return new BeaconError(
        'INVALID_JSON',
        'the body is not valid JSON; send a JSON object such as {"meta": {"apiVersion": "v2.0.0"}, "query": {"filters": []}}',
      );
    case 'entity.too.large':
      return new BeaconError(
        'PAYLOAD_TOO_LARGE',
        `the body is larger than ${limitBytes} bytes; send fewer or shorter filters`,
      );
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return new BeaconError(
        'UNSUPPORTED_MEDIA_TYPE',
        'send the body as UTF-8 JSON, without an unsupported Content-Encoding',
      );
    case 'request.aborted':
    case 'request.size.invalid':
      return new BeaconError('INVALID_REQUEST', 'the body was cut short; send it again whole');
    default:
      return clientError(error) ?? new BeaconError('INTERNAL', 'an internal error occurred; it has been logged');
  }
}

/** Every failure becomes a `beaconErrorResponse` whose `meta` echoes what was understood. */
export function createErrorHandler(deps: AppDeps) {
  const { config, logger } = deps;
  return (error: unknown, _req: Request, res: Response, _next: NextFunction): void => {
    const beaconError = toBeaconError(error, config.bodyLimitBytes);
    if (beaconError.status >= 500) logger.error({ err: error, reqId: requestIdOf(res) }, 'request failed');
    const request = (res.locals.catalogRequest as CatalogRequest | undefined) ?? defaultCatalogRequest(config);
    const echoFilters = (res.locals.echoFilters as string[] | undefined) ?? [];
    const body = errorResponse(
      {
        identity: config,
        request,
        echoFilters,
        schema: config.defaultSchema,
        granularity: request.requestedGranularity,
      },
      beaconError.status,
      beaconError.message,
    );
    if (res.headersSent) return;
    res.status(beaconError.status).json(body);
  };
}
