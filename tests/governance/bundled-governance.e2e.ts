import { bundle } from '../support/bundled';
import { databaseKinds } from '../support/databases';
import { startRegistry, TestRegistry } from '../support/registry';

const TODAY = new Date().toISOString().slice(0, 10);
/** The dates the bundled governance changes around: annexe 3, between terms, the 2022 UNML president, the new terms. */
const DATES = ['2018-06-01', '2020-01-01', '2022-12-15', '2024-06-01', '2026-07-01', '2026-10-15', TODAY];

const CHECK = `query($asOf: Date) { governanceIssues(asOf: $asOf) { mandatesChecked issues { rule message } } }`;

const ARML = `query($search: String!, $asOf: Date) {
  organizations(filter: { search: $search, kinds: [ARML] }) { nodes {
    name
    president(asOf: $asOf) { givenName familyName provenance { status } publicRoles(asOf: $asOf) { kind label startDate endDate } }
    governingBodies { kind name }
  } }
}`;

const BODY = `query($kinds: [BodyKind!], $orgKinds: [OrganizationKind!], $region: String, $asOf: Date) {
  governingBodies(filter: { kinds: $kinds, organizationKinds: $orgKinds, regionCode: $region }, first: 100) {
    totalCount
    nodes {
      name organization { name } meetingFrequency secretariat { name } term(asOf: $asOf) { startDate endDate }
      composition(asOf: $asOf) { totalCount nodes {
        role startDate endDate post { kind } college { number }
        person { givenName familyName } holderOrganization { name } onBehalfOf { name }
      } }
      vacancies(asOf: $asOf) { post { kind label } vacantSeats }
    }
  }
}`;

const PERSON = `query($search: String!) {
  persons(filter: { search: $search }) { nodes {
    givenName familyName provenance { status source }
    publicRoles(history: true) { kind label territoryCode startDate endDate }
    mandates(history: true) { nodes { post { kind } body { kind name organization { name } } startDate endDate endReason onBehalfOf { name } provenance { status } } }
  } }
}`;

describe.each(databaseKinds())('the bundled governance on %s', (kind) => {
  let registry: TestRegistry;
  beforeAll(async () => {
    registry = await startRegistry(kind, bundle());
  });
  afterAll(() => registry?.stop());

  it.each(DATES)('passes every governance rule on %s', async (asOf) => {
    const res = await registry.query(CHECK, { asOf });
    expect(res.errors).toBeUndefined();
    const { mandatesChecked, issues } = res.data.governanceIssues;
    process.stdout.write(`Governance rules on ${kind}, bundled data, ${asOf}: ${mandatesChecked} mandates checked, ${issues.length} issues\n`);
    expect(issues).toEqual([]);
    expect(mandatesChecked).toBeGreaterThan(asOf < '2026-06-15' ? 30 : 4000);
  });

  it('knows who presided ARML Bretagne on 2018-06-01 (annexe 3), with the offices stated there', async () => {
    const res = await registry.query(ARML, { search: 'bretagne', asOf: '2018-06-01' });
    expect(res.errors).toBeUndefined();
    const [arml] = res.data.organizations.nodes;
    expect(arml.president).toEqual({
      givenName: 'Marc', familyName: 'Kerrien', provenance: { status: 'OFFICIAL' },
      publicRoles: [{ kind: 'MAYOR', label: 'Maire de Noyal-Pontivy', startDate: '2014-03-30', endDate: '2020-06-28' }],
    });
    expect(arml.governingBodies.map((b: any) => b.kind).sort()).toEqual(['BOARD', 'BUREAU', 'DIRECTORS_COMMITTEE', 'GENERAL_ASSEMBLY', 'STEERING_COMMITTEE']);
    const today = await registry.query(ARML, { search: 'bretagne' });
    expect(today.data.organizations.nodes[0].president.provenance.status).toBe('ILLUSTRATIVE');
  });

  it('shows the Hauts-de-France co-presidency of 2018 and the UNML presidents the sources name', async () => {
    const hdf = await registry.query(BODY, { kinds: ['BOARD'], orgKinds: ['ARML'], region: '32', asOf: '2018-06-01' });
    const presidents = hdf.data.governingBodies.nodes[0].composition.nodes.filter((m: any) => m.post.kind === 'PRESIDENT');
    expect(presidents.map((m: any) => m.person.familyName).sort()).toEqual(['Fontaine', 'Godefroy']);

    const chair = async (asOf: string) => {
      const res = await registry.query(BODY, { kinds: ['BOARD'], orgKinds: ['UNML'], asOf });
      return res.data.governingBodies.nodes[0].composition.nodes.find((m: any) => m.post.kind === 'PRESIDENT');
    };
    expect((await chair('2018-06-01')).person).toEqual({ givenName: 'Jean-Patrick', familyName: 'Gille' });
    expect((await chair('2022-12-15')).person).toEqual({ givenName: 'Stéphane', familyName: 'Valli' });
    expect((await chair('2020-01-01'))).toBeUndefined();
  });

  it("gives a person's mandate history: Agnès Canayer, Mission Locale then ARML then the Conférence des présidents", async () => {
    const res = await registry.query(PERSON, { search: 'canayer' });
    expect(res.errors).toBeUndefined();
    const [person] = res.data.persons.nodes;
    expect(person.publicRoles.map((r: any) => r.label).sort()).toEqual(['Adjointe au Maire du Havre', 'Sénatrice de Seine-Maritime']);
    const seats = person.mandates.nodes.map((m: any) => `${m.body.kind} ${m.post.kind} ${m.body.organization.name} ${m.startDate}→${m.endDate} ${m.endReason}`).sort();
    expect(seats).toEqual([
      'BOARD PRESIDENT Association régionale des Missions Locales de Normandie 2016-01-01→2020-06-28 TERM_ENDED',
      'BOARD PRESIDENT Mission Locale Havraise 2014-06-16→2020-06-28 TERM_ENDED',
      "CONFERENCE_OF_PRESIDENTS MEMBER Union nationale des Missions Locales 2016-10-18→2018-11-15 TERM_ENDED",
      "CONFERENCE_OF_PRESIDENTS MEMBER Union nationale des Missions Locales 2018-11-15→2020-06-28 TERM_ENDED",
    ]);
  });

  it('traces how a Mission Locale is represented: its president on its ARML board, its ARML on UNML’s board, in the Conférence and in the CREFOP', async () => {
    const res = await registry.query(`{ organizations(filter: { search: "havraise", kinds: [MISSION_LOCALE] }) { nodes {
      name
      president { givenName familyName mandates { nodes { post { kind } body { kind organization { name } } onBehalfOf { name } } } }
      representedBy { nodes { post { kind } person { familyName } body { kind organization { name } } } }
      parent { name representedBy { nodes { post { kind } person { familyName } holderOrganization { name } body { kind organization { name } } } } }
    } } }`);
    expect(res.errors).toBeUndefined();
    const [ml] = res.data.organizations.nodes;
    const seats = (nodes: any[]) => nodes.map((m) => `${m.body.kind} ${m.post.kind} ${m.body.organization.name}`);
    // The president sits on the Mission Locale's CA and Bureau, and on the ARML's CA on its behalf.
    expect(seats(ml.president.mandates.nodes)).toEqual(expect.arrayContaining([
      'BOARD PRESIDENT Mission Locale Havraise', 'BUREAU PRESIDENT Mission Locale Havraise',
    ]));
    expect(ml.president.mandates.nodes.filter((m: any) => m.body.organization.name.startsWith('Association régionale'))
      .every((m: any) => m.onBehalfOf?.name === 'Mission Locale Havraise')).toBe(true);
    expect(seats(ml.representedBy.nodes).some((s: string) => s.startsWith('BOARD ') && s.endsWith('Association régionale des Missions Locales de Normandie'))).toBe(true);
    expect(ml.parent.name).toBe('Association régionale des Missions Locales de Normandie');
    const up = seats(ml.parent.representedBy.nodes);
    expect(up).toEqual(expect.arrayContaining([
      'BOARD MEMBER_BY_RIGHT Union nationale des Missions Locales',
      'CONFERENCE_OF_PRESIDENTS MEMBER Union nationale des Missions Locales',
      'PARTNER_BODY MEMBER Conseil régional de Normandie',
    ]));
  });

  it("has UNML's Conférence des présidents, chaired by UNML's president, one member per ARML, UNML holding the secretariat", async () => {
    const res = await registry.query(BODY, { kinds: ['CONFERENCE_OF_PRESIDENTS'], orgKinds: ['UNML'] });
    const [conference] = res.data.governingBodies.nodes;
    expect(conference.secretariat.name).toBe('Union nationale des Missions Locales');
    expect(conference.meetingFrequency).toBe('every two months');
    const posts = conference.composition.nodes.map((m: any) => m.post.kind);
    expect(posts.filter((k: string) => k === 'PRESIDENT')).toHaveLength(1);
    expect(posts.filter((k: string) => k === 'MEMBER')).toHaveLength(15);
    expect(conference.vacancies).toEqual([]);
  });

  it("shows UNML's board: the 15 ARML as members by right, collège 1 officers, and the vacant seats of collèges 3 and 4", async () => {
    const res = await registry.query(BODY, { kinds: ['BOARD'], orgKinds: ['UNML'] });
    const [board] = res.data.governingBodies.nodes;
    const byRight = board.composition.nodes.filter((m: any) => m.post.kind === 'MEMBER_BY_RIGHT');
    expect(byRight).toHaveLength(15);
    expect(byRight.every((m: any) => m.holderOrganization && m.person === null && m.college.number === 2)).toBe(true);
    expect(board.composition.nodes.filter((m: any) => m.person).every((m: any) => m.college.number === 1)).toBe(true);
    expect(board.vacancies.map((v: any) => v.post.label).sort()).toEqual([
      "Administrateur(rice) – Maisons de l'emploi et PLIE", 'Administrateur(rice) – autres organismes appliquant la CCN',
    ]);
  });

  it('gives every Mission Locale its four collèges and its AG, CA and Bureau, every ARML its five bodies, and every region its CREFOP', async () => {
    const count = async (kinds: string[], orgKinds: string[]) =>
      (await registry.query(BODY, { kinds, orgKinds })).data.governingBodies.totalCount;
    expect(await count(['GENERAL_ASSEMBLY', 'BOARD', 'BUREAU'], ['MISSION_LOCALE'])).toBe(437 * 3);
    expect(await count(['GENERAL_ASSEMBLY', 'BOARD', 'BUREAU', 'DIRECTORS_COMMITTEE', 'STEERING_COMMITTEE'], ['ARML'])).toBe(15 * 5);
    expect(await count(['PARTNER_BODY'], ['PARTNER'])).toBe(18);
    const colleges = await registry.query(`{ organizations(filter: { kinds: [MISSION_LOCALE] }, first: 100) { totalCount nodes { colleges { number name } } } }`);
    expect(colleges.data.organizations.nodes.every((o: any) => o.colleges.map((c: any) => c.number).join() === '1,2,3,4')).toBe(true);
  });
});
