import type { EntityManager } from '@mikro-orm/knex';
import { AccessRole } from '../../src/modules/access/caller';
import { startRegistry, TestRegistry } from '../support/registry';
import { twoRegionNetwork } from '../support/two-region-network';

const CREATE = `mutation($input: CreateSiteInput!) { createSite(input: $input) { site { name } userErrors { code } } }`;
const READ = `query($id: ID!) { organization(id: $id) { name sites { totalCount } governingBodies { composition { totalCount } } } }`;

/**
 * The SQLite file is reached through several connections (SQLITE_CONNECTIONS, 4 here as by default):
 * reads run side by side, and this server's write transactions take turns, so that none fails on a
 * lock taken by another (SQLite refuses at once a transaction that read before another one wrote).
 */
describe('several connections to the SQLite file', () => {
  let r: TestRegistry;
  let token: string;
  let target: { id: string; num: number };
  beforeAll(async () => {
    r = await startRegistry('sqlite', { network: twoRegionNetwork() });
    const knex = (r.orm.em as EntityManager).getKnex();
    const row = await knex('organization').where('name', 'Mission Locale de Caen').first('id');
    const res = await r.query(`{ organizations(first: 100) { nodes { id name } } }`);
    target = { id: res.data.organizations.nodes.find((o: { name: string }) => o.name === 'Mission Locale de Caen').id, num: Number(row.id) };
    token = (await r.mintToken(AccessRole.NATIONAL, null)).token;
  });
  afterAll(() => r?.stop());

  it('opens more than one connection and answers concurrent writes and reads, every write applied once', async () => {
    const knex = (r.orm.em as EntityManager).getKnex();
    const sitesBefore = Number((await knex('site').where('organization_id', target.num).count({ n: '*' }))[0].n);
    const writes = Array.from({ length: 12 }, (_, i) =>
      r.query(CREATE, { input: { organizationId: target.id, kind: 'ANTENNA', name: `Antenne ${i}`, communeCode: '14118' } }, token));
    const reads = Array.from({ length: 12 }, () => r.query(READ, { id: target.id }));
    const [written, read] = await Promise.all([Promise.all(writes), Promise.all(reads)]);

    expect(written.map((w) => [w.errors, w.data?.createSite.userErrors])).toEqual(written.map(() => [undefined, []]));
    expect(read.every((q) => q.errors === undefined && q.data.organization.name === 'Mission Locale de Caen')).toBe(true);
    expect(Number((await knex('site').where('organization_id', target.num).count({ n: '*' }))[0].n)).toBe(sitesBefore + 12);
    const answered = await r.query(READ, { id: target.id });
    expect(answered.data.organization.sites.totalCount).toBe(sitesBefore + 12);
    // The pool grew beyond its first connection to serve the reads beside the writes.
    const pool = (knex.client as unknown as { pool: { numUsed(): number; numFree(): number } }).pool;
    expect(pool.numUsed() + pool.numFree()).toBeGreaterThan(1);
  });
});
