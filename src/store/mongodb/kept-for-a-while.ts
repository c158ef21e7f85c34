/**
 * `load`'s answer, kept for `ttlMs` and shared by every caller meanwhile; a rejection is not
 * kept. `forget()` drops it at once (after a write through this process).
 */
export function keptForAWhile<T>(
  ttlMs: number,
  load: () => Promise<T>,
  now: () => number = Date.now,
): { get(): Promise<T>; forget(): void } {
  let kept: { value: Promise<T>; at: number } | undefined;
  return {
    get(): Promise<T> {
      if (kept && now() - kept.at < ttlMs) return kept.value;
      const value = load();
      const entry = { value, at: now() };
      kept = entry;
      value.catch(() => {
        if (kept === entry) kept = undefined;
      });
      return value;
    },
    forget(): void {
      kept = undefined;
    },
  };
}
