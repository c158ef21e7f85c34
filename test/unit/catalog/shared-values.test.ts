import fc from 'fast-check';
import type { Publisher } from '../../../src/model/catalog-resource';
import { SharedValues } from '../../../src/catalog/shared-values';

const field = fc.option(fc.constantFrom('a', 'b', 'A'), { nil: undefined });
const publisherArb: fc.Arbitrary<Publisher> = fc
  .record({
    id: fc.constantFrom('org-1', 'org-2'),
    title: fc.constantFrom('One', 'Two'),
    description: field,
    homepage: field,
    logo: field,
  })
  .map(({ description, homepage, logo, ...rest }) => ({
    ...rest,
    ...(description ? { description } : {}),
    ...(homepage ? { homepage } : {}),
    ...(logo ? { logo } : {}),
  }));

describe('SharedValues', () => {
  test('when random publishers are shared, then equal ones come back as one frozen object and different ones as different objects', () => {
    fc.assert(
      fc.property(fc.array(publisherArb, { maxLength: 30 }), (publishers) => {
        const shared = new SharedValues();
        const out = publishers.map((p) => shared.publisher({ ...p }));
        out.forEach((o, i) => {
          expect(o).toEqual(publishers[i]);
          expect(Object.isFrozen(o)).toBe(true);
        });
        for (let i = 0; i < out.length; i += 1) {
          for (let j = 0; j < i; j += 1)
            expect(out[i] === out[j]).toBe(JSON.stringify(publishers[i]) === JSON.stringify(publishers[j]));
        }
      }),
      { numRuns: 500, seed: 20261129 },
    );
  });
});
