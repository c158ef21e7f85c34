import request from 'supertest';
import { parse } from 'csv-parse/sync';
import { Parser } from 'n3';
import { createTestApp, fixtureCatalog } from '../support/test-app';
import { beaconSchemaValidator } from '../../src/request/schema-registry';
import { CSV_HEADER } from '../../src/render/csv';
import type { CatalogResource } from '../../src/model/catalog-resource';

const app = createTestApp();
const total = fixtureCatalog().length;

function expectError(body: unknown, status: number): void {
  const validate = beaconSchemaValidator('responses/beaconErrorResponse.json');
  expect(validate(body)).toBe(true);
  expect((body as { error: { errorCode: number } }).error.errorCode).toBe(status);
}

const tricky: CatalogResource = {
  ...fixtureCatalog()[0]!,
  id: 'https://catalog.beacon-catalog.example/resource/tricky',
  title: 'Quotes "inside", commas, and\ttabs',
  description: 'Line one\nline two',
  themes: ['ordo:Orphanet_586', 'hp:0002110'],
};

describe('CSV and TSV on /catalogs', () => {
  test('when Accept is text/csv, then a header row and one row per result, lists joined with |', async () => {
    const res = await request(app).get('/catalogs').query({ limit: 1000 }).set('Accept', 'text/csv');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8; header=present');
    expect(res.headers['x-total-count']).toBe(String(total));
    const rows: string[][] = parse(res.text);
    expect(rows[0]).toEqual([...CSV_HEADER]);
    expect(rows).toHaveLength(total + 1);
    const sorted = [...fixtureCatalog()].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(rows[1]![0]).toBe(sorted[0]!.id);
    expect(rows[1]![CSV_HEADER.indexOf('themes')]).toBe(sorted[0]!.themes.join('|'));
  });

  test('when a field holds quotes, commas, tabs and a newline, then CSV quotes it and parses back to the same text', async () => {
    const res = await request(createTestApp({ resources: [tricky] }))
      .get('/catalogs')
      .query({ format: 'csv' });
    const [, row] = parse(res.text) as string[][];
    expect(row![CSV_HEADER.indexOf('title')]).toBe(tricky.title);
    expect(row![CSV_HEADER.indexOf('description')]).toBe(tricky.description);
    expect(row![CSV_HEADER.indexOf('themes')]).toBe('ordo:Orphanet_586|hp:0002110');
    expect(res.text).toContain('"Quotes ""inside"", commas, and\ttabs"');
  });

  test.each(['text/tsv', 'text/tab-separated-values'])(
    'when Accept is %s, then tab-separated rows that parse back',
    async (accept) => {
      const res = await request(createTestApp({ resources: [tricky] }))
        .post('/catalogs')
        .set('Accept', accept)
        .send({ meta: { apiVersion: 'v2.0.0' } });
      expect(res.headers['content-type']).toBe('text/tab-separated-values; charset=utf-8; header=present');
      const rows: string[][] = parse(res.text, { delimiter: '\t' });
      expect(rows[0]).toEqual([...CSV_HEADER]);
      expect(rows[1]![CSV_HEADER.indexOf('title')]).toBe(tricky.title);
    },
  );

  test('when filters narrow the results, then the CSV rows are exactly the matches', async () => {
    const res = await request(app).get('/catalogs').query({ filters: 'dct:spatial:IT', format: 'csv' });
    const rows: string[][] = parse(res.text);
    const italian = fixtureCatalog().filter((r) => r.country === 'IT').length;
    expect(rows.slice(1).map((r) => r[CSV_HEADER.indexOf('country')])).toEqual(Array(italian).fill('IT'));
  });
});

describe('negotiation', () => {
  test('when no Accept is sent, then the JSON envelope (the default)', async () => {
    const res = await request(app)
      .post('/catalogs')
      .send({ meta: { apiVersion: 'v2.0.0' } });
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body.responseSummary.numTotalResults).toBe(total);
  });

  test('when Accept prefers CSV over JSON by quality, then CSV', async () => {
    const res = await request(app).get('/catalogs').set('Accept', 'application/json;q=0.5, text/csv');
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
  });

  test('when Accept names only unsupported types, then a valid 406 Beacon error', async () => {
    const res = await request(app)
      .post('/catalogs')
      .set('Accept', 'application/xml')
      .send({ meta: { apiVersion: 'v2.0.0' } });
    expect(res.status).toBe(406);
    expectError(res.body, 406);
  });

  test('when ?format= names an unknown format, then a 400 that lists the known ones', async () => {
    const res = await request(app).get('/catalogs').query({ format: 'xlsx' });
    expect(res.status).toBe(400);
    expect(res.body.error.errorMessage).toContain('json, jsonld, csv, tsv or ttl');
  });

  test('when CSV is asked at count granularity, then 406 (CSV lists records)', async () => {
    const res = await request(app)
      .post('/catalogs')
      .set('Accept', 'text/csv')
      .send({ meta: { apiVersion: 'v2.0.0' }, query: { requestedGranularity: 'count' } });
    expect(res.status).toBe(406);
    expectError(res.body, 406);
  });
});

describe('Turtle on /catalogs and /catalogs/{id}', () => {
  const EJP = 'https://w3id.org/ejp-rd/vocabulary#';
  const DCAT_THEME = 'http://www.w3.org/ns/dcat#theme';
  const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
  const parseTurtle = (text: string) => new Parser({ format: 'text/turtle' }).parse(text);

  test('when Accept is text/turtle, then every result is RDF in the EJP-RD model with its themes as IRIs', async () => {
    const res = await request(createTestApp({ resources: [...fixtureCatalog(), tricky] }))
      .get('/catalogs')
      .query({ limit: 1000 })
      .set('Accept', 'text/turtle');

    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/turtle; charset=utf-8');
    const quads = parseTurtle(res.text);
    const typed = quads.filter(
      (q) =>
        q.predicate.value === RDF_TYPE &&
        (q.object.value.startsWith(EJP) || q.object.value === 'http://www.w3.org/ns/dcat#Dataset'),
    );
    expect(typed).toHaveLength(total + 1);
    const themes = quads
      .filter((q) => q.subject.value === tricky.id && q.predicate.value === DCAT_THEME)
      .map((q) => q.object.value);
    expect(themes).toEqual(['http://www.orpha.net/ORDO/Orphanet_586', 'http://purl.obolibrary.org/obo/HP_0002110']);
    expect(res.text).toContain(`@prefix ejp: <${EJP}>`);
  });

  test('when /catalogs/{id} is asked with ?format=ttl, then that one resource as Turtle', async () => {
    const [first] = fixtureCatalog();

    const res = await request(app)
      .get(`/catalogs/${encodeURIComponent(first!.id)}`)
      .query({ format: 'ttl' });

    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/turtle/);
    const subjects = new Set(
      parseTurtle(res.text)
        .filter((q) => q.predicate.value === RDF_TYPE && q.object.value.startsWith(EJP))
        .map((q) => q.subject.value),
    );
    expect([...subjects]).toEqual([first!.id]);
  });

  test('when Turtle is asked by POST at count granularity, then 406 (Turtle lists records)', async () => {
    const res = await request(app)
      .post('/catalogs')
      .set('Accept', 'text/turtle')
      .send({ meta: { apiVersion: 'v2.0.0' }, query: { requestedGranularity: 'count' } });

    expect(res.status).toBe(406);
    expectError(res.body, 406);
  });
});
