import { isAlphanumericFilterId } from '../filters/alphanumeric-filters';

type Query = Record<string, unknown>;

const ALPHANUMERIC = /^([^:=]+(?::[^:=]+)?)(?::|=)(>=|<=|!|=|<|>)?([\s\S]*)$/;
const NUMERIC = /^-?\d+(?:\.\d+)?$/;

function single(value: unknown): string | undefined {
  if (Array.isArray(value)) return value.length > 0 ? value.map(String).join(',') : undefined;
  return typeof value === 'string' ? value : undefined;
}

/** `5` -> 5, so the body schema can say what is wrong with `-1` or `1.5`; text stays text. */
function numberOrText(value: string | undefined): number | string | undefined {
  return value !== undefined && NUMERIC.test(value) ? Number(value) : value;
}

/**
 * One `filters=` item: an alphanumeric filter as `id:<op><value>` (beacon-v2 GET syntax;
 * `country:IT` means `=`), or ontology ids, several joined by `|` for OR.
 */
export function readFilterText(text: string): Record<string, unknown> {
  const m = ALPHANUMERIC.exec(text);
  if (m?.[1] && isAlphanumericFilterId(m[1])) {
    const id = m[1];
    const value = m[3] ?? '';
    const isPattern = /^dct:(title|description|identifier)$/i.test(id);
    return { id, operator: m[2] ?? '=', value: isPattern ? value : value.split('|') };
  }
  const ids = text.split('|');
  return { id: ids.length === 1 ? text : ids };
}

/** GET /catalogs query parameters -> the POST body they stand for. */
export function getQueryToBody(query: Query): Record<string, unknown> {
  const filtersText = single(query.filters);
  const filters = filtersText
    ? filtersText
        .split(',')
        .map((f) => f.trim())
        .filter(Boolean)
        .map(readFilterText)
    : [];
  const requestedSchema = single(query.requestedSchema ?? query.requestedSchemas);
  const testMode = single(query.testMode);
  const pagination = Object.fromEntries(
    (['skip', 'limit'] as const).flatMap((key) =>
      query[key] === undefined ? [] : [[key, numberOrText(single(query[key]))]],
    ),
  );
  return {
    meta: {
      apiVersion: single(query.apiVersion) ?? 'v2.0.0',
      ...(requestedSchema && { requestedSchemas: [requestedSchema] }),
    },
    query: {
      filters,
      pagination,
      ...(query.requestedGranularity !== undefined && { requestedGranularity: single(query.requestedGranularity) }),
      ...(query.includeResultsetResponses !== undefined && {
        includeResultsetResponses: single(query.includeResultsetResponses),
      }),
      ...(testMode !== undefined && { testMode: testMode === 'true' ? true : testMode === 'false' ? false : testMode }),
    },
  };
}
