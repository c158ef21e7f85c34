import type { Config } from '../config/config';
import { SERVICE_VERSION } from '../info/beacon-identity';
import { bundleFrameworkSchemas } from './bundle-framework-schemas';
import fs from 'node:fs';
import path from 'node:path';
import { CATALOGS_REQUEST_COMPONENT, ERROR_RESPONSES, FRAMEWORK_FILES, jsonResponse, ref } from './openapi-components';
import { CATALOG_REQUEST_EXAMPLES } from './openapi-examples';
import { catalogPaths } from './openapi-catalog-paths';
import { operationsPaths } from './openapi-operations-paths';

type Json = Record<string, unknown>;

/** An informational endpoint: GET, and POST where beacon-v2 allows it. */
function informational(tag: string, summary: string, file: string, withPost: boolean): Json {
  const operation = (method: string): Json => ({
    tags: ['Informational endpoints'],
    operationId: `${method}${tag}`,
    summary,
    responses: {
      '200': jsonResponse(summary, file),
      '304': { description: 'Not modified (If-None-Match matched the ETag).' },
      ...ERROR_RESPONSES,
    },
  });
  return withPost
    ? {
        get: operation('get'),
        post: {
          ...operation('post'),
          requestBody: {
            required: false,
            content: { 'application/json': { schema: ref(FRAMEWORK_FILES.requestBody) } },
          },
        },
      }
    : { get: operation('get') };
}

function staticPaths(): Json {
  const plain = (summary: string, type: string): Json => ({
    get: {
      tags: ['Documentation'],
      summary,
      operationId: `get${summary.replace(/\W/g, '')}`,
      responses: { '200': { description: summary, content: { [type]: {} } } },
    },
  });
  return {
    '/openapi.json': plain('This OpenAPI document', 'application/json'),
    '/docs': plain('Interactive API page', 'text/html'),
    '/docs/{file}': {
      get: {
        tags: ['Documentation'],
        summary: 'Assets of the API page (Swagger UI)',
        operationId: 'getDocsAsset',
        parameters: [{ name: 'file', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {
          '200': { description: 'The asset' },
          '404': jsonResponse('No such asset.', FRAMEWORK_FILES.error),
        },
      },
    },
    '/json-ld-contexts/ejprd-context.json': plain('The corrected EJP-RD JSON-LD context', 'application/ld+json'),
  };
}

function catalogsRequestSchema(): Json {
  const file = path.join(__dirname, '..', '..', 'schemas', 'beacon-catalog', 'catalogs-request.json');
  const { $schema: _dialect, ...schema } = JSON.parse(fs.readFileSync(file, 'utf8')) as Json;
  return schema;
}

/** The OpenAPI 3.1 description of everything the service answers. */
export function openApiDocument(config: Readonly<Config>): Json {
  return {
    openapi: '3.1.0',
    info: {
      title: config.beaconName,
      version: SERVICE_VERSION,
      description: `${config.beaconDescription}\n\nBeacon v2 framework informational endpoints and the EJP-RD Virtual Platform \`/catalogs\` query (v1 and v2 filters and item schemas).`,
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
    },
    servers: [{ url: config.publicUrl }],
    security: [],
    tags: [
      { name: 'Informational endpoints', description: 'Beacon v2 framework: what this beacon is and serves.' },
      { name: 'catalogs', description: 'EJP-RD Virtual Platform catalog queries.' },
      { name: 'Documentation', description: 'This document, the API page and the JSON-LD context.' },
      { name: 'Operations', description: 'Health probes and metrics; never rate limited or queued.' },
    ],
    paths: {
      '/': informational('Root', 'Beacon information', FRAMEWORK_FILES.info, true),
      '/info': informational('Info', 'Beacon information', FRAMEWORK_FILES.info, true),
      '/service-info': informational('ServiceInfo', 'GA4GH service-info', FRAMEWORK_FILES.serviceInfo, false),
      '/configuration': informational('Configuration', 'Beacon configuration', FRAMEWORK_FILES.configuration, true),
      '/map': informational('Map', 'Beacon map', FRAMEWORK_FILES.map, true),
      '/entry_types': informational('EntryTypes', 'Entry types', FRAMEWORK_FILES.entryTypes, true),
      '/filtering_terms': informational('FilteringTerms', 'Filtering terms', FRAMEWORK_FILES.filteringTerms, true),
      ...catalogPaths(CATALOG_REQUEST_EXAMPLES),
      ...staticPaths(),
      ...operationsPaths(),
    },
    components: {
      schemas: {
        ...bundleFrameworkSchemas(Object.values(FRAMEWORK_FILES)),
        [CATALOGS_REQUEST_COMPONENT]: catalogsRequestSchema(),
      },
    },
  };
}
