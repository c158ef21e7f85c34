import { Bitset } from './bitset';

/** More than this many free sets are dropped rather than kept (a rare, very nested query). */
export const DEFAULT_KEPT_FREE = 64;

/** The sets one planning takes; valid only inside the `lease` call that handed it out. */
export interface Lease {
  readonly size: number;
  /** A set with no positions. */
  empty(): Bitset;
  /** A set with every position. */
  full(): Bitset;
}

/** Rejects, at compile time, a lease body that returns a promise or a set: either would outlive the call. */
type Synchronous<T> = T extends PromiseLike<unknown> | Bitset ? never : T;

/** One `lease` call's sets: taken from the free list, handed back by `end`. */
class ScratchLease implements Lease {
  private readonly lent: Bitset[] = [];
  private open = true;

  constructor(
    readonly size: number,
    private readonly free: Bitset[],
  ) {}

  empty(): Bitset {
    return this.take().clear();
  }

  full(): Bitset {
    return this.take().fill();
  }

  /** Closes the lease and hands its sets back, keeping at most `keptFree` free. */
  end(keptFree: number): void {
    this.open = false;
    for (const set of this.lent) if (this.free.length < keptFree) this.free.push(set);
  }

  private take(): Bitset {
    if (!this.open) throw new Error('a scratch-set lease was used after its call ended');
    const set = this.free.pop() ?? new Bitset(this.size);
    this.lent.push(set);
    return set;
  }
}

/**
 * Scratch bitsets for one catalog size, reused from query to query: at 1,000,000 resources
 * each set is 125 KB outside the heap, and allocating a dozen per query made V8 run full
 * collections of a 2 GB heap under load.
 *
 * Sets are only handed out inside `lease(work)`, and all of them come back when `work`
 * returns or throws. `work` must be synchronous (its type says so, and a returned promise
 * is refused at run time), so no other query can run while its sets are out: two queries
 * never share a set. A lease used after its call has ended throws.
 */
export class ScratchSets {
  private readonly free: Bitset[] = [];

  constructor(
    readonly size: number,
    private readonly keptFree = DEFAULT_KEPT_FREE,
  ) {}

  /** How many sets wait for the next lease (at most `keptFree`). */
  get freeCount(): number {
    return this.free.length;
  }

  lease<T>(work: (lease: Lease) => Synchronous<T>): Synchronous<T> {
    const lease = new ScratchLease(this.size, this.free);
    try {
      const result = work(lease);
      if (isThenable(result)) throw new Error('a scratch-set lease must end within one synchronous call');
      if (result instanceof Bitset) throw new Error('a scratch set may not leave its lease: copy it');
      return result;
    } finally {
      lease.end(this.keptFree);
    }
  }
}

function isThenable(value: unknown): boolean {
  return (
    value !== null &&
    (typeof value === 'object' || typeof value === 'function') &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}
