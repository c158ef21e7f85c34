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
  /** `seenBy[number]` is the last resource holding that number + 1: duplicates are dropped. */
  private seenBy: Int32Array;
  private flat: Int32Array = new Int32Array(1 << 16);
  private ends: Int32Array = new Int32Array(1 << 12);
  private resources = 0;
  private values = 0;

  constructor(index: OntologyIndex) {
    this.closures = themeClosuresOf(index);
    this.seenBy = new Int32Array(this.closures.ranked.length + 16);
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
    const stamp = this.resources + 1;
    for (const theme of themes) {
      const { ranks, extra } = this.closures.closureOf(theme);
      const extraNumber = extra === undefined ? -1 : this.extraNumber(extra);
      if (this.values + ranks.length + 1 > this.flat.length) this.flat = grown(this.flat, this.values + ranks.length + 1);
      // Locals in the loop: a million resources pass fifty million numbers through it.
      const { seenBy, flat } = this;
      let values = this.values;
      for (let i = 0; i < ranks.length; i += 1) {
        const rank = ranks[i] as number;
        if (seenBy[rank] === stamp) continue;
        seenBy[rank] = stamp;
        flat[values++] = rank;
      }
      if (extraNumber >= 0 && seenBy[extraNumber] !== stamp) {
        seenBy[extraNumber] = stamp;
        flat[values++] = extraNumber;
      }
      this.values = values;
    }
    if (this.resources === this.ends.length) this.ends = grown(this.ends, this.resources + 1);
    this.ends[this.resources++] = this.values;
  }

  private extraNumber(spelling: string): number {
    let number = this.extraNumbers.get(spelling);
    if (number === undefined) {
      number = this.closures.ranked.length + this.extraTerms.push(spelling) - 1;
      this.extraNumbers.set(spelling, number);
      if (number >= this.seenBy.length) this.seenBy = grown(this.seenBy, number + 1);
    }
    return number;
  }
}

function grown(array: Int32Array, size: number): Int32Array {
  const bigger = new Int32Array(Math.max(size, array.length * 2));
  bigger.set(array);
  return bigger;
}
