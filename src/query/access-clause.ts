import type { Config } from '../config/config';
import type { Principal } from '../auth/principal';
import { levelGranularity } from '../auth/access-policy';
import { atLeast, type Granularity } from '../model/granularity';
import type { QueryDocument } from './query-document';

type PolicyConfig = Pick<Config, 'registeredGranularity' | 'controlledGranularity'>;

/**
 * The query clause selecting resources the caller may see at `needed` granularity, or
 * undefined when that is all of them. Resources without `accessLevel` are public;
 * controlled resources granted by a visa are seen as records.
 */
export function visibleAt(needed: Granularity, principal: Principal, config: PolicyConfig): QueryDocument | undefined {
  const levels = levelsVisibleAt(needed, principal, config);
  if (!levels) return undefined;
  const clauses: QueryDocument[] = [levels];
  if (principal.kind === 'token' && principal.grants.size > 0) clauses.push({ id: { $in: [...principal.grants] } });
  return clauses.length === 1 ? clauses[0] : { $or: clauses };
}

/** The part of `visibleAt` that levels decide, without per-resource grants: one clause per caller tier. */
export function levelsVisibleAt(
  needed: Granularity,
  principal: Principal,
  config: PolicyConfig,
): QueryDocument | undefined {
  const hidden = (['registered', 'controlled'] as const).filter(
    (level) => !atLeast(levelGranularity(level, principal, config), needed),
  );
  return hidden.length === 0 ? undefined : { accessLevel: { $nin: [...hidden] } };
}

/** `query` narrowed by an access clause; `{}` (everything) narrowed is the clause itself. */
export function restrict(query: QueryDocument, clause: QueryDocument | undefined): QueryDocument {
  if (!clause) return query;
  return Object.keys(query).length === 0 ? clause : { $and: [query, clause] };
}
