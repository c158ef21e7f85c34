import type { OntologyIndex, OntologyVersion, TermResolution } from './ontology-index';
import type { ParsedOntology, ParsedTerm } from './parsed-ontology';
import { TermGraph } from './term-graph';

const MAX_REPLACEMENT_HOPS = 10;

function union(into: string[], from: readonly string[]): void {
  for (const item of from) if (!into.includes(item)) into.push(item);
}

/** The same term in two files: lists are united, the first label kept, active beats obsolete. */
function mergeTerms(ontologies: readonly ParsedOntology[]): Map<string, ParsedTerm> {
  const merged = new Map<string, ParsedTerm>();
  for (const term of ontologies.flatMap((o) => o.terms)) {
    const known = merged.get(term.id);
    if (known === undefined) {
      const copy = {
        ...term,
        synonyms: [...term.synonyms],
        parents: [...term.parents],
        altIds: [...term.altIds],
        consider: [...term.consider],
      };
      merged.set(term.id, copy);
      continue;
    }
    known.label ??= term.label;
    union(known.synonyms, term.synonyms);
    union(known.parents, term.parents);
    union(known.altIds, term.altIds);
    union(known.consider, term.consider);
    known.replacedBy ??= term.replacedBy;
    known.obsolete &&= term.obsolete;
  }
  return merged;
}

function isActive(terms: ReadonlyMap<string, ParsedTerm>, id: string | undefined): id is string {
  return id !== undefined && terms.get(id)?.obsolete === false;
}

/** Follows `replacedBy` through obsolete terms to an active one. */
function replacementOf(terms: ReadonlyMap<string, ParsedTerm>, term: ParsedTerm): string | undefined {
  let next = term.replacedBy;
  for (let hop = 0; hop < MAX_REPLACEMENT_HOPS && next !== undefined; hop += 1) {
    if (isActive(terms, next)) return next;
    next = terms.get(next)?.replacedBy;
  }
  return undefined;
}

/** Alt ids first; an obsolete term's own `replaced_by` overrides an alt id claim on it. */
function redirects(terms: ReadonlyMap<string, ParsedTerm>): Map<string, TermResolution> {
  const out = new Map<string, TermResolution>();
  for (const term of terms.values()) {
    if (term.obsolete) continue;
    for (const alt of term.altIds) {
      if (!isActive(terms, alt)) out.set(alt, { id: term.id, replaced: { from: alt, reason: 'alt_id' } });
    }
  }
  for (const term of terms.values()) {
    const target = term.obsolete ? replacementOf(terms, term) : undefined;
    if (target !== undefined) out.set(term.id, { id: target, replaced: { from: term.id, reason: 'obsolete' } });
  }
  return out;
}

function versionOf(ontology: ParsedOntology): OntologyVersion {
  const terms = ontology.terms.reduce((count, term) => count + (term.obsolete ? 0 : 1), 0);
  return { prefix: ontology.prefix, name: ontology.name, version: ontology.version, file: ontology.file, terms };
}

/** Interns the merged terms of all files into one `OntologyIndex`. */
export function buildOntologyIndex(ontologies: readonly ParsedOntology[]): OntologyIndex {
  const terms = mergeTerms(ontologies);
  const ids = [...terms.keys()];
  const numbers = new Map(ids.map((id, n) => [id, n] as const));
  const list = [...terms.values()];
  const parents = list.map((term) =>
    Int32Array.from(
      term.obsolete
        ? []
        : term.parents.filter((p) => isActive(terms, p) && p !== term.id).map((p) => numbers.get(p) ?? -1),
    ),
  );
  return new TermGraph({
    versions: ontologies.map(versionOf),
    ids,
    labels: list.map((term) => term.label),
    synonyms: list.map((term) => Object.freeze(term.synonyms)),
    parents,
    obsolete: Uint8Array.from(list, (term) => (term.obsolete ? 1 : 0)),
    redirects: redirects(terms),
  });
}

/** An index with no terms: every id is unknown. */
export function emptyOntologyIndex(): OntologyIndex {
  return buildOntologyIndex([]);
}
