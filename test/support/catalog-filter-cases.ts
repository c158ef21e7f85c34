import fs from 'node:fs';
import { FIXTURE_CATALOG } from './test-app';

/** The oracle: plain predicates over the raw fixture file, independent of the service's code. */
export type Item = {
  '@id': string;
  '@type': string;
  title: string;
  description?: string;
  theme: string[];
  publisher: { spatial: { title: string } };
};
export const items = JSON.parse(fs.readFileSync(FIXTURE_CATALOG, 'utf8')) as Item[];
export const idsWhere = (predicate: (item: Item) => boolean): string[] =>
  items
    .filter(predicate)
    .map((i) => i['@id'])
    .sort();
export const hasTheme =
  (...themes: string[]) =>
  (i: Item) =>
    themes.some((t) => i.theme.includes(t));
export const ofType =
  (...types: string[]) =>
  (i: Item) =>
    types.includes(i['@type']);
export const inCountry =
  (...codes: string[]) =>
  (i: Item) =>
    codes.includes(i.publisher.spatial.title);
export const all =
  (...predicates: ((i: Item) => boolean)[]) =>
  (i: Item) =>
    predicates.every((p) => p(i));
export const titleMatches = (re: RegExp) => (i: Item) => re.test(i.title);

export type Case = [name: string, filters: unknown[], expected: (i: Item) => boolean];

/** Every filter form of the catalogs suite, with its oracle; run against each store. */
export const CASES: Case[] = [
  ['a v1 Orphanet id', [{ id: 'Orphanet_558' }], hasTheme('ordo:Orphanet_558')],
  [
    'a v1 Orphanet id array (OR)',
    [{ id: ['Orphanet_589', 'Orphanet_730'] }],
    hasTheme('ordo:Orphanet_589', 'ordo:Orphanet_730'),
  ],
  ['a v1 HPO id', [{ id: 'HP_0001251' }], hasTheme('hp:0001251')],
  ['a v1 HPO id in lower case', [{ id: 'hp_0001251' }], hasTheme('hp:0001251')],
  ['a v2 ORDO CURIE', [{ id: 'ordo:Orphanet_558' }], hasTheme('ordo:Orphanet_558')],
  ['a v2 HPO CURIE', [{ id: 'hp:0001251' }], hasTheme('hp:0001251')],
  ['HP: with upper-case prefix', [{ id: 'HP:0001251' }], hasTheme('hp:0001251')],
  ['ORPHA: prefix', [{ id: 'ORPHA:558' }], hasTheme('ordo:Orphanet_558')],
  ['an ORDO IRI', [{ id: 'http://www.orpha.net/ORDO/Orphanet_558' }], hasTheme('ordo:Orphanet_558')],
  ['an HPO IRI', [{ id: 'http://purl.obolibrary.org/obo/HP_0001251' }], hasTheme('hp:0001251')],
  ['a mixed-case ordo prefix', [{ id: 'ORDO:Orphanet_558' }], hasTheme('ordo:Orphanet_558')],
  ['v1 resourceTypes', [{ id: 'resourceTypes', operator: '=', value: ['BiobankDataset'] }], ofType('ejprd:Biobank')],
  [
    'v1 resourceTypes as a string',
    [{ id: 'resourceTypes', operator: '=', value: 'Guideline' }],
    ofType('ejprd:Guideline'),
  ],
  ['v1 country (OR)', [{ id: 'country', operator: '=', value: ['IT', 'DE'] }], inCountry('IT', 'DE')],
  [
    'country codes in one comma-separated string',
    [{ id: 'country', operator: '=', value: 'IT, DE' }],
    inCountry('IT', 'DE'),
  ],
  ['v1 country EL for Greece', [{ id: 'country', operator: '=', value: ['EL'] }], inCountry('GR')],
  ['a lower-case country code', [{ id: 'country', operator: '=', value: ['fr'] }], inCountry('FR')],
  ['a v2 type CURIE', [{ id: 'ejprd:Biobank' }], ofType('ejprd:Biobank')],
  [
    'a v2 type CURIE array (OR)',
    [{ id: ['ejprd:PatientRegistry', 'ejprd:Guideline'] }],
    ofType('ejprd:PatientRegistry', 'ejprd:Guideline'),
  ],
  ['dcat:Dataset', [{ id: 'dcat:Dataset' }], ofType('dcat:Dataset')],
  ['dct:spatial', [{ id: 'dct:spatial', operator: '=', value: ['ES', 'NL'] }], inCountry('ES', 'NL')],
  ['dct:sptial (the spec example typo)', [{ id: 'dct:sptial', operator: '=', value: ['IT'] }], inCountry('IT')],
  [
    'rdf:type with ejprd values',
    [{ id: 'rdf:type', operator: '=', value: ['ejprd:PatientRegistry'] }],
    ofType('ejprd:PatientRegistry'),
  ],
  [
    'country with the ! operator',
    [{ id: 'country', operator: '!', value: ['IT', 'DE', 'FR'] }],
    (i) => !inCountry('IT', 'DE', 'FR')(i),
  ],
  [
    'dct:title with % wildcards, any case',
    [{ id: 'dct:title', operator: '=', value: '%REGISTRY%' }],
    titleMatches(/registry/i),
  ],
  [
    'dct:title anchored at the start',
    [{ id: 'dct:title', operator: '=', value: 'biobank%' }],
    titleMatches(/^biobank/i),
  ],
  [
    'dct:title exact with regex characters',
    [{ id: 'dct:title', operator: '=', value: 'Cystic Fibrosis (CF) Biobank' }],
    (i) => i.title === 'Cystic Fibrosis (CF) Biobank',
  ],
  ['dct:title with a + inside', [{ id: 'dct:title', operator: '=', value: '%DMD+%' }], (i) => i.title.includes('DMD+')],
  ['dct:title with non-ASCII text', [{ id: 'dct:title', operator: '=', value: '%español%' }], titleMatches(/español/i)],
  [
    'dct:description',
    [{ id: 'dct:description', operator: '=', value: '%ataxia%' }],
    (i) => /ataxia/i.test(i.description ?? ''),
  ],
  [
    'dct:identifier',
    [{ id: 'dct:identifier', operator: '=', value: items[3]!['@id'] }],
    (i) => i['@id'] === items[3]!['@id'],
  ],
  [
    'AND across a disease, a type and countries',
    [
      { id: ['Orphanet_558', 'Orphanet_586'] },
      { id: 'resourceTypes', operator: '=', value: ['BiobankDataset', 'PatientRegistryDataset'] },
      { id: 'country', operator: '=', value: ['NL', 'IT', 'DE', 'FR'] },
    ],
    all(
      hasTheme('ordo:Orphanet_558', 'ordo:Orphanet_586'),
      ofType('ejprd:Biobank', 'ejprd:PatientRegistry'),
      inCountry('NL', 'IT', 'DE', 'FR'),
    ),
  ],
  [
    'themes and types in one id array (OR)',
    [{ id: ['ordo:Orphanet_558', 'dcat:Dataset'] }],
    (i) => hasTheme('ordo:Orphanet_558')(i) || ofType('dcat:Dataset')(i),
  ],
  [
    'two disease filters (AND)',
    [{ id: 'ordo:Orphanet_558' }, { id: 'hp:0001166' }],
    all(hasTheme('ordo:Orphanet_558'), hasTheme('hp:0001166')),
  ],
  ['an empty id array (no constraint)', [{ id: [] }], () => true],
  ['no filters', [], () => true],
  ['an unknown ORDO code (no match, no warning)', [{ id: 'ordo:Orphanet_999999999' }], () => false],
];
