import type { QueryDocument } from '../../query/query-document';
import type { CatalogTerms } from '../catalog-store';
import { UnsupportedQueryError } from '../store-errors';
import { isExact, setOf } from './plan';
import { planDocument } from './planner';
import { queryKey } from './query-key';
import type { Snapshot } from './snapshot';
import { unlimitedBudget } from './text-budget';

/**
 * The terms of the documents `among` selects (a caller tier's visibility clause): each
 * value is checked against the clause's matches once per snapshot and clause, so
 * `/filtering_terms` then costs a map lookup per request.
 */
export function termsAmong(snapshot: Snapshot, among: QueryDocument): CatalogTerms {
  const key = queryKey(among);
  const kept = key === undefined ? undefined : snapshot.termsAmong.get(key);
  if (kept) return kept;
  const found = snapshot.scratch.lease((lease) => {
    const plan = planDocument(among, snapshot, lease, unlimitedBudget());
    // A superset would name terms of documents the clause leaves out.
    if (!isExact(plan))
      throw new UnsupportedQueryError('the embedded store lists terms only among documents it selects exactly');
    const set = setOf(plan, lease);
    const { terms } = snapshot;
    return {
      themes: terms.distinctIn('themes', set),
      types: terms.distinctIn('type', set),
      countries: terms.distinctIn('country', set),
    };
  });
  if (key !== undefined) snapshot.termsAmong.set(key, found);
  return found;
}
