import fc from 'fast-check';
import { ancestorClosure, buildOntologyIndex } from '../../../src/ontology';
import type { ParsedTerm } from '../../../src/ontology';
import { AncestorColumnRecorder } from '../../../src/ontology/ancestor-column';
import { termsAt } from '../../../src/model/term-column';

function term(id: string, extra: Partial<ParsedTerm> = {}): ParsedTerm {
  return { id, synonyms: [], parents: [], obsolete: false, consider: [], altIds: [], ...extra };
}

const index = buildOntologyIndex([
  {
    prefix: 'hp',
    name: 'Human Phenotype Ontology',
    version: 'test',
    file: 'test.obo',
    terms: [
      term('hp:0000001'),
      term('hp:0000002', { parents: ['hp:0000001'], altIds: ['hp:0000009'] }),
      term('hp:0000003', { parents: ['hp:0000001'] }),
      term('hp:0000004', { parents: ['hp:0000002', 'hp:0000003'] }),
      term('hp:0000005', { obsolete: true }),
    ],
  },
]);
/** Active terms, an alt id, an obsolete id, another spelling and unknown themes. */
const SPELLINGS = ['hp:0000001', 'hp:0000002', 'hp:0000003', 'hp:0000004', 'hp:0000009', 'hp:0000005', 'HP:0000003', 'ordo:Orphanet_558', 'x:1'];

describe('AncestorColumnRecorder', () => {
  test('when resources with any themes are recorded, then each one’s column entry holds its ancestor closure once per term, and the documents get none', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.constantFrom(...SPELLINGS), { maxLength: 6 }), { maxLength: 30 }), (catalog) => {
        // Arrange
        const recorder = new AncestorColumnRecorder(index);

        // Act
        const onDocuments = catalog.map((themes) => recorder.ancestorsOf(themes));
        const column = recorder.column();

        // Assert
        expect(onDocuments.every((value) => value === undefined)).toBe(true);
        expect(column.ends).toHaveLength(catalog.length);
        catalog.forEach((themes, i) => {
          const recorded = termsAt(column, i);
          expect(recorded.length).toBe(new Set(recorded).size);
          expect([...recorded].sort()).toEqual([...ancestorClosure(index, themes)].sort());
        });
      }),
      { numRuns: 300, seed: 20261129 },
    );
  });

  test('when themes the ontology does not know outnumber its terms many times, then each is numbered once and recorded once per resource', () => {
    // Arrange
    const recorder = new AncestorColumnRecorder(index);
    const unknown = Array.from({ length: 300 }, (_, i) => `x:${i}`);
    const catalog = [unknown, [...unknown].reverse(), ['hp:0000004', ...unknown.slice(0, 40), 'x:3', 'hp:0000004']];

    // Act
    catalog.forEach((themes) => recorder.ancestorsOf(themes));
    const column = recorder.column();

    // Assert
    expect(column.terms).toHaveLength(4 + 300);
    catalog.forEach((themes, i) => expect(termsAt(column, i).sort()).toEqual([...ancestorClosure(index, themes)].sort()));
  });

  test('when a catalog outgrows the first arrays, then every resource is still recorded', () => {
    // Arrange
    const recorder = new AncestorColumnRecorder(index);
    const themes = ['hp:0000004', 'x:1'];

    // Act
    for (let i = 0; i < 20_000; i += 1) recorder.ancestorsOf(themes);
    const column = recorder.column();

    // Assert
    expect(column.ends).toHaveLength(20_000);
    expect(column.flat).toHaveLength(20_000 * 5);
    expect(termsAt(column, 19_999).sort()).toEqual(['hp:0000001', 'hp:0000002', 'hp:0000003', 'hp:0000004', 'x:1']);
  });
});
