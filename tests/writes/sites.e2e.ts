import type { EntityManager } from '@mikro-orm/knex';
import { AccessRole } from '../../src/modules/access/caller';
import { databaseKinds } from '../support/databases';
import { startRegistry, TestRegistry } from '../support/registry';
import { twoRegionNetwork } from '../support/two-region-network';

const CREATE = `mutation($input: CreateSiteInput!) { createSite(input: $input) {
  site { id name kind version organization { name } commune { code } }
  userErrors { field code message }
} }`;
const UPDATE = `mutation($input: UpdateSiteInput!) { updateSite(input: $input) {
  site { id name version organization { name } }
  userErrors { field code message }
} }`;

describe.each(databaseKinds())('keeping reception sites up to date on %s', (kind) => {
  let r: TestRegistry;
  const ids: Record<string, string> = {};
  const num: Record<string, number> = {};
  const tokens: Record<string, string> = {};

  /** Every table a site write may touch, counted: a refusal must leave them all as they were. */
  const snapshot = async () => {
    const knex = (r.orm.em as EntityManager).getKnex();
    const count = async (t: string) => Number((await knex(t).count({ n: '*' }))[0].n);
    return { sites: await count('site'), audit: await count('audit_event'), keys: await count('idempotency_key'), rows: await knex('site').orderBy('id') };
  };

  beforeAll(async () => {
    r = await startRegistry(kind, { network: twoRegionNetwork() });
    const res = await r.query(`{ organizations(filter: { includeDissolved: true }, first: 100) { nodes { id name } } }`);
    for (const o of res.data.organizations.nodes) ids[o.name] = o.id;
    const knex = (r.orm.em as EntityManager).getKnex();
    for (const o of await knex('organization').select('id', 'name')) num[o.name] = Number(o.id);
    tokens.national = (await r.mintToken(AccessRole.NATIONAL, null)).token;
    tokens.armlBretagne = (await r.mintToken(AccessRole.ARML, num['Association régionale des Missions Locales de Bretagne'])).token;
    tokens.mlFougeres = (await r.mintToken(AccessRole.MISSION_LOCALE, num['Mission Locale du Pays de Fougères'])).token;
  });
  afterAll(() => r?.stop());

  const fougeres = () => ids['Mission Locale du Pays de Fougères'];
  const rennes = () => ids['Mission Locale du Bassin d’emploi de Rennes'];
  const caen = () => ids['Mission Locale de Caen'];
  const antenna = (organizationId: string, extra: Record<string, unknown> = {}) => ({ organizationId, kind: 'ANTENNA', name: 'Antenne de test', communeCode: '35115', ...extra });

  it('lets each role add a site where its scope covers the Mission Locale, and audits it', async () => {
    for (const [who, target] of [['national', caen()], ['armlBretagne', rennes()], ['mlFougeres', fougeres()]] as const) {
      const res = await r.query(CREATE, { input: antenna(target, { communeCode: target === caen() ? '14118' : '35115' }) }, tokens[who]);
      expect(res.errors).toBeUndefined();
      expect(res.data.createSite.userErrors).toEqual([]);
      expect(res.data.createSite.site).toMatchObject({ name: 'Antenne de test', kind: 'ANTENNA', version: 1 });
    }
    const knex = (r.orm.em as EntityManager).getKnex();
    const audit = await knex('audit_event').where('operation', 'createSite').orderBy('id');
    expect(audit.map((a: any) => a.actor_role)).toEqual(['NATIONAL', 'ARML', 'MISSION_LOCALE']);
    expect(JSON.parse(audit[0].after_json)).toMatchObject({ name: 'Antenne de test', commune_code: '14118' });
    expect(audit[0].before_json).toBeNull();
  });

  it('refuses callers outside their scope, and writes nothing', async () => {
    const cases: [string | undefined, string, string][] = [
      [undefined, fougeres(), 'UNAUTHENTICATED'],
      [tokens.armlBretagne, caen(), 'FORBIDDEN'],
      [tokens.mlFougeres, rennes(), 'FORBIDDEN'],
      [tokens.mlFougeres, caen(), 'FORBIDDEN'],
      [tokens.armlBretagne, Buffer.from('Organization:999999').toString('base64url'), 'FORBIDDEN'],
    ];
    for (const [token, target, code] of cases) {
      const before = await snapshot();
      const res = await r.query(CREATE, { input: antenna(target) }, token);
      expect(res.errors?.[0].extensions?.code).toBe(code);
      expect(await snapshot()).toEqual(before);
    }
    const guessed = await r.query(CREATE, { input: antenna(Buffer.from('Organization:999999').toString('base64url')) }, tokens.national);
    expect(guessed.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('refuses forged, revoked and malformed tokens with 401', async () => {
    const forged = await r.query(CREATE, { input: antenna(fougeres()) }, 'mlr_' + 'A'.repeat(43));
    expect(forged.status).toBe(401);
    expect(forged.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const { id, token } = await r.mintToken(AccessRole.NATIONAL, null);
    expect(await r.tokens.revoke(id)).toBe(true);
    const revoked = await r.query(CREATE, { input: antenna(fougeres()) }, token);
    expect(revoked.status).toBe(401);
    expect(revoked.errors?.[0].message).toBe('Revoked token');
  });

  it('rejects malformed input at the edge with BAD_USER_INPUT, writing nothing', async () => {
    const bad: Record<string, unknown>[] = [
      { name: '' }, { name: '   ' }, { name: 'x'.repeat(10_000) }, { siret: '32970535400037' }, { siret: 'abc' },
      { communeCode: '3511' }, { postalCode: '353000' }, { latitude: 123 }, { organizationId: 'not an id' },
    ];
    for (const extra of bad) {
      const before = await snapshot();
      const res = await r.query(CREATE, { input: antenna(fougeres(), extra) }, tokens.national);
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(await snapshot()).toEqual(before);
    }
    const unknownEnum = await r.query(CREATE, { input: antenna(fougeres(), { kind: 'CASTLE' }) }, tokens.national);
    expect(unknownEnum.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('answers business rules with typed user errors: second head office, unknown commune, not a Mission Locale', async () => {
    const before = await snapshot();
    const head = await r.query(CREATE, { input: antenna(fougeres(), { kind: 'HEAD_OFFICE' }) }, tokens.national);
    expect(head.data.createSite).toEqual({ site: null, userErrors: [expect.objectContaining({ code: 'HEAD_OFFICE_EXISTS', field: ['input', 'kind'] })] });
    const commune = await r.query(CREATE, { input: antenna(fougeres(), { communeCode: '35999' }) }, tokens.national);
    expect(commune.data.createSite.userErrors.map((e: any) => e.code)).toEqual(['UNKNOWN_COMMUNE']);
    const arml = await r.query(CREATE, { input: antenna(ids['Association régionale des Missions Locales de Bretagne']) }, tokens.national);
    expect(arml.data.createSite.userErrors.map((e: any) => e.code)).toEqual(['NOT_A_MISSION_LOCALE']);
    expect(await snapshot()).toEqual(before);
  });

  it('creates once per idempotency key', async () => {
    const input = antenna(fougeres(), { name: 'Permanence du mardi', idempotencyKey: 'req-42' });
    const first = await r.query(CREATE, { input }, tokens.mlFougeres);
    const before = await snapshot();
    const again = await r.query(CREATE, { input }, tokens.mlFougeres);
    expect(again.data.createSite.site.id).toBe(first.data.createSite.site.id);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a stale version with CONFLICT, and moves a site only with rights on both ends', async () => {
    const created = await r.query(CREATE, { input: antenna(rennes(), { name: 'Antenne à renommer' }) }, tokens.national);
    const site = created.data.createSite.site;
    const renamed = await r.query(UPDATE, { input: { id: site.id, version: 1, name: 'Antenne renommée' } }, tokens.armlBretagne);
    expect(renamed.data.updateSite.site).toMatchObject({ name: 'Antenne renommée', version: 2 });
    const before = await snapshot();
    const stale = await r.query(UPDATE, { input: { id: site.id, version: 1, name: 'Écrasement' } }, tokens.national);
    expect(stale.data.updateSite.userErrors.map((e: any) => e.code)).toEqual(['CONFLICT']);
    const move = await r.query(UPDATE, { input: { id: site.id, version: 2, organizationId: caen() } }, tokens.armlBretagne);
    expect(move.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await snapshot()).toEqual(before);
    const moved = await r.query(UPDATE, { input: { id: site.id, version: 2, organizationId: fougeres() } }, tokens.armlBretagne);
    expect(moved.data.updateSite.site.organization.name).toBe('Mission Locale du Pays de Fougères');
    const audit = await (r.orm.em as EntityManager).getKnex()('audit_event').where({ operation: 'updateSite' }).orderBy('id');
    expect(JSON.parse(audit[audit.length - 1].before_json).name).toBe('Antenne renommée');
  });

  it('lets one of two concurrent edits of the same version win, and tells the other', async () => {
    const created = await r.query(CREATE, { input: antenna(fougeres(), { name: 'Course' }) }, tokens.national);
    const id = created.data.createSite.site.id;
    const [a, b] = await Promise.all(['A', 'B'].map((name) => r.query(UPDATE, { input: { id, version: 1, name } }, tokens.national)));
    const outcomes = [a, b].map((x) => (x.data.updateSite.userErrors[0]?.code ?? 'OK')).sort();
    expect(outcomes).toEqual(['CONFLICT', 'OK']);
  });
});

describe.each(databaseKinds())('reading the audit trail on %s', (kind) => {
  it('shows a site’s history to scopes that cover it, and the whole log to the secretariat only', async () => {
    const r = await startRegistry(kind, { network: twoRegionNetwork() });
    try {
      const knex = (r.orm.em as EntityManager).getKnex();
      const orgId = async (name: string) => Number((await knex('organization').where({ name }).first()).id);
      const national = (await r.mintToken(AccessRole.NATIONAL, null)).token;
      const bzh = (await r.mintToken(AccessRole.ARML, await orgId('Association régionale des Missions Locales de Bretagne'))).token;
      const caen = (await r.mintToken(AccessRole.MISSION_LOCALE, await orgId('Mission Locale de Caen'))).token;
      const fougeres = (await r.query(`{ organizations(filter: { search: "fougeres" }) { nodes { id } } }`)).data.organizations.nodes[0].id;
      const created = await r.query(CREATE, { input: { organizationId: fougeres, kind: 'ANTENNA', name: 'Antenne auditée', communeCode: '35115' } }, national);
      const site = created.data.createSite.site;
      await r.query(UPDATE, { input: { id: site.id, version: 1, name: 'Antenne auditée (renommée)' } }, bzh);

      const history = `query($id: ID!) { node(id: $id) { ... on Site { history { totalCount nodes { operation actorRole before after } } } } }`;
      const seen = await r.query(history, { id: site.id }, bzh);
      expect(seen.errors).toBeUndefined();
      expect(seen.data.node.history.nodes.map((e: any) => [e.operation, e.actorRole])).toEqual([['createSite', 'NATIONAL'], ['updateSite', 'ARML']]);
      expect(JSON.parse(seen.data.node.history.nodes[1].after).name).toBe('Antenne auditée (renommée)');
      expect((await r.query(history, { id: site.id }, caen)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await r.query(history, { id: site.id })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');

      const log = `{ auditLog(filter: { entityType: "Site" }) { totalCount nodes { operation } } }`;
      expect((await r.query(log, {}, national)).data.auditLog).toEqual({ totalCount: 2, nodes: [{ operation: 'updateSite' }, { operation: 'createSite' }] });
      expect((await r.query(log, {}, bzh)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    } finally {
      await r.stop();
    }
  });
});
