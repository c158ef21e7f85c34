import { buildQuery, wildcardToRegex } from '../../../src/query/build-query';
import { parseFilters } from '../../../src/filters/parse-filters';
import { DEFAULT_FILTER_LIMITS } from '../../../src/filters/filter-limits';

const documentFor = (filters: unknown[], includeDescendantTermsDefault = false) =>
  buildQuery(parseFilters(filters, { includeDescendantTermsDefault, limits: DEFAULT_FILTER_LIMITS }).groups);

describe('buildQuery', () => {
  test.each<[string, unknown[], object]>([
    ['no filters', [], {}],
    ['an empty id array', [{ id: [] }], {}],
    ['a v1 Orphanet id', [{ id: 'Orphanet_558' }], { $and: [{ themes: { $in: ['ordo:Orphanet_558'] } }] }],
    [
      'a v1 id array',
      [{ id: ['Orphanet_589', 'HP_0001251'] }],
      { $and: [{ themes: { $in: ['ordo:Orphanet_589', 'hp:0001251'] } }] },
    ],
    [
      'ORPHA: and IRI spellings of one term',
      [{ id: ['ORPHA:0558', 'http://www.orpha.net/ORDO/Orphanet_558'] }],
      { $and: [{ themes: { $in: ['ordo:Orphanet_558'] } }] },
    ],
    [
      'an HPO IRI',
      [{ id: 'http://purl.obolibrary.org/obo/HP_0001251' }],
      { $and: [{ themes: { $in: ['hp:0001251'] } }] },
    ],
    [
      'descendants asked',
      [{ id: 'ordo:Orphanet_98006', includeDescendantTerms: true }],
      { $and: [{ themeAncestors: { $in: ['ordo:Orphanet_98006'] } }] },
    ],
    [
      'resourceTypes',
      [{ id: 'resourceTypes', operator: '=', value: ['BiobankDataset', 'Dataset'] }],
      { $and: [{ type: { $in: ['ejprd:Biobank', 'dcat:Dataset'] } }] },
    ],
    [
      'country with EL',
      [{ id: 'country', operator: '=', value: ['EL', 'it'] }],
      { $and: [{ country: { $in: ['GR', 'IT'] } }] },
    ],
    [
      'dct:spatial with !',
      [{ id: 'dct:spatial', operator: '!', value: 'DE' }],
      { $and: [{ country: { $nin: ['DE'] } }] },
    ],
    [
      'type CURIEs',
      [{ id: ['ejprd:PatientRegistry', 'dcat:Dataset'] }],
      { $and: [{ type: { $in: ['ejprd:PatientRegistry', 'dcat:Dataset'] } }] },
    ],
    ['rdf:type', [{ id: 'rdf:type', value: 'ejprd:Guideline' }], { $and: [{ type: { $in: ['ejprd:Guideline'] } }] }],
    [
      'a theme and a type in one filter',
      [{ id: ['hp:0001251', 'ejprd:Biobank'] }],
      { $and: [{ $or: [{ themes: { $in: ['hp:0001251'] } }, { type: { $in: ['ejprd:Biobank'] } }] }] },
    ],
    [
      'dct:title with %',
      [{ id: 'dct:title', operator: '=', value: '%Marfan (MFS)%' }],
      { $and: [{ title: { $regex: '^[\\s\\S]*Marfan \\(MFS\\)[\\s\\S]*$', $options: 'i' } }] },
    ],
    [
      'dct:description values (OR)',
      [{ id: 'dct:description', value: ['a%', '%b'] }],
      {
        $and: [
          {
            $or: [
              { description: { $regex: '^a[\\s\\S]*$', $options: 'i' } },
              { description: { $regex: '^[\\s\\S]*b$', $options: 'i' } },
            ],
          },
        ],
      },
    ],
    [
      'a run of % (one wildcard)',
      [{ id: 'dct:title', value: 'a%%%b' }],
      { $and: [{ title: { $regex: '^a[\\s\\S]*b$', $options: 'i' } }] },
    ],
    [
      'dct:title with !',
      [{ id: 'dct:title', operator: '!', value: 'x' }],
      { $and: [{ $nor: [{ title: { $regex: '^x$', $options: 'i' } }] }] },
    ],
    [
      'dct:identifier',
      [{ id: 'dct:identifier', value: 'https://a.example/r1' }],
      { $and: [{ id: { $regex: '^https:\\/\\/a\\.example\\/r1$', $options: 'i' } }] },
    ],
    [
      'three filters (AND)',
      [
        { id: 'Orphanet_100' },
        { id: 'resourceTypes', operator: '=', value: ['BiobankDataset'] },
        { id: 'country', operator: '=', value: ['IT', 'DE'] },
      ],
      {
        $and: [
          { themes: { $in: ['ordo:Orphanet_100'] } },
          { type: { $in: ['ejprd:Biobank'] } },
          { country: { $in: ['IT', 'DE'] } },
        ],
      },
    ],
    ['only unsupported values', [{ id: 'resourceTypes', operator: '=', value: ['Catalog'] }, { id: 'foo:bar' }], {}],
  ])('when the filters are %s, then the query document is exact', (_name, filters, expected) => {
    expect(documentFor(filters)).toEqual(expected);
  });

  test('when descendants are on by default, then a filter can still turn them off', () => {
    expect(documentFor([{ id: 'hp:0001251' }, { id: 'hp:0001250', includeDescendantTerms: false }], true)).toEqual({
      $and: [{ themeAncestors: { $in: ['hp:0001251'] } }, { themes: { $in: ['hp:0001250'] } }],
    });
  });

  test('when user text holds $ keys, dots or __proto__, then they only ever appear as values', () => {
    const doc = documentFor([
      { id: 'dct:title', value: ['$where', 'a.b', '__proto__'] },
      { id: ['$gt', '__proto__', 'constructor'] },
    ]);
    const keys: string[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) keys.push(k), walk(v);
    };
    walk(doc);
    expect(new Set(keys)).toEqual(new Set(['$and', '$or', 'title', '$regex', '$options']));
  });

  test.each([
    ['plain', '^plain$'],
    ['50%', '^50[\\s\\S]*$'],
    ['a.b*c?', '^a\\.b\\*c\\?$'],
    ['(x)|[y]{2}^$\\', '^\\(x\\)\\|\\[y\\]\\{2\\}\\^\\$\\\\$'],
  ])('when %s is a pattern, then the regex is anchored and escaped', (pattern, regex) => {
    expect(wildcardToRegex(pattern)).toBe(regex);
    expect(new RegExp(regex, 'i').test(pattern.replace(/%/g, 'anything'))).toBe(true);
  });
});
