import fc from 'fast-check';
import { buildQuery } from '../../../../src/query/build-query';
import { CountMemo } from '../../../../src/store/memory/count-memo';
import { equalCopy, groupsArb } from './store-arbitraries';

describe('CountMemo', () => {
  const query = () => ({
    $and: [{ country: { $in: ['DE', 'FR'] } }, { title: { $regex: '^rare[\\s\\S]*$', $options: 'i' } }],
  });

  test('when a count is remembered, then a structurally equal document built anew finds it', () => {
    const memo = new CountMemo(8);
    memo.remember(query(), 12);
    expect(memo.get(query())).toBe(12);
    expect(memo.get(equalCopy(query()))).toBe(12);
  });

  test('when random build-query documents are remembered, then each one rebuilt from its groups finds its own count', () => {
    fc.assert(
      fc.property(fc.array(groupsArb, { minLength: 1, maxLength: 6 }), (all) => {
        const memo = new CountMemo(16);
        all.forEach((groups, n) => memo.remember(buildQuery(groups), n));
        all.forEach((groups, n) => {
          // An equal document remembered later holds the later count.
          const last = all.map((g) => JSON.stringify(buildQuery(g))).lastIndexOf(JSON.stringify(buildQuery(groups)));
          expect(memo.get(buildQuery(groups))).toBe(last === -1 ? n : last);
        });
      }),
      { numRuns: 200, seed: 20261212 },
    );
  });

  test.each([
    ['another value', { $and: [{ country: { $in: ['DE', 'GR'] } }, query().$and[1]] }],
    ['another operator', { $and: [{ country: { $nin: ['DE', 'FR'] } }, query().$and[1]] }],
    ['another field', { $and: [{ type: { $in: ['DE', 'FR'] } }, query().$and[1]] }],
    ['one entry fewer', { $and: [{ country: { $in: ['DE', 'FR'] } }] }],
    ['another pattern', { $and: [query().$and[0], { title: { $regex: '^rare$', $options: 'i' } }] }],
  ])('when a document differs by %s, then it does not find the count', (_, other) => {
    const memo = new CountMemo(8);
    memo.remember(query(), 12);
    expect(memo.get(other)).toBeUndefined();
  });

  test('when a document holds something other than plain data, then no count is kept for it, not even for the same object', () => {
    const memo = new CountMemo(8);
    const withRegExp = { title: { $regex: /rare/i } };
    memo.remember(withRegExp, 3);
    expect(memo.get(withRegExp)).toBeUndefined();
    expect(memo.get({ title: { $regex: /other/i } })).toBeUndefined();
  });

  test('when more than `keep` counts are remembered, then the least recently used are dropped first', () => {
    const memo = new CountMemo(2);
    memo.remember({ type: { $in: ['a'] } }, 1);
    memo.remember({ type: { $in: ['b'] } }, 2);
    expect(memo.get({ type: { $in: ['a'] } })).toBe(1);
    memo.remember({ type: { $in: ['c'] } }, 3);
    expect(memo.get({ type: { $in: ['b'] } })).toBeUndefined();
    expect(memo.get({ type: { $in: ['a'] } })).toBe(1);
    expect(memo.get({ type: { $in: ['c'] } })).toBe(3);
  });
});
