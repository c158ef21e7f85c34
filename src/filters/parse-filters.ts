import { invalidRequest } from '../errors/beacon-error';
import { isAlphanumericFilterId, parseAlphanumericFilter } from './alphanumeric-filters';
import { echoFilter } from './echo-filter';
import type { Dialect, FilterOptions, ParsedFilters } from './filter-types';
import { parseTermFilter, type Similarity } from './term-filters';

const SIMILARITIES: readonly Similarity[] = ['exact', 'high', 'medium', 'low'];
const OUR_SCOPES = new Set(['catalogs', 'catalog', 'resources', 'resource']);

type RawFilter = Record<string, unknown>;

function checkShape(raw: unknown, where: string, options: FilterOptions): { filter: RawFilter; ids: string[] } {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    throw invalidRequest(`${where} must be an object with an "id"`);
  const filter = raw as RawFilter;
  const ids = Array.isArray(filter.id) ? filter.id : [filter.id];
  if (filter.id === undefined || !ids.every((id) => typeof id === 'string')) {
    throw invalidRequest(`${where}.id must be a string or an array of strings`);
  }
  const { maxValuesPerFilter, maxStringLength } = options.limits;
  const values = Array.isArray(filter.value) ? filter.value : [filter.value];
  if (ids.length > maxValuesPerFilter || values.length > maxValuesPerFilter) {
    throw invalidRequest(`${where} has more than ${maxValuesPerFilter} ids or values`);
  }
  if ([...ids, ...values].some((v) => typeof v === 'string' && v.length > maxStringLength)) {
    throw invalidRequest(`${where} has an id or value longer than ${maxStringLength} characters`);
  }
  return { filter, ids: (ids as string[]).map((id) => id.trim()).filter((id) => id.length > 0) };
}

function readTermOptions(
  filter: RawFilter,
  where: string,
  options: FilterOptions,
): { descendants: boolean; similarity: Similarity } {
  const descendants = filter.includeDescendantTerms ?? options.includeDescendantTermsDefault;
  if (typeof descendants !== 'boolean') throw invalidRequest(`${where}.includeDescendantTerms must be true or false`);
  const similarity = filter.similarity ?? 'exact';
  if (!SIMILARITIES.includes(similarity as Similarity))
    throw invalidRequest(`${where}.similarity must be one of ${SIMILARITIES.join(', ')}`);
  return { descendants, similarity: similarity as Similarity };
}

function outOfScope(filter: RawFilter): boolean {
  return typeof filter.scope === 'string' && !OUR_SCOPES.has(filter.scope.toLowerCase());
}

/**
 * Request filters -> internal clauses. Malformed filters are 400s that say what to fix;
 * well-formed but unsupported ids, operators and values are ignored and reported.
 */
export function parseFilters(rawFilters: readonly unknown[], options: FilterOptions): ParsedFilters {
  if (rawFilters.length > options.limits.maxFilters)
    throw invalidRequest(`query.filters has more than ${options.limits.maxFilters} filters`);
  const parsed: ParsedFilters & { dialects: Set<Dialect> } = {
    groups: [],
    unsupported: [],
    notes: [],
    dialects: new Set(),
    echo: [],
  };
  rawFilters.forEach((raw, index) => {
    const where = `query.filters[${index}]`;
    const { filter, ids } = checkShape(raw, where, options);
    // A filter that names no id constrains nothing, and an empty string would echo nothing.
    if (ids.length === 0) return;
    parsed.echo.push(echoFilter(filter));
    if (outOfScope(filter)) {
      parsed.unsupported.push(...ids);
      return;
    }
    const [first] = ids;
    if (ids.length === 1 && first && isAlphanumericFilterId(first)) {
      if (filter.value === undefined)
        throw invalidRequest(
          `${where} ("${first}") needs "operator" and "value", e.g. {"id": "${first}", "operator": "=", "value": [...]}`,
        );
      const result = parseAlphanumericFilter(first, filter, where);
      parsed.unsupported.push(...result.unsupported);
      if (result.clause) {
        parsed.groups.push([result.clause]);
        parsed.dialects.add(result.dialect);
      }
      return;
    }
    const { descendants, similarity } = readTermOptions(filter, where, options);
    const { ontology, themePrefixes } = options;
    const result = parseTermFilter({
      ids,
      includeDescendantTerms: descendants,
      similarity,
      ontology,
      themePrefixes,
      withValue: filter.value !== undefined,
    });
    parsed.unsupported.push(...result.unsupported);
    // Without ontology data a similarity cannot be honoured: the filter runs exact and says so.
    if (similarity !== 'exact' && !ontology)
      parsed.unsupported.push(...ids.filter((id) => !result.unsupported.includes(id)));
    else parsed.unsupported.push(...result.exactOnly);
    parsed.notes.push(...result.notes);
    result.dialects.forEach((d) => parsed.dialects.add(d));
    if (result.clauses.length > 0) parsed.groups.push(result.clauses);
  });
  return parsed;
}
