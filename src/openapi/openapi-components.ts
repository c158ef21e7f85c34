import { componentName } from './bundle-framework-schemas';

type Json = Record<string, unknown>;

/** The framework schemas the document's operations name; bundled into `components.schemas`. */
export const FRAMEWORK_FILES = {
  info: 'responses/beaconInfoResponse.json',
  serviceInfo: 'responses/ga4gh-service-info-1-0-0-schema.json',
  configuration: 'responses/beaconConfigurationResponse.json',
  map: 'responses/beaconMapResponse.json',
  entryTypes: 'responses/beaconEntryTypesResponse.json',
  filteringTerms: 'responses/beaconFilteringTermsResponse.json',
  resultsets: 'responses/beaconResultsetsResponse.json',
  count: 'responses/beaconCountResponse.json',
  boolean: 'responses/beaconBooleanResponse.json',
  error: 'responses/beaconErrorResponse.json',
  requestBody: 'requests/beaconRequestBody.json',
} as const;

export const ref = (file: string): Json => ({ $ref: `#/components/schemas/${componentName(file)}` });

export function jsonResponse(description: string, file: string): Json {
  return { description, content: { 'application/json': { schema: ref(file) } } };
}

export const ERROR_RESPONSES: Json = {
  '400': jsonResponse('The request is malformed; the message says what to fix.', FRAMEWORK_FILES.error),
  '404': jsonResponse('No such path or resource.', FRAMEWORK_FILES.error),
  '406': jsonResponse('No representation matches the Accept header.', FRAMEWORK_FILES.error),
  default: jsonResponse('Any other failure, as a Beacon error response.', FRAMEWORK_FILES.error),
};

/** What POST /catalogs really accepts: `schemas/beacon-catalog/catalogs-request.json`, tolerant of real clients. */
export const CATALOGS_REQUEST_COMPONENT = 'beacon-catalog.catalogs-request';
export const catalogsRequestRef: Json = { $ref: `#/components/schemas/${CATALOGS_REQUEST_COMPONENT}` };
