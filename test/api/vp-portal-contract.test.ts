import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import request from 'supertest';
import { createTestApp, fixtureCatalog } from '../support/test-app';
import type { CatalogResource } from '../../src/model/catalog-resource';
import { expectBeaconSchema, expectItemsMatchReturnedSchema } from '../support/schema-assertions';

const OBSERVED = path.join(__dirname, '..', '..', 'fixtures', 'spec-examples', 'vp-portal-client-observed');
const readJson = (file: string): object => JSON.parse(fs.readFileSync(file, 'utf8')) as object;
const portalModel = new Ajv({ allErrors: true }).compile(
  readJson(path.join(__dirname, '..', 'contract', 'vp-portal-model.schema.json')),
);

/** The three /catalogs requests the portal sends, and a search with no country filter. */
const PORTAL_REQUESTS: [string, object][] = [
  ...[
    'catalogs-monitoring-request.json',
    'catalogs-search-request.json',
    'catalogs-search-request-no-disease.json',
  ].map((file): [string, object] => [file, readJson(path.join(OBSERVED, file))]),
  [
    'a search with no country filter',
    { meta: { apiVersion: 'v0.2' }, query: { filters: [{ id: ['Orphanet_558', 'Orphanet_730', 'HP_0001251'] }] } },
  ],
];

const NON_PORTAL_COUNTRIES = ['GB', 'CH', 'NO', 'US'];
/** The fixtures, plus resources the portal's own searches find: Italian biobanks with two landing pages. */
function portalCatalog(): CatalogResource[] {
  const first = fixtureCatalog()[0]!;
  const biobank = (n: number, themes: string[]): CatalogResource => ({
    ...first,
    id: `https://portal-contract.example/resource/biobank-${n}`,
    type: 'ejprd:Biobank',
    themes,
    country: 'IT',
    landingPages: [`https://biobank-${n}.example/`, `https://biobank-${n}.example/en`],
  });
  return [...fixtureCatalog(), biobank(1, ['ordo:Orphanet_589']), biobank(2, ['ordo:Orphanet_730', 'hp:0001251'])];
}

const catalog = portalCatalog();
const app = createTestApp({ resources: catalog });

function expectPortalParses(body: unknown): void {
  if (!portalModel(body))
    throw new Error(`the VP portal's model rejects the answer: ${JSON.stringify(portalModel.errors)}`);
}

describe('the VP portal parses every answer to its own requests', () => {
  test('when the contract catalog is built, then it holds resources outside the portal countries and with several landing pages', () => {
    for (const country of NON_PORTAL_COUNTRIES) expect(catalog.some((r) => r.country === country)).toBe(true);
    expect(catalog.some((r) => r.landingPages.length >= 2)).toBe(true);
  });

  test.each(PORTAL_REQUESTS)('when the portal posts %s, then its model takes the answer', async (_name, body) => {
    const res = await request(app).post('/catalogs').send(body);
    expect(res.status).toBe(200);
    expect(res.body.meta.returnedSchemas[0].schema).toBe('ejprd-resources-v1.0.0');
    expect(res.body.responseSummary.numTotalResults).toBeGreaterThan(0);
    expectPortalParses(res.body);
    expectBeaconSchema(res.body, 'resultsets');
    expectItemsMatchReturnedSchema(res.body);
  });

  test('when the no-disease search lists everything, then resources outside the portal countries come back without a location', async () => {
    const res = await request(app).post('/catalogs').send(PORTAL_REQUESTS[2]![1]);
    const results: Record<string, unknown>[] = res.body.response.resultSets[0].results;
    expect(results).toHaveLength(catalog.length);
    for (const resource of catalog) {
      const item = results.find((r) => r.id === resource.id);
      const portalCode = resource.country === 'GR' ? 'EL' : resource.country;
      const expected =
        resource.country && !NON_PORTAL_COUNTRIES.includes(resource.country) ? { country: portalCode } : undefined;
      expect(item?.location).toEqual(expected);
      expect(item?.homepage).toBe(resource.landingPages[0]);
    }
  });

  test('when an answer has an array homepage or a GB location, then the portal model rejects it', () => {
    const answer = (result: object) => ({
      responseSummary: { exists: true, numTotalResults: 1 },
      response: { resultSets: [{ results: [result] }] },
    });
    expect(portalModel(answer({ id: 'x', homepage: ['https://a.example/'] }))).toBe(false);
    expect(portalModel(answer({ id: 'x', location: { country: 'GB' } }))).toBe(false);
    expect(portalModel({ ...answer({ id: 'x' }), info: { notes: ['n'] } })).toBe(false);
    expect(
      portalModel({ ...answer({ id: 'x' }), responseSummary: { exists: true, numTotalResults: 1, extra: 1 } }),
    ).toBe(false);
    expect(portalModel(answer({ id: 'x', homepage: 'https://a.example/', location: { country: 'EL' } }))).toBe(true);
  });
});
