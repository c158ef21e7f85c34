import { canonicalCountry } from '../model/countries';
import { invalidRequest } from '../errors/beacon-error';
import type { Clause, Dialect, PatternField } from './filter-types';
import { readResourceType } from './resource-types';

interface AlphanumericSpec {
  dialect: Dialect;
  target: 'type' | 'country' | PatternField;
}

/** The alphanumeric filter ids this service knows, by lower-cased id; a Map, so `constructor` is not one. */
const ALPHANUMERIC_FILTERS: ReadonlyMap<string, AlphanumericSpec> = new Map([
  ['resourcetypes', { dialect: 'v1', target: 'type' }],
  ['country', { dialect: 'v1', target: 'country' }],
  ['dct:spatial', { dialect: 'v2', target: 'country' }],
  ['dct:sptial', { dialect: 'v2', target: 'country' }],
  ['rdf:type', { dialect: 'v2', target: 'type' }],
  ['dct:title', { dialect: 'v2', target: 'title' }],
  ['dct:description', { dialect: 'v2', target: 'description' }],
  ['dct:identifier', { dialect: 'v2', target: 'id' }],
]);

export function isAlphanumericFilterId(id: string): boolean {
  return ALPHANUMERIC_FILTERS.has(id.toLowerCase());
}

export interface AlphanumericResult {
  clause?: Clause;
  dialect: Dialect;
  unsupported: string[];
}

/** The trimmed, non-empty values; with `splitCommas`, each is also split on commas. */
function readValues(raw: unknown, where: string, splitCommas: boolean): string[] {
  const list: unknown[] = Array.isArray(raw) ? raw : [raw];
  const values: string[] = [];
  for (const value of list) {
    if (typeof value !== 'string' && typeof value !== 'number')
      throw invalidRequest(`${where}.value must be a string or an array of strings`);
    const text = String(value);
    for (const part of splitCommas && text.includes(',') ? text.split(',') : [text]) {
      const trimmed = part.trim();
      if (trimmed.length > 0) values.push(trimmed);
    }
  }
  return values;
}

/** Maps values through `read`; the ones it cannot read are reported, not fatal. */
function mapValues(values: string[], read: (v: string) => string | undefined): { known: string[]; unknown: string[] } {
  const known: string[] = [];
  const unknown: string[] = [];
  for (const value of values) {
    const mapped = read(value);
    if (mapped === undefined) unknown.push(value);
    else if (!known.includes(mapped)) known.push(mapped);
  }
  return { known, unknown };
}

/**
 * `{id, operator, value}` for a known id. Operators `=` and `!` are supported (`!` is
 * "none of these"); others make the whole filter unsupported.
 */
export function parseAlphanumericFilter(
  id: string,
  filter: Record<string, unknown>,
  where: string,
): AlphanumericResult {
  const spec = ALPHANUMERIC_FILTERS.get(id.toLowerCase());
  if (!spec) throw new Error(`not an alphanumeric filter id: ${id}`);
  const operator = filter.operator ?? '=';
  if (typeof operator !== 'string') throw invalidRequest(`${where}.operator must be a string such as "="`);
  if (operator !== '=' && operator !== '!') return { dialect: spec.dialect, unsupported: [id] };
  const negate = operator === '!';
  if (spec.target === 'type' || spec.target === 'country') {
    // Codes and type names hold no commas, so `"IT,DE"` is read as the list some clients mean.
    const codes = readValues(filter.value, where, true);
    const { known, unknown } = mapValues(codes, spec.target === 'type' ? readResourceType : canonicalCountry);
    const clause: Clause | undefined =
      known.length > 0 ? { kind: 'terms', field: spec.target, values: known, negate } : undefined;
    return { clause, dialect: spec.dialect, unsupported: unknown };
  }
  const values = readValues(filter.value, where, false);
  const clause: Clause | undefined =
    values.length > 0 ? { kind: 'pattern', field: spec.target, patterns: values, negate } : undefined;
  return { clause, dialect: spec.dialect, unsupported: [] };
}
