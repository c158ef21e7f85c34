import { MemoryStore } from '../../../../src/store/memory/memory-store';
import { BitsetPool } from '../../../../src/store/memory/scratch-sets';
import { patternMatches } from '../../../../src/store/memory/pattern-match';
import { TextBudget } from '../../../../src/store/memory/text-budget';
import { TrigramIndex } from '../../../../src/store/memory/trigram-index';
import { TextScanBudgetError, UnsupportedQueryError } from '../../../../src/store/store-errors';
import { wildcardToRegex } from '../../../../src/query/build-query';
import { longTextCatalog } from '../../../support/long-text-catalog';

const resources = longTextCatalog(1);

function planning(limit: number) {
  return {
    resources,
    titles: TrigramIndex.of(resources.map((r) => r.title)),
    pool: new BitsetPool(resources.length),
    budget: new TextBudget(limit),
  };
}

describe('% matching in the embedded store', () => {
  test('when a $regex is not in the anchored wildcard form build-query writes, then it is refused rather than run as a RegExp', () => {
    expect(() => patternMatches('description', '^(a+)+$', planning(Infinity))).toThrow(UnsupportedQueryError);
  });

  test('when a query the planner cannot answer exactly holds a $regex, then the store refuses it rather than hand it to mingo', async () => {
    const store = new MemoryStore(resources);
    await expect(store.find({ description: { $regex: '(a|aa)+$' } }, { offset: 0, limit: 10 }, true)).rejects.toThrow(
      UnsupportedQueryError,
    );
  });

  test('when the budget runs out, then the scan stops within one description of the limit', () => {
    const limit = 5000;
    const given = planning(limit);
    expect(() => patternMatches('description', wildcardToRegex('%e%e%e%e%zzz'), given)).toThrow(TextScanBudgetError);
    const longest = Math.max(...resources.map((r) => (r.description ?? '').length));
    expect(given.budget.spent).toBeLessThanOrEqual(limit + longest + 20);
  });

  test('when a title pattern has literals of three or more characters, then only trigram candidates are read', () => {
    const given = planning(Infinity);
    const found = patternMatches('title', wildcardToRegex('%registry%'), given);
    const titleChars = resources.reduce((sum, r) => sum + r.title.length, 0);
    expect(found.set.count()).toBeGreaterThan(0);
    expect(given.budget.spent).toBeLessThan(titleChars);
  });
});
