import request from 'supertest';
import { answerInProcess } from '../../bench/harness/in-process';
import { QUERY_SHAPES } from '../../bench/harness/query-shapes';
import { BeaconError } from '../../src/errors/beacon-error';
import type { CatalogResource } from '../../src/model/catalog-resource';
import { buildOntologyIndex, type ParsedTerm } from '../../src/ontology';
import { createItemJsonBySchema } from '../../src/render/item-json-by-schema';
import { MemoryStore } from '../../src/store/memory/memory-store';
import type { Config } from '../../src/config/config';
import { syntheticCatalog } from '../support/synthetic-catalog';
import { createTestApp, testConfig } from '../support/test-app';

/** The synthetic catalog's toy ontology: Orphanet_1 above 10 and 20, 10 above 100 (alt id 999). */
const TERMS: ParsedTerm[] = [
  ['ordo:Orphanet_1', []],
  ['ordo:Orphanet_10', ['ordo:Orphanet_1']],
  ['ordo:Orphanet_20', ['ordo:Orphanet_1']],
  ['ordo:Orphanet_100', ['ordo:Orphanet_10'], ['ordo:Orphanet_999']],
].map(([id, parents, altIds = []]) => ({
  id: id as string,
  synonyms: [],
  parents: parents as string[],
  obsolete: false,
  consider: [],
  altIds: altIds as string[],
}));
const ontology = buildOntologyIndex([{ prefix: 'ordo', name: 'toy', version: 'test', file: 'toy.owl', terms: TERMS }]);

/** Every fifth resource registered and every fifth controlled, and one theme of a vocabulary with no ontology. */
const CATALOG: CatalogResource[] = syntheticCatalog(60).map((resource, n) => ({
  ...resource,
  ...(n % 5 === 3 ? { accessLevel: 'registered' as const } : n % 5 === 4 ? { accessLevel: 'controlled' as const } : {}),
  ...(n === 7 ? { themes: ['NCIT:C2991'], themeAncestors: ['NCIT:C2991'] } : {}),
}));

const V2_META = { requestedSchemas: ['ejprd-resources-v2.0.0'] };
const BODIES: Record<string, object> = {
  ...Object.fromEntries(QUERY_SHAPES.map((shape) => [`bench shape "${shape.name}"`, shape.body(10)])),
  'v2 descendants of a toy class, withheld records among them': {
    meta: V2_META,
    query: { filters: [{ id: 'ordo:Orphanet_1', includeDescendantTerms: true }], pagination: { limit: 5 } },
  },
  'v2 siblings by similarity, through an alt id': {
    meta: V2_META,
    query: { filters: [{ id: 'ordo:Orphanet_999', similarity: 'high' }], pagination: { limit: 100 } },
  },
  'v1 disease and a title pattern': {
    meta: { apiVersion: 'v0.2' },
    query: { filters: [{ id: 'Orphanet_100' }, { id: 'dct:title', operator: '=', value: '%rare%' }] },
  },
  'a count of a toy class': {
    meta: V2_META,
    query: { filters: [{ id: 'ordo:Orphanet_10', includeDescendantTerms: true }], requestedGranularity: 'count' },
  },
  "another vocabulary's theme": { meta: V2_META, query: { filters: [{ id: 'NCIT:C2991' }] } },
  'an unknown schema and an unknown filter': {
    meta: { requestedSchemas: ['ejprd-resources-v9.0.0'] },
    query: { filters: [{ id: 'rdf:type', operator: '=', value: 'ejprd:Biobank' }, { id: 'xyz:nothing' }] },
  },
  'records asked, page 2': {
    meta: V2_META,
    query: { requestedGranularity: 'record', pagination: { skip: 1, limit: 7 } },
  },
};
const CONFIGS: Record<string, Partial<Config>> = {
  'the default configuration': {},
  'MAX_GRANULARITY=count': { maxGranularity: 'count' },
};

describe("the bench's in-process answer", () => {
  const store = new MemoryStore(CATALOG);
  const cases = Object.keys(CONFIGS).flatMap((config) => Object.keys(BODIES).map((body) => [config, body] as const));

  test.each(cases)(
    'when %s answers %s, then its JSON text is the body POST /catalogs sends',
    async (configName, bodyName) => {
      // Arrange
      const config = testConfig(CONFIGS[configName]);
      const app = createTestApp({ config: CONFIGS[configName], deps: { store, ontology } });
      const body = BODIES[bodyName]!;

      // Act
      const http = await request(app).post('/catalogs').send(body);
      const inProcess = await answerInProcess(body, { config, store, ontology }, createItemJsonBySchema());

      // Assert
      expect(http.status).toBe(200);
      const sent = JSON.parse(http.text);
      const answered = JSON.parse(inProcess.text);
      expect([answered.responseSummary, answered.response?.resultSets]).toEqual([
        sent.responseSummary,
        sent.response?.resultSets,
      ]);
      expect(inProcess.text).toBe(http.text);
    },
  );

  test('when these bodies are answered by default, then records, counts, notes and warnings all occur, so the comparison is not vacuous', async () => {
    // Arrange
    const deps = { config: testConfig(), store, ontology };
    const itemJson = createItemJsonBySchema();

    // Act
    const answers = await Promise.all(
      Object.values(BODIES).map(async (body) => JSON.parse((await answerInProcess(body, deps, itemJson)).text)),
    );

    // Assert
    expect(answers.some((a) => a.response?.resultSets?.[0]?.results.length > 0)).toBe(true);
    expect(answers.some((a) => a.meta.returnedGranularity === 'count' && a.responseSummary.numTotalResults > 0)).toBe(
      true,
    );
    expect(answers.some((a) => a.info?.notes?.length > 0)).toBe(true);
    expect(answers.some((a) => a.info?.warnings?.unsupportedFilters.length > 0)).toBe(true);
    expect(answers.find((a) => a.meta.receivedRequestSummary.filters[0] === 'NCIT:C2991')?.responseSummary).toEqual({
      exists: true,
      numTotalResults: 1,
    });
  });

  test('when a body has more filters than MAX_FILTERS, then both refuse it', async () => {
    // Arrange
    const overrides = { maxFilters: 2 };
    const app = createTestApp({ config: overrides, deps: { store, ontology } });
    const body = { query: { filters: [{ id: 'Orphanet_1' }, { id: 'Orphanet_10' }, { id: 'Orphanet_20' }] } };

    // Act
    const http = await request(app).post('/catalogs').send(body);
    const inProcess = answerInProcess(
      body,
      { config: testConfig(overrides), store, ontology },
      createItemJsonBySchema(),
    );

    // Assert
    expect(http.status).toBe(400);
    await expect(inProcess).rejects.toThrow(BeaconError);
    await expect(inProcess).rejects.toThrow(http.body.error.errorMessage);
  });
});
