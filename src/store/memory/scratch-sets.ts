import { Bitset } from './bitset';

/** More than this many free sets are dropped rather than kept (a rare, very nested query). */
const KEEP = 64;

/**
 * Scratch bitsets for one catalog size, reused from query to query: at 1,000,000 resources
 * each set is 125 KB outside the heap, and allocating a dozen per query made V8 run full
 * collections of a 2 GB heap under load. A plan takes its sets from the pool; the store
 * hands them all back with `releaseAll` once the answer is read off (planning and reading
 * are synchronous, so no other query can hold them meanwhile).
 */
export class BitsetPool {
  private readonly free: Bitset[] = [];
  private readonly lent: Bitset[] = [];

  constructor(readonly size: number) {}

  /** A set with no positions. */
  empty(): Bitset {
    return this.take().clear();
  }

  /** A set with every position. */
  full(): Bitset {
    return this.take().fill();
  }

  releaseAll(): void {
    for (const set of this.lent) if (this.free.length < KEEP) this.free.push(set);
    this.lent.length = 0;
  }

  private take(): Bitset {
    const set = this.free.pop() ?? new Bitset(this.size);
    this.lent.push(set);
    return set;
  }
}
