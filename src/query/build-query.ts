import type { Clause, FilterGroup } from '../filters/filter-types';
import type { QueryDocument } from './query-document';

/**
 * Parsed filters -> one plain MongoDB query document. Pure: no I/O. Field names come
 * from the clause types only; user text only ever lands in values, and pattern text is
 * escaped before it becomes an anchored, case-insensitive `$regex`.
 */

const REGEX_SPECIALS = /[\\^$.*+?()[\]{}|/-]/g;

/**
 * `%` is the beacon wildcard for any run of characters; everything else is literal. A run
 * of `%` is one wildcard: the same matches, and less for a regex engine to try.
 */
export function wildcardToRegex(pattern: string): string {
  const parts = pattern
    .replace(/%+/g, '%')
    .split('%')
    .map((part) => part.replace(REGEX_SPECIALS, '\\$&'));
  return `^${parts.join('[\\s\\S]*')}$`;
}

function clauseDocument(clause: Clause): QueryDocument {
  if (clause.kind === 'terms') {
    return { [clause.field]: { [clause.negate ? '$nin' : '$in']: [...clause.values] } };
  }
  const alternatives = clause.patterns.map((p) => ({ [clause.field]: { $regex: wildcardToRegex(p), $options: 'i' } }));
  if (clause.negate) return { $nor: alternatives };
  return alternatives.length === 1 && alternatives[0] ? alternatives[0] : { $or: alternatives };
}

function groupDocument(group: FilterGroup): QueryDocument {
  const alternatives = group.map(clauseDocument);
  return alternatives.length === 1 && alternatives[0] ? alternatives[0] : { $or: alternatives };
}

/** `{}` for no filters (everything); otherwise `$and` of the groups, each a clause or an `$or`. */
export function buildQuery(groups: readonly FilterGroup[]): QueryDocument {
  if (groups.length === 0) return {};
  return { $and: groups.map(groupDocument) };
}
