import { MemoryStore } from '../../../../src/store/memory/memory-store';
import { type Lease, ScratchSets } from '../../../../src/store/memory/scratch-sets';
import { patternMatches } from '../../../../src/store/memory/pattern-match';
import { TextBudget } from '../../../../src/store/memory/text-budget';
import { TrigramIndex } from '../../../../src/store/memory/trigram-index';
import { TextScanBudgetError, UnsupportedQueryError } from '../../../../src/store/store-errors';
import { wildcardToRegex } from '../../../../src/query/build-query';
import { longTextCatalog } from '../../../support/long-text-catalog';

const resources = longTextCatalog(1);

const titles = TrigramIndex.of(resources.map((r) => r.title));

/** `work` with a planning of its own (the lease ends with the call). */
function withPlanning<T>(limit: number, work: (planning: ReturnType<typeof planningOf>) => T): T {
  return new ScratchSets(resources.length).lease((lease) => work(planningOf(lease, limit)) as never);
}

function planningOf(lease: Lease, limit: number) {
  return { resources, titles, lease, budget: new TextBudget(limit) };
}

describe('% matching in the embedded store', () => {
  test('when a $regex is not in the anchored wildcard form build-query writes, then it is refused rather than run as a RegExp', () => {
    expect(() => withPlanning(Infinity, (given) => patternMatches('description', '^(a+)+$', given))).toThrow(
      UnsupportedQueryError,
    );
  });

  test('when a query the planner cannot answer exactly holds a $regex, then the store refuses it rather than hand it to mingo', async () => {
    const store = new MemoryStore(resources);
    await expect(store.find({ description: { $regex: '(a|aa)+$' } }, { offset: 0, limit: 10 }, true)).rejects.toThrow(
      UnsupportedQueryError,
    );
  });

  test('when the budget runs out, then the scan stops within one description of the limit', () => {
    const limit = 5000;
    const budget = new TextBudget(limit);
    expect(() =>
      withPlanning(limit, (given) =>
        patternMatches('description', wildcardToRegex('%e%e%e%e%zzz'), { ...given, budget }),
      ),
    ).toThrow(TextScanBudgetError);
    const longest = Math.max(...resources.map((r) => (r.description ?? '').length));
    expect(budget.spent).toBeLessThanOrEqual(limit + longest + 20);
  });

  test('when a title pattern has literals of three or more characters, then only trigram candidates are read', () => {
    const budget = new TextBudget(Infinity);
    const count = withPlanning(Infinity, (given) =>
      patternMatches('title', wildcardToRegex('%registry%'), { ...given, budget }).set.count(),
    );
    const titleChars = resources.reduce((sum, r) => sum + r.title.length, 0);
    expect(count).toBeGreaterThan(0);
    expect(budget.spent).toBeLessThan(titleChars);
  });
});
