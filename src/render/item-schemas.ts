import type { RequestedSchema } from '../request/catalog-request';
import type { Dialect } from '../filters/filter-types';

export type ItemSchema = 'v1' | 'v2';

export const EJPRD_CONTEXT_URL =
  'https://raw.githubusercontent.com/ejp-rd-vp/vp-api-specs/main/json-ld-contexts/ejprd-context.json';

/** How each item schema is named in `returnedSchemas` and `/entry_types`. */
export const ITEM_SCHEMAS = {
  v1: {
    schema: 'ejprd-resources-v1.0.0',
    name: 'EJPRD schema for resources',
    url: 'https://raw.githubusercontent.com/ejp-rd-vp/vp-api-specs/main/schemas/1.0.0/ejprd-resources-v1.0.0.json',
    version: 'v1.0.0',
  },
  v2: {
    schema: 'ejprd-resources-v2.0.0',
    name: 'EJPRD schema for resources (JSON-LD)',
    url: 'https://raw.githubusercontent.com/ejp-rd-vp/vp-api-specs/main/schemas/2.0.0/ejprd-resources-v2.0.0.json',
    version: 'v2.0.0',
  },
} as const;

/** Schema names as clients write them: plural or singular, v2 also published as v4.0.0, with or without path and `.json`. */
const SCHEMA_ALIASES: Readonly<Record<string, ItemSchema>> = {
  'ejprd-resources-v1.0.0': 'v1',
  'ejprd-resource-v1.0.0': 'v1',
  'ejprd-resources-v2.0.0': 'v2',
  'ejprd-resource-v2.0.0': 'v2',
  'ejprd-resources-v4.0.0': 'v2',
  'ejprd-resource-v4.0.0': 'v2',
};

export function readItemSchema(name: string): ItemSchema | undefined {
  const base = name.trim().split(/[/#?]/).filter(Boolean).pop() ?? '';
  const key = base.replace(/\.json$/i, '').toLowerCase();
  // Own properties only: `constructor` or `__proto__` must not find Object.prototype's.
  return Object.hasOwn(SCHEMA_ALIASES, key) ? SCHEMA_ALIASES[key] : undefined;
}

export interface SchemaChoice {
  schema: ItemSchema;
  /** Set when the client asked for schemas this service does not know. */
  unknownRequested?: string[];
}

/**
 * The first requested schema this service knows; else v2 when every filter is written in
 * v2 spellings; else the configured default (v1: what the VP portal parses).
 */
export function chooseItemSchema(
  requested: readonly RequestedSchema[],
  dialects: ReadonlySet<Dialect>,
  fallback: ItemSchema,
): SchemaChoice {
  for (const entry of requested) {
    const schema = readItemSchema(entry.schema);
    if (schema) return { schema };
  }
  const byDialect: ItemSchema = dialects.size > 0 && !dialects.has('v1') ? 'v2' : fallback;
  return requested.length > 0
    ? { schema: byDialect, unknownRequested: requested.map((r) => r.schema) }
    : { schema: byDialect };
}
