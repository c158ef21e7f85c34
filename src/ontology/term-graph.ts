import { canonicalTerm } from '../model/curie';
import type { OntologyIndex, OntologyVersion, TermResolution } from './ontology-index';

const NONE: readonly string[] = Object.freeze([]);

/** The interned form the index is built from: term number = position in `ids`. */
export interface TermGraphData {
  versions: readonly OntologyVersion[];
  ids: readonly string[];
  labels: readonly (string | undefined)[];
  synonyms: readonly (readonly string[])[];
  /** Parent numbers per term; empty for obsolete terms. */
  parents: readonly Int32Array[];
  obsolete: Uint8Array;
  /** Alt ids and obsolete ids with a replacement, keyed by the id they replace. */
  redirects: ReadonlyMap<string, TermResolution>;
}

function invert(parents: readonly Int32Array[]): Int32Array[] {
  const lists: number[][] = parents.map(() => []);
  parents.forEach((ps, child) => ps.forEach((p) => lists[p]?.push(child)));
  return lists.map((list) => Int32Array.from(list));
}

/** An `OntologyIndex` over interned term numbers; ancestors are computed on demand and memoised. */
export class TermGraph implements OntologyIndex {
  readonly versions: readonly OntologyVersion[];
  private readonly numbers = new Map<string, number>();
  private readonly childNumbers: Int32Array[];
  private readonly ancestorMemo: (Int32Array | undefined)[];
  /** The ancestors' ids, frozen and shared: a catalog load asks for the same themes a million times. */
  private readonly ancestorNameMemo: (readonly string[] | undefined)[];

  constructor(private readonly data: TermGraphData) {
    this.versions = Object.freeze([...data.versions]);
    data.ids.forEach((id, n) => this.numbers.set(id, n));
    this.childNumbers = invert(data.parents);
    this.ancestorMemo = new Array<Int32Array | undefined>(data.ids.length);
    this.ancestorNameMemo = new Array<readonly string[] | undefined>(data.ids.length);
  }

  resolve(id: string): TermResolution | undefined {
    const canonical = canonicalTerm(id);
    if (canonical === undefined) return undefined;
    const n = this.numbers.get(canonical);
    if (n !== undefined && this.data.obsolete[n] === 0) return { id: canonical };
    return this.data.redirects.get(canonical);
  }

  label(id: string): string | undefined {
    const n = this.number(id);
    return n === undefined ? undefined : this.data.labels[n];
  }

  synonyms(id: string): readonly string[] {
    const n = this.number(id);
    return n === undefined ? NONE : (this.data.synonyms[n] ?? NONE);
  }

  parents(id: string): readonly string[] {
    return this.names(this.data.parents[this.number(id) ?? -1]);
  }

  children(id: string): readonly string[] {
    return this.names(this.childNumbers[this.number(id) ?? -1]);
  }

  ancestors(id: string): readonly string[] {
    const n = this.number(id);
    if (n === undefined) return NONE;
    return (this.ancestorNameMemo[n] ??= Object.freeze(this.names(this.ancestorNumbers(n))));
  }

  isObsolete(id: string): boolean {
    const n = this.number(id);
    return n !== undefined && this.data.obsolete[n] === 1;
  }

  private number(id: string): number | undefined {
    return this.numbers.get(id) ?? this.numbers.get(canonicalTerm(id) ?? '');
  }

  private names(numbers: Int32Array | undefined): readonly string[] {
    if (numbers === undefined || numbers.length === 0) return NONE;
    return Array.from(numbers, (n) => this.data.ids[n] ?? '');
  }

  /** Depth-first over parents, reusing memoised closures; safe on cycles. */
  private ancestorNumbers(n: number): Int32Array {
    const memo = this.ancestorMemo[n];
    if (memo !== undefined) return memo;
    const seen = new Set<number>();
    const stack = Array.from(this.data.parents[n] ?? []);
    for (let p = stack.pop(); p !== undefined; p = stack.pop()) {
      if (seen.has(p)) continue;
      seen.add(p);
      const known = this.ancestorMemo[p];
      if (known !== undefined) known.forEach((a) => seen.add(a));
      else this.data.parents[p]?.forEach((q) => stack.push(q));
    }
    seen.delete(n);
    const result = Int32Array.from(seen).sort();
    this.ancestorMemo[n] = result;
    return result;
  }
}
