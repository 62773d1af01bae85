import { loadSettings } from '../../src/config';

/** Settings come from the environment; a wrong value stops the start with a message naming the variable. */
describe('settings', () => {
  it('default to one whole-network query at a time and a heap allowed 50 % above its live data', () => {
    const settings = loadSettings({});
    expect(settings.heavyQuerySlots).toBe(1);
    expect(settings.heapGrowthPercent).toBe(70);
    expect(settings.responseCacheBytes).toBe(64 * 1024 * 1024);
    expect(settings.sqliteConnections).toBe(4);
    expect(loadSettings({ SQLITE_CONNECTIONS: '1' }).sqliteConnections).toBe(1);
  });

  it('take 0 to turn the limits off, and other whole numbers as given', () => {
    expect(loadSettings({ HEAVY_QUERY_SLOTS: '0', HEAP_GROWTH_PERCENT: '0' })).toMatchObject({ heavyQuerySlots: 0, heapGrowthPercent: 0 });
    expect(loadSettings({ HEAVY_QUERY_SLOTS: '2', HEAP_GROWTH_PERCENT: '50' })).toMatchObject({ heavyQuerySlots: 2, heapGrowthPercent: 50 });
  });

  it.each([
    ['HEAVY_QUERY_SLOTS', '-1'], ['HEAVY_QUERY_SLOTS', '1.5'], ['HEAVY_QUERY_SLOTS', 'two'], ['HEAVY_QUERY_SLOTS', ''],
    ['HEAP_GROWTH_PERCENT', '-5'], ['HEAP_GROWTH_PERCENT', '50%'], ['HEAP_GROWTH_PERCENT', '5000'],
    ['SQLITE_CONNECTIONS', '0'], ['SQLITE_CONNECTIONS', 'many'],
  ])('refuse %s=%p with a message naming it', (name, value) => {
    expect(() => loadSettings({ [name]: value })).toThrow(new RegExp(`^${name} must be a whole number`));
  });

  it('refuse a response cache size that is not a number of megabytes', () => {
    expect(() => loadSettings({ RESPONSE_CACHE_MB: 'lots' })).toThrow(/^RESPONSE_CACHE_MB must be a number of megabytes/);
  });
});
