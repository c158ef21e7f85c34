import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { buildOntologyIndex } from '../../src/ontology';
import { newParsedTerm } from '../../src/ontology/parsed-ontology';
import { createTestApp, fixtureCatalog } from '../support/test-app';
import { beaconSchemaValidator } from '../../src/request/schema-registry';

const EXAMPLES = path.join(
  __dirname,
  '..',
  '..',
  'fixtures',
  'spec-examples',
  'vp-api-specs-doc-examples',
  'informational',
);
const example = (name: string): any => JSON.parse(fs.readFileSync(path.join(EXAMPLES, name), 'utf8'));

const IDENTITY = {
  publicUrl: 'https://beacon.example.org/api',
  createdAt: '2024-05-01T10:00:00Z',
  updatedAt: '2025-01-15T08:30:00Z',
  welcomeUrl: 'https://beacon.example.org/',
  contactUrl: 'mailto:beacon@example.org',
  environment: 'test' as const,
};
const app = createTestApp({ config: IDENTITY });

function expectValid(body: unknown, schemaPath: string): void {
  const validate = beaconSchemaValidator(schemaPath);
  if (!validate(body)) throw new Error(`not valid against ${schemaPath}: ${JSON.stringify(validate.errors, null, 2)}`);
}

const ENVELOPED = [
  ['/', 'responses/beaconInfoResponse.json'],
  ['/info', 'responses/beaconInfoResponse.json'],
  ['/configuration', 'responses/beaconConfigurationResponse.json'],
  ['/map', 'responses/beaconMapResponse.json'],
  ['/filtering_terms', 'responses/beaconFilteringTermsResponse.json'],
] as const;

describe('informational endpoints against the beacon-v2 schemas', () => {
  test.each(ENVELOPED)('when GET %s, then the answer is valid against %s', async (endpoint, schema) => {
    const res = await request(app).get(endpoint);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expectValid(res.body, schema);
  });

  test.each(ENVELOPED)('when POST %s with a request body, then the same answer comes back', async (endpoint) => {
    const viaGet = await request(app).get(endpoint);
    const viaPost = await request(app)
      .post(endpoint)
      .send({ meta: { apiVersion: 'v2.0.0' } });
    expect(viaPost.status).toBe(200);
    expect(viaPost.body).toEqual(viaGet.body);
  });

  test('when GET /service-info, then it is valid GA4GH service-info of type org.ga4gh:beacon', async () => {
    const res = await request(app).get('/service-info');
    expectValid(res.body, 'responses/ga4gh-service-info-1-0-0-schema.json');
    expect(res.body.type).toEqual({ group: 'org.ga4gh', artifact: 'beacon', version: 'v2.0.0' });
    expect(res.body).toMatchObject({
      createdAt: IDENTITY.createdAt,
      updatedAt: IDENTITY.updatedAt,
      environment: 'test',
      contactUrl: IDENTITY.contactUrl,
    });
  });

  test('when GET /configuration, then its response is valid against beaconConfigurationSchema and names the catalog entry type', async () => {
    const res = await request(app).get('/configuration');
    expectValid(res.body.response, 'configuration/beaconConfigurationSchema.json');
    expect(res.body.response.maturityAttributes).toEqual({ productionStatus: 'DEV' });
    expect(res.body.response.securityAttributes).toEqual({
      defaultGranularity: 'record',
      maxGranularity: 'record',
      securityLevels: ['PUBLIC'],
    });
    expect(Object.keys(res.body.response.entryTypes)).toEqual(['catalog']);
  });

  test.each([
    ['no authentication', {}, ['PUBLIC']],
    ['auth keys', { authKeys: ['k'.repeat(16)] }, ['PUBLIC', 'REGISTERED']],
    [
      'a token issuer',
      { authIssuer: 'https://issuer.example', authJwksUri: 'https://issuer.example/jwks', authAudience: 'beacon' },
      ['PUBLIC', 'REGISTERED', 'CONTROLLED'],
    ],
  ])(
    'when the beacon is configured with %s, then /configuration lists the security levels it can serve',
    async (_name, config, levels) => {
      const res = await request(createTestApp({ config })).get('/configuration');
      expect(res.body.response.securityAttributes.securityLevels).toEqual(levels);
    },
  );

  test('when GET /map, then every URL is absolute on PUBLIC_URL and the response is valid against beaconMapSchema', async () => {
    const res = await request(app).get('/map');
    expectValid(res.body.response, 'configuration/beaconMapSchema.json');
    expect(res.body.response.endpointSets.catalogs).toEqual({
      entryType: 'catalog',
      openAPIEndpointsDefinition: 'https://beacon.example.org/api/openapi.json',
      rootUrl: 'https://beacon.example.org/api/catalogs',
      singleEntryUrl: 'https://beacon.example.org/api/catalogs/{id}',
      filteringTermsUrl: 'https://beacon.example.org/api/filtering_terms',
    });
  });
});

describe('informational endpoints against the VP doc examples', () => {
  test('when GET /info, then it carries every key of the VP example, with the configured dates', async () => {
    const res = await request(app).get('/info');
    for (const key of Object.keys(example('info-response.json').response))
      expect(res.body.response).toHaveProperty(key);
    expect(res.body.response).toMatchObject({
      createDateTime: IDENTITY.createdAt,
      updateDateTime: IDENTITY.updatedAt,
      environment: 'test',
      welcomeUrl: IDENTITY.welcomeUrl,
    });
  });

  test('when GET /service-info, then it carries every key of the VP example', async () => {
    const res = await request(app).get('/service-info');
    for (const key of Object.keys(example('service-info-response.json'))) expect(res.body).toHaveProperty(key);
  });

  test('when GET /map, then each endpoint set has the keys of the VP example', async () => {
    const res = await request(app).get('/map');
    const keys = Object.keys(example('map-response.json').response.endpointSets.Individuals);
    for (const key of keys) expect(res.body.response.endpointSets.catalogs).toHaveProperty(key);
  });

  test('when GET /filtering_terms, then each resource has the VP example keys (version only when known) and the framework nameSpacePrefix', async () => {
    const res = await request(app).get('/filtering_terms');
    const keys = Object.keys(example('filtering-terms-response.json').response.resources[0]).filter(
      (k) => k !== 'version',
    );
    for (const resource of res.body.response.resources) {
      for (const key of keys) expect(resource).toHaveProperty(key);
      expect(resource.nameSpacePrefix).toBe(resource.namespacePrefix);
    }
    expect(res.body.response.resources.find((r: any) => r.id === 'hp')).toMatchObject({
      iriPrefix: 'http://purl.obolibrary.org/obo/HP_',
      namespacePrefix: 'hp',
    });
  });
});

describe('GET /filtering_terms content', () => {
  const themes = [...new Set(fixtureCatalog().flatMap((r) => r.themes))].sort();
  const countries = [...new Set(fixtureCatalog().flatMap((r) => (r.country ? [r.country] : [])))].sort();

  test('when the fixtures are loaded, then every theme present is an ontology term scoped to the catalog entry type and endpoint, and nothing else is', async () => {
    const res = await request(app).get('/filtering_terms');
    const ontologyIds = res.body.response.filteringTerms
      .filter((t: any) => t.type === 'ontology')
      .map((t: any) => t.id);
    expect(ontologyIds).toEqual([
      ...themes,
      'dcat:Dataset',
      'ejprd:Biobank',
      'ejprd:Guideline',
      'ejprd:PatientRegistry',
    ]);
    for (const term of res.body.response.filteringTerms) expect(term.scopes).toEqual(['catalog', 'catalogs']);
  });

  test('when the fixtures are loaded, then dct:spatial lists the 26 countries and the text filters are alphanumeric', async () => {
    const res = await request(app).get('/filtering_terms');
    const byId = new Map(res.body.response.filteringTerms.map((t: any) => [t.id, t]));
    expect(byId.get('dct:spatial')).toEqual({
      id: 'dct:spatial',
      type: 'alphanumeric',
      label: 'Country (ISO 3166-1 alpha-2)',
      values: countries,
      scopes: ['catalog', 'catalogs'],
    });
    expect(countries).toHaveLength(26);
    for (const id of ['dct:title', 'dct:description', 'dct:identifier', 'rdf:type'])
      expect(byId.get(id)).toMatchObject({ type: 'alphanumeric' });
  });

  test('when an ontology is loaded, then the ontology terms carry its labels and its version is named', async () => {
    const term = { ...newParsedTerm('ordo:Orphanet_586'), label: 'Cystic fibrosis' };
    const ontology = buildOntologyIndex([
      { prefix: 'ordo', name: 'Orphanet Rare Disease Ontology', version: '4.2', file: 'ordo.owl', terms: [term] },
    ]);
    const labelled = createTestApp({ deps: { ontology } });
    const res = await request(labelled).get('/filtering_terms');
    const found = res.body.response.filteringTerms.find((t: any) => t.id === 'ordo:Orphanet_586');
    expect(found).toEqual({
      id: 'ordo:Orphanet_586',
      type: 'ontology',
      label: 'Cystic fibrosis',
      scopes: ['catalog', 'catalogs'],
    });
    expect(res.body.response.resources.find((r: any) => r.id === 'ordo').version).toBe('4.2');
    const info = await request(labelled).get('/info');
    expect(info.body.response.info).toEqual({
      ontologies: [{ prefix: 'ordo', name: 'Orphanet Rare Disease Ontology', version: '4.2', terms: 1 }],
    });
  });

  test('when the data differ, then the terms and the ETag differ', async () => {
    const one = fixtureCatalog().slice(0, 1);
    const small = await request(createTestApp({ resources: one })).get('/filtering_terms');
    const full = await request(app).get('/filtering_terms');
    expect(small.body.response.filteringTerms.filter((t: any) => t.type === 'ontology').map((t: any) => t.id)).toEqual(
      [...one[0]!.themes].sort().concat(one[0]!.type),
    );
    expect(small.headers.etag).not.toBe(full.headers.etag);
  });
});

describe('caching', () => {
  test.each([
    '/info',
    '/service-info',
    '/configuration',
    '/map',
    '/filtering_terms',
    '/json-ld-contexts/ejprd-context.json',
  ])('when GET %s is repeated with its ETag in If-None-Match, then 304 with no body', async (endpoint) => {
    const first = await request(app).get(endpoint);
    expect(first.headers['cache-control']).toBe('public, max-age=300');
    expect(first.headers.etag).toMatch(/^"[\w-]+"$/);
    const again = await request(app).get(endpoint).set('If-None-Match', first.headers.etag!);
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
  });

  test('when If-None-Match names another tag, then the full answer comes back', async () => {
    const res = await request(app).get('/info').set('If-None-Match', '"something-else"');
    expect(res.status).toBe(200);
    expect(res.body.response.id).toBe('org.example.beacon-catalog');
  });
});

describe('CORS', () => {
  test('when a browser preflights POST /catalogs from any origin, then 204 allows it', async () => {
    const res = await request(app)
      .options('/catalogs')
      .set('Origin', 'https://portal.example')
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'content-type');
    expect(res.status).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['access-control-allow-methods']).toContain('POST');
    expect(res.headers['access-control-allow-headers']?.toLowerCase()).toContain('content-type');
  });

  test('when an allow-list is configured, then listed origins are echoed and others get no CORS headers', async () => {
    const restricted = createTestApp({ config: { corsOrigins: ['https://portal.example'] } });
    const allowed = await request(restricted).get('/info').set('Origin', 'https://portal.example');
    const denied = await request(restricted).get('/info').set('Origin', 'https://other.example');
    expect(allowed.headers['access-control-allow-origin']).toBe('https://portal.example');
    expect(allowed.headers.vary).toContain('Origin');
    expect(denied.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('GET /catalogs/{id}', () => {
  const id = 'https://catalog.beacon-catalog.example/resource/cf-biobank-verona';

  test('when the id exists and v2 is requested, then one v2 record comes back in a valid resultsets answer', async () => {
    const res = await request(app)
      .get(`/catalogs/${encodeURIComponent(id)}`)
      .query({ requestedSchema: 'ejprd-resources-v2.0.0' });
    expect(res.status).toBe(200);
    expectValid(res.body, 'responses/beaconResultsetsResponse.json');
    expect(res.body.responseSummary).toEqual({ exists: true, numTotalResults: 1 });
    expect(res.body.response.resultSets[0].results).toHaveLength(1);
    expect(res.body.response.resultSets[0].results[0]['@id']).toBe(id);
  });

  test('when no schema is requested, then the record is in the default v1 schema', async () => {
    const res = await request(app).get(`/catalogs/${encodeURIComponent(id)}`);
    expect(res.body.response.resultSets[0].results[0]).toMatchObject({
      id,
      type: 'BiobankDataset',
      location: { country: 'IT' },
    });
  });

  test('when the id is absent, then a valid 404 Beacon error', async () => {
    const res = await request(app).get(`/catalogs/${encodeURIComponent('https://nowhere.example/x')}`);
    expect(res.status).toBe(404);
    expectValid(res.body, 'responses/beaconErrorResponse.json');
    expect(res.body.error.errorCode).toBe(404);
  });
});

describe('informational endpoints speak JSON only', () => {
  test('when GET /info asks for text/csv only, then a 406 Beacon error', async () => {
    const res = await request(app).get('/info').set('Accept', 'text/csv');
    expect(res.status).toBe(406);
    expectValid(res.body, 'responses/beaconErrorResponse.json');
  });
});
