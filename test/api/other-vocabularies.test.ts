import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import type { Express } from 'express';
import { createTestApp, FIXTURE_CATALOG } from '../support/test-app';
import { expectBeaconSchema } from '../support/schema-assertions';
import { loadEmbeddedCatalog } from '../../src/catalog/load-embedded-catalog';
import { MemoryStore } from '../../src/store/memory/memory-store';
import { loadOntologies } from '../../src/ontology';
import type { CatalogResource } from '../../src/model/catalog-resource';

const ONTOLOGIES = ['hp.v2026-01-08.json.gz', 'ordo_en_4.2.owl.gz'].map((f) =>
  path.join(__dirname, '..', '..', 'fixtures', 'ontologies', f),
);
const fixtureItems = JSON.parse(fs.readFileSync(FIXTURE_CATALOG, 'utf8')) as Record<string, unknown>[];

/** Fixture items with the themes real EJP-RD resources carry beside ORDO and HPO, in the spellings they come in. */
const OTHER_THEMES: string[][] = [
  ['http://purl.obolibrary.org/obo/CLO_0037308', 'ordo:Orphanet_558'],
  ['ncit:C2991', 'obo:MONDO_0007739'],
  ['http://www.ebi.ac.uk/efo/EFO_0000400', 'https://vocab.example.org/terms/rare-thing'],
  ['NCIT:C2991', 'hp:0001251'],
];
const items = [
  ...fixtureItems,
  ...OTHER_THEMES.map((theme, n) => ({
    ...fixtureItems[n],
    '@id': `https://other-vocabularies.example/resource/${n}`,
    theme,
  })),
];

let app: Express;
let resources: CatalogResource[];

beforeAll(async () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'vocabularies-')), 'catalog.json');
  fs.writeFileSync(file, JSON.stringify(items));
  const ontology = await loadOntologies(ONTOLOGIES);
  const loaded = await loadEmbeddedCatalog(file, ontology);
  resources = loaded.resources;
  const store = new MemoryStore(loaded.resources, loaded.themeClosure ? { themeClosure: loaded.themeClosure } : {});
  app = createTestApp({ deps: { store, ontology } });
});

async function query(filters: object[]): Promise<{ ids: string[]; body: any }> {
  const res = await request(app)
    .post('/catalogs')
    .send({ meta: { requestedSchemas: ['ejprd-resources-v2.0.0'] }, query: { filters, pagination: { limit: 1000 } } });
  expect(res.status).toBe(200);
  expectBeaconSchema(res.body, 'resultsets');
  return {
    ids: (res.body.response.resultSets[0]?.results ?? []).map((r: { '@id': string }) => r['@id']).sort(),
    body: res.body,
  };
}

const idsWhere = (test: (r: CatalogResource) => boolean): string[] =>
  resources
    .filter(test)
    .map((r) => r.id)
    .sort();

describe('themes of any vocabulary', () => {
  test('when loaded, then OBO PURLs, obo: CURIEs and EFO IRIs become upper-case CURIEs and other IRIs stay as given', () => {
    const extra = resources.filter((r) => r.id.startsWith('https://other-vocabularies.example/')).map((r) => r.themes);
    expect(extra).toEqual([
      ['CLO:0037308', 'ordo:Orphanet_558'],
      ['NCIT:C2991', 'MONDO:0007739'],
      ['EFO:0000400', 'https://vocab.example.org/terms/rare-thing'],
      ['NCIT:C2991', 'hp:0001251'],
    ]);
  });

  test('when every ontology term /filtering_terms lists is queried by its listed id, then each returns exactly the resources that hold it, with no warning', async () => {
    const terms = (await request(app).get('/filtering_terms')).body.response.filteringTerms.filter(
      (t: { type: string }) => t.type === 'ontology',
    );
    expect(terms.map((t: { id: string }) => t.id)).toEqual(
      expect.arrayContaining([
        'CLO:0037308',
        'NCIT:C2991',
        'MONDO:0007739',
        'EFO:0000400',
        'https://vocab.example.org/terms/rare-thing',
      ]),
    );
    for (const { id } of terms as { id: string }[]) {
      const { ids, body } = await query([{ id }]);
      expect({ id, ids }).toEqual({ id, ids: idsWhere((r) => r.themes.includes(id) || r.type === id) });
      expect(body.info?.warnings).toBeUndefined();
    }
  });

  test.each([
    'CLO:0037308',
    'clo:0037308',
    'obo:CLO_0037308',
    'http://purl.obolibrary.org/obo/CLO_0037308',
    'HTTP://PURL.OBOLIBRARY.ORG/OBO/clo_0037308',
    'CLO_0037308',
  ])('when the CLO term is written %s, then the one resource holding it comes back', async (spelling) => {
    const { ids, body } = await query([{ id: spelling }]);
    expect(ids).toEqual(['https://other-vocabularies.example/resource/0']);
    expect(body.info?.warnings).toBeUndefined();
  });

  test('when a known prefix names a term no resource has, then nothing matches and nothing is warned', async () => {
    const { ids, body } = await query([{ id: 'NCIT:C0000001' }]);
    expect(ids).toEqual([]);
    expect(body.responseSummary).toEqual({ exists: false, numTotalResults: 0 });
    expect(body.info?.warnings).toBeUndefined();
  });

  test('when a prefix no theme and no ontology knows is named, then it is warned and ignored', async () => {
    const { ids, body } = await query([{ id: 'snomed:12345' }]);
    expect(ids).toHaveLength(resources.length);
    expect(body.info.warnings.unsupportedFilters).toEqual(['snomed:12345']);
  });

  test('when a similarity is asked of a term with no ontology loaded, then it runs exact and is warned', async () => {
    const { ids, body } = await query([{ id: 'NCIT:C2991', similarity: 'high' }]);
    expect(ids).toEqual(idsWhere((r) => r.themes.includes('NCIT:C2991')));
    expect(ids).toHaveLength(2);
    expect(body.info.warnings.unsupportedFilters).toEqual(['NCIT:C2991']);
  });

  test('when descendants are asked of a term with no ontology loaded, then its own resources come back', async () => {
    const { ids, body } = await query([{ id: 'EFO:0000400', includeDescendantTerms: true }]);
    expect(ids).toEqual(['https://other-vocabularies.example/resource/2']);
    expect(body.info?.warnings).toBeUndefined();
  });

  test("when another vocabulary's id carries an operator and a value, then it is an attribute filter this beacon does not support", async () => {
    const { ids, body } = await query([{ id: 'obo:NCIT_C2991', operator: '=', value: ['x'] }]);
    expect(ids).toHaveLength(resources.length);
    expect(body.info.warnings.unsupportedFilters).toEqual(['obo:NCIT_C2991']);
  });

  test('when /filtering_terms is read, then each prefix in use is a resource, with its IRI prefix where known', async () => {
    const { resources: listed } = (await request(app).get('/filtering_terms')).body.response;
    const byPrefix = new Map(listed.map((r: { namespacePrefix: string }) => [r.namespacePrefix, r]));
    expect(byPrefix.get('CLO')).toEqual({
      id: 'clo',
      name: 'Cell Line Ontology',
      namespacePrefix: 'CLO',
      nameSpacePrefix: 'CLO',
      iriPrefix: 'http://purl.obolibrary.org/obo/CLO_',
    });
    expect(byPrefix.get('EFO')).toMatchObject({ iriPrefix: 'http://www.ebi.ac.uk/efo/EFO_' });
    for (const prefix of ['ordo', 'hp', 'NCIT', 'MONDO']) expect(byPrefix.has(prefix)).toBe(true);
    expect([...byPrefix.keys()].some((p) => String(p).startsWith('http'))).toBe(false);
  });
});

describe('filtering-term scopes and v1 spellings', () => {
  const fixtureApp = createTestApp();

  test('when /filtering_terms is read, then every term names the entry type and the endpoint', async () => {
    const res = await request(fixtureApp).get('/filtering_terms');
    for (const term of res.body.response.filteringTerms) expect(term.scopes).toEqual(['catalog', 'catalogs']);
  });

  test('when /filtering_terms is read, then the v1 resourceTypes and country filters list their values, each of which answers', async () => {
    const terms = (await request(fixtureApp).get('/filtering_terms')).body.response.filteringTerms;
    const byId = new Map(terms.map((t: { id: string }) => [t.id, t]));
    expect(byId.get('resourceTypes')).toMatchObject({
      type: 'alphanumeric',
      values: ['BiobankDataset', 'Dataset', 'Guideline', 'PatientRegistryDataset'],
    });
    const country = byId.get('country') as { values: string[] };
    expect(country.values).toContain('EL');
    expect(country.values).not.toContain('GR');
    for (const value of country.values) {
      const res = await request(fixtureApp)
        .post('/catalogs')
        .send({ query: { filters: [{ id: 'country', operator: '=', value: [value] }] } });
      expect({ value, found: res.body.responseSummary.numTotalResults > 0, warnings: res.body.info }).toEqual({
        value,
        found: true,
        warnings: undefined,
      });
    }
  });
});
