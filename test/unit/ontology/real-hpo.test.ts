import { loadOntologies } from '../../../src/ontology';
import type { OntologyIndex } from '../../../src/ontology';
import { REAL_FILES, descendantsOf } from './ontology-test-files';

describe('HPO 2026-01-08 (real release file)', () => {
  let hpo: OntologyIndex;

  beforeAll(async () => {
    hpo = await loadOntologies([REAL_FILES.hpo]);
  });

  test('when the release is loaded, then its version and the 19,408 active terms are reported', () => {
    // Act / Assert
    expect(hpo.versions).toEqual([
      { prefix: 'hp', name: 'Human Phenotype Ontology', version: '2026-01-08', file: REAL_FILES.hpo, terms: 19408 },
    ]);
  });

  test('when asking for the ancestors of Ataxia, then exactly its 6 ancestors come back', () => {
    // Act
    const ancestors = hpo.ancestors('hp:0001251');

    // Assert
    expect([...ancestors].sort()).toEqual([
      'hp:0000001',
      'hp:0000118',
      'hp:0000707',
      'hp:0011442',
      'hp:0011443',
      'hp:0012638',
    ]);
  });

  test('when asking about Ataxia below, then it has 12 children and 20 descendants', () => {
    // Act / Assert
    expect(hpo.children('hp:0001251')).toHaveLength(12);
    expect(hpo.children('hp:0001251')).toEqual(expect.arrayContaining(['hp:0002066', 'hp:0002070', 'hp:0001310']));
    expect(descendantsOf(hpo, 'hp:0001251')).toHaveLength(20);
    expect(descendantsOf(hpo, 'hp:0000118')).toHaveLength(18708);
  });

  test('when asking about Arachnodactyly, then it has 2 parents and 15 ancestors', () => {
    // Act / Assert
    expect([...hpo.parents('hp:0001166')].sort()).toEqual(['hp:0001238', 'hp:0100807']);
    expect(hpo.ancestors('hp:0001166')).toHaveLength(15);
    expect(hpo.ancestors('hp:0001166')).toEqual(expect.arrayContaining(['hp:0002817', 'hp:0040064', 'hp:0000001']));
  });

  test('when an alt id is resolved, then its primary term comes back marked alt_id', () => {
    // Act / Assert
    expect(hpo.resolve('HP:0004715')).toEqual({ id: 'hp:0000003', replaced: { from: 'hp:0004715', reason: 'alt_id' } });
  });

  test('when an obsolete term with replaced_by is resolved, then the replacement comes back marked obsolete', () => {
    // Act / Assert
    expect(hpo.resolve('HP:0000057')).toEqual({
      id: 'hp:0008665',
      replaced: { from: 'hp:0000057', reason: 'obsolete' },
    });
    expect(hpo.isObsolete('hp:0000057')).toBe(true);
    expect(hpo.parents('hp:0000057')).toEqual([]);
    expect(hpo.resolve('HP:0001425')?.id).toBe('hp:0000005');
  });

  test('when an active term is resolved in any spelling, then it comes back unchanged', () => {
    // Act / Assert
    for (const spelling of ['HP:0001251', 'HP_0001251', 'http://purl.obolibrary.org/obo/HP_0001251', 'hp:0001251']) {
      expect(hpo.resolve(spelling)).toEqual({ id: 'hp:0001251' });
    }
    expect(hpo.isObsolete('hp:0001251')).toBe(false);
    expect(hpo.resolve('HP:9999999')).toBeUndefined();
  });

  test('when asking for labels and synonyms, then exact and layperson synonyms are there', () => {
    // Act / Assert
    expect(hpo.label('hp:0001251')).toBe('Ataxia');
    expect(hpo.synonyms('hp:0001251')).toContain('Cerebellar ataxia');
    expect(hpo.synonyms('hp:0001166')).toContain('Spider fingers');
    expect(hpo.synonyms('hp:0008665')).toContain('Clitoromegaly');
  });

  test('when asking for a mode of inheritance, then its chain is not under Phenotypic abnormality', () => {
    // Act
    const ancestors = hpo.ancestors('hp:0000006');

    // Assert
    expect([...ancestors].sort()).toEqual(['hp:0000001', 'hp:0000005', 'hp:0034345']);
  });
});
