import type { Publisher } from '../model/catalog-resource';

/** Joins list entries for a lookup key; no catalog value holds it. */
const SEPARATOR = '\u0000';

/**
 * The values many stored documents hold alike, kept once per catalog load: a million
 * resources repeat a few licences, languages, dates, keyword lists, theme lists and
 * publishers, and each copy parsed from its own line costs a string or an object of its
 * own. Shared lists and publishers are frozen: stored documents are read, never changed.
 * One instance per load; it is dropped with the load, never kept by a store.
 */
export class SharedValues {
  private readonly strings = new Map<string, string>();
  private readonly lists = new Map<string, readonly string[]>();
  private readonly publishers = new Map<string, Publisher>();
  private readonly terms = new Map<string, string>();

  string(value: string): string {
    const known = this.strings.get(value);
    if (known !== undefined) return known;
    this.strings.set(value, value);
    return value;
  }

  /** The same list for the same entries in the same order. */
  list(values: readonly string[]): string[] {
    if (values.length === 0) return EMPTY as string[];
    const key = values.length === 1 ? (values[0] as string) : values.join(SEPARATOR);
    let known = this.lists.get(key);
    if (known === undefined) {
      known = Object.freeze(values.map((v) => this.string(v)));
      this.lists.set(key, known);
    }
    return known as string[];
  }

  /** `canonical(raw)`, worked out once per spelling. */
  term(raw: string, canonical: (raw: string) => string): string {
    let known = this.terms.get(raw);
    if (known === undefined) {
      known = this.string(canonical(raw));
      this.terms.set(raw, known);
    }
    return known;
  }

  publisher(publisher: Publisher): Publisher {
    const { id, title, description, homepage, logo } = publisher;
    const key = [id, title, description ?? '', homepage ?? '', logo ?? ''].join(SEPARATOR);
    let known = this.publishers.get(key);
    if (known === undefined) {
      known = Object.freeze(publisher);
      this.publishers.set(key, known);
    }
    return known;
  }
}

const EMPTY: readonly string[] = Object.freeze([]);
