import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { createTestApp, fixtureCatalog } from '../support/test-app';
import { expectBeaconSchema, expectItemsMatchReturnedSchema } from '../support/schema-assertions';

const SPECS = path.join(__dirname, '..', '..', 'fixtures', 'spec-examples');
const readJson = (file: string): unknown => JSON.parse(fs.readFileSync(file, 'utf8'));
const requestFiles = [
  ...['v1-request.json', 'v2-request.json'].map((f) => path.join(SPECS, 'vp-api-specs-doc-examples', 'catalogs', f)),
  ...fs
    .readdirSync(path.join(SPECS, 'vp-portal-client-observed'))
    .filter((f) => f.startsWith('catalogs-'))
    .map((f) => path.join(SPECS, 'vp-portal-client-observed', f)),
];

const app = createTestApp();
const total = fixtureCatalog().length;
const sortedIds = fixtureCatalog()
  .map((r) => r.id)
  .sort();

describe('POST /catalogs with the requests real clients send', () => {
  test.each(requestFiles.map((f) => [path.basename(f), f]))(
    'when %s is posted, then a valid 200 resultsets answer comes back',
    async (_name, file) => {
      const res = await request(app)
        .post('/catalogs')
        .send(readJson(file) as object);
      expect(res.status).toBe(200);
      expectBeaconSchema(res.body, 'resultsets');
      expectItemsMatchReturnedSchema(res.body);
    },
  );

  test('when the portal monitoring request is posted, then the v1 answer has only the keys the portal parses', async () => {
    const res = await request(app)
      .post('/catalogs')
      .send(readJson(path.join(SPECS, 'vp-portal-client-observed', 'catalogs-monitoring-request.json')) as object);
    expect(res.body.meta.returnedSchemas[0].schema).toBe('ejprd-resources-v1.0.0');
    expect(Object.keys(res.body.responseSummary).sort()).toEqual(['exists', 'numTotalResults']);
    expect(res.body.info).toEqual({ warnings: { unsupportedFilters: ['Catalog'] } });
    for (const item of res.body.response.resultSets[0].results) {
      expect(
        Object.keys(item).every((k) =>
          ['id', 'type', 'name', 'description', 'homepage', 'publisher', 'location'].includes(k),
        ),
      ).toBe(true);
      expect(Object.keys(item.location)).toEqual(['country']);
    }
  });

  test('when a Greek resource is rendered in v1, then its location uses the portal code EL', async () => {
    const res = await request(app)
      .post('/catalogs')
      .send({ meta: { apiVersion: 'v0.2' }, query: { filters: [{ id: 'country', operator: '=', value: ['EL'] }] } });
    const countries = res.body.response.resultSets[0].results.map(
      (r: { location: { country: string } }) => r.location.country,
    );
    expect(countries.length).toBeGreaterThan(0);
    expect(new Set(countries)).toEqual(new Set(['EL']));
  });
});

describe('POST /catalogs envelope', () => {
  test('when nothing is asked, then the meta echoes defaults and the summary counts every resource', async () => {
    const res = await request(app)
      .post('/catalogs')
      .send({ meta: { apiVersion: '2.0' } });
    expect(res.status).toBe(200);
    expect(res.body.meta).toEqual({
      beaconId: 'org.example.beacon-catalog',
      apiVersion: 'v2.0.0',
      returnedGranularity: 'record',
      receivedRequestSummary: {
        apiVersion: '2.0',
        requestedSchemas: [],
        filters: [],
        requestParameters: {},
        includeResultsetResponses: 'HIT',
        pagination: { skip: 0, limit: 100 },
        requestedGranularity: 'record',
        testMode: false,
      },
      returnedSchemas: [
        {
          entityType: 'catalog',
          schema: 'ejprd-resources-v1.0.0',
          name: 'EJPRD schema for resources',
          url: 'https://raw.githubusercontent.com/ejp-rd-vp/vp-api-specs/main/schemas/1.0.0/ejprd-resources-v1.0.0.json',
          version: 'v1.0.0',
        },
      ],
    });
    expect(res.body.responseSummary).toEqual({ exists: true, numTotalResults: total });
    expect(res.body.beaconHandovers).toEqual([]);
    const [set] = res.body.response.resultSets;
    expect({ ...set, results: set.results.length }).toEqual({
      id: 'org.example.beacon-catalog',
      setType: 'catalog',
      exists: true,
      resultsCount: total,
      results: total,
    });
  });

  test('when filters are sent, then they are echoed as strings', async () => {
    const filters = [
      { id: ['Orphanet_589', 'Orphanet_730'] },
      { id: 'country', operator: '=', value: ['IT', 'DE'] },
      { id: 'hp:0001251' },
    ];
    const res = await request(app)
      .post('/catalogs')
      .send({ meta: { apiVersion: 'v2.0' }, query: { filters } });
    expect(res.body.meta.receivedRequestSummary.filters).toEqual([
      'Orphanet_589|Orphanet_730',
      'country:=IT|DE',
      'hp:0001251',
    ]);
  });

  test('when requestedSchemas are strings, then they are echoed as objects', async () => {
    const res = await request(app)
      .post('/catalogs')
      .send({ meta: { apiVersion: 'v2.0', requestedSchemas: ['ejprd-resources-v2.0.0'] } });
    expect(res.body.meta.receivedRequestSummary.requestedSchemas).toEqual([
      { entityType: 'catalog', schema: 'ejprd-resources-v2.0.0' },
    ]);
    expect(res.body.meta.returnedSchemas[0].schema).toBe('ejprd-resources-v2.0.0');
  });
});

describe('POST /catalogs schema choice', () => {
  const schemaFor = async (meta: object, filters: unknown[] = []) =>
    (
      await request(app)
        .post('/catalogs')
        .send({ meta: { apiVersion: 'v2.0.0', ...meta }, query: { filters } })
    ).body.meta.returnedSchemas[0].schema;

  test.each([
    [
      'v1 by name',
      { requestedSchemas: ['ejprd-resources-v1.0.0'] },
      [{ id: 'ordo:Orphanet_558' }],
      'ejprd-resources-v1.0.0',
    ],
    [
      'v2 as an object',
      { requestedSchemas: [{ entityType: 'resources', schema: 'ejprd-resources-v2.0.0' }] },
      [],
      'ejprd-resources-v2.0.0',
    ],
    ['the v4.0.0 alias', { requestedSchemas: ['ejprd-resources-v4.0.0'] }, [], 'ejprd-resources-v2.0.0'],
    ['the singular v2 name', { requestedSchemas: ['ejprd-resource-v2.0.0'] }, [], 'ejprd-resources-v2.0.0'],
    [
      'a schema URL',
      { requestedSchemas: ['https://example.org/schemas/2.0.0/ejprd-resources-v2.0.0.json'] },
      [],
      'ejprd-resources-v2.0.0',
    ],
    [
      'nothing, with v2 filters only',
      {},
      [{ id: 'ordo:Orphanet_558' }, { id: 'dct:spatial', operator: '=', value: 'IT' }],
      'ejprd-resources-v2.0.0',
    ],
    [
      'nothing, with a v1 filter among v2 ones',
      {},
      [{ id: 'ordo:Orphanet_558' }, { id: 'country', operator: '=', value: 'IT' }],
      'ejprd-resources-v1.0.0',
    ],
    ['nothing, with no filter', {}, [], 'ejprd-resources-v1.0.0'],
  ])('when asking for %s, then the answer is in the matching schema', async (_name, meta, filters, expected) => {
    expect(await schemaFor(meta, filters)).toBe(expected);
  });

  test('when an unknown schema is requested in a v2 query, then v2 is returned with a note', async () => {
    const res = await request(app)
      .post('/catalogs')
      .send({
        meta: { apiVersion: 'v2.0.0', requestedSchemas: ['beacon-v2-individual'] },
        query: { filters: [{ id: 'ejprd:Biobank' }] },
      });
    expect(res.body.meta.returnedSchemas[0].schema).toBe('ejprd-resources-v2.0.0');
    expect(res.body.info).toEqual({
      notes: ['requested schema(s) beacon-v2-individual not supported; answered in ejprd-resources-v2.0.0'],
    });
  });
});

describe('POST /catalogs granularity, pagination and result sets', () => {
  const post = (query: object, meta: object = {}) =>
    request(app)
      .post('/catalogs')
      .send({ meta: { apiVersion: 'v2.0.0', ...meta }, query });

  test('when count is asked, then a valid count response carries the total and no records', async () => {
    const res = await post({ requestedGranularity: 'count', filters: [{ id: 'ejprd:Biobank' }] });
    expectBeaconSchema(res.body, 'count');
    expect(res.body.meta.returnedGranularity).toBe('count');
    expect(res.body.responseSummary).toEqual({
      exists: true,
      numTotalResults: fixtureCatalog().filter((r) => r.type === 'ejprd:Biobank').length,
    });
    expect(res.body.response).toBeUndefined();
  });

  test('when boolean is asked in meta, then only exists is answered', async () => {
    const res = await post({}, { requestedGranularity: 'boolean' });
    expectBeaconSchema(res.body, 'boolean');
    expect(res.body.responseSummary).toEqual({ exists: true });
  });

  test('when the configuration caps granularity at count, then a record request gets a count', async () => {
    const capped = createTestApp({ config: { maxGranularity: 'count' } });
    const res = await request(capped)
      .post('/catalogs')
      .send({ meta: { apiVersion: 'v2.0.0' }, query: { requestedGranularity: 'record' } });
    expect(res.body.meta.returnedGranularity).toBe('count');
    expect(res.body.meta.receivedRequestSummary.requestedGranularity).toBe('record');
  });

  test('when skip counts pages, then the second page of 5 holds records 6 to 10 in id order', async () => {
    const res = await post({ pagination: { skip: 1, limit: 5 } });
    expect(res.body.response.resultSets[0].results.map((r: { id: string }) => r.id)).toEqual(sortedIds.slice(5, 10));
    expect(res.body.response.resultSets[0].resultsCount).toBe(5);
    expect(res.body.responseSummary.numTotalResults).toBe(total);
    expect(res.body.meta.receivedRequestSummary.pagination).toEqual({ skip: 1, limit: 5 });
  });

  test('when the limit is over the maximum or 0, then it is clamped to the maximum and echoed', async () => {
    const small = createTestApp({ config: { maxLimit: 7 } });
    for (const limit of [5000, 0]) {
      const res = await request(small)
        .post('/catalogs')
        .send({ meta: { apiVersion: 'v2.0.0' }, query: { pagination: { limit } } });
      expect(res.body.meta.receivedRequestSummary.pagination).toEqual({ skip: 0, limit: 7 });
      expect(res.body.response.resultSets[0].resultsCount).toBe(7);
    }
  });

  test('when the page is past the end, then results are empty but the total stays', async () => {
    const res = await post({ pagination: { skip: 100, limit: 10 }, includeResultsetResponses: 'ALL' });
    expect(res.body.responseSummary).toEqual({ exists: true, numTotalResults: total });
    expect(res.body.response.resultSets[0].results).toEqual([]);
  });

  test.each([
    ['HIT', true, 1],
    ['HIT', false, 0],
    ['ALL', false, 1],
    ['MISS', false, 1],
    ['MISS', true, 0],
    ['NONE', true, 0],
  ])(
    'when includeResultsetResponses is %s and matches=%s, then %i result set(s) are listed',
    async (inclusion, matches, sets) => {
      const filters = matches ? [{ id: 'ejprd:Biobank' }] : [{ id: 'ordo:Orphanet_999999' }];
      const res = await post({ includeResultsetResponses: inclusion, filters });
      expectBeaconSchema(res.body, 'resultsets');
      expect(res.body.response.resultSets).toHaveLength(sets);
    },
  );

  test('when testMode is set, then it is echoed', async () => {
    const res = await post({ testMode: true });
    expect(res.body.meta.receivedRequestSummary.testMode).toBe(true);
    expect(res.body.meta.testMode).toBe(true);
  });
});

describe('GET /catalogs', () => {
  test('when filters, paging and schema come as query parameters, then they act as in POST', async () => {
    const res = await request(app).get('/catalogs').query({
      filters: 'ordo:Orphanet_558,dct:spatial:=NL|IT',
      skip: '0',
      limit: '3',
      requestedSchema: 'ejprd-resources-v2.0.0',
    });
    expect(res.status).toBe(200);
    expectBeaconSchema(res.body, 'resultsets');
    expectItemsMatchReturnedSchema(res.body);
    expect(res.body.meta.receivedRequestSummary.filters).toEqual(['ordo:Orphanet_558', 'dct:spatial:=NL|IT']);
    const expected = fixtureCatalog().filter(
      (r) => r.themes.includes('ordo:Orphanet_558') && ['NL', 'IT'].includes(r.country ?? ''),
    );
    expect(res.body.responseSummary.numTotalResults).toBe(expected.length);
  });

  test('when GET asks for a count, then a count response comes back', async () => {
    const res = await request(app).get('/catalogs?filters=country:IT&requestedGranularity=count');
    expectBeaconSchema(res.body, 'count');
    expect(res.body.responseSummary.numTotalResults).toBe(fixtureCatalog().filter((r) => r.country === 'IT').length);
  });
});

describe('/catalogs caching headers', () => {
  test('when POST /catalogs is answered, then JSON with a length and no ETag (query answers are not cached)', async () => {
    const res = await request(app)
      .post('/catalogs')
      .send({ meta: { apiVersion: 'v2.0.0' }, query: { pagination: { limit: 3 } } });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['content-length']).toBe(String(Buffer.byteLength(res.text)));
    expect(res.headers.etag).toBeUndefined();
  });

  test('when GET /catalogs is repeated with its ETag, then 304', async () => {
    const first = await request(app).get('/catalogs?limit=3');
    expect(first.headers.etag).toBeDefined();
    const again = await request(app).get('/catalogs?limit=3').set('If-None-Match', first.headers.etag!);
    expect(again.status).toBe(304);
  });

  test('when HEAD /catalogs is asked, then the headers come without a body', async () => {
    const res = await request(app).head('/catalogs?limit=3');
    expect(res.status).toBe(200);
    expect(res.text ?? '').toBe('');
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
  });
});

describe('the request echo in receivedRequestSummary', () => {
  test('when requestParameters holds values the framework does not allow, then only the allowed ones are echoed and the answer stays valid', async () => {
    const requestParameters = {
      kept: { x: 1 },
      $schema: 'https://example.org/s.json',
      number: 1,
      text: 'x',
      list: [1],
      nothing: null,
    };
    const res = await request(app).post('/catalogs').send({ query: { requestParameters } });
    expect(res.status).toBe(200);
    expectBeaconSchema(res.body, 'resultsets');
    expect(res.body.meta.receivedRequestSummary.requestParameters).toEqual({
      kept: { x: 1 },
      $schema: 'https://example.org/s.json',
    });
  });

  test('when a filter names no id, then it is not echoed as an empty string', async () => {
    const res = await request(app)
      .post('/catalogs')
      .send({ query: { filters: [{ id: [] }, { id: ['Orphanet_558'] }] } });
    expect(res.body.meta.receivedRequestSummary.filters).toEqual(['Orphanet_558']);
    expectBeaconSchema(res.body, 'resultsets');
  });
});
