import { mapWithConcurrency } from '../../../src/upstream/map-with-concurrency';

describe('mapWithConcurrency', () => {
  it('keeps results aligned to the items and never has more than `limit` calls pending', async () => {
    let pending = 0;
    let most = 0;
    const results = await mapWithConcurrency([5, 1, 4, 2, 3], 2, async (item, index) => {
      pending++;
      most = Math.max(most, pending);
      // Later items settle first: alignment must not follow completion order.
      for (let turn = 0; turn < item; turn++) await Promise.resolve();
      pending--;
      return `${index}:${item}`;
    });
    expect(results).toEqual(['0:5', '1:1', '2:4', '3:2', '4:3']);
    expect(most).toBe(2);
  });

  it('maps one item and no items, and rejects with the first failure', async () => {
    await expect(mapWithConcurrency(['only'], 8, async (item, index) => `${item}@${index}`)).resolves.toEqual(['only@0']);
    await expect(mapWithConcurrency([], 8, async () => 'never')).resolves.toEqual([]);
    await expect(mapWithConcurrency([1], 8, async () => Promise.reject(new Error('one failed')))).rejects.toThrow('one failed');
    await expect(mapWithConcurrency([1, 2, 3], 0, async (item) => (item === 2 ? Promise.reject(new Error('two failed')) : item))).rejects.toThrow('two failed');
  });
});
