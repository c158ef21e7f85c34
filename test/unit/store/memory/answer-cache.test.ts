import { AnswerCache, answerPositions } from '../../../../src/store/memory/answer-cache';
import { Bitset } from '../../../../src/store/memory/bitset';

describe('AnswerCache', () => {
  const size = 1024;
  const sparse = Bitset.of(size, [3, 70, 900]);
  const dense = Bitset.of(
    size,
    Array.from({ length: 200 }, (_, i) => i * 5),
  );

  test('when an answer is remembered, then every window of it reads the same positions as the set', () => {
    const cache = new AnswerCache(1 << 20);
    for (const [key, set] of [
      ['sparse', sparse],
      ['dense', dense],
    ] as const) {
      const answer = cache.remember(key, set, set.count());
      expect(cache.get(key)).toBe(answer);
      expect(answer.total).toBe(set.count());
      for (const [offset, limit] of [
        [0, 10],
        [2, 5],
        [150, 100],
        [500, 3],
      ] as const) {
        expect(answerPositions(answer, offset, limit)).toEqual(set.positions(offset, limit));
      }
    }
  });

  test('when the set it copied from changes afterwards, then the remembered answer does not', () => {
    const cache = new AnswerCache(1 << 20);
    const scratch = dense.copy();
    cache.remember('q', scratch, scratch.count());
    scratch.clear();
    expect(answerPositions(cache.get('q') ?? { total: 0, matches: new Int32Array() }, 0, 3)).toEqual([0, 5, 10]);
  });

  test('when the byte budget is exceeded, then the least recently used answers are dropped first', () => {
    // A dense answer here costs its 128-byte bitset plus about 200 bytes of key and bookkeeping.
    const cache = new AnswerCache(1000);
    cache.remember('a', dense, dense.count());
    cache.remember('b', dense, dense.count());
    cache.remember('c', dense, dense.count());
    expect(cache.get('a')).toBeDefined();
    cache.remember('d', dense, dense.count());
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();
    expect(cache.get('c')).toBeDefined();
    expect(cache.get('d')).toBeDefined();
  });

  test('when one answer alone exceeds the budget, then it is answered but not kept', () => {
    const cache = new AnswerCache(100);
    expect(cache.remember('big', dense, dense.count()).total).toBe(200);
    expect(cache.get('big')).toBeUndefined();
  });
});
