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

describe.each(databaseKinds())('SQL statements of the 15 ARML boards on %s', (kind) => {
  it('stay the same on the bundled network and on one ten times larger', async () => {
    const counts: number[] = [];
    for (const scale of [1, 10]) {
      const registry = await startRegistry(kind, bundle(scale));
      try {
        const { result, statements } = await registry.countSql(() => registry.query(ARML_BOARDS));
        expect(result.errors).toBeUndefined();
        expect(result.data.governingBodies.totalCount).toBe(15);
        expect(result.data.governingBodies.nodes.every((b: any) => b.composition.totalCount > 0)).toBe(true);
        counts.push(statements.length);
        process.stdout.write(`15 ARML boards on ${kind}, ${scale}x network: ${statements.length} SQL statements\n`);
      } finally {
        await registry.stop();
      }
    }
    expect(counts[1]).toBe(counts[0]);
  });
});
