import { loadOntologies } from '../../../src/ontology';
import { themeClosuresOf } from '../../../src/ontology/theme-closures';
import type { OntologyIndex } from '../../../src/ontology';
import { REAL_FILES, descendantsOf } from './ontology-test-files';

const TYPOLOGY = ['557492', '557493', '557494', '377788', '377789', '377790', '377791', '377792', '377793'].map(
  (n) => `ordo:Orphanet_${n}`,
);

describe('ORDO 4.2 (real release file)', () => {
  let ordo: OntologyIndex;

  beforeAll(async () => {
    ordo = await loadOntologies([REAL_FILES.ordo]);
  });

  test('when the release is loaded, then its version and the 9,438 active clinical entities are reported', () => {
    // Arrange / Act
    const [version] = ordo.versions;

    // Assert
    expect(ordo.versions).toHaveLength(1);
    expect(version).toMatchObject({ prefix: 'ordo', version: '4.2', terms: 9438, file: REAL_FILES.ordo });
  });

  test('when asking for the ancestors of Marfan syndrome type 1, then the part_of and group chain is there without typology classes', () => {
    // Act
    const ancestors = ordo.ancestors('ordo:Orphanet_284963');

    // Assert
    expect(ancestors).toEqual(
      expect.arrayContaining([
        'ordo:Orphanet_558',
        'ordo:Orphanet_284993',
        'ordo:Orphanet_182222',
        'ordo:Orphanet_98023',
      ]),
    );
    for (const typology of TYPOLOGY) expect(ancestors).not.toContain(typology);
    expect(ancestors).not.toContain('ordo:Orphanet_284963');
  });

  test('when walking down from Phenylketonuria, then exactly its 4 subtypes are found', () => {
    // Act
    const descendants = descendantsOf(ordo, 'ordo:Orphanet_716');

    // Assert
    expect(descendants).toEqual([
      'ordo:Orphanet_293284',
      'ordo:Orphanet_79253',
      'ordo:Orphanet_79254',
      'ordo:Orphanet_79651',
    ]);
    for (const id of descendants) expect(ordo.ancestors(id)).toContain('ordo:Orphanet_716');
  });

  test('when asking about Marfan syndrome, then it has 8 part_of parents, 2 subtypes, its label and its synonym', () => {
    // Act / Assert
    expect(ordo.parents('ordo:Orphanet_558')).toHaveLength(8);
    expect(descendantsOf(ordo, 'ordo:Orphanet_558')).toEqual(['ordo:Orphanet_284963', 'ordo:Orphanet_284973']);
    expect(ordo.label('ordo:Orphanet_558')).toBe('Marfan syndrome');
    expect(ordo.synonyms('ordo:Orphanet_558')).toEqual(['MFS']);
  });

  test('when asking for the ancestors of Huntington disease, then Rare neurologic disease is among them', () => {
    // Act
    const ancestors = ordo.ancestors('ordo:Orphanet_399');

    // Assert
    expect(ancestors).toEqual(
      expect.arrayContaining(['ordo:Orphanet_98534', 'ordo:Orphanet_182070', 'ordo:Orphanet_98006']),
    );
  });

  test('when counting descendants of classification heads, then they match the README counts', () => {
    // Act / Assert
    expect(descendantsOf(ordo, 'ordo:Orphanet_98053')).toHaveLength(6797);
    expect(descendantsOf(ordo, 'ordo:Orphanet_98006')).toHaveLength(3146);
    expect(descendantsOf(ordo, 'ordo:Orphanet_284993')).toHaveLength(12);
  });

  test('when a head group has only its typology parent, then it has no parents at all', () => {
    // Act / Assert
    expect(ordo.parents('ordo:Orphanet_98053')).toEqual([]);
    expect(ordo.parents('ordo:Orphanet_183530')).toEqual(['ordo:Orphanet_98053']);
  });

  test('when an entity was moved_to another, then resolving it gives the replacement', () => {
    // Act
    const resolved = ordo.resolve('ORPHA:100039');

    // Assert
    expect(resolved).toEqual({
      id: 'ordo:Orphanet_3202',
      replaced: { from: 'ordo:Orphanet_100039', reason: 'obsolete' },
    });
    expect(ordo.isObsolete('ordo:Orphanet_100039')).toBe(true);
    expect(ordo.synonyms('ordo:Orphanet_3202')).toContain('Hereditary xerocytosis');
  });

  test('when an obsolete entity is only referred_to another, then it does not resolve', () => {
    // Act
    const resolved = ordo.resolve('ORPHA:100040');

    // Assert
    expect(resolved).toBeUndefined();
    expect(ordo.isObsolete('ordo:Orphanet_100040')).toBe(true);
    expect(ordo.label('ordo:Orphanet_100040')).toBe('OBSOLETE: Familial pseudohyperkalemia type 2');
    expect(ordo.parents('ordo:Orphanet_100040')).toEqual([]);
  });

  test('when looking up genes, gene categories or typology classes, then they are unknown', () => {
    // Arrange: 121752 is the FBN1 gene, 410298 "gene with protein product".
    const ids = ['ordo:Orphanet_121752', 'ordo:Orphanet_410298', ...TYPOLOGY];

    // Act / Assert
    for (const id of ids) {
      expect(ordo.resolve(id)).toBeUndefined();
      expect(ordo.label(id)).toBeUndefined();
      expect(ordo.children(id)).toEqual([]);
    }
  });

  test('when any accepted spelling is resolved, then the canonical id comes back', () => {
    // Act / Assert
    for (const spelling of [
      'ORPHA:558',
      'Orphanet_558',
      'http://www.orpha.net/ORDO/Orphanet_558',
      'ordo:Orphanet_558',
    ]) {
      expect(ordo.resolve(spelling)).toEqual({ id: 'ordo:Orphanet_558' });
    }
  });

  test('when building the closure of a subtype, then a query for its group finds it', () => {
    // Act
    const closure = themeClosuresOf(ordo).union(['ordo:Orphanet_79254']);

    // Assert
    expect(closure).toEqual(
      expect.arrayContaining(['ordo:Orphanet_79254', 'ordo:Orphanet_716', 'ordo:Orphanet_68385']),
    );
    expect(closure).toEqual([...closure].sort());
  });
});
