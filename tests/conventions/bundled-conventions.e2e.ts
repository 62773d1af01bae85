import { databaseKinds } from '../support/databases';
import { bundle } from '../support/bundled';
import { startRegistry, TestRegistry } from '../support/registry';

describe.each(databaseKinds())('the bundled conventions an ARML officer finds on %s', (kind) => {
  let r: TestRegistry;
  beforeAll(async () => {
    r = await startRegistry(kind, bundle());
  });
  afterAll(() => r?.stop());

  it('has one CPO État–ARML 2018-2020 per ARML of the time, with the instruction’s axes, State and regional parties', async () => {
    const res = await r.query(`{ conventions(filter: { kinds: [CPO_STATE_ARML], inForceOn: "2019-06-01" }, first: 100) {
      totalCount nodes { startDate endDate status provenance { status } fundingTotal objectives { axis code }
        parties { role organization { kind partnerCategory } } fundingLines { provenance { status } } documents { reference } } } }`);
    expect(res.errors).toBeUndefined();
    const cpos = res.data.conventions.nodes;
    expect(res.data.conventions.totalCount).toBe(14); // Antilles-Guyane was created in 2022
    for (const c of cpos) {
      expect([c.startDate, c.endDate, c.status]).toEqual(['2018-01-01', '2020-12-31', 'EXPIRED']);
      expect(c.objectives.map((o: any) => o.code)).toEqual(['1.1', '1.2', '1.3', '2', '3.1', '3.2', '3.3', '4.1', '4.2']);
      expect(c.parties.some((p: any) => p.role === 'SIGNATORY' && p.organization.kind === 'ARML')).toBe(true);
      expect(c.parties.some((p: any) => p.role === 'FINANCER' && p.organization.partnerCategory === 'STATE_SERVICE')).toBe(true);
      expect(c.fundingLines.every((f: any) => f.provenance.status === 'ILLUSTRATIVE')).toBe(true);
      expect(c.documents.map((d: any) => d.reference).join()).toMatch(/MTRD1733648J|DGEFP\/SDPAE\/2017\/331/);
    }
  });

  it('answers the officer’s everyday questions', async () => {
    const res = await r.query(`{
      expiring: conventions(filter: { expiringWithinDays: 60, from: "2026-11-22" }) { totalCount nodes { endDate } }
      negotiating: conventions(filter: { statuses: [IN_NEGOTIATION] }) { totalCount }
      national: conventions(filter: { kinds: [NATIONAL_PARTNERSHIP] }) { nodes { declinedBy { name } notDeclinedBy { name } } }
      network: fundingTotals(groupBy: [YEAR]) { year amount }
    }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.expiring.totalCount).toBeGreaterThan(0);
    expect(res.data.expiring.nodes.every((c: any) => c.endDate >= '2026-11-22' && c.endDate <= '2027-01-21')).toBe(true);
    expect(res.data.negotiating.totalCount).toBeGreaterThan(0);
    for (const n of res.data.national.nodes) expect(n.declinedBy.length + n.notDeclinedBy.length).toBeGreaterThanOrEqual(15);
    expect(res.data.national.nodes.some((n: any) => n.declinedBy.length > 0)).toBe(true);
    expect(res.data.network.map((t: any) => t.year)).toEqual(expect.arrayContaining([2018, 2019, 2020, 2023]));
    expect(res.data.network.every((t: any) => /^\d+\.\d{2}$/.test(t.amount))).toBe(true);
  });
});
