import type { ValidateFunction } from 'ajv';
import { ejprdSchemaValidator, describeSchemaErrors } from '../request/schema-registry';
import { RESOURCE_TYPES } from '../model/catalog-resource';
import { canonicalCountry } from '../model/countries';

const ISO_8601 = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const CURIE = /^\w[^:]+:.+$/;

type Item = Record<string, unknown>;

function isIsoDate(value: unknown): boolean {
  return typeof value === 'string' && ISO_8601.test(value) && !Number.isNaN(Date.parse(value));
}

/**
 * Schema lines this module states in its own words or does not demand: the organisation
 * schema requires a `location` it never defines; the `@type` enum is checked below
 * because draft-07 validators other than ajv treat it as inert beside its `$ref`.
 */
function isOverridden(line: string): boolean {
  return (
    /^item\.publisher must have required property 'location'$/.test(line) ||
    line.startsWith('item.@type must be equal to one of')
  );
}

function countryOf(item: Item): unknown {
  const publisher = item.publisher as Item | undefined;
  const spatial = (publisher?.spatial ?? item.spatial) as Item | undefined;
  return spatial?.title;
}

function extraProblems(item: Item): string[] {
  const problems: string[] = [];
  if (!RESOURCE_TYPES.includes(item['@type'] as (typeof RESOURCE_TYPES)[number])) {
    problems.push(`item.@type must be one of ${RESOURCE_TYPES.join(', ')}`);
  }
  for (const field of ['created', 'updated'] as const) {
    if (item[field] !== undefined && !isIsoDate(item[field]))
      problems.push(`item.${field} must be an ISO 8601 date or date-time`);
  }
  const country = countryOf(item);
  if (country !== undefined && (typeof country !== 'string' || !canonicalCountry(country))) {
    problems.push('item.publisher.spatial.title must be an ISO 3166-1 alpha-2 country code');
  }
  const themes = Array.isArray(item.theme) ? item.theme : [item.theme];
  themes.forEach((theme, i) => {
    if (typeof theme !== 'string' || !CURIE.test(theme))
      problems.push(`item.theme[${i}] must be a CURIE such as ordo:Orphanet_558`);
  });
  return problems;
}

const LIST_FIELDS = ['theme', 'language', 'landingPage', 'keyword'] as const;

/**
 * The published examples give `theme` and `language` as single strings; read them as lists.
 * A copy only when one is a string: most items are validated as they are (ajv, as set up,
 * never changes the data it checks).
 */
function asLists(item: Item): Item {
  if (!LIST_FIELDS.some((field) => typeof item[field] === 'string')) return item;
  const tolerant: Item = { ...item };
  for (const field of LIST_FIELDS) if (typeof tolerant[field] === 'string') tolerant[field] = [tolerant[field]];
  return tolerant;
}

/** Found once: ajv's lookup by schema id resolves the id on every call, a million times a large load. */
let itemValidator: ValidateFunction | undefined;

/** Every problem of one v2 item, as lines that name the field; empty when it is valid. */
export function validateCatalogItem(item: unknown): string[] {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) return ['item must be a JSON object'];
  const tolerant = asLists(item as Item);
  const validate = (itemValidator ??= ejprdSchemaValidator('2.0.0/ejprd-resources-v2.0.0.json'));
  const schemaProblems = validate(tolerant)
    ? []
    : describeSchemaErrors(validate, 'item').filter((l) => !isOverridden(l));
  return [...schemaProblems, ...extraProblems(tolerant)];
}
