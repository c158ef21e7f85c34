import { AnswerCache } from '../../../../src/store/memory/answer-cache';
import type { Bitset } from '../../../../src/store/memory/bitset';
import { CountMemo } from '../../../../src/store/memory/count-memo';
import { queryKey } from '../../../../src/store/memory/query-key';
import { type Lease, ScratchSets } from '../../../../src/store/memory/scratch-sets';
import { SetCache } from '../../../../src/store/memory/set-cache';

/** Per cache: lookups that found an entry, and lookups of a key it had kept and no longer holds. */
export interface Reach {
  hits: number;
  evicted: number;
}
export type ReachOf = Record<'answers' | 'sets' | 'counts', Reach> & { droppedSets: number };

/** Watches every cache and the scratch pool (through their prototypes) while `run` runs. */
export async function reachOf(run: () => Promise<void>): Promise<ReachOf> {
  const reach: ReachOf = {
    answers: { hits: 0, evicted: 0 },
    sets: { hits: 0, evicted: 0 },
    counts: { hits: 0, evicted: 0 },
    droppedSets: 0,
  };
  const kept = new WeakMap<object, Set<string>>();
  const keysOf = (cache: object): Set<string> => kept.get(cache) ?? kept.set(cache, new Set()).get(cache)!;
  const tally = (counter: Reach, cache: object, key: string | undefined, found: boolean): void => {
    if (found) counter.hits += 1;
    else if (key !== undefined && keysOf(cache).has(key)) counter.evicted += 1;
  };
  const { get: answerGet, remember: answerRemember } = AnswerCache.prototype;
  const { copyInto, remember: setRemember } = SetCache.prototype;
  const { get: countGet, remember: countRemember } = CountMemo.prototype;
  const { lease } = ScratchSets.prototype;
  const spies = [
    jest.spyOn(AnswerCache.prototype, 'get').mockImplementation(function (this: AnswerCache, key) {
      const found = answerGet.call(this, key);
      tally(reach.answers, this, key, found !== undefined);
      return found;
    }),
    jest.spyOn(AnswerCache.prototype, 'remember').mockImplementation(function (this: AnswerCache, key, set, total) {
      keysOf(this).add(key);
      return answerRemember.call(this, key, set, total);
    }),
    jest.spyOn(SetCache.prototype, 'copyInto').mockImplementation(function (this: SetCache, key, into) {
      const found = copyInto.call(this, key, into);
      tally(reach.sets, this, key, found !== undefined);
      return found;
    }),
    jest.spyOn(SetCache.prototype, 'remember').mockImplementation(function (this: SetCache, key, matches, cost) {
      keysOf(this).add(key);
      return setRemember.call(this, key, matches, cost);
    }),
    jest.spyOn(CountMemo.prototype, 'get').mockImplementation(function (this: CountMemo, query) {
      const found = countGet.call(this, query);
      tally(reach.counts, this, queryKey(query), found !== undefined);
      return found;
    }),
    jest.spyOn(CountMemo.prototype, 'remember').mockImplementation(function (this: CountMemo, query, count) {
      const key = queryKey(query);
      if (key !== undefined) keysOf(this).add(key);
      countRemember.call(this, query, count);
    }),
    jest.spyOn(ScratchSets.prototype, 'lease').mockImplementation(function (this: ScratchSets, work) {
      const before = this.freeCount;
      let taken = 0;
      const take = (set: Bitset): Bitset => {
        taken += 1;
        return set;
      };
      const counted = (inner: Lease) =>
        work({ size: inner.size, empty: () => take(inner.empty()), full: () => take(inner.full()) });
      try {
        return lease.call(this, counted as never);
      } finally {
        // Sets in hand after the lease: those free before, plus those made new for it.
        if (Math.max(before, taken) > this.freeCount) reach.droppedSets += 1;
      }
    }),
  ];
  try {
    await run();
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
  return reach;
}
