import { keptForAWhile } from '../../../../src/store/mongodb/kept-for-a-while';

describe('keptForAWhile', () => {
  test('when asked again within the time, then the kept answer is shared; after it, or after forget, it is loaded anew', async () => {
    let clock = 0;
    let loads = 0;
    const kept = keptForAWhile(
      1000,
      async () => ++loads,
      () => clock,
    );
    expect(await kept.get()).toBe(1);
    clock = 999;
    expect(await kept.get()).toBe(1);
    clock = 1000;
    expect(await kept.get()).toBe(2);
    kept.forget();
    expect(await kept.get()).toBe(3);
  });

  test('when a load rejects, then the rejection is not kept', async () => {
    let fail = true;
    const kept = keptForAWhile(60_000, async () => {
      if (fail) throw new Error('down');
      return 'up';
    });
    await expect(kept.get()).rejects.toThrow('down');
    fail = false;
    expect(await kept.get()).toBe('up');
  });
});
