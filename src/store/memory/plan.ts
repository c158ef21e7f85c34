import type { Bitset } from './bitset';
import type { Lease } from './scratch-sets';

/**
 * What planning a query document (or a part of it) onto the indexes gives. The kind says
 * how far the set can be trusted; only the kinds that hold exactly the matches carry a
 * count, and only `exact` holds a set. Every set is a scratch set of the planning's lease,
 * owned by this plan alone, so combining plans may change it in place.
 */
export type Plan = ExactPlan | AllPlan | CandidatePlan | UnplannedPlan;

/** Exactly the matches: every position of `set` matches, no other does. */
export interface ExactPlan {
  readonly kind: 'exact';
  readonly set: Bitset;
  /** The set's count when known without counting (a kept set), else undefined. */
  readonly count: number | undefined;
}

/** Every position matches (an empty query, or a clause every resource meets): no set is taken. */
export interface AllPlan {
  readonly kind: 'all';
}

/** Every match is in `set`, and perhaps others: each candidate must still be tested. */
export interface CandidatePlan {
  readonly kind: 'candidates';
  readonly set: Bitset;
}

/** Nothing narrowed (a clause the indexes do not answer): every position is a candidate. */
export interface UnplannedPlan {
  readonly kind: 'unplanned';
}

export type ExactKind = ExactPlan | AllPlan;

export const ALL: AllPlan = Object.freeze({ kind: 'all' });
export const UNPLANNED: UnplannedPlan = Object.freeze({ kind: 'unplanned' });

/** An exact set; one known to hold every position is `ALL`, so no later step reads or combines it. */
export function exact(set: Bitset, count?: number): ExactKind {
  return count === set.size ? ALL : { kind: 'exact', set, count };
}

export function isExact(plan: Plan): plan is ExactKind {
  return plan.kind === 'exact' || plan.kind === 'all';
}

/** How many positions an exact plan holds: counted only when not known. */
export function countOf(plan: ExactKind, size: number): number {
  return plan.kind === 'all' ? size : (plan.count ?? plan.set.count());
}

/** The plan's positions as a set, taking a full one from the lease when the plan holds none. */
export function setOf(plan: Plan, lease: Lease): Bitset {
  return plan.kind === 'exact' || plan.kind === 'candidates' ? plan.set : lease.full();
}

/** The AND of plans: `ALL` is the identity; a count stays known only when one set alone remains. */
export function intersect(plans: readonly Plan[]): Plan {
  let allExact = true;
  const sets: (ExactPlan | CandidatePlan)[] = [];
  for (const plan of plans) {
    if (plan.kind === 'all') continue;
    if (plan.kind === 'unplanned') allExact = false;
    else {
      if (plan.kind === 'candidates') allExact = false;
      sets.push(plan);
    }
  }
  const [first, ...rest] = sets;
  if (first === undefined) return allExact ? ALL : UNPLANNED;
  for (const other of rest) first.set.and(other.set);
  if (!allExact) return { kind: 'candidates', set: first.set };
  if (rest.length === 0) return first;
  return { kind: 'exact', set: first.set, count: undefined };
}

/** The OR of plans: `ALL` absorbs the others, and an unplanned branch leaves nothing narrowed. */
export function unite(plans: readonly Plan[]): Plan {
  let first: ExactPlan | CandidatePlan | undefined;
  let allExact = true;
  let unplanned = false;
  for (const plan of plans) {
    if (plan.kind === 'all') return ALL;
    if (plan.kind === 'unplanned') unplanned = true;
    else {
      if (plan.kind === 'candidates') allExact = false;
      if (first === undefined) first = plan;
      else first.set.or(plan.set);
    }
  }
  if (unplanned || first === undefined) return UNPLANNED;
  return allExact ? { kind: 'exact', set: first.set, count: undefined } : { kind: 'candidates', set: first.set };
}

/** The complement of a plan: only an exact one can be negated (the complement of a superset is not a superset). */
export function negate(plan: Plan, lease: Lease): Plan {
  if (plan.kind === 'all') return { kind: 'exact', set: lease.empty(), count: 0 };
  if (plan.kind === 'exact') return { kind: 'exact', set: plan.set.not(), count: undefined };
  return UNPLANNED;
}
