import fc from 'fast-check';
import { Bitset } from '../../../../src/store/memory/bitset';
import {
  ALL,
  countOf,
  exact,
  intersect,
  isExact,
  negate,
  type Plan,
  setOf,
  UNPLANNED,
  unite,
} from '../../../../src/store/memory/plan';
import { type Lease, ScratchSets } from '../../../../src/store/memory/scratch-sets';

const size = 70;
const sets = new ScratchSets(size);
/** Runs `check` inside a lease: plans may take scratch sets (a full one, a complement). */
const inLease = (check: (lease: Lease) => void): void => sets.lease(check);
const setWith = (positions: number[]): Bitset => Bitset.of(size, positions);

describe('plans: what planning a query document onto the indexes gives', () => {
  test('when an exact set is ANDed with an unplanned part, then the result is candidates holding that set, not exact', () => {
    const set = setWith([1, 40]);
    const plan = intersect([exact(set, 2), UNPLANNED]);
    expect(plan).toEqual({ kind: 'candidates', set });
    expect(isExact(plan)).toBe(false);
  });

  test('when ALL is ANDed with a plan, then the plan comes back as it was, its known count included (ALL is the identity of AND)', () => {
    const plan = exact(setWith([1, 40, 69]), 3);
    expect(intersect([plan])).toBe(plan);
    expect(intersect([ALL, plan, ALL])).toBe(plan);
    expect(intersect([ALL, plan])).toMatchObject({ kind: 'exact', count: 3 });
    expect(intersect([UNPLANNED, ALL])).toBe(UNPLANNED);
  });

  test('when nothing, or only ALL, is ANDed, then the result is ALL; when only unplanned parts, UNPLANNED', () => {
    expect(intersect([])).toBe(ALL);
    expect(intersect([ALL, ALL])).toBe(ALL);
    expect(intersect([UNPLANNED, UNPLANNED])).toBe(UNPLANNED);
  });

  test('when two exact sets with known counts are ANDed, then the result is exact with their intersection and no count kept', () => {
    const plan = intersect([exact(setWith([1, 2, 3]), 3), exact(setWith([2, 3, 4, 5]), 4)]);
    expect(plan.kind).toBe('exact');
    expect(plan.kind === 'exact' && plan.count).toBeUndefined();
    expect(plan.kind === 'exact' && plan.set.positions()).toEqual([2, 3]);
    expect(countOf(plan as ReturnType<typeof exact>, size)).toBe(2);
  });

  test('when candidates are ANDed with an exact set, then the result is candidates of their intersection', () => {
    const plan = intersect([{ kind: 'candidates', set: setWith([1, 2, 3]) }, exact(setWith([3, 4]), 2)]);
    expect(plan.kind).toBe('candidates');
    expect(plan.kind === 'candidates' && plan.set.positions()).toEqual([3]);
  });

  test('when plans are ORed, then ALL absorbs the others, an unplanned branch leaves UNPLANNED, and exact stays exact only with exact branches', () => {
    expect(unite([exact(setWith([1]), 1), ALL, UNPLANNED])).toBe(ALL);
    expect(unite([exact(setWith([1]), 1), UNPLANNED])).toBe(UNPLANNED);
    expect(unite([exact(setWith([1]), 1), exact(setWith([2]), 1)])).toEqual({
      kind: 'exact',
      set: setWith([1, 2]),
      count: undefined,
    });
    expect(unite([exact(setWith([1]), 1), { kind: 'candidates', set: setWith([2]) }])).toEqual({
      kind: 'candidates',
      set: setWith([1, 2]),
    });
  });

  test('when a plan is negated, then ALL gives an exact empty set counted 0, exact its complement uncounted, and candidates or unplanned give UNPLANNED', () => {
    inLease((lease) => {
      expect(negate(ALL, lease)).toMatchObject({ kind: 'exact', count: 0 });
      const none = negate(ALL, lease);
      expect(none.kind === 'exact' && none.set.count()).toBe(0);
      const complement = negate(exact(setWith([0, 69]), 2), lease);
      expect(complement).toMatchObject({ kind: 'exact', count: undefined });
      expect(complement.kind === 'exact' && complement.set.count()).toBe(size - 2);
      expect(negate({ kind: 'candidates', set: setWith([1]) }, lease)).toBe(UNPLANNED);
      expect(negate(UNPLANNED, lease)).toBe(UNPLANNED);
    });
  });

  test('when an exact set is made, then a count of every position makes it ALL, and a known count is kept and read without counting', () => {
    const full = new Bitset(size).fill();
    expect(exact(full, size)).toBe(ALL);
    expect(exact(setWith([5]))).toMatchObject({ kind: 'exact', count: undefined });
    // A known count is trusted as it is: one too many here shows it was not counted again.
    expect(countOf(exact(setWith([5]), 2), size)).toBe(2);
    expect(countOf(exact(setWith([5, 6])), size)).toBe(2);
    expect(countOf(ALL, size)).toBe(size);
    inLease((lease) => expect(setOf(ALL, lease).count()).toBe(size));
  });
});

/** A random combination of plans, each leaf standing for a known set of matches. */
type Leaf = { truth: number[]; as: 'exact' | 'counted' | 'candidates' | 'unplanned' | 'all'; extra: number[] };
type Tree = { leaf: Leaf } | { op: 'and' | 'or'; parts: Tree[] } | { op: 'not'; part: Tree };

const positionsArb = fc.uniqueArray(fc.integer({ min: 0, max: size - 1 }), { maxLength: size });
const leafArb: fc.Arbitrary<Tree> = fc.oneof(
  fc
    .record({
      truth: positionsArb,
      as: fc.constantFrom<Leaf['as']>('exact', 'counted', 'candidates', 'unplanned'),
      extra: positionsArb,
    })
    .map((leaf) => ({ leaf })),
  fc.constant<Tree>({ leaf: { truth: Array.from({ length: size }, (_, p) => p), as: 'all', extra: [] } }),
);
const treeArb: fc.Arbitrary<Tree> = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.oneof(
    { maxDepth: 4 },
    leafArb,
    fc.record({
      op: fc.constantFrom<'and' | 'or'>('and', 'or'),
      parts: fc.array(tie('tree'), { minLength: 1, maxLength: 3 }),
    }),
    fc.record({ op: fc.constant<'not'>('not'), part: tie('tree') }),
  ),
})).tree;

const truthOf = (tree: Tree): Set<number> => {
  if ('leaf' in tree) return new Set(tree.leaf.truth);
  if (tree.op === 'not') {
    const inner = truthOf(tree.part);
    return new Set(Array.from({ length: size }, (_, p) => p).filter((p) => !inner.has(p)));
  }
  const parts = tree.parts.map(truthOf);
  const [first = new Set<number>(), ...rest] = parts;
  return tree.op === 'and'
    ? new Set([...first].filter((p) => rest.every((part) => part.has(p))))
    : new Set(parts.flatMap((part) => [...part]));
};

function planOf(tree: Tree, lease: Lease): Plan {
  if ('leaf' in tree) {
    const { truth, as, extra } = tree.leaf;
    if (as === 'all') return ALL;
    if (as === 'unplanned') return UNPLANNED;
    if (as === 'candidates') return { kind: 'candidates', set: setWith([...truth, ...extra]) };
    return exact(setWith(truth), as === 'counted' ? truth.length : undefined);
  }
  if (tree.op === 'not') return negate(planOf(tree.part, lease), lease);
  const parts = tree.parts.map((part) => planOf(part, lease));
  return tree.op === 'and' ? intersect(parts) : unite(parts);
}

describe('plans combined at random', () => {
  test('when random plans are ANDed, ORed and negated, then an exact result holds exactly the matches (and its count, when known, is theirs), and candidates hold every match', () => {
    fc.assert(
      fc.property(treeArb, (tree) =>
        inLease((lease) => {
          const truth = [...truthOf(tree)].sort((a, b) => a - b);
          const plan = planOf(tree, lease);
          if (plan.kind === 'all') expect(truth).toHaveLength(size);
          if (plan.kind === 'exact') {
            expect(plan.set.positions()).toEqual(truth);
            if (plan.count !== undefined) expect(plan.count).toBe(truth.length);
          }
          if (plan.kind === 'candidates') expect(plan.set.positions()).toEqual(expect.arrayContaining(truth));
          if (isExact(plan)) expect(countOf(plan, size)).toBe(truth.length);
        }),
      ),
      { numRuns: 2000, seed: 20261216 },
    );
  });
});
