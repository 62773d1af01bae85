import { databaseKinds } from '../support/databases';
import { bundle } from '../support/bundled';
import { startRegistry } from '../support/registry';

/** The ARML conventions dashboard: 15 ARML × their conventions × parties × funding totals. */
export const ARML_DASHBOARD = /* GraphQL */ `
  query ArmlDashboard {
    organizations(filter: { kinds: [ARML] }, first: 100) {
      nodes {
        name
        conventions(first: 50, orderBy: { field: END_DATE, direction: DESC }) {
          totalCount
          nodes { title kind status startDate endDate fundingTotal parties { role organization { name kind } } }
        }
      }
    }
  }`;

describe.each(databaseKinds())('SQL statements of the ARML conventions dashboard on %s', (kind) => {
  it('stay the same on the bundled network and on one ten times larger', async () => {
    const counts: number[] = [];
    for (const scale of [1, 10]) {
      const registry = await startRegistry(kind, bundle(scale));
      try {
        const { result, statements } = await registry.countSql(() => registry.query(ARML_DASHBOARD));
        expect(result.errors).toBeUndefined();
        const armls = result.data.organizations.nodes;
        expect(armls).toHaveLength(15);
        expect(armls.every((a: any) => a.conventions.totalCount > 0)).toBe(true);
        expect(armls.every((a: any) => a.conventions.nodes.every((c: any) => /^\d+\.\d{2}$/.test(c.fundingTotal) && c.parties.length >= 1))).toBe(true);
        counts.push(statements.length);
        process.stdout.write(`ARML conventions dashboard on ${kind}, ${scale}x network: ${statements.length} SQL statements\n`);
      } finally {
        await registry.stop();
      }
    }
    expect(counts[1]).toBe(counts[0]);
  });
});
