import fs from 'node:fs';
import request from 'supertest';
import jsonld from 'jsonld';
import { createTestApp, fixtureCatalog } from '../support/test-app';
import { renderV2Item } from '../../src/render/v2-item';
import { EJPRD_CONTEXT_URL } from '../../src/render/item-schemas';
import { CONTEXT_FILE } from '../../src/info/context-handler';

const PUBLIC_URL = 'https://beacon.example.org';
const SERVED_CONTEXT_URL = `${PUBLIC_URL}/json-ld-contexts/ejprd-context.json`;
const CORRECTED = JSON.parse(fs.readFileSync(CONTEXT_FILE, 'utf8'));
const PUBLISHED = JSON.parse(
  fs.readFileSync(`${__dirname}/../../fixtures/spec-examples/vp-api-specs/json-ld-contexts/ejprd-context.json`, 'utf8'),
);

/** Resolves both context URLs to the corrected local file; anything else fails: no network. */
function loaderFor(context: unknown) {
  return async (url: string) => {
    if (url !== EJPRD_CONTEXT_URL && url !== SERVED_CONTEXT_URL) throw new Error(`unexpected fetch of ${url}`);
    return { contextUrl: undefined, documentUrl: url, document: context };
  };
}

const DCT = 'http://purl.org/dc/terms/';
const ORDO = /^http:\/\/www\.orpha\.net\/ORDO\/Orphanet_\d+$/;
const HPO = /^http:\/\/purl\.obolibrary\.org\/obo\/HP_\d{7}$/;

type Node = Record<string, any>;
const ids = (values: Node[] | undefined): string[] => (values ?? []).map((v) => v['@id']);
const literal = (values: Node[] | undefined): unknown => values?.[0]?.['@value'];

describe('v2 items expanded through the corrected context', () => {
  test.each(fixtureCatalog().map((r) => [r.id, r]))(
    'when %s is expanded in safe mode, then nothing is dropped and every property becomes the right IRI',
    async (_id, resource) => {
      const item = renderV2Item(resource);
      const [node] = (await jsonld.expand(item, {
        documentLoader: loaderFor(CORRECTED),
        safe: true,
      } as never)) as unknown as Node[];
      expect(node!['@id']).toBe(resource.id);
      const themes = ids(node!['http://www.w3.org/ns/dcat#theme']);
      expect(themes).toHaveLength(resource.themes.length);
      for (const theme of themes) expect(theme).toMatch(new RegExp(`${ORDO.source}|${HPO.source}`));
      expect(literal(node![`${DCT}title`])).toBe(resource.title);
      expect(literal(node![`${DCT}description`])).toBe(resource.description);
      expect(ids(node![`${DCT}license`])).toEqual([resource.license]);
      expect(ids(node!['https://w3id.org/ejp-rd/vocabulary#vpConnection'])[0]).toMatch(
        /^https:\/\/w3id\.org\/ejp-rd\/vocabulary#VP/,
      );
      expect(node!['@type']![0]).toMatch(
        /^(https:\/\/w3id\.org\/ejp-rd\/vocabulary#|http:\/\/www\.w3\.org\/ns\/dcat#)/,
      );
      const publisher = node![`${DCT}publisher`]?.[0];
      expect(publisher['@id']).toBe(resource.publisher?.id);
      expect(literal(publisher[`${DCT}title`])).toBe(resource.publisher?.title);
      expect(literal(publisher[`${DCT}spatial`][0][`${DCT}title`])).toBe(resource.country);
    },
  );

  test('when an item has ORDO and HPO themes, then they expand to Orphanet and OBO IRIs', async () => {
    const resource = fixtureCatalog().find((r) => r.id.endsWith('/cf-biobank-verona'))!;
    const [node] = (await jsonld.expand(renderV2Item(resource), {
      documentLoader: loaderFor(CORRECTED) as never,
    })) as Node[];
    expect(ids(node!['http://www.w3.org/ns/dcat#theme'])).toEqual([
      'http://www.orpha.net/ORDO/Orphanet_586',
      'http://purl.obolibrary.org/obo/HP_0002110',
      'http://purl.obolibrary.org/obo/HP_0001738',
    ]);
  });

  test('when the published context is used instead, then jsonld.js rejects it (the first correction)', async () => {
    const item = renderV2Item(fixtureCatalog()[0]!);
    await expect(jsonld.expand(item, { documentLoader: loaderFor(PUBLISHED) as never })).rejects.toThrow(
      /term definition|@type|invalid/i,
    );
  });
});

describe('Accept: application/ld+json on /catalogs', () => {
  const app = createTestApp({ config: { publicUrl: PUBLIC_URL } });

  test('when asked for JSON-LD, then one document with the context once and a @graph of every item, which expands cleanly', async () => {
    const res = await request(app).get('/catalogs').query({ limit: 1000 }).set('Accept', 'application/ld+json');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/ld+json; charset=utf-8');
    const doc = JSON.parse(res.text);
    expect(Object.keys(doc)).toEqual(['@context', '@graph']);
    expect(doc['@context']).toBe(SERVED_CONTEXT_URL);
    expect(doc['@graph']).toHaveLength(fixtureCatalog().length);
    expect(doc['@graph'].some((item: Node) => '@context' in item)).toBe(false);
    const expanded = (await jsonld.expand(doc, {
      documentLoader: loaderFor(CORRECTED) as never,
      safe: true,
    } as never)) as unknown as Node[];
    expect(expanded).toHaveLength(fixtureCatalog().length);
  });

  test('when the served context is fetched, then it is the corrected file as application/ld+json', async () => {
    const res = await request(app).get('/json-ld-contexts/ejprd-context.json');
    expect(res.headers['content-type']).toBe('application/ld+json; charset=utf-8');
    expect(JSON.parse(res.text)).toEqual(CORRECTED);
  });
});
