import type { OntologyPrefix } from './ontology-index';

/** One term as read from a file, before interning. All ids are canonical CURIEs. */
export interface ParsedTerm {
  id: string;
  label?: string;
  synonyms: string[];
  /** Classification parents; may name terms that turn out obsolete or unknown (dropped later). */
  parents: string[];
  obsolete: boolean;
  /** Replacement for an obsolete term (OBO `replaced_by`, ORDO `moved_to`). */
  replacedBy?: string;
  /** Suggestions only, never followed automatically (OBO `consider`, ORDO `referred_to`). */
  consider: string[];
  altIds: string[];
}

/** What a parser hands to the index builder. */
export interface ParsedOntology {
  prefix: OntologyPrefix;
  name: string;
  version: string;
  file: string;
  terms: ParsedTerm[];
}

export const ONTOLOGY_NAMES: Readonly<Record<OntologyPrefix, string>> = {
  hp: 'Human Phenotype Ontology',
  ordo: 'Orphanet Rare Disease Ontology',
};

export function newParsedTerm(id: string): ParsedTerm {
  return { id, synonyms: [], parents: [], obsolete: false, consider: [], altIds: [] };
}

/** The prefix most of the terms carry (a file holds one ontology). */
export function dominantPrefix(terms: readonly ParsedTerm[]): OntologyPrefix {
  let hp = 0;
  for (const term of terms) if (term.id.startsWith('hp:')) hp += 1;
  return hp * 2 >= terms.length ? 'hp' : 'ordo';
}
