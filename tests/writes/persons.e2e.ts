import type { EntityManager } from '@mikro-orm/knex';
import { AccessRole } from '../../src/modules/access/caller';
import { databaseKinds } from '../support/databases';
import { emptyBoards } from '../support/empty-boards';
import { startRegistry, TestRegistry } from '../support/registry';
import { twoRegionNetwork } from '../support/two-region-network';

const FIELDS = 'person { id version givenName familyName publicRoles { kind label } contacts { kind value } } userErrors { code field }';

describe.each(databaseKinds())('recording persons, their roles and private contacts on %s', (kind) => {
  let r: TestRegistry;
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    r = await startRegistry(kind, { network: twoRegionNetwork(), governance: emptyBoards() });
    const knex = (r.orm.em as EntityManager).getKnex();
    const id = async (name: string) => Number((await knex('organization').where({ name }).first()).id);
    tokens.national = (await r.mintToken(AccessRole.NATIONAL, null)).token;
    tokens.caen = (await r.mintToken(AccessRole.MISSION_LOCALE, await id('Mission Locale de Caen'))).token;
    tokens.fougeres = (await r.mintToken(AccessRole.MISSION_LOCALE, await id('Mission Locale du Pays de Fougères'))).token;
  });
  afterAll(() => r?.stop());

  it('lets a Mission Locale record a new person, give them a role and contacts, and nobody else change them', async () => {
    const created = await r.query(`mutation { createPerson(input: { givenName: "Gaëlle", familyName: "Le Goff", idempotencyKey: "p-1" }) { ${FIELDS} } }`, {}, tokens.fougeres);
    const p = created.data.createPerson.person;
    expect(p).toMatchObject({ version: 1, givenName: 'Gaëlle', familyName: 'Le Goff', contacts: [] });
    const role = await r.query(`mutation($id: ID!) { addPublicRole(input: { personId: $id, version: 1, kind: DEPUTY_MAYOR, label: "Adjointe au maire de Fougères", territoryCode: "35115", startDate: "2020-07-01" }) { ${FIELDS} } }`, { id: p.id }, tokens.fougeres);
    expect(role.data.addPublicRole.person.publicRoles).toEqual([{ kind: 'DEPUTY_MAYOR', label: 'Adjointe au maire de Fougères' }]);
    const contacts = await r.query(`mutation($id: ID!) { setPersonContacts(input: { personId: $id, version: 2, contacts: [{ kind: "EMAIL", value: "g.legoff@example.org" }] }) { ${FIELDS} } }`, { id: p.id }, tokens.fougeres);
    expect(contacts.data.setPersonContacts.userErrors).toEqual([]);
    expect(contacts.data.setPersonContacts.person.version).toBe(3);

    const foreign = await r.query(`mutation($id: ID!) { addPublicRole(input: { personId: $id, version: 3, kind: MAYOR, label: "x" }) { ${FIELDS} } }`, { id: p.id }, tokens.caen);
    expect(foreign.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const anonymous = await r.query(`mutation { createPerson(input: { givenName: "A", familyName: "B" }) { ${FIELDS} } }`);
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const badMail = await r.query(`mutation($id: ID!) { setPersonContacts(input: { personId: $id, version: 3, contacts: [{ kind: "EMAIL", value: "not-an-address" }] }) { ${FIELDS} } }`, { id: p.id }, tokens.fougeres);
    expect(badMail.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const stale = await r.query(`mutation($id: ID!) { addPublicRole(input: { personId: $id, version: 1, kind: MAYOR, label: "Maire" }) { ${FIELDS} } }`, { id: p.id }, tokens.national);
    expect(stale.data.addPublicRole.userErrors.map((e: any) => e.code)).toEqual(['CONFLICT']);

    const audit = await (r.orm.em as EntityManager).getKnex()('audit_event').where({ operation: 'setPersonContacts' }).first();
    expect(audit.after_json).not.toContain('g.legoff@example.org');
    const seen = await r.query(`query($id: ID!) { node(id: $id) { ... on Person { contacts { value } } } }`, { id: p.id }, tokens.caen);
    expect(seen.data.node.contacts).toBeNull();
  });
});

describe.each(databaseKinds())('the history of any record on %s', (kind) => {
  it('is there on every kind of node, for the scopes that cover it', async () => {
    const r = await startRegistry(kind, { network: twoRegionNetwork(), governance: emptyBoards() });
    try {
      const national = (await r.mintToken(AccessRole.NATIONAL, null)).token;
      const knex = (r.orm.em as EntityManager).getKnex();
      const caen = (await r.mintToken(AccessRole.MISSION_LOCALE, Number((await knex('organization').where({ name: 'Mission Locale de Caen' }).first()).id))).token;
      const p = (await r.query(`mutation { createPerson(input: { givenName: "Hervé", familyName: "Tanguy" }) { person { id } } }`, {}, national)).data.createPerson.person;
      const q = `query($id: ID!) { node(id: $id) { ... on Person { history { nodes { operation actorRole } } } } }`;
      expect((await r.query(q, { id: p.id }, national)).data.node.history.nodes).toEqual([{ operation: 'createPerson', actorRole: 'NATIONAL' }]);
      expect((await r.query(q, { id: p.id }, caen)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const body = (await r.query(`{ governingBodies { nodes { id history { totalCount } } } }`, {}, national)).data.governingBodies.nodes[0];
      expect(body.history.totalCount).toBe(0);
    } finally {
      await r.stop();
    }
  });
});
