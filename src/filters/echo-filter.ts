/**
 * One string per filter for `receivedRequestSummary.filters` (the framework requires
 * strings). Ontology/custom ids as sent, several joined by `|` (OR); alphanumeric filters
 * as `id:<operator><value>` (beacon-v2 `filters=` syntax), several values joined by `|`.
 * GET /catalogs reads the same syntax back.
 */
export function echoFilter(filter: unknown): string {
  if (filter === null || typeof filter !== 'object' || Array.isArray(filter))
    return JSON.stringify(filter) ?? String(filter);
  const { id, operator, value } = filter as Record<string, unknown>;
  const ids = Array.isArray(id) ? id.map(String).join('|') : String(id);
  if (value === undefined) return ids;
  const values = Array.isArray(value) ? value.map(String).join('|') : String(value);
  return `${ids}:${typeof operator === 'string' ? operator : '='}${values}`;
}
