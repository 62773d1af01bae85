import { databaseKinds } from '../support/databases';
import { startRegistry, TestRegistry } from '../support/registry';
import { tinyConventions } from '../support/tiny-conventions';
import { tinyNetwork } from '../support/tiny-network';

describe.each(databaseKinds())('an ARML officer tracks the conventions it signs, on %s', (kind) => {
  let registry: TestRegistry;
  let armlId: string;
  beforeAll(async () => {
    registry = await startRegistry(kind, { network: tinyNetwork(), conventions: tinyConventions() });
    const res = await registry.query(`{ organizations(filter: { kinds: [ARML] }) { nodes { id } } }`);
    armlId = res.data.organizations.nodes[0].id;
  });
  afterAll(() => registry?.stop());

  it('lists its conventions by status, and those in force on a date', async () => {
    const res = await registry.query(`query($id: ID!) { organization(id: $id) {
      expired: conventions(filter: { statuses: [EXPIRED] }) { totalCount nodes { title } }
      in2019: conventions(filter: { inForceOn: "2019-06-01" }) { nodes { title status } }
      in2017: conventions(filter: { inForceOn: "2017-06-01" }) { totalCount }
    } }`, { id: armlId });
    expect(res.errors).toBeUndefined();
    expect(res.data.organization.expired.totalCount).toBe(2);
    expect(res.data.organization.in2019.nodes).toEqual([{ title: 'CPO État–ARML Bretagne 2018-2020', status: 'EXPIRED' }]);
    expect(res.data.organization.in2017.totalCount).toBe(0);
  });

  it('sees the conventions expiring within N days, across the network or in its region', async () => {
    const res = await registry.query(`{
      network: conventions(filter: { expiringWithinDays: 60, from: "2026-11-22" }) { nodes { title endDate } }
      region: conventions(filter: { expiringWithinDays: 30, from: "2026-11-22", regionCode: "53" }) { nodes { title } }
      none: conventions(filter: { expiringWithinDays: 10, from: "2026-11-22" }) { totalCount }
    }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.network.nodes).toEqual([
      { title: 'Déclinaison bretonne de l’accord-cadre France Travail', endDate: '2026-12-15' },
      { title: 'Accord-cadre UNML – France Travail', endDate: '2026-12-31' },
    ]);
    expect(res.data.region.nodes).toEqual([{ title: 'Déclinaison bretonne de l’accord-cadre France Travail' }]);
    expect(res.data.none.totalCount).toBe(0);
  });

  it('totals funding exactly to the cent, by financer, year and axis, for a convention, an ARML or the network', async () => {
    const res = await registry.query(`query($id: ID!) {
      byYear: fundingTotals(filter: { partyId: $id }, groupBy: [YEAR]) { year amount lines }
      byFinancer: fundingTotals(groupBy: [FINANCER]) { financer { name } amount }
      all: fundingTotals(groupBy: []) { amount lines }
      byAxis: fundingTotals(filter: { kinds: [CPO_STATE_ARML] }, groupBy: [YEAR, AXIS]) { year axis amount }
    }`, { id: armlId });
    expect(res.errors).toBeUndefined();
    expect(res.data.byYear).toEqual([
      { year: 2018, amount: '133333.48', lines: 3 }, { year: 2019, amount: '100000.10', lines: 1 }, { year: 2023, amount: '120000.00', lines: 1 },
    ]);
    expect(res.data.all).toEqual([{ amount: '353333.58', lines: 5 }]);
    expect(res.data.byFinancer).toContainEqual({ financer: { name: 'Conseil régional de Bretagne' }, amount: '33333.33' });
    expect(res.data.byAxis).toContainEqual({ year: 2018, axis: '2', amount: '0.05' });
    expect(res.data.byAxis).toContainEqual({ year: 2023, axis: null, amount: '120000.00' });
  });

  it('reads a CPO whole: parties, objectives by axis with actions, funding, status history, renewal', async () => {
    const res = await registry.query(`{ conventions(filter: { search: "cpo bretagne 2018" }) { nodes {
      kind reference fundingTotal parties { role organization { name } }
      objectives { axis code title actions { title startDate endDate } }
      statusHistory { status date } documents { reference } renewedBy { title } renews { title }
    } } }`);
    expect(res.errors).toBeUndefined();
    const cpo = res.data.conventions.nodes[0];
    expect(cpo.fundingTotal).toBe('233333.58');
    expect(cpo.parties).toHaveLength(6);
    expect(cpo.objectives.map((o: any) => o.code)).toEqual(['1.1', '2']);
    expect(cpo.objectives[0].actions).toEqual([{ title: 'Rencontres des directeurs', startDate: '2018-02-01', endDate: '2018-12-31' }]);
    expect(cpo.statusHistory.map((s: any) => s.status)).toEqual(['DRAFT', 'IN_NEGOTIATION', 'SIGNED', 'IN_FORCE', 'EXPIRED']);
    expect(cpo.renewedBy).toEqual([{ title: 'CPO État–ARML Bretagne 2023-2025' }]);
    expect(cpo.renews).toBeNull();
  });

  it('knows which ARML declined a national convention and which did not', async () => {
    const res = await registry.query(`{ conventions(filter: { kinds: [NATIONAL_PARTNERSHIP] }) { nodes {
      title declinedBy { name } notDeclinedBy { name } declinations { title nationalConvention { title } }
    } } }`);
    expect(res.errors).toBeUndefined();
    const [national] = res.data.conventions.nodes;
    expect(national.declinedBy).toEqual([{ name: 'Association régionale des Missions Locales de Bretagne' }]);
    expect(national.notDeclinedBy).toEqual([]);
    expect(national.declinations[0].nationalConvention.title).toBe(national.title);
  });

  it('shows a partner’s conventions and partnerships across the network', async () => {
    const res = await registry.query(`{ organizations(filter: { search: "france travail" }) { nodes {
      conventions { nodes { title } }
      partnerships { nodes { scope theme networkOrganization { name } conventions { title } } }
    } } }`);
    expect(res.errors).toBeUndefined();
    const ft = res.data.organizations.nodes[0];
    expect(ft.conventions.nodes.map((c: any) => c.title).sort()).toEqual(['Accord-cadre UNML – France Travail', 'Déclinaison bretonne de l’accord-cadre France Travail']);
    expect(ft.partnerships.nodes).toHaveLength(2);
    expect(ft.partnerships.nodes.find((p: any) => p.scope === 'NATIONAL').conventions).toEqual([{ title: 'Accord-cadre UNML – France Travail' }]);
  });

  it('refuses bad filters clearly', async () => {
    const bad = await registry.query(`{ conventions(filter: { expiringWithinDays: 0 }) { totalCount } }`);
    expect(bad.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    const wrongId = await registry.query(`query($id: ID!) { conventions(filter: { partyId: $id }) { totalCount } }`, { id: 'UmVnaW9uOjUz' });
    expect(wrongId.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(wrongId.errors![0].message).toMatch(/partyId is not a Organization id/);
  });
});
