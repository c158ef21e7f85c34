import { loadOntologies } from '../../../src/ontology';
import type { OntologyIndex } from '../../../src/ontology';
import { ordoClass, owlDocument, scratchDir } from './ontology-test-files';
import type { ScratchDir } from './ontology-test-files';

const GENE_ASSOCIATION = `<rdfs:subClassOf><Restriction>
  <onProperty rdf:resource="http://www.orpha.net/ORDO/Orphanet_317343"/>
  <someValuesFrom rdf:resource="http://www.orpha.net/ORDO/Orphanet_121752"/>
</Restriction></rdfs:subClassOf>`;

/** A miniature ORDO with the same encoding as release 4.x. */
const MINI_ORDO = owlDocument(
  [
    `<Ontology rdf:about="https://example.org/ordo.owl"><versionInfo>9.9</versionInfo></Ontology>`,
    ordoClass({ id: 'C001', notation: false }),
    ...['557492', '557493', '557494'].map((id) => ordoClass({ id, notation: false, isA: ['C001'] })),
    ordoClass({ id: '377788', notation: false, isA: ['557493'] }),
    ordoClass({ id: 'C010', notation: false }),
    ordoClass({ id: '410298', notation: false, isA: ['C010'] }),
    ordoClass({ id: '121752', label: 'fibrillin 1', notation: false, isA: ['410298'] }),
    ordoClass({ id: '999001', label: 'gene with a code', isA: ['410298'] }),
    ordoClass({ id: 'C041', notation: false }),
    ordoClass({ id: 'C045', notation: false, isA: ['C041'] }),
    ordoClass({ id: 'C053', notation: false, isA: ['C041'] }),
    ordoClass({ id: '98006', label: 'Rare neurologic disease', isA: ['557492'] }).replace(
      '</Class>',
      '<skos:notation xml:lang="en">Category</skos:notation></Class>',
    ),
    ordoClass({ id: '68385', label: 'Neurometabolic disease', isA: ['557492', '98006'] }),
    ordoClass({
      id: '716',
      label: 'Phenylketonuria',
      isA: ['377788', '557493'],
      partOf: ['68385'],
      synonyms: ['PKU'],
    }).replace('</Class>', `${GENE_ASSOCIATION}</Class>`),
    ordoClass({ id: '79254', label: 'Classic phenylketonuria', isA: ['557494'], partOf: ['716'] }),
    ordoClass({
      id: '3202',
      label: 'Dehydrated hereditary stomatocytosis',
      isA: ['377788', '557493'],
      partOf: ['68385'],
    }),
    ordoClass({ id: '100039', isA: ['C045'], movedTo: '3202' }),
    ordoClass({ id: '100040', label: 'OBSOLETE: type 2', isA: ['C053'], referredTo: '3202' }),
    ordoClass({ id: '555', isA: ['557493'], partOf: ['100040', '68385'] }),
  ].join('\n'),
);

describe('loading ORDO OWL (synthetic)', () => {
  let dir: ScratchDir;
  let ordo: OntologyIndex;

  beforeAll(async () => {
    dir = scratchDir();
    ordo = await loadOntologies([dir.write('mini-ordo.owl.gz', MINI_ORDO, { gzip: true })]);
  });

  afterAll(() => dir.remove());

  test('when loaded, then only active clinical entities count as terms', () => {
    // Act / Assert
    expect(ordo.versions[0]).toMatchObject({
      prefix: 'ordo',
      name: 'Orphanet Rare Disease Ontology',
      version: '9.9',
      terms: 6,
    });
  });

  test('when groups, disorders and subtypes are nested, then named subClassOf and part_of both become parents', () => {
    // Act / Assert
    expect(ordo.parents('ordo:Orphanet_68385')).toEqual(['ordo:Orphanet_98006']);
    expect(ordo.parents('ordo:Orphanet_716')).toEqual(['ordo:Orphanet_68385']);
    expect(ordo.parents('ordo:Orphanet_79254')).toEqual(['ordo:Orphanet_716']);
    expect([...ordo.ancestors('ordo:Orphanet_79254')].sort()).toEqual([
      'ordo:Orphanet_68385',
      'ordo:Orphanet_716',
      'ordo:Orphanet_98006',
    ]);
    expect([...ordo.children('ordo:Orphanet_68385')].sort()).toEqual([
      'ordo:Orphanet_3202',
      'ordo:Orphanet_555',
      'ordo:Orphanet_716',
    ]);
  });

  test('when a class is typology, genetic material or a C-class, then it is neither a term nor a parent', () => {
    // Act / Assert
    for (const n of ['557492', '557493', '557494', '377788', '121752', '410298', '999001']) {
      expect(ordo.resolve(`ordo:Orphanet_${n}`)).toBeUndefined();
    }
    expect(ordo.parents('ordo:Orphanet_98006')).toEqual([]);
    expect(ordo.synonyms('ordo:Orphanet_716')).toEqual(['PKU']);
  });

  test('when a class has a lang-tagged "Category" notation after its ORPHA code, then it is still a term', () => {
    // Act / Assert
    expect(ordo.resolve('ORPHA:98006')).toEqual({ id: 'ordo:Orphanet_98006' });
    expect(ordo.label('ordo:Orphanet_98006')).toBe('Rare neurologic disease');
  });

  test('when a disorder is part_of an obsolete entity too, then only the active parent is kept', () => {
    // Act / Assert
    expect(ordo.parents('ordo:Orphanet_555')).toEqual(['ordo:Orphanet_68385']);
  });

  test('when entities are inactive, then moved_to replaces and referred_to does not', () => {
    // Act / Assert
    expect(ordo.resolve('ORPHA:100039')).toEqual({
      id: 'ordo:Orphanet_3202',
      replaced: { from: 'ordo:Orphanet_100039', reason: 'obsolete' },
    });
    expect(ordo.resolve('ORPHA:100040')).toBeUndefined();
    expect(ordo.isObsolete('ordo:Orphanet_100040')).toBe(true);
    expect(ordo.label('ordo:Orphanet_100040')).toBe('OBSOLETE: type 2');
    expect(ordo.children('ordo:Orphanet_100040')).toEqual([]);
  });
});
