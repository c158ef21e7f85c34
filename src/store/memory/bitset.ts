/**
 * A set of catalog positions (0..size-1) as bits: the embedded store's planner combines
 * index lookups with word-wide AND/OR/NOT, so even a query that touches most of a
 * million-resource catalog costs tens of thousands of word operations.
 */
export class Bitset {
  readonly words: Uint32Array;

  constructor(readonly size: number) {
    this.words = new Uint32Array(Math.ceil(size / 32));
  }

  static of(size: number, positions: ArrayLike<number>): Bitset {
    const set = new Bitset(size);
    set.addAll(positions);
    return set;
  }

  addAll(positions: ArrayLike<number>): void {
    const { words } = this;
    for (let i = 0; i < positions.length; i += 1) {
      const p = positions[i] as number;
      words[p >>> 5] = (words[p >>> 5] as number) | (1 << (p & 31));
    }
  }

  /** In place: no positions. */
  clear(): this {
    this.words.fill(0);
    return this;
  }

  /** In place: every position below `size`. */
  fill(): this {
    this.words.fill(0xffffffff);
    this.clearTail();
    return this;
  }

  /** In place: keeps the set positions `keep` accepts (asked in ascending order). */
  retain(keep: (position: number) => boolean): this {
    const { words } = this;
    for (let w = 0; w < words.length; w += 1) {
      let word = words[w] as number;
      if (word === 0) continue;
      let kept = word;
      while (word !== 0) {
        const low = word & -word;
        word ^= low;
        if (!keep(w * 32 + 31 - Math.clz32(low))) kept &= ~low;
      }
      words[w] = kept;
    }
    return this;
  }

  /** In place: the same positions as `other` (of the same size), copied word for word at once. */
  copyFrom(other: Bitset): this {
    this.words.set(other.words);
    return this;
  }

  copy(): Bitset {
    const set = new Bitset(this.size);
    set.words.set(this.words);
    return set;
  }

  /** In place: this = this | other. */
  or(other: Bitset): this {
    const a = this.words;
    const b = other.words;
    for (let i = 0; i < a.length; i += 1) a[i] = (a[i] as number) | (b[i] as number);
    return this;
  }

  /** In place: this = this & ~other. */
  andNot(other: Bitset): this {
    const a = this.words;
    const b = other.words;
    for (let i = 0; i < a.length; i += 1) a[i] = (a[i] as number) & ~(b[i] as number);
    return this;
  }

  removeAll(positions: ArrayLike<number>): void {
    const { words } = this;
    for (let i = 0; i < positions.length; i += 1) {
      const p = positions[i] as number;
      words[p >>> 5] = (words[p >>> 5] as number) & ~(1 << (p & 31));
    }
  }

  /** In place: this = this & other. */
  and(other: Bitset): this {
    const a = this.words;
    const b = other.words;
    for (let i = 0; i < a.length; i += 1) a[i] = (a[i] as number) & (b[i] as number);
    return this;
  }

  /** In place: this = ~this (within `size`). */
  not(): this {
    const a = this.words;
    for (let i = 0; i < a.length; i += 1) a[i] = ~(a[i] as number) >>> 0;
    this.clearTail();
    return this;
  }

  count(): number {
    let total = 0;
    const { words } = this;
    for (let i = 0; i < words.length; i += 1) {
      const word = words[i] as number;
      if (word === 0) continue;
      let v = word - ((word >>> 1) & 0x55555555);
      v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
      total += (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
    }
    return total;
  }

  /** The set positions in ascending order, skipping `offset` of them, at most `limit`. */
  positions(offset = 0, limit = Number.POSITIVE_INFINITY): number[] {
    const out: number[] = [];
    let skip = offset;
    const { words } = this;
    for (let w = 0; w < words.length && out.length < limit; w += 1) {
      let word = words[w] as number;
      while (word !== 0 && out.length < limit) {
        const bit = 31 - Math.clz32(word & -word);
        word = (word & (word - 1)) >>> 0;
        if (skip > 0) skip -= 1;
        else out.push(w * 32 + bit);
      }
    }
    return out;
  }

  private clearTail(): void {
    const extra = this.words.length * 32 - this.size;
    const last = this.words.length - 1;
    if (extra > 0 && last >= 0) this.words[last] = (this.words[last] as number) & (0xffffffff >>> extra);
  }
}
