export interface RateLimitDecision {
  allowed: boolean;
  remaining: number;
  /** Whole seconds until the current window ends. */
  retryAfterSeconds: number;
  /** Start of the window this hit was counted in (for `refund`). */
  windowStart: number;
}

export interface RateLimiter {
  hit(key: string): RateLimitDecision;
  /** Takes back one hit of `key`, if it was counted in the window that is still current. */
  refund(key: string, windowStart: number): void;
}

/** More distinct clients than this in one window share one counter, so memory stays bounded. */
const MAX_TRACKED_CLIENTS = 100_000;
const OVERFLOW_KEY = '(overflow)';

/**
 * Fixed-window counter per client: `limit` requests per `windowMs`. The map is dropped
 * whole when a new window starts, so it never holds more than one window's clients.
 */
export function createRateLimiter(limit: number, windowMs: number, now: () => number = Date.now): RateLimiter {
  let windowStart = 0;
  let counts = new Map<string, number>();
  return {
    hit(key: string): RateLimitDecision {
      const time = now();
      if (time - windowStart >= windowMs) {
        windowStart = time - (time % windowMs);
        counts = new Map();
      }
      const slot = counts.has(key) || counts.size < MAX_TRACKED_CLIENTS ? key : OVERFLOW_KEY;
      const count = (counts.get(slot) ?? 0) + 1;
      counts.set(slot, count);
      const retryAfterSeconds = Math.max(1, Math.ceil((windowStart + windowMs - time) / 1000));
      return { allowed: count <= limit, remaining: Math.max(0, limit - count), retryAfterSeconds, windowStart };
    },
    refund(key: string, hitWindow: number): void {
      const count = counts.get(key);
      if (hitWindow === windowStart && count !== undefined && count > 0) counts.set(key, count - 1);
    },
  };
}
