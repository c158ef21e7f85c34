import fc from 'fast-check';
import { Bitset } from '../../../../src/store/memory/bitset';
import { type Lease, ScratchSets } from '../../../../src/store/memory/scratch-sets';

describe('ScratchSets', () => {
  const size = 1000;

  test('when a lease ends, then its sets come back and the next lease gets the same ones, cleared or filled as asked', () => {
    const sets = new ScratchSets(size);
    const first = sets.lease((lease) => {
      const taken = [lease.empty(), lease.full(), lease.empty()];
      for (const set of taken) set.addAll([5, 500]);
      return taken;
    });
    expect(sets.freeCount).toBe(3);
    const again = sets.lease((lease) => [lease.empty(), lease.full(), lease.empty()]);
    expect(new Set([...first, ...again]).size).toBe(3);
    expect(again.map((set) => set.count())).toEqual([0, size, 0]);
  });

  test('when a lease takes more sets than are kept free, then only `keptFree` come back', () => {
    const sets = new ScratchSets(size, 2);
    sets.lease((lease) => {
      for (let i = 0; i < 5; i += 1) lease.empty();
    });
    expect(sets.freeCount).toBe(2);
  });

  test('when the body throws, then the error passes through and its sets come back', () => {
    const sets = new ScratchSets(size);
    expect(() =>
      sets.lease((lease) => {
        lease.empty();
        lease.full();
        throw new RangeError('planning failed');
      }),
    ).toThrow(RangeError);
    expect(sets.freeCount).toBe(2);
  });

  test.each<[string, (lease: Lease) => unknown]>([
    ['a promise', (lease) => Promise.resolve(lease.empty().count())],
    [
      'the promise of an async function',
      async (lease) => {
        lease.empty();
      },
    ],
    [
      'a thenable',
      (lease) => {
        lease.empty();
        // biome-ignore lint/suspicious/noThenProperty: a thenable is what the lease must refuse
        return { then: () => undefined };
      },
    ],
  ])('when the body returns %s, then the lease refuses it and its sets still come back', (_, work) => {
    const sets = new ScratchSets(size);
    expect(() => sets.lease(work as never)).toThrow('a scratch-set lease must end within one synchronous call');
    expect(sets.freeCount).toBe(1);
  });

  test('when the body returns a scratch set, then the lease refuses it and the set comes back', () => {
    const sets = new ScratchSets(size);
    // @ts-expect-error a set may not leave its lease, which the body's type says too
    expect(() => sets.lease((lease) => lease.full())).toThrow('a scratch set may not leave its lease: copy it');
    expect(sets.freeCount).toBe(1);
  });

  test('when an async body resumes after its lease was refused, then taking a set throws', async () => {
    const sets = new ScratchSets(size);
    let resumed: Promise<string> = Promise.resolve('the body never ran');
    expect(() =>
      // @ts-expect-error a body returning a promise is refused at compile time too
      sets.lease((lease) => {
        const body = (async () => {
          await Promise.resolve();
          lease.empty();
        })();
        // Handled here, whatever the lease does with the body's promise.
        resumed = body.then(
          () => 'a set was taken',
          (error: Error) => error.message,
        );
        return body;
      }),
    ).toThrow('within one synchronous call');
    expect(await resumed).toBe('a scratch-set lease was used after its call ended');
  });

  test.each<[string, (lease: Lease) => void]>([
    ['returned', () => undefined],
    [
      'threw',
      () => {
        throw new Error('no');
      },
    ],
  ])('when a lease is kept after its call %s, then taking a set from it throws', (_, end) => {
    const sets = new ScratchSets(size);
    let kept: Lease | undefined;
    try {
      sets.lease((lease) => {
        kept = lease;
        end(lease);
      });
    } catch {
      // The body's own error: what is tested is the lease afterwards.
    }
    expect(() => kept?.empty()).toThrow('a scratch-set lease was used after its call ended');
    expect(() => kept?.full()).toThrow('a scratch-set lease was used after its call ended');
  });

  test('when leases nest, then the inner one never hands out a set the outer holds, and the outer sets keep their contents', () => {
    const sets = new ScratchSets(size, 64);
    // Sets returned by an earlier lease are free: the outer lease takes some of them.
    sets.lease((lease) => {
      for (let i = 0; i < 4; i += 1) lease.empty();
    });
    sets.lease((outer) => {
      const held = [outer.full(), outer.full()];
      sets.lease((inner) => {
        const taken = [inner.empty(), inner.empty(), inner.full()];
        for (const set of taken) expect(held).not.toContain(set);
      });
      expect(held.map((set) => set.count())).toEqual([size, size]);
    });
  });

  /** A random program of leases: each takes sets and runs nested leases in between. */
  type Program = { takes: number; inner: readonly Program[] };
  const programArb: fc.Arbitrary<Program> = fc.letrec<{ program: Program }>((tie) => ({
    program: fc.oneof(
      { maxDepth: 4 },
      fc.record({ takes: fc.nat(4), inner: fc.constant([]) }),
      fc.record({ takes: fc.nat(4), inner: fc.array(tie('program'), { maxLength: 3 }) }),
    ),
  })).program;

  test('when random programs of nested leases run, then no set is ever held twice at once, none is changed by another lease, and at most `keptFree` stay free', () => {
    fc.assert(
      fc.property(programArb, fc.integer({ min: 0, max: 6 }), (program, keptFree) => {
        const sets = new ScratchSets(size, keptFree);
        const held = new Map<Bitset, number>();
        let next = 0;
        const run = ({ takes, inner }: Program) =>
          sets.lease((lease) => {
            const mine: Bitset[] = [];
            const take = () => {
              const set = lease.empty();
              expect(held.has(set)).toBe(false);
              const mark = next++ % size;
              set.addAll([mark]);
              held.set(set, mark);
              mine.push(set);
            };
            for (const program of inner) {
              take();
              run(program);
            }
            for (let i = 0; i < takes; i += 1) take();
            for (const set of mine) {
              expect(set.positions()).toEqual([held.get(set)]);
              held.delete(set);
            }
          });
        run(program);
        expect(held.size).toBe(0);
        expect(sets.freeCount).toBeLessThanOrEqual(keptFree);
      }),
      { numRuns: 300, seed: 20261213 },
    );
  });

  test('when a lease body returns plain data, then the lease returns it', () => {
    const sets = new ScratchSets(size);
    expect(sets.lease((lease) => lease.full().positions(0, 3))).toEqual([0, 1, 2]);
    expect(sets.lease((lease) => Bitset.of(size, [1]).count() + lease.size)).toBe(size + 1);
  });
});
