import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import type { Config } from '../config/config';
import { invalidRequest } from '../errors/beacon-error';
import { describeSchemaErrors } from './schema-registry';

import type { Granularity } from '../model/granularity';
export type ResultsetInclusion = 'ALL' | 'HIT' | 'MISS' | 'NONE';

export interface RequestedSchema {
  entityType: string;
  schema: string;
}

/** A POST or GET /catalogs request, read tolerantly and with every default applied. */
export interface CatalogRequest {
  apiVersion: string;
  requestedSchemas: RequestedSchema[];
  /** As sent; parsed and checked one by one in `src/filters/`. */
  filters: unknown[];
  requestParameters: Record<string, unknown>;
  includeResultsetResponses: ResultsetInclusion;
  /** `skip` counts pages of `limit` (beacon-v2 framework); `limit` is already clamped. */
  pagination: { skip: number; limit: number };
  requestedGranularity: Granularity;
  testMode: boolean;
}

export const DEFAULT_API_VERSION = 'v2.0.0';
export const ENTITY_TYPE = 'catalog';

const schemaFile = path.join(__dirname, '..', '..', 'schemas', 'beacon-catalog', 'catalogs-request.json');
const validateBody = new Ajv({ strict: false, allErrors: true }).compile(
  JSON.parse(fs.readFileSync(schemaFile, 'utf8')),
);

type Json = Record<string, unknown>;

function asObject(value: unknown): Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {};
}

/** Enum values arrive in any case (`RECORD`, `hit`); the schemas spell them one way. */
function normaliseEnumCase(body: Json): void {
  const meta = asObject(body.meta);
  const query = asObject(body.query);
  for (const holder of [meta, query]) {
    if (typeof holder.requestedGranularity === 'string')
      holder.requestedGranularity = holder.requestedGranularity.toLowerCase();
  }
  if (typeof query.includeResultsetResponses === 'string')
    query.includeResultsetResponses = query.includeResultsetResponses.toUpperCase();
}

function readRequestedSchemas(raw: unknown): RequestedSchema[] {
  const list = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  return list.map((entry) =>
    typeof entry === 'string'
      ? { entityType: ENTITY_TYPE, schema: entry }
      : { ...(entry as RequestedSchema), entityType: (entry as Partial<RequestedSchema>).entityType ?? ENTITY_TYPE },
  );
}

function readPagination(raw: Json, config: Readonly<Config>): { skip: number; limit: number } {
  const skip = typeof raw.skip === 'number' ? raw.skip : 0;
  const asked = typeof raw.limit === 'number' ? raw.limit : config.defaultLimit;
  const limit = asked === 0 || asked > config.maxLimit ? config.maxLimit : asked;
  return { skip, limit };
}

/**
 * The request parameters in the shape the framework's `requestParameters.json` allows, for
 * the echo in `receivedRequestSummary`: object values, and `$schema` as a string. Others are
 * accepted and left out, so that no request can make the answer fail its schema.
 */
function echoableParameters(raw: Json): Json {
  const echoed: Json = {};
  for (const [key, value] of Object.entries(raw)) {
    const fits =
      key === '$schema'
        ? typeof value === 'string'
        : value !== null && typeof value === 'object' && !Array.isArray(value);
    if (fits) echoed[key] = value;
  }
  return echoed;
}

/** Checks the body's shape and fills in defaults; a wrong shape is a 400 that names the field. */
export function readCatalogRequest(body: unknown, config: Readonly<Config>): CatalogRequest {
  if (body === undefined || body === null) body = {};
  if (typeof body !== 'object' || Array.isArray(body))
    throw invalidRequest('the request body must be a JSON object with "meta" and "query"');
  const json = body as Json;
  normaliseEnumCase(json);
  if (!validateBody(json)) throw invalidRequest(describeSchemaErrors(validateBody, 'body').join('; '));
  const meta = asObject(json.meta);
  const query = asObject(json.query);
  const granularity = (query.requestedGranularity ??
    meta.requestedGranularity ??
    config.defaultGranularity) as Granularity;
  return {
    apiVersion: typeof meta.apiVersion === 'string' ? meta.apiVersion : DEFAULT_API_VERSION,
    requestedSchemas: readRequestedSchemas(meta.requestedSchemas),
    filters: query.filters === undefined ? [] : Array.isArray(query.filters) ? query.filters : [query.filters],
    requestParameters: echoableParameters(asObject(query.requestParameters)),
    includeResultsetResponses: (query.includeResultsetResponses as ResultsetInclusion | undefined) ?? 'HIT',
    pagination: readPagination(asObject(query.pagination), config),
    requestedGranularity: granularity,
    testMode: query.testMode === true,
  };
}

/** The request summary for an error answer, when the request itself could not be read. */
export function defaultCatalogRequest(config: Readonly<Config>): CatalogRequest {
  return readCatalogRequest({}, config);
}
