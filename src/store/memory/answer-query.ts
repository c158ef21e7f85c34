import { Query } from 'mingo';
import type { CatalogResource } from '../../model/catalog-resource';
import type { QueryDocument } from '../../query/query-document';
import { type FindResult, type ResultWindow, themeAncestorsOf } from '../catalog-store';
import { UnsupportedQueryError } from '../store-errors';
import { answerPositions, type CachedAnswer } from './answer-cache';
import { countOf, type ExactKind, isExact, setOf, type Plan } from './plan';
import { namesKey, planDocument } from './planner';
import { queryKey } from './query-key';
import type { Lease } from './scratch-sets';
import type { Snapshot } from './snapshot';
import { TextBudget } from './text-budget';

type Doc = CatalogResource & Record<string, unknown>;

function windowOf(snapshot: Snapshot, positions: readonly number[]): CatalogResource[] {
  return positions.map((p) => snapshot.resources[p] as CatalogResource);
}

function read(snapshot: Snapshot, answer: CachedAnswer, window: ResultWindow, withRecords: boolean): FindResult {
  const records = withRecords ? windowOf(snapshot, answerPositions(answer, window.offset, window.limit)) : [];
  return { total: answer.total, records };
}

/** An exact plan is the answer: kept under `key` when the snapshot keeps answers. */
function readExact(
  snapshot: Snapshot,
  plan: ExactKind,
  lease: Lease,
  request: { window: ResultWindow; withRecords: boolean; key: string | undefined },
): FindResult {
  const { window, withRecords, key } = request;
  const total = countOf(plan, snapshot.size);
  const set = setOf(plan, lease);
  if (key !== undefined && snapshot.answers)
    return read(snapshot, snapshot.answers.remember(key, set, total), window, withRecords);
  return { total, records: withRecords ? windowOf(snapshot, set.positions(window.offset, window.limit)) : [] };
}

/**
 * A plan that is a superset: the compiled `mingo` query (the same MongoDB semantics a
 * collection applies) tests its candidates, and never a `$regex` (mingo would test it with a
 * backtracking RegExp: only the planner's literal matcher may).
 */
function scanCandidates(
  snapshot: Snapshot,
  query: QueryDocument,
  plan: Plan,
  lease: Lease,
  window: ResultWindow,
  withRecords: boolean,
): FindResult {
  if (namesKey(query, '$regex'))
    throw new UnsupportedQueryError('the embedded store evaluates $regex only inside query documents it plans exactly');
  const compiled = new Query<Doc>(query, {});
  // Records carry no theme ancestors: a copy of each document tested gets them from the closure.
  const closure = namesKey(query, 'themeAncestors') ? snapshot.themeClosure : undefined;
  const matches: CatalogResource[] = [];
  for (const position of setOf(plan, lease).positions()) {
    const resource = snapshot.resources[position] as CatalogResource;
    const tested = closure ? { ...resource, themeAncestors: themeAncestorsOf(resource.themes, closure) } : resource;
    if (compiled.test(tested as Doc)) matches.push(resource);
  }
  return {
    total: matches.length,
    records: withRecords ? matches.slice(window.offset, window.offset + window.limit) : [],
  };
}

/**
 * One query on one snapshot, synchronously: a count known from a larger query, a kept
 * answer, or a plan of its own, read off within the scratch-set lease it was made in.
 */
export function answerQuery(
  snapshot: Snapshot,
  query: QueryDocument,
  window: ResultWindow,
  withRecords: boolean,
  textScanChars: number,
): FindResult {
  // One key for both memos: a count-only find asks the count memo, then the answers.
  const key = !withRecords || snapshot.answers ? queryKey(query) : undefined;
  const known = withRecords ? undefined : snapshot.counts.get(query, key);
  if (known !== undefined) return { total: known, records: [] };
  const cached = key === undefined ? undefined : snapshot.answers?.get(key);
  if (cached) return read(snapshot, cached, window, withRecords);
  return snapshot.scratch.lease((lease) => {
    const plan = planDocument(query, snapshot, lease, new TextBudget(textScanChars), snapshot.counts);
    return isExact(plan)
      ? readExact(snapshot, plan, lease, { window, withRecords, key })
      : scanCandidates(snapshot, query, plan, lease, window, withRecords);
  });
}
