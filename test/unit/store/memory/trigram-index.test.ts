import fc from 'fast-check';
import { ScratchSets } from '../../../../src/store/memory/scratch-sets';
import { foldCase } from '../../../../src/store/memory/trigram-build';
import { TrigramIndex } from '../../../../src/store/memory/trigram-index';

/** Units that take each build path: ASCII grams, wider units, surrogate halves, case-folding oddities. */
const unit = fc.constantFrom(
  'a',
  'A',
  'b',
  'r',
  'e',
  ' ',
  '%',
  '\u007f',
  '\u0080',
  'ß',
  'Σ',
  'ς',
  'İ',
  'ı',
  '\u212a',
  '東',
  '\ud83d',
  '\ude00',
);
const textArb = fc.array(unit, { maxLength: 9 }).map((u) => u.join(''));
const literalsArb = fc.array(
  fc.array(unit, { maxLength: 5 }).map((u) => u.join('')),
  { minLength: 1, maxLength: 3 },
);

/** The reference: positions whose folded text holds every trigram of every folded literal. */
function naiveCandidates(texts: readonly string[], literals: readonly string[]): number[] | undefined {
  const grams = literals
    .map(foldCase)
    .flatMap((l) => Array.from({ length: Math.max(0, l.length - 2) }, (_, i) => l.slice(i, i + 3)));
  if (grams.length === 0) return undefined;
  return texts.flatMap((text, position) => (grams.every((g) => foldCase(text).includes(g)) ? [position] : []));
}

describe('TrigramIndex build', () => {
  test('when random texts are indexed, then the candidates of random literals are exactly the texts holding all their trigrams', () => {
    fc.assert(
      fc.property(fc.array(textArb, { maxLength: 30 }), literalsArb, (texts, literals) => {
        const found = new ScratchSets(texts.length).lease((lease) =>
          TrigramIndex.of(texts).candidates(literals, lease)?.positions(),
        );
        expect(found).toEqual(naiveCandidates(texts, literals));
      }),
      { numRuns: 2000, seed: 20261129 },
    );
  });

  test('when a text repeats a gram, then its position is listed once', () => {
    const found = new ScratchSets(3).lease((lease) =>
      TrigramIndex.of(['aaaaaa', 'aa', 'xaaax']).candidates(['aaa'], lease)?.positions(),
    );
    expect(found).toEqual([0, 2]);
  });
});
