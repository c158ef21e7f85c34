import { buildOntologyIndex, emptyOntologyIndex } from '../../../src/ontology';
import { themeClosuresOf } from '../../../src/ontology/theme-closures';

import type { ParsedOntology, ParsedTerm } from '../../../src/ontology';
import fc from 'fast-check';

function term(id: string, extra: Partial<ParsedTerm> = {}): ParsedTerm {
  return { id, synonyms: [], parents: [], obsolete: false, consider: [], altIds: [], ...extra };
}

function ontology(terms: ParsedTerm[], file = 'test.obo'): ParsedOntology {
  return { prefix: 'hp', name: 'Human Phenotype Ontology', version: 'test', file, terms };
}

describe('buildOntologyIndex', () => {
  test('when the graph has a diamond, then ancestors are deduplicated and exclude the term itself', () => {
    // Arrange
    const index = buildOntologyIndex([
      ontology([
        term('hp:0000001'),
        term('hp:0000002', { parents: ['hp:0000001'] }),
        term('hp:0000003', { parents: ['hp:0000001'] }),
        term('hp:0000004', { parents: ['hp:0000002', 'hp:0000003'] }),
      ]),
    ]);

    // Act
    const ancestors = index.ancestors('hp:0000004');

    // Assert
    expect([...ancestors].sort()).toEqual(['hp:0000001', 'hp:0000002', 'hp:0000003']);
    expect(index.ancestors('hp:0000004')).toEqual(ancestors);
    expect([...index.children('hp:0000001')].sort()).toEqual(['hp:0000002', 'hp:0000003']);
  });

  test('when the data has a cycle, then ancestors still terminate', () => {
    // Arrange
    const index = buildOntologyIndex([
      ontology([term('hp:0000001', { parents: ['hp:0000002'] }), term('hp:0000002', { parents: ['hp:0000001'] })]),
    ]);

    // Act / Assert
    expect(index.ancestors('hp:0000001')).toEqual(['hp:0000002']);
    expect(index.ancestors('hp:0000002')).toEqual(['hp:0000001']);
  });

  test('when parents are unknown or obsolete, then they are dropped', () => {
    // Arrange
    const index = buildOntologyIndex([
      ontology([term('hp:0000001', { parents: ['hp:0000009', 'hp:0000002'] }), term('hp:0000002', { obsolete: true })]),
    ]);

    // Act / Assert
    expect(index.parents('hp:0000001')).toEqual([]);
    expect(index.children('hp:0000002')).toEqual([]);
  });

  test('when replacements chain through obsolete terms, then resolve follows them to an active term', () => {
    // Arrange
    const index = buildOntologyIndex([
      ontology([
        term('hp:0000001'),
        term('hp:0000002', { obsolete: true, replacedBy: 'hp:0000003' }),
        term('hp:0000003', { obsolete: true, replacedBy: 'hp:0000001' }),
        term('hp:0000004', { obsolete: true, replacedBy: 'hp:0000005' }),
        term('hp:0000005', { obsolete: true, replacedBy: 'hp:0000004' }),
      ]),
    ]);

    // Act / Assert
    expect(index.resolve('HP:0000002')).toEqual({
      id: 'hp:0000001',
      replaced: { from: 'hp:0000002', reason: 'obsolete' },
    });
    expect(index.resolve('HP:0000004')).toBeUndefined();
    expect(index.resolve('not a term')).toBeUndefined();
  });

  test('when two files define the same term, then parents and synonyms are merged and both versions listed', () => {
    // Arrange
    const first = ontology([term('hp:0000001'), term('hp:0000002', { label: 'A', synonyms: ['x'] })], 'a.obo');
    const second = ontology(
      [term('hp:0000003'), term('hp:0000002', { label: 'B', synonyms: ['x', 'y'], parents: ['hp:0000003'] })],
      'b.obo',
    );

    // Act
    const index = buildOntologyIndex([first, second]);

    // Assert
    expect(index.versions.map((v) => [v.file, v.terms])).toEqual([
      ['a.obo', 2],
      ['b.obo', 2],
    ]);
    expect(index.label('hp:0000002')).toBe('A');
    expect(index.synonyms('hp:0000002')).toEqual(['x', 'y']);
    expect(index.parents('hp:0000002')).toEqual(['hp:0000003']);
    expect(first.terms[1]?.synonyms).toEqual(['x']);
  });
});

describe('emptyOntologyIndex', () => {
  test('when nothing is loaded, then every id is unknown and has no relatives', () => {
    // Arrange
    const index = emptyOntologyIndex();

    // Act / Assert
    expect(index.versions).toEqual([]);
    expect(index.resolve('HP:0001251')).toBeUndefined();
    expect(index.label('hp:0001251')).toBeUndefined();
    expect(index.synonyms('hp:0001251')).toEqual([]);
    expect(index.ancestors('hp:0001251')).toEqual([]);
    expect(index.isObsolete('hp:0001251')).toBe(false);
  });
});

describe('theme closures (ThemeClosures.union)', () => {
  const index = buildOntologyIndex([
    ontology([
      term('hp:0000001'),
      term('hp:0000002', { parents: ['hp:0000001'], altIds: ['hp:0000009'] }),
      term('hp:0000003', { parents: ['hp:0000001'] }),
    ]),
  ]);

  test('when themes share ancestors, then the union is sorted and deduplicated', () => {
    // Act
    const closure = themeClosuresOf(index).union(['hp:0000003', 'hp:0000002', 'hp:0000002']);

    // Assert
    expect(closure).toEqual(['hp:0000001', 'hp:0000002', 'hp:0000003']);
  });

  test('when a theme is unknown, then it stays as itself', () => {
    // Act / Assert
    expect(themeClosuresOf(index).union(['ordo:Orphanet_558', 'hp:0000003'])).toEqual([
      'hp:0000001',
      'hp:0000003',
      'ordo:Orphanet_558',
    ]);
    expect(themeClosuresOf(emptyOntologyIndex()).union(['hp:0000003'])).toEqual(['hp:0000003']);
    expect(themeClosuresOf(index).union([])).toEqual([]);
  });

  test('when a theme is an alt id, then its primary term and that term’s ancestors are added', () => {
    // Act / Assert
    expect(themeClosuresOf(index).union(['hp:0000009'])).toEqual(['hp:0000001', 'hp:0000002', 'hp:0000009']);
  });

  test('when any list of themes is closed, then the answer equals the plain set union, sorted, and one theme gives a shared frozen array', () => {
    // Arrange
    const spellings = [
      'hp:0000001',
      'hp:0000002',
      'hp:0000003',
      'hp:0000009',
      'HP:0000003',
      'ordo:Orphanet_558',
      'x:1',
      'hp:0000002',
    ];
    const plain = (themes: readonly string[]): string[] => {
      const all = new Set<string>();
      for (const theme of themes) {
        all.add(theme);
        const resolved = index.resolve(theme)?.id;
        if (resolved !== undefined) [resolved, ...index.ancestors(resolved)].forEach((t) => all.add(t));
      }
      return [...all].sort();
    };

    // Act / Assert
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...spellings), { maxLength: 8 }), (themes) =>
        expect(themeClosuresOf(index).union(themes)).toEqual(plain(themes)),
      ),
    );
    const one = themeClosuresOf(index).union(['hp:0000003']);
    expect(themeClosuresOf(index).union(['hp:0000003'])).toBe(one);
    expect(Object.isFrozen(one)).toBe(true);
  });
});
