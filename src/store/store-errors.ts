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
