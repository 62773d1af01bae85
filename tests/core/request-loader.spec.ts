import { Loaders } from '../../src/graphql/context';

/** Records read by a join are remembered by the loader by key: loading them costs no batch (no SQL statement). */
describe('request loaders', () => {
  it('answers remembered keys without a batch, batches the others, keeps the first record remembered', async () => {
    const batches: number[][] = [];
    const loader = new Loaders().get('thing.byId', async (ids: readonly number[]) => {
      batches.push([...ids]);
      return ids.map((id) => ({ id, from: 'batch' }));
    });
    loader.remember(1, { id: 1, from: 'join' });
    loader.remember(1, { id: 1, from: 'second join' });
    loader.remember(2, { id: 2, from: 'join' });
    expect(loader.recalled(1)).toEqual({ id: 1, from: 'join' });
    expect(loader.recalled(3)).toBeUndefined();

    expect(await Promise.all([loader.load(1), loader.load(2)])).toEqual([{ id: 1, from: 'join' }, { id: 2, from: 'join' }]);
    expect(batches).toEqual([]);
    expect(await loader.loadMany([2, 3, 4])).toEqual([{ id: 2, from: 'join' }, { id: 3, from: 'batch' }, { id: 4, from: 'batch' }]);
    expect(batches).toEqual([[3, 4]]);
  });
});
