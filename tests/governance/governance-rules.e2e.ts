import { databaseKinds } from '../support/databases';
import { startRegistry, TestRegistry } from '../support/registry';
import { tinyGovernance } from '../support/tiny-governance';
import { tinyNetwork } from '../support/tiny-network';

const CHECK = `query($asOf: Date) { governanceIssues(asOf: $asOf) {
  asOf mandatesChecked rulesChecked
  issues { rule message persons { familyName } organizations { name } mandates { id startDate } body { name } post { label } }
} }`;

describe.each(databaseKinds())('the national secretariat checks governance rules on %s', (kind) => {
  let registry: TestRegistry;
  beforeAll(async () => {
    registry = await startRegistry(kind, { network: tinyNetwork(), governance: tinyGovernance() });
  });
  afterAll(() => registry?.stop());

  it('finds nothing wrong on a date when the fixture complies', async () => {
    const res = await registry.query(CHECK, { asOf: '2025-06-01' });
    expect(res.errors).toBeUndefined();
    expect(res.data.governanceIssues.mandatesChecked).toBe(4);
    expect(res.data.governanceIssues.rulesChecked).toHaveLength(7);
    expect(res.data.governanceIssues.issues).toEqual([]);
  });

  it('catches each broken rule once, naming the records involved', async () => {
    const res = await registry.query(CHECK, { asOf: '2026-06-01' });
    expect(res.errors).toBeUndefined();
    const issues = res.data.governanceIssues.issues;
    expect(issues.map((i: any) => i.rule).sort()).toEqual([
      'ARML_PRESIDENT_NOT_ML_BOARD_MEMBER', 'DIRECTORS_COMMITTEE_MEMBER_NOT_DIRECTOR', 'MANDATE_OUTSIDE_TERM',
      'ML_PRESIDENT_NOT_ELECTED', 'SEATS_EXCEEDED', 'SINGLE_SEAT_OVERLAP', 'UNML_CHAIR_NOT_ML_ELECTED',
    ]);
    const byRule = Object.fromEntries(issues.map((i: any) => [i.rule, i]));
    expect(byRule.ARML_PRESIDENT_NOT_ML_BOARD_MEMBER.persons).toEqual([{ familyName: 'Salarié' }]);
    expect(byRule.ML_PRESIDENT_NOT_ELECTED.persons).toEqual([{ familyName: 'Conseiller' }]);
    expect(byRule.ML_PRESIDENT_NOT_ELECTED.organizations).toEqual([{ name: 'Mission Locale du Pays de Fougères' }]);
    expect(byRule.SINGLE_SEAT_OVERLAP.post).toEqual({ label: 'Trésorier' });
    expect(byRule.SINGLE_SEAT_OVERLAP.mandates).toHaveLength(2);
    expect(byRule.SEATS_EXCEEDED.mandates).toHaveLength(3);
    expect(byRule.MANDATE_OUTSIDE_TERM.mandates).toEqual([expect.objectContaining({ startDate: '2025-12-01' })]);
    expect(byRule.DIRECTORS_COMMITTEE_MEMBER_NOT_DIRECTOR.body).toEqual({ name: 'arml/directors' });
  });

  it('reads compositions and vacancies at a date, and who presided when', async () => {
    const res = await registry.query(`{
      organizations(filter: { kinds: [ARML] }) { nodes {
        before: president(asOf: "2025-06-01") { familyName }
        now: president(asOf: "2026-06-01") { familyName }
        governingBodies { name kind
          composition(asOf: "2026-06-01") { totalCount nodes { role post { kind } person { familyName } } }
          vacancies(asOf: "2025-06-01") { post { label seats } vacantSeats }
        }
      } }
    }`);
    expect(res.errors).toBeUndefined();
    const arml = res.data.organizations.nodes[0];
    expect(arml.before).toEqual({ familyName: 'Maire' });
    expect(arml.now).toEqual({ familyName: 'Salarié' });
    const board = arml.governingBodies.find((b: any) => b.kind === 'BOARD');
    expect(board.composition.totalCount).toBe(6);
    expect(board.composition.nodes[0]).toEqual({ role: 'TITULAIRE', post: { kind: 'PRESIDENT' }, person: { familyName: 'Salarié' } });
    expect(board.vacancies).toEqual([{ post: { label: 'Trésorier', seats: 1 }, vacantSeats: 1 }, { post: { label: 'Administrateurs', seats: 2 }, vacantSeats: 2 }]);
  });

  it('gives a person’s mandate history and never exposes contact details', async () => {
    const res = await registry.query(`{ persons(filter: { search: "anne maire" }) { totalCount nodes {
      givenName familyName publicRoles { kind label }
      mandates(history: true) { totalCount nodes { startDate endDate body { name organization { name } } onBehalfOf { name } } }
    } } }`);
    expect(res.errors).toBeUndefined();
    const anne = res.data.persons.nodes[0];
    expect(anne.publicRoles).toEqual([{ kind: 'MAYOR', label: 'Maire de Fougères' }]);
    expect(anne.mandates.totalCount).toBe(5);
    expect(anne.mandates.nodes[0].onBehalfOf === null || typeof anne.mandates.nodes[0].onBehalfOf.name === 'string').toBe(true);
    const contact = await registry.query(`{ persons { nodes { email } } }`);
    expect(contact.errors![0].extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
