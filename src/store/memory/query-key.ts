/**
 * The canonical text of a query document made only of plain data (strings, numbers,
 * booleans, null, arrays and plain objects), or undefined for anything else: a Date or a
 * RegExp would serialise like a string or `{}` and could share another query's key.
 * Every cache of the embedded store is keyed by this text, never by the object: equal
 * documents built anew (tiered access builds each one twice) share their entries.
 */
export function queryKey(query: unknown): string | undefined {
  return isPlainData(query, 0) ? JSON.stringify(query) : undefined;
}

function isPlainData(value: unknown, depth: number): boolean {
  if (typeof value === 'string' || typeof value === 'boolean' || value === null) return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value !== 'object' || depth > 32) return false;
  if (Array.isArray(value)) {
    for (const item of value as unknown[]) if (!isPlainData(item, depth + 1)) return false;
    return true;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  // Plain objects only, so `for...in` sees own keys alone.
  for (const key in value) if (!isPlainData((value as Record<string, unknown>)[key], depth + 1)) return false;
  return true;
}
