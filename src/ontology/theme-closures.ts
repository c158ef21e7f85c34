import type { OntologyIndex } from './ontology-index';

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

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
    out.push(x < y ? x : y);
  }
  while (i < a.length) out.push(a[i++] as string);
  while (j < b.length) out.push(b[j++] as string);
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
 * as given, its active term when it resolves and that term's ancestors, sorted and frozen,
 * and the same as ranks of active terms (code-unit order) for `AncestorColumnRecorder`.
 * A catalog load asks for the same few thousand themes a million times; resources with one
 * theme share the frozen array itself.
 */
export class ThemeClosures {
  private readonly closures = new Map<string, ThemeClosure>();
  /** Active ids in code-unit order: a rank is a position here. */
  readonly ranked: readonly string[];
  private readonly rankOf = new Map<string, number>();

  constructor(private readonly index: OntologyIndex) {
    this.ranked = [...index.activeIds()].sort(byCodeUnits);
    this.ranked.forEach((id, rank) => this.rankOf.set(id, rank));
  }

  of(theme: string): readonly string[] {
    return this.closureOf(theme).strings;
  }

  /**
   * The sorted, deduplicated union of the themes' closures; one theme gives its shared
   * frozen array. The embedded store's start-up records closures as numbers instead
   * (`AncestorColumnRecorder`); this serves the loaders that store strings.
   */
  union(themes: readonly string[]): readonly string[] {
    const [first, ...rest] = themes;
    if (first === undefined) return [];
    return rest.reduce<readonly string[]>((union, theme) => mergeSorted(union, this.of(theme)), this.of(first));
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
