import type { Bitset } from './bitset';
import type { CountMemo } from './count-memo';
import type { Within } from './pattern-match';
import { isDoc, planField, type PlanIndexes, type Planning } from './plan-field';
import { ALL, countOf, exact, intersect, isExact, negate, UNPLANNED, unite, type Plan } from './plan';
import { queryKey } from './query-key';
import type { Lease } from './scratch-sets';
import type { TextBudget } from './text-budget';

/** Whether `key` is a key anywhere in the query document (asked of every `$and` entry: no allocation). */
export function namesKey(query: unknown, key: string): boolean {
  if (query === null || typeof query !== 'object') return false;
  if (Array.isArray(query)) {
    for (const part of query as unknown[]) if (typeof part === 'object' && namesKey(part, key)) return true;
    return false;
  }
  // Query documents are plain objects, so `for...in` sees own keys alone.
  for (const name in query) if (name === key || namesKey((query as Record<string, unknown>)[name], key)) return true;
  return false;
}

/**
 * Where the `$regex` entries of an `$and` are evaluated: the AND of its other entries (and of
 * the `$and` around it), so a `%` match reads only documents the rest of the query (tiered
 * access included) leaves. Undefined when nothing narrows. The entries' plans keep their own
 * sets; this is a copy.
 */
function narrowed(
  list: readonly unknown[],
  textual: readonly boolean[],
  plans: readonly (Plan | undefined)[],
  { lease, within: outer }: Planning,
): Within | undefined {
  const sets: Bitset[] = [];
  for (const plan of plans) if (plan?.kind === 'exact' || plan?.kind === 'candidates') sets.push(plan.set);
  const [first, ...rest] = sets;
  if (first === undefined) return outer;
  const set = lease.empty().copyFrom(first);
  for (const other of rest) set.and(other);
  if (outer) set.and(outer.set);
  const keys = list.filter((_, i) => !textual[i]).map(queryKey);
  const named = keys.every((k) => k !== undefined) && (outer === undefined || outer.key !== undefined);
  return { set, key: named ? JSON.stringify([outer?.key ?? null, keys]) : undefined };
}

/** An `$and`: entries without `$regex` first, then the others within what those leave. */
function planAnd(list: readonly unknown[], planning: Planning, memo?: CountMemo): Plan {
  const textual = list.map((entry) => namesKey(entry, '$regex'));
  const plans = list.map((entry, i) => (textual[i] ? undefined : planWith(entry, planning)));
  const within = textual.some(Boolean) ? narrowed(list, textual, plans, planning) : undefined;
  const inner = within ? { ...planning, within } : planning;
  const done = plans.map((plan, i) => plan ?? planWith(list[i], inner));
  if (!memo) return intersect(done);
  return intersect(
    done.map((plan, i) => {
      const entry = list[i];
      // A `$regex` entry planned within the others holds only part of its matches: not its count.
      if (!isDoc(entry) || !isExact(plan) || (textual[i] && within)) return plan;
      const count = countOf(plan, planning.lease.size);
      memo.remember(entry, count);
      // Counted once: when the others hold every position, this is also the answer's count.
      return plan.kind === 'exact' ? exact(plan.set, count) : plan;
    }),
  );
}

function planList(operator: '$and' | '$or' | '$nor', list: readonly unknown[], planning: Planning, memo?: CountMemo) {
  if (operator === '$and') return planAnd(list, planning, memo);
  // Within an `$and`, only the positions in reach are right; the `$and` keeps no others.
  const union = unite(list.map((entry) => planWith(entry, planning)));
  return operator === '$or' ? union : negate(union, planning.lease);
}

function planWith(query: unknown, planning: Planning, memo?: CountMemo): Plan {
  if (!isDoc(query)) return UNPLANNED;
  const parts: Plan[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (key === '$and' || key === '$or' || key === '$nor')
      parts.push(Array.isArray(value) && value.length > 0 ? planList(key, value, planning, memo) : UNPLANNED);
    else if (key.startsWith('$')) parts.push(UNPLANNED);
    else parts.push(planField(key, value, planning));
  }
  return parts.length === 0 ? ALL : intersect(parts);
}

/**
 * Plans a query document of the shapes `src/query/build-query.ts` emits onto the indexes,
 * with sets of `lease`; anything else is unplanned (a scan). `$regex` on title, description
 * or id is evaluated here, so build-query's documents always plan exactly. With `memo`, the
 * exact counts of a top-level `$and`'s entries are kept (see `CountMemo`).
 */
export function planDocument(
  query: unknown,
  indexes: PlanIndexes,
  lease: Lease,
  budget: TextBudget,
  memo?: CountMemo,
): Plan {
  return planWith(query, { indexes, lease, budget }, memo);
}
