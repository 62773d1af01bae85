import type { EntityManager } from '@mikro-orm/knex';
import { AccessRole } from '../../src/modules/access/caller';
import { databaseKinds } from '../support/databases';
import { startRegistry, TestRegistry } from '../support/registry';
import { twoRegionNetwork } from '../support/two-region-network';

const UPDATE = `mutation($input: UpdateOrganizationInput!) { updateOrganization(input: $input) {
  organization { name version website formerNames { name validUntil } } userErrors { code field }
} }`;
const COVERAGE = `mutation($input: ChangeCoverageInput!) { changeCoverage(input: $input) {
  organization { version communes { nodes { code } } } userErrors { code field }
} }`;

describe.each(databaseKinds())('keeping structures and their territory up to date on %s', (kind) => {
  let r: TestRegistry;
  const id: Record<string, string> = {};
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    r = await startRegistry(kind, { network: twoRegionNetwork() });
    for (const o of (await r.query(`{ organizations(first: 100) { nodes { id name } } }`)).data.organizations.nodes) id[o.name] = o.id;
    const knex = (r.orm.em as EntityManager).getKnex();
    const num = async (name: string) => Number((await knex('organization').where({ name }).first()).id);
    tokens.bzh = (await r.mintToken(AccessRole.ARML, await num('Association régionale des Missions Locales de Bretagne'))).token;
    tokens.caen = (await r.mintToken(AccessRole.MISSION_LOCALE, await num('Mission Locale de Caen'))).token;
  });
  afterAll(() => r?.stop());

  it('renames a Mission Locale keeping its former name, within the ARML’s region only', async () => {
    const fougeres = id['Mission Locale du Pays de Fougères'];
    const noDate = await r.query(UPDATE, { input: { id: fougeres, version: 1, name: 'Mission Locale du Pays de Fougères et de Vitré' } }, tokens.bzh);
    expect(noDate.data.updateOrganization.userErrors.map((e: any) => e.code)).toEqual(['RENAMED_ON_REQUIRED']);
    const ok = await r.query(UPDATE, { input: { id: fougeres, version: 1, name: 'Mission Locale du Pays de Fougères et de Vitré', renamedOn: '2026-07-01', website: 'https://ml-fougeres.example.org' } }, tokens.bzh);
    expect(ok.data.updateOrganization.organization).toEqual({
      name: 'Mission Locale du Pays de Fougères et de Vitré', version: 2, website: 'https://ml-fougeres.example.org',
      formerNames: [{ name: 'Mission Locale du Pays de Fougères', validUntil: '2026-07-01' }],
    });
    expect((await r.query(`{ organizations(filter: { search: "fougeres vitre" }) { totalCount } }`)).data.organizations.totalCount).toBe(1);
    expect((await r.query(UPDATE, { input: { id: id['Mission Locale de Caen'], version: 1, website: 'https://x.example.org' } }, tokens.bzh)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await r.query(UPDATE, { input: { id: fougeres, version: 2, website: 'not a url' } }, tokens.bzh)).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('moves communes between coverages from a date, keeping who covered them before', async () => {
    const caen = id['Mission Locale de Caen'];
    const refused = await r.query(COVERAGE, { input: { organizationId: caen, version: 1, date: '2026-09-01', add: ['14118', '99999', '75056'], remove: ['14047'] } }, tokens.caen);
    expect(refused.data.changeCoverage.userErrors.map((e: any) => e.code)).toEqual(['UNKNOWN_COMMUNE', 'COMMUNE_NOT_COVERABLE', 'ALREADY_COVERED', 'NOT_COVERED']);
    const ok = await r.query(COVERAGE, { input: { organizationId: caen, version: 1, date: '2026-09-01', add: ['14047'], remove: ['14118'] } }, tokens.caen);
    expect(ok.data.changeCoverage.userErrors).toEqual([]);
    expect(ok.data.changeCoverage.organization.communes.nodes).toEqual([{ code: '14047' }]);
    const dates = await r.query(`{ c: commune(code: "14118") { now: missionsLocales(asOf: "2026-10-01") { name } before: missionsLocales(asOf: "2026-08-01") { name } }
      b: commune(code: "14047") { now: missionsLocales(asOf: "2026-10-01") { name } } }`);
    expect(dates.data).toEqual({ c: { now: [], before: [{ name: 'Mission Locale de Caen' }] }, b: { now: [{ name: 'Mission Locale de Caen' }] } });
  });
});
