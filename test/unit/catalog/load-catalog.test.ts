import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadCatalogFile, normaliseCatalog, CatalogValidationError } from '../../../src/catalog/load-catalog';
import { CatalogFileError } from '../../../src/catalog/read-catalog-file';
import { renderV2Item } from '../../../src/render/v2-item';
import { ejprdSchemaValidator } from '../../../src/request/schema-registry';
import { FIXTURE_CATALOG } from '../../support/test-app';

const CONTEXT = 'https://raw.githubusercontent.com/ejp-rd-vp/vp-api-specs/main/json-ld-contexts/ejprd-context.json';
const fixtureItems = JSON.parse(fs.readFileSync(FIXTURE_CATALOG, 'utf8')) as Record<string, unknown>[];
const validItem = (id: string, extra: Record<string, unknown> = {}) => ({
  '@context': CONTEXT,
  '@id': id,
  '@type': 'ejprd:Biobank',
  title: `Biobank ${id}`,
  theme: ['ORPHA:558', 'HP:0001251'],
  vpConnection: 'ejprd:VPContentDiscovery',
  license: 'https://creativecommons.org/licenses/by/4.0/',
  language: ['en'],
  personalData: 'true',
  publisher: { '@id': `${id}-org`, title: 'Org', spatial: { title: 'EL' } },
  ...extra,
});

function writeTemp(content: unknown): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'catalog-')), 'catalog.json');
  fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

describe('the shipped fixtures', () => {
  test('when checked against ejprd-resources-v2.0.0 with every $ref resolved, then every item is valid', () => {
    const validate = ejprdSchemaValidator('2.0.0/ejprd-resources-v2.0.0.json');
    const invalid = fixtureItems.filter((item) => !validate(item)).map((item) => item['@id']);
    expect(invalid).toEqual([]);
    expect(fixtureItems.length).toBeGreaterThanOrEqual(60);
  });

  test('when counted, then all four types and at least 15 countries are present', () => {
    const types = new Set(fixtureItems.map((i) => i['@type']));
    const countries = new Set(fixtureItems.map((i) => (i.publisher as { spatial: { title: string } }).spatial.title));
    expect([...types].sort()).toEqual(['dcat:Dataset', 'ejprd:Biobank', 'ejprd:Guideline', 'ejprd:PatientRegistry']);
    expect(countries.size).toBeGreaterThanOrEqual(15);
  });

  test('when a fixture is loaded and rendered in v2, then it comes back as it was written', () => {
    const resources = loadCatalogFile(FIXTURE_CATALOG);
    const byId = new Map(fixtureItems.map((i) => [i['@id'], i]));
    for (const resource of resources) expect(renderV2Item(resource)).toEqual(byId.get(resource.id));
  });
});

describe('normaliseCatalog', () => {
  test('when items use other spellings, then the stored document is canonical', () => {
    const [resource] = normaliseCatalog([validItem('a')], 'test');
    expect(resource).toMatchObject({
      id: 'a',
      themes: ['ordo:Orphanet_558', 'hp:0001251'],
      country: 'GR',
    });
    expect(resource).not.toHaveProperty('themeAncestors');
  });

  test('when items are invalid, then every bad item is listed with index, @id and reason', () => {
    const items = [
      validItem('ok'),
      validItem('bad-type', { '@type': 'ejprd:Catalog' }),
      validItem('ok'),
      { title: 3 },
      validItem('dates', {
        created: 'yesterday',
        publisher: { '@id': 'o', title: 'O', spatial: { title: 'Atlantis' } },
      }),
    ];
    let error: unknown;
    try {
      normaliseCatalog(items, 'test.json');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CatalogValidationError);
    const problems = (error as CatalogValidationError).items;
    expect(problems.map((p) => [p.index, p.id])).toEqual([
      [1, 'bad-type'],
      [2, 'ok'],
      [3, undefined],
      [4, 'dates'],
    ]);
    expect(problems[0]!.problems).toEqual([
      'item.@type must be one of ejprd:Biobank, ejprd:PatientRegistry, ejprd:Guideline, dcat:Dataset',
    ]);
    expect(problems[1]!.problems).toEqual(['duplicate @id, first seen at item 0']);
    expect(problems[2]!.problems).toContain("item must have required property '@id'");
    expect(problems[3]!.problems).toEqual([
      'item.created must be an ISO 8601 date or date-time',
      'item.publisher.spatial.title must be an ISO 3166-1 alpha-2 country code',
    ]);
    expect((error as Error).message).toMatch(/^4 invalid item\(s\) in test\.json:\n {2}item 1 \(bad-type\): /);
  });

  test('when the published biobank example is loaded, then its string theme and missing publisher location are accepted', () => {
    const example = JSON.parse(
      fs.readFileSync(
        path.join(__dirname, '..', '..', '..', 'fixtures', 'spec-examples', 'vp-api-specs', 'examples', 'biobank.json'),
        'utf8',
      ),
    );
    const [resource] = normaliseCatalog(
      [{ ...example, license: 'https://creativecommons.org/licenses/by/4.0/' }],
      'example',
    );
    expect(resource).toMatchObject({ themes: ['ordo:Orphanet_730'], language: ['EN'], country: 'IT' });
  });
});

describe('loadCatalogFile', () => {
  test('when the file is a JSON-LD document with @graph, then its items inherit the @context', () => {
    const { '@context': _context, ...withoutContext } = validItem('g1');
    const resources = loadCatalogFile(writeTemp({ '@context': CONTEXT, '@graph': [withoutContext, validItem('g2')] }));
    expect(resources.map((r) => r.id)).toEqual(['g1', 'g2']);
  });

  test.each([
    ['not JSON', '{"a": ', /is not valid JSON/],
    ['an object without @graph', { items: [] }, /must hold a JSON array of items or a JSON-LD document with "@graph"/],
  ])('when the file is %s, then a clear error says so', (_name, content, message) => {
    expect(() => loadCatalogFile(writeTemp(content))).toThrow(message);
    expect(() => loadCatalogFile(writeTemp(content))).toThrow(CatalogFileError);
  });

  test('when the file does not exist, then the error names it', () => {
    expect(() => loadCatalogFile('/nonexistent/catalog.json')).toThrow(
      /cannot read catalog file \/nonexistent\/catalog\.json/,
    );
  });
});
