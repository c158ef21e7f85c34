/**
 * The one catalogue of error codes this service answers with. Each code has one HTTP
 * status; the README's error table is checked against this object by a test.
 */
export const ERROR_CODES = {
  INVALID_JSON: { status: 400, summary: 'the body is not valid JSON' },
  INVALID_REQUEST: { status: 400, summary: 'the request does not have the shape the API requires' },
  UNAUTHORIZED: {
    status: 401,
    summary: 'the Bearer token or auth-key is missing a valid signature, expired or for another audience',
  },
  NOT_FOUND: { status: 404, summary: 'no such path or resource' },
  METHOD_NOT_ALLOWED: { status: 405, summary: 'the path exists but not for this method' },
  NOT_ACCEPTABLE: { status: 406, summary: 'no representation matches the Accept header' },
  PAYLOAD_TOO_LARGE: { status: 413, summary: 'the body is larger than the configured limit' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, summary: 'the body is not sent as application/json' },
  TOO_MANY_REQUESTS: {
    status: 429,
    summary: 'this client sent more requests than the rate limit allows; see Retry-After',
  },
  INTERNAL: { status: 500, summary: 'a fault inside the service (never caused by client input)' },
  STORE_UNAVAILABLE: { status: 503, summary: 'the catalog store cannot be reached or timed out' },
  OVERLOADED: { status: 503, summary: 'too many requests in flight; the queue is full; see Retry-After' },
  KEYS_UNAVAILABLE: { status: 503, summary: "the token issuer's keys could not be fetched in time; see Retry-After" },
  TIMEOUT: { status: 503, summary: 'the request took longer than the configured request timeout' },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** An error that becomes a Beacon error response; its message says what to fix. */
export class BeaconError extends Error {
  override name = 'BeaconError';
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.status = ERROR_CODES[code].status;
  }
}

export function invalidRequest(message: string): BeaconError {
  return new BeaconError('INVALID_REQUEST', message);
}
