import { loadOntologies } from '../../../src/ontology';
import { scratchDir } from './ontology-test-files';
import type { ScratchDir } from './ontology-test-files';

const OBO_IRI = 'http://purl.obolibrary.org/obo/';
const node = (n: string, lbl: string, meta: object = {}): object => ({
  id: `${OBO_IRI}HP_${n}`,
  lbl,
  type: 'CLASS',
  meta,
});
const isA = (child: string, parent: string): object => ({
  sub: `${OBO_IRI}HP_${child}`,
  pred: 'is_a',
  obj: `${OBO_IRI}HP_${parent}`,
});

const GRAPH = {
  graphs: [
    {
      id: `${OBO_IRI}hp.json`,
      meta: { version: `${OBO_IRI}hp/releases/2025-05-06/hp.json` },
      nodes: [
        node('0000001', 'All'),
        node('0000118', 'Phenotypic abnormality'),
        node('0000003', 'Multicystic kidney dysplasia', {
          synonyms: [{ pred: 'hasExactSynonym', val: 'Multicystic dysplastic kidney' }],
          basicPropertyValues: [
            { pred: 'http://www.geneontology.org/formats/oboInOwl#hasAlternativeId', val: 'HP:0004715' },
          ],
        }),
        node('0000057', 'obsolete Clitoromegaly', {
          deprecated: true,
          basicPropertyValues: [{ pred: 'http://purl.obolibrary.org/obo/IAO_0100001', val: 'HP:0000003' }],
        }),
        { id: `${OBO_IRI}BFO_0000050`, lbl: 'part of', type: 'PROPERTY' },
        { id: `${OBO_IRI}UBERON_0000001`, lbl: 'not ours', type: 'CLASS' },
      ],
      edges: [
        isA('0000118', '0000001'),
        isA('0000003', '0000118'),
        { sub: `${OBO_IRI}HP_0000003`, pred: 'is_a', obj: `${OBO_IRI}UBERON_0000001` },
      ],
    },
  ],
};

describe('loading obographs JSON', () => {
  let dir: ScratchDir;

  beforeAll(() => {
    dir = scratchDir();
  });

  afterAll(() => dir.remove());

  test('when a plain JSON file is named .json.gz, then it is read by its bytes, not its name', async () => {
    // Arrange
    const file = dir.write('not-really.json.gz', JSON.stringify(GRAPH));

    // Act
    const index = await loadOntologies([file]);

    // Assert
    expect(index.versions[0]).toMatchObject({ prefix: 'hp', version: '2025-05-06', terms: 3 });
    expect(index.ancestors('hp:0000003')).toEqual(['hp:0000001', 'hp:0000118']);
  });

  test('when a gzipped graph has alt ids, obsolete terms and foreign nodes, then only HPO classes are kept', async () => {
    // Arrange
    const file = dir.write('hp-small.json', JSON.stringify(GRAPH), { gzip: true });

    // Act
    const index = await loadOntologies([file]);

    // Assert
    expect(index.resolve('HP:0004715')).toEqual({
      id: 'hp:0000003',
      replaced: { from: 'hp:0004715', reason: 'alt_id' },
    });
    expect(index.resolve('HP:0000057')).toEqual({
      id: 'hp:0000003',
      replaced: { from: 'hp:0000057', reason: 'obsolete' },
    });
    expect(index.synonyms('hp:0000003')).toEqual(['Multicystic dysplastic kidney']);
    expect(index.parents('hp:0000003')).toEqual(['hp:0000118']);
    expect(index.label('http://purl.obolibrary.org/obo/UBERON_0000001')).toBeUndefined();
  });
});
