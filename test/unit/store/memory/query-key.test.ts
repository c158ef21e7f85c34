import { queryKey } from '../../../../src/store/memory/query-key';

describe('queryKey', () => {
  test('when a query document is plain data, then its key is its JSON text', () => {
    const query = { $and: [{ country: { $in: ['DE', 'FR'] } }, { accessLevel: { $nin: ['controlled'] } }] };
    expect(queryKey(query)).toBe(JSON.stringify(query));
  });

  test.each([
    ['a RegExp', { title: { $regex: /dystrophy/i } }],
    ['a Date', { type: { $in: [new Date(0)] } }],
    ['undefined', { type: undefined }],
    ['a class instance', { themes: { $in: new Set(['hp:0001250']) } }],
    ['NaN', { size: Number.NaN }],
  ])("when a query document holds %s, then it has no key (it could share a plain query's JSON)", (_, query) => {
    expect(queryKey(query)).toBeUndefined();
  });
});
