import type { CatalogRequest } from '../request/catalog-request';
import type { Granularity } from '../model/granularity';
import { DEFAULT_API_VERSION, ENTITY_TYPE } from '../request/catalog-request';
import { ITEM_SCHEMAS, type ItemSchema } from './item-schemas';

/** What every Beacon response's `meta` needs from the service. */
export interface BeaconIdentity {
  beaconId: string;
  resultSetId: string;
}

export interface EnvelopeInput {
  identity: BeaconIdentity;
  request: CatalogRequest;
  /** Filters as echoed strings (`receivedRequestSummary.filters`). */
  echoFilters: string[];
  schema: ItemSchema;
  granularity: Granularity;
}

export function returnedSchema(schema: ItemSchema): Record<string, string> {
  return { entityType: ENTITY_TYPE, ...ITEM_SCHEMAS[schema] };
}

/** `meta` of a query response (and of an error), complete as `beaconResponseMeta` requires. */
export function responseMeta(input: EnvelopeInput): Record<string, unknown> {
  const { request } = input;
  return {
    beaconId: input.identity.beaconId,
    apiVersion: DEFAULT_API_VERSION,
    returnedGranularity: input.granularity,
    receivedRequestSummary: {
      apiVersion: request.apiVersion,
      requestedSchemas: request.requestedSchemas,
      filters: input.echoFilters,
      requestParameters: request.requestParameters,
      includeResultsetResponses: request.includeResultsetResponses,
      pagination: { ...request.pagination },
      requestedGranularity: request.requestedGranularity,
      testMode: request.testMode,
    },
    returnedSchemas: [returnedSchema(input.schema)],
    ...(request.testMode && { testMode: true }),
  };
}

export interface Outcome {
  total: number;
  results: Record<string, unknown>[];
  /** `info` as the rendering allows it (v1: warnings only), or undefined. */
  info?: Record<string, unknown>;
}

/** Whether the single result set is listed, per `includeResultsetResponses`. */
export function listsResultSet(request: CatalogRequest, total: number): boolean {
  const inclusion = request.includeResultsetResponses;
  return inclusion === 'ALL' || (inclusion === 'HIT' && total > 0) || (inclusion === 'MISS' && total === 0);
}

/** Everything of a query response but `response`: meta, summary, info, handovers. */
export function responseHead(
  input: EnvelopeInput,
  total: number,
  info: Record<string, unknown> | undefined,
): Record<string, unknown> {
  const exists = total > 0;
  const responseSummary = input.granularity === 'boolean' ? { exists } : { exists, numTotalResults: total };
  const body: Record<string, unknown> = { meta: responseMeta(input), responseSummary };
  if (info) body.info = info;
  body.beaconHandovers = [];
  return body;
}

/** The single result set without its `results` (which come last in it). */
export function resultSetHead(input: EnvelopeInput, total: number, resultsCount: number): Record<string, unknown> {
  return { id: input.identity.resultSetId, setType: ENTITY_TYPE, exists: total > 0, resultsCount };
}

/** The boolean, count or resultsets response, by the granularity actually returned. */
export function queryResponse(input: EnvelopeInput, outcome: Outcome): Record<string, unknown> {
  const body = responseHead(input, outcome.total, outcome.info);
  if (input.granularity !== 'record') return body;
  const resultSet = { ...resultSetHead(input, outcome.total, outcome.results.length), results: outcome.results };
  body.response = { resultSets: listsResultSet(input.request, outcome.total) ? [resultSet] : [] };
  return body;
}

export function errorResponse(input: EnvelopeInput, status: number, message: string): Record<string, unknown> {
  return { meta: responseMeta(input), error: { errorCode: status, errorMessage: message } };
}

/** `meta` of informational responses (`beaconInformationalResponseMeta`). */
export function informationalMeta(identity: BeaconIdentity, schemas: ItemSchema[]): Record<string, unknown> {
  return { beaconId: identity.beaconId, apiVersion: DEFAULT_API_VERSION, returnedSchemas: schemas.map(returnedSchema) };
}
