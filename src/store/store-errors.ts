/**
 * Errors every store raises in the same shapes, so the HTTP layer maps them by class
 * (never by message text): `StoreUnavailableError` becomes 503.
 */

export const STORE_UNAVAILABLE_REASONS = ['unreachable', 'timeout', 'closed'] as const;
export type StoreUnavailableReason = (typeof STORE_UNAVAILABLE_REASONS)[number];

/** The base class of the errors a store raises on purpose. */
export class StoreError extends Error {
  override name = 'StoreError';
}

/** The store cannot answer now (database down, too slow, or closed); retrying later may work. */
export class StoreUnavailableError extends StoreError {
  override name = 'StoreUnavailableError';
  readonly reason: StoreUnavailableReason;

  constructor(reason: StoreUnavailableReason, options?: { cause?: unknown }) {
    super(`catalog store unavailable: ${reason}`, options);
    this.reason = reason;
  }
}

/**
 * The `%` text filters of one query would scan more characters than the store allows
 * (`MAX_TEXT_SCAN_CHARS`); the request is refused before the scan goes further (a 400).
 */
export class TextScanBudgetError extends StoreError {
  override name = 'TextScanBudgetError';

  constructor(readonly limit: number) {
    super(`the text filters would scan more than ${limit} characters`);
  }
}

/** A query document in a shape the store does not evaluate (never one `src/query/` writes): a fault, not input. */
export class UnsupportedQueryError extends StoreError {
  override name = 'UnsupportedQueryError';
}
