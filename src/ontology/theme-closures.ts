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

/**
 * One theme's closure per theme spelling, computed once per ontology index: the theme as
 * given, its active term when it resolves and that term's ancestors, sorted and frozen. A
 * catalog load asks for the same few thousand themes a million times; resources with one
 * theme share the frozen array itself.
 */
export class ThemeClosures {
  private readonly closures = new Map<string, readonly string[]>();

  constructor(private readonly index: OntologyIndex) {}

  of(theme: string): readonly string[] {
    let closure = this.closures.get(theme);
    if (closure === undefined) {
      closure = Object.freeze(this.compute(theme));
      this.closures.set(theme, closure);
    }
    return closure;
  }

  private compute(theme: string): string[] {
    const resolved = this.index.resolve(theme)?.id;
    if (resolved === undefined) return [theme];
    return [...new Set([theme, resolved, ...this.index.ancestors(resolved)])].sort(byCodeUnits);
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
