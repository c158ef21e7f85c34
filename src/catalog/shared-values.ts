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
  /** By `id`: the publishers seen with it (nearly always one). */
  private readonly publishers = new Map<string, Publisher[]>();
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

  /**
   * The same publisher for equal fields. Looked up by `id`, then compared field by field: a
   * key joined from every field cost a string and its hash per document.
   */
  publisher(publisher: Publisher): Publisher {
    const { id, title, description, homepage, logo } = publisher;
    const known = this.publishers.get(id);
    const same = known?.find(
      (p) => p.title === title && p.description === description && p.homepage === homepage && p.logo === logo,
    );
    if (same !== undefined) return same;
    const frozen = Object.freeze(publisher);
    if (known === undefined) this.publishers.set(id, [frozen]);
    else known.push(frozen);
    return frozen;
  }
}

const EMPTY: readonly string[] = Object.freeze([]);
