import { byCodeUnits } from '../model/code-units';
import type { OntologyIndex } from './ontology-index';

/** `a ∪ b`, both sorted by code units without duplicates, into a new array of the same order. */
export function mergeSorted(a: readonly string[], b: readonly string[]): string[] {
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as string;
    const y = b[j] as string;
    if (x <= y) i += 1;
    if (y <= x) j += 1;
    // biome-ignore lint/complexity/useMathMinMax: strings, which Math.min would turn into NaN
    out.push(x < y ? x : y);
  }
  while (i < a.length) out.push(a[i++] as string);
  while (j < b.length) out.push(b[j++] as string);
  return out;
}

/**
 * Each theme's closure, computed once per theme spelling for an ontology index: the theme
 * as given, its active term when it resolves and that term's ancestors, sorted and frozen.
 * A catalog load asks for the same few thousand themes a million times; resources with one
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

  /** The sorted, deduplicated union of the themes' closures; one theme gives its shared frozen array. */
  union(themes: readonly string[]): readonly string[] {
    const [first, ...rest] = themes;
    if (first === undefined) return [];
    return rest.reduce<readonly string[]>((union, theme) => mergeSorted(union, this.of(theme)), this.of(first));
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

/** Each theme's closure in `index` as a function, the form a store takes it in (`ThemeClosure`). */
export function themeClosureOf(index: OntologyIndex): (theme: string) => readonly string[] {
  const closures = themeClosuresOf(index);
  return (theme) => closures.of(theme);
}
