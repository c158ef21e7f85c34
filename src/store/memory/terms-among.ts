import type { CatalogTerms } from '../catalog-store';
import type { QueryDocument } from '../../query/query-document';
import type { BitsetPool } from './scratch-sets';
import { answerKey } from './answer-cache';
import { planDocument, type PlanIndexes } from './planner';
import { UnsupportedQueryError } from '../store-errors';

/** At most this many visibility clauses' terms are kept per snapshot (callers come in a few tiers). */
const KEPT_TERMS = 8;

export interface TermsAmongIndexes extends PlanIndexes {
  pool: BitsetPool;
  /** The terms of the documents a clause selects, by its key. */
  termsAmong: Map<string, CatalogTerms>;
}

/**
 * The terms of the documents `among` selects (a caller tier's visibility clause): each
 * value is checked against the clause's matches once per snapshot and clause, so
 * `/filtering_terms` then costs a map lookup per request.
 */
export function termsAmong(indexes: TermsAmongIndexes, among: QueryDocument): CatalogTerms {
  const key = answerKey(among);
  const kept = key === undefined ? undefined : indexes.termsAmong.get(key);
  if (kept) return kept;
  try {
    const plan = planDocument(among, indexes, undefined, indexes.pool);
    // A superset would name terms of documents the clause leaves out.
    if (!plan.exact)
      throw new UnsupportedQueryError('the embedded store lists terms only among documents it selects exactly');
    const { terms } = indexes;
    const found = {
      themes: terms.distinctIn('themes', plan.set),
      types: terms.distinctIn('type', plan.set),
      countries: terms.distinctIn('country', plan.set),
    };
    if (key !== undefined && indexes.termsAmong.size < KEPT_TERMS) indexes.termsAmong.set(key, found);
    return found;
  } finally {
    indexes.pool.releaseAll();
  }
}
