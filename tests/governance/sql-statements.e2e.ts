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

/** The network map with every Mission Locale's president and bodies (the bench's W4). */
const MAP_WITH_BOARDS = /* GraphQL */ `
  query MapWithBoards {
    unml { members(first: 100) { nodes { name members(first: 100) { totalCount nodes {
      name communes { totalCount } sites { totalCount } president { familyName }
      governingBodies { kind composition(first: 100) { totalCount nodes { role post { kind } person { familyName } } } }
    } } } } }
  }`;

describe.each(databaseKinds())('SQL statements of the 15 ARML boards, and of the map with every board, on %s', (kind) => {
  it('stay the same on the bundled network and on one ten times larger', async () => {
    const counts: number[] = [];
    const mapCounts: number[] = [];
    for (const scale of [1, 10]) {
      const registry = await startRegistry(kind, bundle(scale));
      try {
        const { result, statements } = await registry.countSql(() => registry.query(ARML_BOARDS));
        expect(result.errors).toBeUndefined();
        expect(result.data.governingBodies.totalCount).toBe(15);
        expect(result.data.governingBodies.nodes.every((b: any) => b.composition.totalCount > 0)).toBe(true);
        counts.push(statements.length);
        process.stdout.write(`15 ARML boards on ${kind}, ${scale}x network: ${statements.length} SQL statements\n`);
        await registry.query('{ regions { totalCount } }'); // regions and départements are read once per process
        const map = await registry.countSql(() => registry.query(MAP_WITH_BOARDS));
        expect(map.result.errors).toBeUndefined();
        const armls = map.result.data.unml.members.nodes;
        expect(armls.reduce((n: number, a: any) => n + a.members.totalCount, 0)).toBe(437 * scale);
        const shown = armls.flatMap((a: any) => a.members.nodes); // 100 per ARML at most
        expect(shown.filter((ml: any) => ml.president !== null).length).toBeGreaterThan(0.9 * shown.length);
        mapCounts.push(map.statements.length);
        process.stdout.write(`network map with every board on ${kind}, ${scale}x network: ${map.statements.length} SQL statements\n`);
      } finally {
        await registry.stop();
      }
    }
    expect(counts[1]).toBe(counts[0]);
    expect(mapCounts[1]).toBe(mapCounts[0]);
    expect(mapCounts[0]).toBeLessThanOrEqual(8); // members with their organizations, mandates with their posts and holders
  });
});
