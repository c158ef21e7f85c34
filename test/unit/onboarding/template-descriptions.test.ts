import { descriptionToItem } from '../../../src/onboarding/description-to-item';
import { templateDescriptions } from '../../../src/onboarding/template-descriptions';
import type { TemplateSheet } from '../../../src/onboarding/template-sheets';

const organisation = (cells: Record<string, string>): TemplateSheet => ({
  name: 'Organisation',
  source: 'Organisation.tsv',
  rows: [
    {
      where: 'Organisation line 2',
      cells: { Title: 'Clinic', LandingPage: 'https://clinic.example/', Location: 'Praha, Czechia', ...cells },
    },
  ],
});

const registry = (cells: Record<string, string>): TemplateSheet => ({
  name: 'PatientRegistry',
  source: 'PatientRegistry.tsv',
  rows: [
    { where: 'PatientRegistry line 2', cells: { VPConnection: 'http://purl.org/ejp-rd/vocabulary/VPDiscoverable' } },
    {
      where: 'PatientRegistry line 3',
      cells: {
        Title: 'Registry',
        Theme: 'http://www.orpha.net/ORDO/Orphanet_558 | http://purl.obolibrary.org/obo/HP_0001250',
        Publisher: 'Clinic',
        PersonalData: '1',
        Language: 'en|http://id.loc.gov/vocabulary/iso639-1/cs',
        VPConnection: 'http://purl.org/ejp-rd/vocabulary/VPContentDiscovery',
        Keyword: 'a|b',
        ...cells,
      },
    },
  ],
});

describe('templateDescriptions', () => {
  test("when a registry row names its publisher by Title, then it maps with the organisation's country, its themes and lists split on |", () => {
    const { resources } = templateDescriptions([registry({}), organisation({})]);

    expect(resources).toHaveLength(1);
    const [first] = resources;
    const { item, problems, defaulted } = descriptionToItem(first!.description);
    expect(first).toMatchObject({
      source: 'PatientRegistry.tsv',
      where: 'PatientRegistry line 3',
      problems: [],
      mintedId: true,
    });
    expect(problems).toEqual([]);
    expect(defaulted).toEqual(['license']);
    expect(item).toMatchObject({
      '@id': 'urn:ejprd-template:PatientRegistry:Registry',
      '@type': 'ejprd:PatientRegistry',
      theme: ['ordo:Orphanet_558', 'hp:0001250'],
      personalData: 'true',
      language: ['en', 'cs'],
      vpConnection: 'ejprd:VPContentDiscovery',
      keyword: ['a', 'b'],
      publisher: {
        '@id': 'urn:ejprd-template:Organisation:Clinic',
        title: 'Clinic',
        homepage: 'https://clinic.example/',
        spatial: { title: 'CZ' },
      },
    });
  });

  test('when a row gives an Identifier, then it is the @id', () => {
    const { resources } = templateDescriptions([
      registry({ Identifier: 'https://registry.example/r' }),
      organisation({}),
    ]);

    expect(resources[0]).toMatchObject({ mintedId: false, description: { iri: 'https://registry.example/r' } });
  });

  test('when required columns are empty, then the row carries a problem naming each column and its field', () => {
    const { resources } = templateDescriptions([registry({ Title: '', Language: ' ' }), organisation({})]);

    expect(resources[0]?.problems).toEqual([
      'column Title is empty: it is required (item.title)',
      'column Language is empty: it is required (item.language)',
    ]);
  });

  test("when the organisation's Location names no country, then the mapping refuses it naming the row", () => {
    const { resources } = templateDescriptions([registry({}), organisation({ Location: 'Somewhere nice' })]);

    expect(descriptionToItem(resources[0]!.description).problems).toEqual([
      'Organisation line 2 Location "Somewhere nice" names no country (item.publisher.spatial.title): give a country name or code',
    ]);
  });

  test('when unserved sheets have filled rows, then they are counted by sheet; lookup sheets and the prefilled row are not', () => {
    const sheet = (name: string, rows: number): TemplateSheet => ({
      name,
      source: 'w.xlsx',
      rows: Array.from({ length: rows }, (_, i) => ({ where: `${name} row ${i + 2}`, cells: { Title: `t${i}` } })),
    });

    const prefilledOnly = { ...registry({}), rows: registry({}).rows.slice(0, 1) };

    const { resources, skipped } = templateDescriptions([
      sheet('Distribution', 2),
      sheet('Catalog', 1),
      sheet('ContactPoint', 0),
      sheet('Languages', 5),
      prefilledOnly,
    ]);

    expect(resources).toEqual([]);
    expect(skipped).toEqual(
      new Map([
        ['Distribution', 2],
        ['Catalog', 1],
      ]),
    );
  });
});
