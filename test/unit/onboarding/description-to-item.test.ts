import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_LICENCE, descriptionToItem } from '../../../src/onboarding/description-to-item';
import { parseRdf } from '../../../src/onboarding/parse-rdf';
import { RdfGraph } from '../../../src/onboarding/rdf-graph';
import { resourceDescriptions, type ResourceDescription } from '../../../src/onboarding/resource-descriptions';

const PREFIXES = `
@prefix dcat: <http://www.w3.org/ns/dcat#> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix ejp: <http://purl.org/ejp-rd/vocabulary/> .
`;

async function describeTurtle(turtle: string): Promise<ResourceDescription[]> {
  return resourceDescriptions(new RdfGraph(await parseRdf(`${PREFIXES}${turtle}`, 'turtle', 'test.ttl'))).resources;
}

async function onlyItem(turtle: string): Promise<ReturnType<typeof descriptionToItem>> {
  const [description] = await describeTurtle(turtle);
  if (!description) throw new Error('no resource described');
  return descriptionToItem(description);
}

const COMPLETE = `<https://x.example/r> a ejp:Guideline ; dct:title "G" ; dcat:theme <http://www.orpha.net/ORDO/Orphanet_558> ;
  ejp:vpConnection ejp:VPDiscoverable ; ejp:personalData false ; dct:language "en" ; dct:license <https://l.example/> `;

describe('descriptionToItem', () => {
  test('when the fixture biobank is mapped, then every property lands in its v2 field', async () => {
    const text = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'fixtures', 'rdf', 'resources.ttl'), 'utf8');
    const descriptions = resourceDescriptions(new RdfGraph(await parseRdf(text, 'turtle', 'resources.ttl'))).resources;

    const { item, problems } = descriptionToItem(descriptions[0]!);

    expect(problems).toEqual([]);
    expect(item).toEqual({
      '@context': 'https://raw.githubusercontent.com/ejp-rd-vp/vp-api-specs/main/json-ld-contexts/ejprd-context.json',
      '@id': 'https://rdf.beacon-catalog.example/berlin-biobank',
      '@type': 'ejprd:Biobank',
      title: 'Berlin Neuromuscular Biobank',
      description: 'Muscle biopsies and DNA from people with Duchenne muscular dystrophy.',
      theme: ['ordo:Orphanet_98896', 'hp:0003560'],
      publisher: {
        '@id': 'https://rdf.beacon-catalog.example/mdc',
        title: 'Max Delbrück Center',
        homepage: 'https://mdc.berlin.example/',
        spatial: { title: 'DE' },
      },
      populationCoverage: 'National',
      landingPage: ['https://biobank.berlin.example/'],
      vpConnection: 'ejprd:VPContentDiscovery',
      personalData: 'true',
      language: ['de', 'en'],
      license: 'https://creativecommons.org/licenses/by/4.0/',
      keyword: ['muscle', 'dystrophin'],
      created: '2019-03-01',
      updated: '2024-05-06T10:00:00Z',
    });
  });

  test('when no licence is given, then the EJP-RD default is taken and reported', async () => {
    const { item, defaulted } = await onlyItem(`<https://x.example/r> a ejp:Guideline ; dct:title "G" .`);

    expect(item.license).toBe(DEFAULT_LICENCE);
    expect(defaulted).toEqual(['license']);
  });

  test('when a required field is missing, then the item leaves it out for validation to name', async () => {
    const { item, problems } = await onlyItem(`<https://x.example/r> a ejp:Guideline ; dct:title "G" .`);

    expect(problems).toEqual([]);
    expect(item).not.toHaveProperty('language');
    expect(item).not.toHaveProperty('vpConnection');
    expect(item).not.toHaveProperty('personalData');
    expect(item).not.toHaveProperty('theme');
  });

  test('when the publisher is located where no country is named, then the mapping refuses it with that location', async () => {
    const { problems } = await onlyItem(
      `${COMPLETE} ; dct:publisher [ a foaf:Organisation ; dct:title "O" ; dct:spatial [ dct:title "Online Resource" ] ] .`,
    );

    expect(problems).toEqual([
      'dct:spatial "Online Resource" names no country (item.publisher.spatial.title): give a country name or code',
    ]);
  });

  test('when the publisher is a blank node, then it is named after its resource', async () => {
    const { item } = await onlyItem(
      `${COMPLETE} ; dct:publisher [ a foaf:Organization ; dct:title "O" ; dct:spatial <http://publications.europa.eu/resource/authority/country/FRA> ] .`,
    );

    expect(item.publisher).toEqual({ '@id': 'https://x.example/r#publisher', title: 'O', spatial: { title: 'FR' } });
  });

  test('when a language is no ISO 639-1 code, then the mapping refuses it naming the value', async () => {
    const { problems } = await onlyItem(`${COMPLETE} ; dct:language <http://www.wikidata.org/entity/Q1860> .`);

    expect(problems).toEqual([
      'dct:language "http://www.wikidata.org/entity/Q1860" is not an ISO 639-1 code (item.language)',
    ]);
  });

  test('when personal data is written 0 or 1 and coverage in lower case, then they take the schema spelling', async () => {
    const { item } = await onlyItem(
      `<https://x.example/r> a ejp:Biobank ; ejp:personalData "1" ; ejp:populationCoverage "european" .`,
    );

    expect(item).toMatchObject({ personalData: 'true', populationCoverage: 'European' });
  });
});

describe('resourceDescriptions', () => {
  test('when a node has a served type under any ejp: namespace, then it is described; other typed nodes are counted by type', async () => {
    const graph = new RdfGraph(
      await parseRdf(
        `${PREFIXES}
        <https://x.example/a> a <https://w3id.org/ejp-rd/vocabulary#PatientRegistry> .
        <https://x.example/b> a <https://purl.archive.org/ejp-rd/vocabulary/Biobank>, dcat:Dataset .
        <https://x.example/c> a ejp:Guideline .
        <https://x.example/d> a dcat:Dataset .
        <https://x.example/e> a dcat:DataService .
        <https://x.example/f> a dcat:Distribution .
        <https://x.example/g> a dcat:Distribution .`,
        'turtle',
        'test.ttl',
      ),
    );

    const { resources, skipped } = resourceDescriptions(graph);

    expect(resources.map((r) => [r.iri, r.type])).toEqual([
      ['https://x.example/a', 'ejprd:PatientRegistry'],
      ['https://x.example/b', 'ejprd:Biobank'],
      ['https://x.example/c', 'ejprd:Guideline'],
      ['https://x.example/d', 'dcat:Dataset'],
    ]);
    expect([...skipped]).toEqual([
      ['dcat:DataService', 1],
      ['dcat:Distribution', 2],
    ]);
  });
});
