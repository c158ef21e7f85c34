import { ERROR_RESPONSES, FRAMEWORK_FILES, catalogsRequestRef, ref } from './openapi-components';

type Json = Record<string, unknown>;

/** anyOf, not oneOf: a resultsets answer is also a valid count answer (the schemas allow extra keys). */
const QUERY_ANSWER: Json = {
  anyOf: [ref(FRAMEWORK_FILES.resultsets), ref(FRAMEWORK_FILES.count), ref(FRAMEWORK_FILES.boolean)],
};

/** JSON (the Beacon envelope) by default; JSON-LD, CSV, TSV and Turtle on request. */
const QUERY_CONTENT: Json = {
  'application/json': { schema: QUERY_ANSWER },
  'application/ld+json': {
    schema: {
      type: 'object',
      required: ['@context', '@graph'],
      properties: { '@context': { type: 'string' }, '@graph': { type: 'array' } },
    },
  },
  'text/csv': { schema: { type: 'string' } },
  'text/tab-separated-values': { schema: { type: 'string' } },
  'text/turtle': { schema: { type: 'string' } },
};

const FORMAT = {
  name: 'format',
  in: 'query',
  required: false,
  schema: { enum: ['json', 'jsonld', 'csv', 'tsv', 'ttl', 'turtle'] },
  description: 'Overrides Accept.',
};

const GET_PARAMETERS: Json[] = [
  {
    name: 'filters',
    in: 'query',
    required: false,
    schema: { type: 'string' },
    description:
      'Comma-separated: ontology ids (`ordo:Orphanet_586`, `|` for OR) or `id:value` alphanumeric filters (`dct:spatial:IT`).',
    example: 'ordo:Orphanet_586,dct:spatial:IT',
  },
  {
    name: 'requestedSchema',
    in: 'query',
    required: false,
    schema: { enum: ['ejprd-resources-v1.0.0', 'ejprd-resources-v2.0.0'] },
  },
  { name: 'requestedGranularity', in: 'query', required: false, schema: { enum: ['boolean', 'count', 'record'] } },
  {
    name: 'skip',
    in: 'query',
    required: false,
    schema: { type: 'integer', minimum: 0 },
    description: 'Pages of `limit` to skip.',
  },
  { name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 0 } },
  FORMAT,
];

/** `/catalogs` and `/catalogs/{id}`: answers `$ref` the framework response schemas. */
export function catalogPaths(examples: Readonly<Record<string, { summary: string; value: unknown }>>): Json {
  const body = { required: false, content: { 'application/json': { schema: catalogsRequestRef, examples } } };
  const responses = {
    '200': { description: 'The matching resources, at the granularity returned.', content: QUERY_CONTENT },
    ...ERROR_RESPONSES,
  };
  const id = {
    name: 'id',
    in: 'path',
    required: true,
    schema: { type: 'string' },
    description: 'The resource `@id`, URL-encoded.',
  };
  return {
    '/catalogs': {
      get: {
        tags: ['catalogs'],
        operationId: 'getCatalogs',
        summary: 'Query the catalog with GET parameters',
        parameters: GET_PARAMETERS,
        responses,
      },
      post: {
        tags: ['catalogs'],
        operationId: 'postCatalogs',
        summary: 'Query the catalog (Beacon v2 request body, v1 or v2 filters)',
        requestBody: body,
        responses,
      },
    },
    '/catalogs/{id}': {
      get: {
        tags: ['catalogs'],
        operationId: 'getCatalog',
        summary: 'One resource by its @id',
        parameters: [id, GET_PARAMETERS[1], FORMAT],
        responses,
      },
      post: {
        tags: ['catalogs'],
        operationId: 'postCatalog',
        summary: 'One resource by its @id',
        parameters: [id],
        requestBody: body,
        responses,
      },
    },
  };
}
