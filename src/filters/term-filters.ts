import { parseTermSpelling } from '../model/curie';
import { canonicalThemeId, themeIdPrefix } from '../model/theme-id';
import type { Clause, Dialect, FilterOntology } from './filter-types';
import { readResourceTypeCurie } from './resource-types';

export type Similarity = 'exact' | 'high' | 'medium' | 'low';

export interface TermFilterInput {
  ids: string[];
  includeDescendantTerms: boolean;
  similarity: Similarity;
  ontology?: FilterOntology;
  /** Prefixes of the catalog's themes (`themeIdPrefix`): other vocabularies a filter may name. */
  themePrefixes?: ReadonlySet<string>;
  /** The filter carries `operator`/`value`: an attribute filter, which no other-vocabulary theme is. */
  withValue?: boolean;
}

export interface TermFilterResult {
  clauses: Clause[];
  dialects: Dialect[];
  unsupported: string[];
  /** Ids that run exact although a wider similarity was asked (no ontology for them). */
  exactOnly: string[];
  notes: string[];
}

/** Resolves alt ids and obsolete terms to the term that replaces them. */
function resolveTheme(id: string, ontology: FilterOntology | undefined, notes: string[]): string {
  const resolution = ontology?.resolve(id);
  if (!resolution) return id;
  if (resolution.replaced) {
    const why = resolution.replaced.reason === 'obsolete' ? 'is obsolete' : 'is an alternative id';
    notes.push(`${resolution.replaced.from} ${why}; it was read as ${resolution.id}`);
  }
  return resolution.id;
}

/**
 * The similarity model (documented in the README): `high` adds the term's siblings,
 * `medium` everything under its parents, `low` everything under its grandparents.
 */
function widen(id: string, similarity: Similarity, ontology: FilterOntology): { terms: string[]; underTerms: boolean } {
  if (similarity === 'exact') return { terms: [id], underTerms: false };
  const parents = ontology.parents(id);
  if (similarity === 'high') return { terms: [id, ...parents.flatMap((p) => ontology.children(p))], underTerms: false };
  if (similarity === 'medium') return { terms: parents.length > 0 ? [...parents] : [id], underTerms: true };
  const grandparents = parents.flatMap((p) => ontology.parents(p));
  return { terms: grandparents.length > 0 ? grandparents : parents.length > 0 ? [...parents] : [id], underTerms: true };
}

/** `CLO_0037308`: another vocabulary's id written as VP v1 writes ORDO and HPO ones, bare. */
const BARE_ID = /^([a-z][a-z0-9]*)_(\S+)$/i;

/**
 * A theme of a vocabulary with no ontology loaded (CLO, NCIT, ...): matched exactly, and
 * only when some theme of the catalog has its prefix. A similarity beyond exact cannot be
 * honoured, so such a filter is listed unsupported by the caller, as without ontologies.
 */
function otherTheme(raw: string, input: TermFilterInput): { id: string; dialect: Dialect } | undefined {
  if (input.withValue) return undefined;
  const id = canonicalThemeId(raw);
  if (id !== undefined) return input.themePrefixes?.has(themeIdPrefix(id)) ? { id, dialect: 'v2' } : undefined;
  const bare = BARE_ID.exec(raw.trim());
  if (!bare?.[1] || !bare[2] || !input.themePrefixes?.has(bare[1].toLowerCase())) return undefined;
  return { id: `${bare[1].toUpperCase()}:${bare[2]}`, dialect: 'v1' };
}

/** Ontology or custom filter ids: ORDO/HPO themes in any accepted spelling, or resource-type CURIEs. */
export function parseTermFilter(input: TermFilterInput): TermFilterResult {
  const themes = new Set<string>();
  const types = new Set<string>();
  const result: TermFilterResult = { clauses: [], dialects: [], unsupported: [], exactOnly: [], notes: [] };
  let underTerms = input.includeDescendantTerms;
  for (const raw of input.ids) {
    const term = parseTermSpelling(raw);
    const type = term ? undefined : readResourceTypeCurie(raw);
    if (term) {
      result.dialects.push(term.dialect);
      const id = resolveTheme(term.id, input.ontology, result.notes);
      const widened = input.ontology ? widen(id, input.similarity, input.ontology) : { terms: [id], underTerms: false };
      widened.terms.forEach((t) => themes.add(t));
      underTerms ||= widened.underTerms;
    } else if (type) {
      result.dialects.push('v2');
      types.add(type);
    } else {
      const other = otherTheme(raw, input);
      if (other) {
        result.dialects.push(other.dialect);
        themes.add(other.id);
        if (input.similarity !== 'exact') result.exactOnly.push(raw);
      } else result.unsupported.push(raw);
    }
  }
  if (themes.size > 0)
    result.clauses.push({
      kind: 'terms',
      field: underTerms ? 'themeAncestors' : 'themes',
      values: [...themes],
      negate: false,
    });
  if (types.size > 0) result.clauses.push({ kind: 'terms', field: 'type', values: [...types], negate: false });
  return result;
}
