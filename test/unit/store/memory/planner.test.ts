import fc from 'fast-check';
import { restrict, visibleAt } from '../../../../src/query/access-clause';
import type { CatalogResource } from '../../../../src/model/catalog-resource';
import { buildQuery } from '../../../../src/query/build-query';
import type { QueryDocument } from '../../../../src/query/query-document';
import { CountMemo } from '../../../../src/store/memory/count-memo';
import { countOf, isExact, type Plan } from '../../../../src/store/memory/plan';
import { namesKey, planDocument } from '../../../../src/store/memory/planner';
import { ScratchSets } from '../../../../src/store/memory/scratch-sets';
import { unlimitedBudget } from '../../../../src/store/memory/text-budget';
import { accessArb, catalogArb, equalCopy, groupsArb, indexesOf, scan, termClause } from './store-arbitraries';

/** Plans `query` on `resources` with `memo`, and what the plan says: exact or not, and its count. */
function planned(resources: readonly CatalogResource[], query: QueryDocument, memo: CountMemo) {
  const indexes = indexesOf(resources);
  return new ScratchSets(indexes.size).lease((lease) => {
    const plan: Plan = planDocument(query, indexes, lease, unlimitedBudget(), memo);
    return isExact(plan)
      ? { exact: true, count: countOf(plan, indexes.size), known: plan.kind === 'exact' ? plan.count : indexes.size }
      : { exact: false };
  });
}

const entriesOf = (query: QueryDocument): unknown[] => (Array.isArray(query.$and) ? query.$and : []);

describe('planDocument with a count memo', () => {
  // Term clauses only: a `$regex` entry is planned within the others, and so never counted alone.
  const termGroups = fc.array(fc.array(termClause, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 });

  test('when a restricted build-query document is planned, then each $and entry without $regex is recorded under its value with its scan count', () => {
    fc.assert(
      fc.property(catalogArb, groupsArb, fc.option(accessArb, { nil: undefined }), (catalog, groups, access) => {
        const built = buildQuery(groups);
        const query = access ? restrict(built, visibleAt(access.needed, access.principal, access)) : built;
        const memo = new CountMemo(64);
        expect(planned(catalog, query, memo)).toMatchObject({ exact: true, count: scan(catalog, query).length });
        for (const entry of entriesOf(query)) {
          const recorded = memo.get(equalCopy(entry));
          if (!namesKey(entry, '$regex')) expect(recorded).toBe(scan(catalog, entry as QueryDocument).length);
          else if (recorded !== undefined) expect(recorded).toBe(scan(catalog, entry as QueryDocument).length);
        }
      }),
      { numRuns: 400, seed: 20261217 },
    );
  });

  test('when a $regex entry is planned within the entries beside it, then its count (only of the matches within them) is not recorded', () => {
    fc.assert(
      fc.property(catalogArb, (catalog) => {
        const type = { type: { $in: ['ejprd:Biobank'] } };
        const title = { title: { $regex: '^[\\s\\S]*rare[\\s\\S]*$', $options: 'i' } };
        const memo = new CountMemo(64);
        planned(catalog, { $and: [type, title] }, memo);
        expect(memo.get(equalCopy(type))).toBe(scan(catalog, type).length);
        expect(memo.get(equalCopy(title))).toBeUndefined();
      }),
      { numRuns: 100, seed: 20261218 },
    );
  });

  test('when the other entries of an $and hold every position, then the plan is exact and its count is known without counting again', () => {
    fc.assert(
      fc.property(catalogArb, termGroups, (catalog, groups) => {
        const built = buildQuery(groups);
        // `$nin` of nothing holds every position: ALL, the identity of AND.
        const query = { $and: [built, { accessLevel: { $nin: [] } }] };
        const count = scan(catalog, built).length;
        expect(planned(catalog, query, new CountMemo(8))).toEqual({ exact: true, count, known: count });
      }),
      { numRuns: 200, seed: 20261219 },
    );
  });

  test('when the unrestricted document is asked after its restricted one, then the memo answers it for an equal document built anew', () => {
    fc.assert(
      fc.property(catalogArb, termGroups, accessArb, (catalog, groups, access) => {
        const visible = visibleAt(access.needed, access.principal, access);
        const built = buildQuery(groups);
        fc.pre(visible !== undefined);
        const memo = new CountMemo(8);
        planned(catalog, restrict(built, visible), memo);
        expect(memo.get(buildQuery(groups))).toBe(scan(catalog, built).length);
      }),
      { numRuns: 200, seed: 20261220 },
    );
  });
});
