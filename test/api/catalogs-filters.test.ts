import request from 'supertest';
import { createTestApp } from '../support/test-app';
import { CASES, idsWhere, inCountry, items, ofType } from '../support/catalog-filter-cases';
import { expectBeaconSchema, expectItemsMatchReturnedSchema } from '../support/schema-assertions';

const app = createTestApp();

async function postFilters(filters: unknown[], meta: Record<string, unknown> = { apiVersion: 'v2.0.0' }) {
  const res = await request(app)
    .post('/catalogs')
    .send({ meta, query: { filters, pagination: { limit: 1000 } } });
  expect(res.status).toBe(200);
  expectBeaconSchema(res.body, 'resultsets');
  expectItemsMatchReturnedSchema(res.body);
  const results: Record<string, string>[] = res.body.response.resultSets[0]?.results ?? [];
  return { body: res.body, ids: results.map((r) => r.id ?? r['@id']).sort() };
}

describe('POST /catalogs filters over the fixtures', () => {
  test.each(CASES)(
    'when filtering by %s, then exactly the matching resources come back',
    async (_name, filters, expected) => {
      const { body, ids } = await postFilters(filters);
      expect(ids).toEqual(idsWhere(expected));
      expect(body.responseSummary.numTotalResults).toBe(ids.length);
      expect(body.info).toBeUndefined();
    },
  );

  test('when the oracle cases are checked, then each one selects some resources but not all (except the two that must)', () => {
    const sizes = CASES.map(([name, , predicate]) => [name, idsWhere(predicate).length] as const);
    const trivial = sizes.filter(([, n]) => n === 0 || n === items.length).map(([name]) => name);
    expect(trivial).toEqual([
      'an empty id array (no constraint)',
      'no filters',
      'an unknown ORDO code (no match, no warning)',
    ]);
  });
});

describe('POST /catalogs unsupported filters', () => {
  test('when resourceTypes includes Catalog, then it is listed and the other values still filter', async () => {
    const { body, ids } = await postFilters([{ id: 'resourceTypes', operator: '=', value: ['Guideline', 'Catalog'] }]);
    expect(ids).toEqual(idsWhere(ofType('ejprd:Guideline')));
    expect(body.info).toEqual({ warnings: { unsupportedFilters: ['Catalog'] } });
  });

  test('when a filter id is unknown, then it is ignored and listed', async () => {
    const { body, ids } = await postFilters([{ id: 'obo:NCIT_C28421' }, { id: 'ejprd:Biobank' }]);
    expect(ids).toEqual(idsWhere(ofType('ejprd:Biobank')));
    expect(body.info).toEqual({ warnings: { unsupportedFilters: ['obo:NCIT_C28421'] } });
  });

  test('when an unsupported value sits in an id array, then only that value is listed', async () => {
    const { body, ids } = await postFilters([{ id: ['ejprd:Biobank', 'ejprd:Catalog'] }]);
    expect(ids).toEqual(idsWhere(ofType('ejprd:Biobank')));
    expect(body.info.warnings.unsupportedFilters).toEqual(['ejprd:Catalog']);
  });

  test('when an operator is unsupported, then the filter id is listed and the filter ignored', async () => {
    const { body, ids } = await postFilters([{ id: 'country', operator: '>', value: 'IT' }]);
    expect(ids).toEqual(idsWhere(() => true));
    expect(body.info.warnings.unsupportedFilters).toEqual(['country']);
  });

  test('when a country code is not ISO 3166-1, then it is listed and the rest still filters', async () => {
    const { body, ids } = await postFilters([{ id: 'dct:spatial', operator: '=', value: ['XX', 'PT'] }]);
    expect(ids).toEqual(idsWhere(inCountry('PT')));
    expect(body.info.warnings.unsupportedFilters).toEqual(['XX']);
  });

  test('when a filter is scoped to another entry type, then it is ignored and listed', async () => {
    const { body, ids } = await postFilters([{ id: 'ordo:Orphanet_558', scope: 'individuals' }]);
    expect(ids).toEqual(idsWhere(() => true));
    expect(body.info.warnings.unsupportedFilters).toEqual(['ordo:Orphanet_558']);
  });
});
