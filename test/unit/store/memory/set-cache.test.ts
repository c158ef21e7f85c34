import { Bitset } from '../../../../src/store/memory/bitset';
import { SetCache } from '../../../../src/store/memory/set-cache';

describe('SetCache', () => {
  const size = 100;
  const positions = [0, 3, 31, 32, 64, 99];

  test('when a set is remembered, then the count is returned and a hit copies the positions, count and cost into the set given', () => {
    const cache = new SetCache(4);
    expect(cache.remember('a', Bitset.of(size, positions), 17)).toBe(positions.length);
    const into = Bitset.of(size, [50]);
    const found = cache.copyInto('a', into);
    expect(found?.set).toBe(into);
    expect(into.positions()).toEqual(positions);
    expect(found).toMatchObject({ count: positions.length, cost: 17 });
  });

  test('when no cost is given, then a hit carries a cost of 0', () => {
    const cache = new SetCache(4);
    cache.remember('a', Bitset.of(size, positions));
    expect(cache.copyInto('a', new Bitset(size))?.cost).toBe(0);
  });

  test('when the scratch set remembered changes afterwards, then the kept set does not', () => {
    const cache = new SetCache(4);
    const scratch = Bitset.of(size, positions);
    cache.remember('a', scratch);
    scratch.fill();
    expect(cache.copyInto('a', new Bitset(size))?.set.positions()).toEqual(positions);
  });

  test('when the set a hit was copied into changes, then the kept set and later hits do not', () => {
    const cache = new SetCache(4);
    cache.remember('a', Bitset.of(size, positions));
    const first = cache.copyInto('a', new Bitset(size));
    first?.set.not();
    expect(cache.copyInto('a', new Bitset(size))?.set.positions()).toEqual(positions);
  });

  test('when a key was never remembered, then the lookup misses and leaves the set given as it was', () => {
    const cache = new SetCache(4);
    cache.remember('a', Bitset.of(size, positions));
    const into = Bitset.of(size, [7]);
    expect(cache.copyInto('b', into)).toBeUndefined();
    expect(into.positions()).toEqual([7]);
  });

  test('when more than `keep` sets are remembered, then the least recently used are dropped first', () => {
    const cache = new SetCache(2);
    cache.remember('a', Bitset.of(size, [1]));
    cache.remember('b', Bitset.of(size, [2]));
    cache.copyInto('a', new Bitset(size));
    cache.remember('c', Bitset.of(size, [3]));
    expect(cache.copyInto('b', new Bitset(size))).toBeUndefined();
    expect(cache.copyInto('a', new Bitset(size))?.set.positions()).toEqual([1]);
    expect(cache.copyInto('c', new Bitset(size))?.set.positions()).toEqual([3]);
  });

  test('when a key is remembered again, then the newer set and cost replace the older', () => {
    const cache = new SetCache(2);
    cache.remember('a', Bitset.of(size, [1]), 5);
    cache.remember('a', Bitset.of(size, [2, 4]), 9);
    expect(cache.copyInto('a', new Bitset(size))).toMatchObject({ count: 2, cost: 9 });
  });
});
