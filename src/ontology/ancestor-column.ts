import type { TermColumn } from '../model/term-column';
import type { OntologyIndex } from './ontology-index';
import { themeClosuresOf, type ThemeClosures } from './theme-closures';

/**
 * Records each resource's theme ancestors as term numbers rather than strings, for the
 * embedded store: at a million resources the strings were fifty million array slots for
 * the garbage collector to copy and for the store to look up one by one. A term's number is
 * its rank among the ontology's active ids; other spellings (alt ids, unknown themes) are
 * numbered after them. One recorder per catalog load: `ancestorsOf` is called once per
 * document, in the order the documents come out, and returns nothing for the document.
 */
export class AncestorColumnRecorder {
  private readonly closures: ThemeClosures;
  private readonly extraNumbers = new Map<string, number>();
  private readonly extraTerms: string[] = [];
  /**
   * Each theme spelling's closure as numbers, packed one after another: closure k is
   * `packed[starts[k]..starts[k+1])`. One array read in order per theme rather than an
   * object, a typed array and its buffer scattered over the heap.
   */
  private readonly closureNumbers = new Map<string, number>();
  private packed: Int32Array = new Int32Array(1 << 12);
  private readonly starts: number[] = [0];
  /**
   * One bit per term number, set while a resource is recorded and cleared after: its
   * duplicates are dropped. A few kilobytes stay in cache between resources, where a stamp
   * per number (an int each) was evicted by the parsing in between and missed on every value.
   */
  private seen: Uint32Array;
  private flat: Int32Array = new Int32Array(1 << 16);
  private ends: Int32Array = new Int32Array(1 << 12);
  private resources = 0;
  private values = 0;

  constructor(index: OntologyIndex) {
    this.closures = themeClosuresOf(index);
    this.seen = new Uint32Array((this.closures.ranked.length >>> 5) + 1);
  }

  readonly ancestorsOf = (themes: readonly string[]): undefined => {
    this.record(themes);
    return undefined;
  };

  /** What was recorded so far: views on the recorder's arrays, not copies (the store reorders them into its own). */
  column(): TermColumn {
    return { terms: [...this.closures.ranked, ...this.extraTerms], flat: this.flat.subarray(0, this.values), ends: this.ends.subarray(0, this.resources) };
  }

  private record(themes: readonly string[]): void {
    const start = this.values;
    for (const theme of themes) {
      const closure = this.closureNumber(theme);
      const from = this.starts[closure] as number;
      const to = this.starts[closure + 1] as number;
      if (this.values + to - from > this.flat.length) this.flat = grown(this.flat, this.values + to - from);
      // Locals in the loop: a million resources pass fifty million numbers through it.
      const { seen, flat, packed } = this;
      let values = this.values;
      for (let i = from; i < to; i += 1) {
        const number = packed[i] as number;
        const bit = 1 << (number & 31);
        if ((seen[number >>> 5] as number) & bit) continue;
        seen[number >>> 5] = (seen[number >>> 5] as number) | bit;
        flat[values++] = number;
      }
      this.values = values;
    }
    for (let i = start; i < this.values; i += 1) this.seen[(this.flat[i] as number) >>> 5] = 0;
    if (this.resources === this.ends.length) this.ends = grown(this.ends, this.resources + 1);
    this.ends[this.resources++] = this.values;
  }

  /** The packed closure of a theme spelling, added on first sight. */
  private closureNumber(theme: string): number {
    let closure = this.closureNumbers.get(theme);
    if (closure === undefined) {
      const { ranks, extra } = this.closures.closureOf(theme);
      const start = this.starts[this.starts.length - 1] as number;
      const end = start + ranks.length + (extra === undefined ? 0 : 1);
      if (end > this.packed.length) this.packed = grown(this.packed, end);
      this.packed.set(ranks, start);
      if (extra !== undefined) this.packed[end - 1] = this.extraNumber(extra);
      closure = this.starts.push(end) - 2;
      this.closureNumbers.set(theme, closure);
    }
    return closure;
  }

  private extraNumber(spelling: string): number {
    let number = this.extraNumbers.get(spelling);
    if (number === undefined) {
      number = this.closures.ranked.length + this.extraTerms.push(spelling) - 1;
      this.extraNumbers.set(spelling, number);
      if (number >>> 5 >= this.seen.length) {
        const seen = new Uint32Array(this.seen.length * 2);
        seen.set(this.seen);
        this.seen = seen;
      }
    }
    return number;
  }
}

function grown(array: Int32Array, size: number): Int32Array {
  const bigger = new Int32Array(Math.max(size, array.length * 2));
  bigger.set(array);
  return bigger;
}
