import type { OntologyIndex } from './ontology-index';

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The first index of `list` at or after `from` whose entry is >= `value`: galloping, then binary search. */
function seek(list: readonly string[], from: number, value: string): number {
  let step = 1;
  let high = from;
  while (high < list.length && (list[high] as string) < value) {
    from = high + 1;
    high += step;
    step *= 2;
  }
  high = Math.min(high, list.length);
  while (from < high) {
    const mid = (from + high) >>> 1;
    if ((list[mid] as string) < value) from = mid + 1;
    else high = mid;
  }
  return from;
}

/**
 * `a ∪ b`, both sorted by code units without duplicates, into a new array of the same order.
 * Each entry of the shorter is sought in the longer by galloping, and the runs between are
 * copied without comparing: a resource's union grows to a hundred terms while each theme
 * adds a dozen, most of them already there.
 */
export function mergeSorted(a: readonly string[], b: readonly string[]): string[] {
  const [long, short] = a.length >= b.length ? [a, b] : [b, a];
  const out = new Array<string>(a.length + b.length);
  let k = 0;
  let i = 0;
  for (const y of short) {
    const at = seek(long, i, y);
    while (i < at) out[k++] = long[i++] as string;
    if (long[i] === y) i += 1;
    out[k++] = y;
  }
  while (i < long.length) out[k++] = long[i++] as string;
  out.length = k;
  return out;
}

/** One theme's closure: the sorted strings, and the same split into ranked active terms and other spellings. */
export interface ThemeClosure {
  strings: readonly string[];
  /** Ranks of the active terms in it, ascending. */
  ranks: Int32Array;
  /** The theme as given when it is not itself an active term (alt id, other spelling, unknown). */
  extra?: string;
}

/**
 * Each theme's closure, computed once per theme spelling for an ontology index: the theme
 * as given, its active term when it resolves and that term's ancestors, sorted and frozen.
 * A catalog load asks for the same few thousand themes a million times; resources with one
 * theme share the frozen array itself. The union of several themes' closures is made over
 * the rank of each active term in code-unit order: duplicates dropped with a stamp per rank,
 * ranks sorted as numbers, strings read back in that order. Comparing strings in a merge
 * cost several times more at a million resources.
 */
export class ThemeClosures {
  private readonly closures = new Map<string, ThemeClosure>();
  /** Active ids in code-unit order: a rank is a position here. */
  readonly ranked: readonly string[];
  private readonly rankOf = new Map<string, number>();
  /** `stamps[rank] === stamp` while that rank is already in the union being made. */
  private readonly stamps: Int32Array;
  private stamp = 0;
  private scratch: Int32Array;

  constructor(private readonly index: OntologyIndex) {
    this.ranked = [...index.activeIds()].sort(byCodeUnits);
    this.ranked.forEach((id, rank) => this.rankOf.set(id, rank));
    this.stamps = new Int32Array(this.ranked.length);
    this.scratch = new Int32Array(64);
  }

  of(theme: string): readonly string[] {
    return this.closureOf(theme).strings;
  }

  /** The sorted, deduplicated union of the themes' closures; one theme gives its shared frozen array. */
  union(themes: readonly string[]): readonly string[] {
    if (themes.length <= 1) return themes.length === 0 ? [] : this.of(themes[0] as string);
    this.nextStamp();
    let count = 0;
    let extras: string[] | undefined;
    for (const theme of themes) {
      const { ranks, extra } = this.closureOf(theme);
      if (count + ranks.length > this.scratch.length) this.grow(count + ranks.length);
      for (let i = 0; i < ranks.length; i += 1) {
        const rank = ranks[i] as number;
        if (this.stamps[rank] === this.stamp) continue;
        this.stamps[rank] = this.stamp;
        this.scratch[count++] = rank;
      }
      if (extra !== undefined) (extras ??= []).push(extra);
    }
    const ranks = this.scratch.subarray(0, count).sort();
    const union = new Array<string>(count);
    for (let i = 0; i < count; i += 1) union[i] = this.ranked[ranks[i] as number] as string;
    return extras === undefined ? union : mergeSorted(union, [...new Set(extras)].sort(byCodeUnits));
  }

  private nextStamp(): void {
    if (this.stamp === 0x7fffffff) {
      this.stamps.fill(0);
      this.stamp = 0;
    }
    this.stamp += 1;
  }

  private grow(size: number): void {
    const scratch = new Int32Array(Math.max(size, this.scratch.length * 2));
    scratch.set(this.scratch);
    this.scratch = scratch;
  }

  closureOf(theme: string): ThemeClosure {
    let closure = this.closures.get(theme);
    if (closure === undefined) {
      closure = this.compute(theme);
      this.closures.set(theme, closure);
    }
    return closure;
  }

  private compute(theme: string): ThemeClosure {
    const resolved = this.index.resolve(theme)?.id;
    const active = resolved === undefined ? [] : [resolved, ...this.index.ancestors(resolved)];
    const ranks = Int32Array.from(new Set(active.map((id) => this.rankOf.get(id) ?? -1).filter((rank) => rank >= 0))).sort();
    const extra = this.rankOf.has(theme) ? undefined : theme;
    const strings = Object.freeze([...new Set([theme, ...active])].sort(byCodeUnits));
    return extra === undefined ? { strings, ranks } : { strings, ranks, extra };
  }
}

const perIndex = new WeakMap<OntologyIndex, ThemeClosures>();

/** The closures memo of `index`, made on first use and dropped with the index. */
export function themeClosuresOf(index: OntologyIndex): ThemeClosures {
  let closures = perIndex.get(index);
  if (closures === undefined) {
    closures = new ThemeClosures(index);
    perIndex.set(index, closures);
  }
  return closures;
}
