import { databaseKinds } from '../support/databases';
import { bundle } from '../support/bundled';
import { startRegistry } from '../support/registry';

/** The composition of all 15 ARML boards, with members' mandates and public roles. */
export const ARML_BOARDS = /* GraphQL */ `
  query ArmlBoards {
    governingBodies(filter: { kinds: [BOARD], organizationKinds: [ARML] }, first: 100) {
      totalCount
      nodes {
        name organization { name }
        composition(first: 100) {
          totalCount
          nodes {
            role startDate post { kind label } college { number }
            person { givenName familyName publicRoles { kind label } mandates(first: 100) { totalCount nodes { post { kind } body { name } } } }
          }
        }
      }
    }
  }`;

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

describe.each(databaseKinds())('SQL statements of the big governance and convention reads on %s', (kind) => {
  it('stay the same on the bundled network and on one ten times larger', async () => {
    const counts: Record<string, number[]> = { boards: [], dashboard: [] };
    for (const scale of [1, 10]) {
      const registry = await startRegistry(kind, bundle(scale));
      try {
        for (const [name, query] of [['boards', ARML_BOARDS], ['dashboard', ARML_DASHBOARD]] as const) {
          const { result, statements } = await registry.countSql(() => registry.query(query));
          expect(result.errors).toBeUndefined();
          counts[name].push(statements.length);
          process.stdout.write(`${name} on ${kind}, ${scale}x network: ${statements.length} SQL statements\n`);
        }
        const boards = (await registry.query(ARML_BOARDS)).data.governingBodies;
        expect(boards.totalCount).toBe(15);
        expect(boards.nodes.every((b: any) => b.composition.totalCount > 0)).toBe(true);
        const dashboard = (await registry.query(ARML_DASHBOARD)).data.organizations.nodes;
        expect(dashboard).toHaveLength(15);
        expect(dashboard.filter((a: any) => a.conventions.totalCount > 0).length).toBe(15);
      } finally {
        await registry.stop();
      }
    }
    expect(counts.boards[1]).toBe(counts.boards[0]);
    expect(counts.dashboard[1]).toBe(counts.dashboard[0]);
  });
});
