import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import { ResponseCache } from '../../src/http/response-cache';

/** An answer of `n` UTF-8 bytes holding an en dash, so that as a JS string it would be a two-byte one. */
const answer = (n: number) => Buffer.from(`{"name":"Mission Locale –${'x'.repeat(n - 29)}"}`);

/** The cache's budget counts the bytes it sends, not the JS string they came from (twice as many for a two-byte string). */
describe('the response cache budget', () => {
  let dir: string;
  let cache: ResponseCache;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'response-cache-'));
    const file = join(dir, 'generation.sqlite');
    await new Promise<void>((resolve, reject) => {
      const db = new sqlite3.Database(file);
      db.exec('create table t (x integer)', (err) => db.close(() => (err ? reject(err) : resolve())));
    });
    // Room for four answers of 10,000 bytes (with their 43-character keys), not for two as UTF-16 strings.
    cache = new ResponseCache({ sqliteFile: file }, 41_000);
  });
  afterAll(async () => {
    await cache?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps answers within its budget of sent bytes, forgetting the least recently used first', async () => {
    const keys = await Promise.all(['a', 'b', 'c', 'd', 'e'].map((q) => cache.keyOf(`{"query":"${q}"}`, 'application/json')));
    const bodies = keys.map(() => answer(10_000));
    expect(bodies[0].length).toBe(10_000);
    expect(bodies[0].toString('utf8').length).toBe(9_998); // the dash is 3 bytes, 1 character (2 bytes in a two-byte string)

    for (const [i, key] of keys.slice(0, 4).entries()) cache.set(key, { body: bodies[i], contentType: 'application/json', operationName: null });
    expect(cache.size).toEqual({ entries: 4, bytes: 4 * (10_000 + keys[0].length) });
    expect(cache.get(keys[0])?.body).toBe(bodies[0]); // the very bytes, written again as they are

    cache.set(keys[4], { body: bodies[4], contentType: 'application/json', operationName: 'Fifth' });
    expect(cache.size.entries).toBe(4);
    expect(cache.get(keys[1])).toBeUndefined(); // least recently used: keys[0] was read since
    expect(cache.get(keys[0])?.body).toBe(bodies[0]);
    expect(cache.get(keys[4])?.operationName).toBe('Fifth');

    // An answer over a quarter of the budget is never kept.
    const big = await cache.keyOf('{"query":"big"}', 'application/json');
    cache.set(big, { body: answer(10_300), contentType: 'application/json', operationName: null });
    expect(cache.get(big)).toBeUndefined();
  });
});
