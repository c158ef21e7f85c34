/** The ontology prefixes this service understands (see `src/model/curie.ts`). */
export type OntologyPrefix = 'hp' | 'ordo';

/** One loaded ontology release, as shown in `/info` and start-up logs. */
export interface OntologyVersion {
  prefix: OntologyPrefix;
  /** Human-readable ontology name, e.g. "Human Phenotype Ontology". */
  name: string;
  /** Release version as stated inside the file (e.g. `2026-01-08`, `4.2`); `unknown` if absent. */
  version: string;
  /** The path the release was loaded from. */
  file: string;
  /** Number of active (non-obsolete) terms loaded from this file. */
  terms: number;
}

/** The active term a spelling stands for, and why it differs from what was asked, if it does. */
export interface TermResolution {
  id: string;
  replaced?: { from: string; reason: 'alt_id' | 'obsolete' };
}

/** Read-only view of the merged HPO/ORDO classification. Ids in and out are canonical CURIEs. */
export interface OntologyIndex {
  readonly versions: readonly OntologyVersion[];
  /**
   * Canonical id of an active term for any accepted spelling, alt id or obsolete id with a
   * replacement; `undefined` if unknown or obsolete without replacement.
   */
  resolve(id: string): TermResolution | undefined;
  label(id: string): string | undefined;
  synonyms(id: string): readonly string[];
  /** Direct classification parents (active terms only). */
  parents(id: string): readonly string[];
  /** Direct classification children (active terms only). */
  children(id: string): readonly string[];
  /** Transitive parents, excluding the term itself; memoised. */
  ancestors(id: string): readonly string[];
  isObsolete(id: string): boolean;
}
