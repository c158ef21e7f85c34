import path from 'node:path';
import request from 'supertest';
import type { Express } from 'express';
import { createTestApp, FIXTURE_CATALOG } from '../support/test-app';
import { expectBeaconSchema } from '../support/schema-assertions';
import { loadCatalogFile } from '../../src/catalog/load-catalog';
import { loadEmbeddedCatalog } from '../../src/catalog/load-embedded-catalog';
import { MemoryStore } from '../../src/store/memory/memory-store';
import { loadOntologies, type OntologyIndex } from '../../src/ontology';
import { themeClosureOf } from '../../src/ontology/theme-closures';
import golden from './golden/descendant-queries.json';

const ONTOLOGIES = ['hp.v2026-01-08.json.gz', 'ordo_en_4.2.owl.gz'].map((f) =>
  path.join(__dirname, '..', '..', 'fixtures', 'ontologies', f),
);

let ontology: OntologyIndex;
let app: Express;
/** The same catalog as `npm start` loads it (`loadEmbeddedCatalog`): streamed, with the closures it builds. */
let closureApp: Express;

beforeAll(async () => {
  ontology = await loadOntologies(ONTOLOGIES);
  const store = new MemoryStore(loadCatalogFile(FIXTURE_CATALOG), { themeClosure: themeClosureOf(ontology) });
  app = createTestApp({ deps: { store, ontology } });
  const { resources: bare, themeClosure } = await loadEmbeddedCatalog(FIXTURE_CATALOG, ontology);
  closureApp = createTestApp({
    deps: { store: new MemoryStore(bare, { ...(themeClosure ? { themeClosure } : {}) }), ontology },
  });
});

const slug = (id: string): string => id.split('/').pop() ?? id;

async function matchedSlugs(
  filter: Record<string, unknown>,
  meta: Record<string, unknown> = { apiVersion: 'v2.0.0' },
  on: Express = app,
) {
  const res = await request(on)
    .post('/catalogs')
    .send({ meta, query: { filters: [filter], pagination: { limit: 1000 } } });
  expect(res.status).toBe(200);
  expectBeaconSchema(res.body, 'resultsets');
  const results: Record<string, string>[] = res.body.response.resultSets[0]?.results ?? [];
  return { body: res.body, slugs: results.map((r) => slug(r['@id'] ?? r.id ?? '')).sort() };
}

describe('descendant queries over the shipped HPO and ORDO releases', () => {
  test.each(golden.queries.map((q) => [q.term, q.label, q]))(
    'when %s (%s) is asked with descendants, then the hand-checked resources match',
    async (term, _label, query) => {
      const { slugs } = await matchedSlugs({ id: term, includeDescendantTerms: true });
      expect(slugs).toEqual([...query.withDescendants].sort());
    },
  );

  test.each(golden.queries.map((q) => [q.term, q.label, q]))(
    'when %s (%s) is asked with descendants of the store deriving ancestors from theme closures, then the hand-checked resources match',
    async (term, _label, query) => {
      const { slugs } = await matchedSlugs({ id: term, includeDescendantTerms: true }, undefined, closureApp);
      expect(slugs).toEqual([...query.withDescendants].sort());
    },
  );

  test.each(golden.queries.map((q) => [q.term, q.exact]))(
    'when %s is asked without descendants, then %i resources match',
    async (term, exact) => {
      const { slugs } = await matchedSlugs({ id: term });
      expect(slugs).toHaveLength(exact);
    },
  );

  test('when the v1 spelling asks for a disease group with descendants, then its subtypes are found', async () => {
    const { slugs } = await matchedSlugs(
      { id: 'Orphanet_284993', includeDescendantTerms: true },
      { apiVersion: 'v0.2' },
    );
    expect(slugs).toContain('dutch-marfan-registry');
  });
});

describe('term resolution', () => {
  test('when an obsolete HPO term is asked, then its replacement is used and a v2 note says so', async () => {
    const { body } = await matchedSlugs(
      { id: 'hp:0000057' },
      { apiVersion: 'v2.0.0', requestedSchemas: ['ejprd-resources-v2.0.0'] },
    );
    expect(body.info).toEqual({ notes: ['hp:0000057 is obsolete; it was read as hp:0008665'] });
  });

  test('when an HPO alt_id is asked, then it is read as its primary term', async () => {
    const viaAlt = await matchedSlugs({ id: 'HP:0004715', includeDescendantTerms: true });
    const viaPrimary = await matchedSlugs({ id: 'HP:0000003', includeDescendantTerms: true });
    expect(viaAlt.slugs).toEqual(viaPrimary.slugs);
    expect(viaAlt.body.info.notes).toEqual(['hp:0004715 is an alternative id; it was read as hp:0000003']);
  });

  test('when an ORDO term was moved, then the replacement is queried', async () => {
    const { body } = await matchedSlugs(
      { id: 'ORPHA:100039' },
      { apiVersion: 'v2.0.0', requestedSchemas: ['ejprd-resources-v2.0.0'] },
    );
    expect(body.info.notes).toEqual(['ordo:Orphanet_100039 is obsolete; it was read as ordo:Orphanet_3202']);
  });

  test('when the answer is v1, then notes stay out of info', async () => {
    const { body } = await matchedSlugs({ id: 'HP_0000057' }, { apiVersion: 'v0.2' });
    expect(body.info).toBeUndefined();
  });

  test('when an unknown but well-formed term is asked, then nothing matches and nothing is warned', async () => {
    const { body, slugs } = await matchedSlugs({ id: 'ordo:Orphanet_123456789', includeDescendantTerms: true });
    expect(slugs).toEqual([]);
    expect(body.info).toBeUndefined();
  });
});

describe('similarity', () => {
  test('when similarity is high, then siblings under the same parents match too', async () => {
    const exact = await matchedSlugs({ id: 'ordo:Orphanet_284963' });
    const high = await matchedSlugs({ id: 'ordo:Orphanet_284963', similarity: 'high' });
    expect(exact.slugs).toEqual(['dutch-marfan-registry', 'marfan-biobank-pavia']);
    const siblings = new Set(ontology.parents('ordo:Orphanet_284963').flatMap((p) => ontology.children(p)));
    expect(siblings.has('ordo:Orphanet_284973')).toBe(true);
    expect(high.slugs).toEqual(expect.arrayContaining(exact.slugs));
  });

  test('when similarity is medium, then everything under the parents matches', async () => {
    const medium = await matchedSlugs({ id: 'ordo:Orphanet_284963', similarity: 'medium' });
    const underMarfan = await matchedSlugs({ id: 'ordo:Orphanet_558', includeDescendantTerms: true });
    expect(medium.slugs).toEqual(expect.arrayContaining(underMarfan.slugs));
  });

  test('when no ontology is loaded and similarity is asked, then the filter runs exact and is listed', async () => {
    const plain = createTestApp();
    const res = await request(plain)
      .post('/catalogs')
      .send({ meta: {}, query: { filters: [{ id: 'ordo:Orphanet_558', similarity: 'low' }] } });
    expect(res.status).toBe(200);
    expect(res.body.info).toEqual({ warnings: { unsupportedFilters: ['ordo:Orphanet_558'] } });
    expect(res.body.responseSummary.numTotalResults).toBe(6);
  });
});
