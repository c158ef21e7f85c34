import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { loadCatalogFile } from '../../src/catalog/load-catalog';
import { createTestApp } from '../support/test-app';
import { cli, removeTempDirs, tempDir, writeText } from './cli-harness';

afterEach(removeTempDirs);

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures');
const EXAMPLES = path.join(FIXTURES, 'ejprd-metadata', 'data', 'example-rdf', 'turtle');
const RDF = path.join(FIXTURES, 'rdf');
const example = (name: string): string => path.join(EXAMPLES, name);

describe("beacon-catalog load of the EJP-RD schema authors' Turtle examples", () => {
  test.each([
    ['biobank.ttl', []],
    ['patientRegistry.ttl', []],
    ['guideline.ttl', []],
    ['dataset.ttl', ['dct:spatial "Online Resource" names no country (item.publisher.spatial.title)']],
  ])('when %s is loaded, then its resource is refused naming each missing required field', async (name, extra) => {
    const out = path.join(tempDir(), 'catalog.json');

    const run = await cli('load', example(name), '--out', out);

    expect(run.code).toBe(1);
    for (const field of ['vpConnection', 'language', 'personalData'])
      expect(run.stderr).toContain(`item must have required property '${field}'`);
    for (const reason of extra) expect(run.stderr).toContain(reason);
    expect(run.stderr).toContain('1 invalid record(s) of 1: nothing was written');
    expect(fs.existsSync(out)).toBe(false);
  });

  test.each([
    [
      'catalog.ttl',
      'skipped 3 description(s) of types the catalog does not serve (1 dct:Location, 1 foaf:Organisation, 1 dcat:Catalog)',
    ],
    [
      'dataservices.ttl',
      'skipped 3 description(s) of types the catalog does not serve (1 dcat:DataService, 1 foaf:Agent, 1 dct:Location)',
    ],
    [
      'distribution.ttl',
      'skipped 3 description(s) of types the catalog does not serve (1 dcat:Distribution, 1 foaf:Agent, 1 dct:Location)',
    ],
    [
      'organisation.ttl',
      'skipped 2 description(s) of types the catalog does not serve (1 foaf:Organisation, 1 dct:Location)',
    ],
    ['location.ttl', 'skipped 1 description(s) of types the catalog does not serve (1 dct:Location)'],
    [
      'resource.ttl',
      'skipped 3 description(s) of types the catalog does not serve (1 dcat:Resource, 1 foaf:Organisation, 1 dct:Location)',
    ],
    [
      path.join('..', '..', '..', 'docs', 'test.ttl'),
      'skipped 2 description(s) of types the catalog does not serve (1 foaf:Organization, 1 dcat:DataService & dcat:Resource & fdp-o:FAIRDataPoint & fdp-o:MetadataService)',
    ],
  ])(
    'when %s is loaded, then it holds no served resource and its descriptions are skipped and counted',
    async (name, skipped) => {
      const out = path.join(tempDir(), 'catalog.json');

      const run = await cli('load', example(name), '--out', out);

      expect(run.code).toBe(0);
      expect(run.stderr).toContain(skipped);
      expect(run.stderr).toContain('loaded 0 record(s)');
    },
  );

  test('when the biobank example is loaded with --skip-invalid, then the default licence is reported and nothing is loaded', async () => {
    const out = path.join(tempDir(), 'catalog.json');

    const run = await cli('load', example('biobank.ttl'), '--out', out, '--skip-invalid');

    expect(run.code).toBe(0);
    expect(run.stderr).toContain(
      '1 record(s) took the default licence https://w3id.org/ejp-rd/resources/licenses/v1.0/',
    );
    expect(run.stderr).toContain(
      `skipped: ${example('biobank.ttl')}:<http://purl.org/ejp-rd/metadata-model/v1/example-rdf/biobank>: item must have required property`,
    );
    expect(loadCatalogFile(out)).toEqual([]);
  });
});

describe('beacon-catalog load of RDF in each syntax', () => {
  test.each(['resources.nt', 'resources.rdf', 'resources.jsonld'])(
    'when %s is loaded, then it gives the items resources.ttl gives',
    async (name) => {
      const dir = tempDir();
      const fromTurtle = path.join(dir, 'turtle.json');
      const fromOther = path.join(dir, 'other.json');

      const turtle = await cli('load', path.join(RDF, 'resources.ttl'), '--out', fromTurtle);
      const other = await cli('load', path.join(RDF, name), '--out', fromOther);

      expect([turtle.code, other.code]).toEqual([0, 0]);
      expect(loadCatalogFile(fromTurtle)).toHaveLength(2);
      expect(fs.readFileSync(fromOther, 'utf8')).toBe(fs.readFileSync(fromTurtle, 'utf8'));
      expect(other.stderr).toContain('skipped 7 description(s) of types the catalog does not serve');
      expect(other.stderr).toContain(
        '1 record(s) took the default licence https://w3id.org/ejp-rd/resources/licenses/v1.0/',
      );
    },
  );

  test('when a JSON-LD file names a context that is not held locally, then the load exits 1 naming it, and nothing is fetched or written', async () => {
    const dir = tempDir();
    const file = writeText(
      dir,
      'remote.jsonld',
      JSON.stringify({ '@context': 'https://schema.example/context.jsonld', '@id': 'https://x.example/r' }),
    );
    const out = path.join(dir, 'catalog.json');

    const run = await cli('load', file, '--out', out);

    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `${file}: not JSON-LD this catalog can read: the JSON-LD context https://schema.example/context.jsonld is not held locally`,
    );
    expect(fs.existsSync(out)).toBe(false);
  });

  test('when a Turtle file does not parse, then the load exits 1 naming the file and line', async () => {
    const dir = tempDir();
    const file = writeText(
      dir,
      'broken.ttl',
      '@prefix dct: <http://purl.org/dc/terms/> .\n<https://x.example/r> dct:title "unterminated .\n',
    );

    const run = await cli('load', file, '--out', path.join(dir, 'catalog.json'));

    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: not Turtle this catalog can read: .*line 2`),
    );
  });
});

describe('a catalog loaded from RDF', () => {
  async function loadedApp() {
    const out = path.join(tempDir(), 'catalog.json');
    const run = await cli('load', path.join(RDF, 'resources.ttl'), '--out', out);
    expect(run.code).toBe(0);
    return createTestApp({ resources: loadCatalogFile(out) });
  }

  test('when queried in v1 by ORDO code, type and country, then the biobank in Germany is found', async () => {
    const app = await loadedApp();
    const filters = [
      { id: ['Orphanet_98896'] },
      { id: 'resourceTypes', operator: '=', value: ['BiobankDataset'] },
      { id: 'country', operator: '=', value: ['DE'] },
    ];

    const res = await request(app)
      .post('/catalogs')
      .send({ meta: { apiVersion: 'v2.0' }, query: { filters } });

    expect(res.status).toBe(200);
    expect(res.body.response.resultSets[0].results).toEqual([
      expect.objectContaining({
        id: 'https://rdf.beacon-catalog.example/berlin-biobank',
        type: 'BiobankDataset',
        location: { country: 'DE' },
      }),
    ]);
  });

  test('when queried in v2 by CLO theme, type and country, then the registry in Austria is found', async () => {
    const app = await loadedApp();
    const filters = [
      { id: 'CLO:0037308' },
      { id: 'ejprd:PatientRegistry' },
      { id: 'dct:spatial', operator: '=', value: ['AT'] },
    ];

    const res = await request(app)
      .post('/catalogs')
      .send({ meta: { apiVersion: 'v2.0.0' }, query: { filters } });

    expect(res.status).toBe(200);
    expect(res.body.response.resultSets[0].results).toEqual([
      expect.objectContaining({
        '@id': 'https://rdf.beacon-catalog.example/vienna-registry',
        '@type': 'ejprd:PatientRegistry',
        theme: ['CLO:0037308'],
        license: 'https://w3id.org/ejp-rd/resources/licenses/v1.0/',
        publisher: expect.objectContaining({ spatial: { title: 'AT' } }),
      }),
    ]);
  });
});

describe('verify and --upsert with RDF', () => {
  test('when a Turtle file is verified against the catalog loaded from it, then nothing differs; an --upsert of it keeps what was there', async () => {
    const dir = tempDir();
    const out = writeText(dir, 'catalog.json', '[]');
    const turtle = path.join(RDF, 'resources.ttl');
    expect((await cli('load', path.join(FIXTURES, 'catalog.json'), '--out', out)).code).toBe(0);

    const upsert = await cli('load', turtle, '--out', out, '--upsert');
    const verify = await cli('verify', turtle, '--data', out);

    expect(upsert.code).toBe(0);
    expect(upsert.stderr).toMatch(/loaded 2 record\(s\); .* now holds 70/);
    expect(verify.stderr).toContain('68 extra');
    expect(verify.stdout).not.toMatch(/missing|differs/);
  });
});
