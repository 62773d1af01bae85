import type { EntityManager } from '@mikro-orm/knex';
import { AccessRole } from '../../src/modules/access/caller';
import { addDays, today } from '../../src/shared/dates';
import { databaseKinds } from '../support/databases';
import { emptyBoards } from '../support/empty-boards';
import { GraphQLResponse, startRegistry, TestRegistry } from '../support/registry';
import { FOUGERES, RENNES } from '../support/tiny-network';
import { CAEN, twoRegionNetwork } from '../support/two-region-network';

const ERRORS = 'userErrors { field code message }';
const MUTATIONS = {
  createGoverningBody: `mutation($input: CreateGoverningBodyInput!) { createGoverningBody(input: $input) {
    body { id kind name version termYears meetingFrequency organization { name } secretariat { name } } ${ERRORS} } }`,
  updateGoverningBody: `mutation($input: UpdateGoverningBodyInput!) { updateGoverningBody(input: $input) {
    body { id name version description meetingFrequency secretariat { name } } ${ERRORS} } }`,
  openBodyTerm: `mutation($input: OpenBodyTermInput!) { openBodyTerm(input: $input) {
    term { id startDate endDate label body { name } } ${ERRORS} } }`,
  createCollege: `mutation($input: CreateCollegeInput!) { createCollege(input: $input) {
    college { id number name organization { name } } ${ERRORS} } }`,
  createPost: `mutation($input: CreatePostInput!) { createPost(input: $input) {
    post { id kind label seats version college { number } body { name } } ${ERRORS} } }`,
  updatePost: `mutation($input: UpdatePostInput!) { updatePost(input: $input) {
    post { id label seats version } ${ERRORS} } }`,
  openMandate: `mutation($input: OpenMandateInput!) { openMandate(input: $input) { mandate { id person { givenName } } ${ERRORS} } }`,
  endMandate: `mutation($input: EndMandateInput!) { endMandate(input: $input) { mandate { endDate } ${ERRORS} } }`,
};
type Operation = keyof typeof MUTATIONS;

const ARML_BRETAGNE = 'Association régionale des Missions Locales de Bretagne';

describe.each(databaseKinds())('setting up the governance of a structure on %s', (kind) => {
  let r: TestRegistry;
  const org: Record<string, string> = {};
  const board: Record<string, { id: string; posts: Record<string, string> }> = {};
  const person: Record<string, string> = {};
  const tokens: Record<string, string> = {};

  const run = (op: Operation, input: Record<string, unknown>, token?: string): Promise<GraphQLResponse> => r.query(MUTATIONS[op], { input }, token);
  /** Runs a mutation that must succeed, and returns what it stored. */
  const ok = async (op: Operation, input: Record<string, unknown>, token = tokens.national) => {
    const res = await run(op, input, token);
    expect(res.errors).toBeUndefined();
    expect(res.data[op].userErrors).toEqual([]);
    return Object.values(res.data[op]).find((v) => v !== null && !Array.isArray(v)) as Record<string, any>;
  };
  const codes = (res: GraphQLResponse, op: Operation) => res.data[op].userErrors.map((e: { code: string }) => e.code);
  const errorCode = (res: GraphQLResponse) => res.errors?.[0].extensions?.code;

  /** Every table these writes touch, counted and read: a refusal must leave them all as they were, and audit nothing. */
  const snapshot = async () => {
    const knex = (r.orm.em as EntityManager).getKnex();
    const count = async (t: string) => Number((await knex(t).count({ n: '*' }))[0].n);
    return {
      audit: await count('audit_event'), keys: await count('idempotency_key'), mandates: await count('mandate'),
      bodies: await knex('governing_body').orderBy('id'), terms: await knex('body_term').orderBy('id'),
      colleges: await knex('college').orderBy('id'), posts: await knex('post').orderBy('id'),
    };
  };

  beforeAll(async () => {
    r = await startRegistry(kind, { network: twoRegionNetwork(), governance: emptyBoards() });
    const orgs = await r.query(`{ organizations(filter: { includeDissolved: true }, first: 100) { nodes { id name } } }`);
    for (const o of orgs.data.organizations.nodes) org[o.name] = o.id;
    const res = await r.query(`{ governingBodies { nodes { id organization { name } posts { id kind } } } persons { nodes { id givenName } } }`);
    for (const b of res.data.governingBodies.nodes) {
      board[b.organization.name] = { id: b.id, posts: Object.fromEntries(b.posts.map((p: any) => [p.kind, p.id])) };
    }
    for (const p of res.data.persons.nodes) person[p.givenName] = p.id;
    const knex = (r.orm.em as EntityManager).getKnex();
    const num = async (name: string) => Number((await knex('organization').where({ name }).first()).id);
    tokens.national = (await r.mintToken(AccessRole.NATIONAL, null)).token;
    tokens.armlBretagne = (await r.mintToken(AccessRole.ARML, await num(ARML_BRETAGNE))).token;
    tokens.mlFougeres = (await r.mintToken(AccessRole.MISSION_LOCALE, await num(FOUGERES))).token;
    tokens.mlCaen = (await r.mintToken(AccessRole.MISSION_LOCALE, await num(CAEN))).token;
  });
  afterAll(() => r?.stop());

  it('the secretariat creates a board, opens its term, adds a collège and posts, and a president can then be elected', async () => {
    const knex = (r.orm.em as EntityManager).getKnex();
    const lastAudit = Number((await knex('audit_event').max({ m: 'id' }))[0].m ?? 0);
    const college = await ok('createCollege', { organizationId: org[RENNES], number: 1, name: 'Collège des élus des collectivités territoriales' });
    expect(college).toMatchObject({ number: 1, organization: { name: RENNES } });
    const body = await ok('createGoverningBody', {
      organizationId: org[RENNES], kind: 'BOARD', name: '  Conseil d’administration  ', meetingFrequency: 'Tous les trimestres', termYears: 3,
    });
    expect(body).toMatchObject({ kind: 'BOARD', name: 'Conseil d’administration', version: 1, termYears: 3, organization: { name: RENNES }, secretariat: null });
    const term = await ok('openBodyTerm', { bodyId: body.id, startDate: '2026-01-01', label: '2026-2028' });
    expect(term).toMatchObject({ startDate: '2026-01-01', endDate: null, label: '2026-2028', body: { name: 'Conseil d’administration' } });
    const president = await ok('createPost', { bodyId: body.id, kind: 'PRESIDENT', label: 'Président', seats: 1, collegeNumber: 1 });
    expect(president).toMatchObject({ kind: 'PRESIDENT', seats: 1, version: 1, college: { number: 1 }, body: { name: 'Conseil d’administration' } });
    await ok('createPost', { bodyId: body.id, kind: 'BOARD_MEMBER', label: 'Administrateurs', seats: 12 });

    const mandate = await ok('openMandate', { postId: president.id, personId: person['Anne'], collegeNumber: 1, startDate: '2026-02-01' });
    expect(mandate.person).toEqual({ givenName: 'Anne' });
    const read = await r.query(`query($id: ID!) { node(id: $id) { ... on Organization {
      colleges { number name } president(asOf: "2026-03-01") { familyName }
      governingBodies { name termYears term(asOf: "2026-03-01") { label } posts { kind seats version } vacancies(asOf: "2026-03-01") { post { kind } vacantSeats } }
    } } }`, { id: org[RENNES] });
    expect(read.data.node).toEqual({
      colleges: [{ number: 1, name: 'Collège des élus des collectivités territoriales' }],
      president: { familyName: 'Maire' },
      governingBodies: [{
        name: 'Conseil d’administration', termYears: 3, term: { label: '2026-2028' },
        posts: [{ kind: 'PRESIDENT', seats: 1, version: 1 }, { kind: 'BOARD_MEMBER', seats: 12, version: 1 }],
        vacancies: [{ post: { kind: 'BOARD_MEMBER' }, vacantSeats: 12 }],
      }],
    });

    const audit = await knex('audit_event').where('id', '>', lastAudit).orderBy('id');
    expect(audit.map((a: any) => [a.operation, a.entity_type, a.actor_role])).toEqual([
      ['createCollege', 'College', 'NATIONAL'], ['createGoverningBody', 'GoverningBody', 'NATIONAL'], ['openBodyTerm', 'BodyTerm', 'NATIONAL'],
      ['createPost', 'Post', 'NATIONAL'], ['createPost', 'Post', 'NATIONAL'], ['openMandate', 'Mandate', 'NATIONAL'],
    ]);
    expect(audit[1].before_json).toBeNull();
    expect(JSON.parse(audit[1].after_json)).toMatchObject({ kind: 'BOARD', name: 'Conseil d’administration', version: 1 });
    const history = await r.query(`query($id: ID!) { node(id: $id) { ... on Post { history { nodes { operation actorRole } } } } }`, { id: president.id }, tokens.armlBretagne);
    expect(history.data.node.history.nodes).toEqual([{ operation: 'createPost', actorRole: 'NATIONAL' }]);
  });

  it('an ARML officer changes the bodies of its region’s Missions Locales, not another region’s; a Mission Locale only its own', async () => {
    const fougeres = board[FOUGERES];
    const caen = board[CAEN];
    // A bundled body starts at version 1 (the migration's default), and moving its secretariat needs rights on its organization only.
    const changed = await ok('updateGoverningBody', { id: fougeres.id, version: 1, meetingFrequency: 'Tous les deux mois', secretariatOrganizationId: org[CAEN] }, tokens.armlBretagne);
    expect(changed).toMatchObject({ version: 2, meetingFrequency: 'Tous les deux mois', secretariat: { name: CAEN } });
    const cleared = await ok('updateGoverningBody', { id: fougeres.id, version: 2, secretariatOrganizationId: null, description: 'Administre la Mission Locale' }, tokens.mlFougeres);
    expect(cleared).toMatchObject({ version: 3, secretariat: null, description: 'Administre la Mission Locale', meetingFrequency: 'Tous les deux mois' });
    expect(await ok('updatePost', { id: fougeres.posts.BOARD_MEMBER, version: 1, label: 'Administrateurs élus' }, tokens.mlFougeres))
      .toMatchObject({ label: 'Administrateurs élus', seats: 4, version: 2 });
    expect(await ok('createGoverningBody', { organizationId: org[ARML_BRETAGNE], kind: 'STEERING_COMMITTEE', name: 'Comité de pilotage régional' }, tokens.armlBretagne))
      .toMatchObject({ organization: { name: ARML_BRETAGNE } });

    const refused: [string | undefined, Operation, Record<string, unknown>, string][] = [
      [tokens.armlBretagne, 'updateGoverningBody', { id: caen.id, version: 1, name: 'Pris' }, 'FORBIDDEN'],
      [tokens.armlBretagne, 'openBodyTerm', { bodyId: caen.id, startDate: '2029-01-01' }, 'FORBIDDEN'],
      [tokens.armlBretagne, 'createPost', { bodyId: caen.id, kind: 'TREASURER', label: 'Trésorier', seats: 1 }, 'FORBIDDEN'],
      [tokens.armlBretagne, 'updatePost', { id: caen.posts.BOARD_MEMBER, version: 1, seats: 10 }, 'FORBIDDEN'],
      [tokens.armlBretagne, 'createCollege', { organizationId: org[CAEN], number: 5, name: 'Collège 5' }, 'FORBIDDEN'],
      [tokens.armlBretagne, 'createGoverningBody', { organizationId: org[CAEN], kind: 'BUREAU', name: 'Bureau' }, 'FORBIDDEN'],
      [tokens.mlFougeres, 'createPost', { bodyId: caen.id, kind: 'TREASURER', label: 'Trésorier', seats: 1 }, 'FORBIDDEN'],
      [tokens.mlFougeres, 'createGoverningBody', { organizationId: org[RENNES], kind: 'BUREAU', name: 'Bureau' }, 'FORBIDDEN'],
      [tokens.mlFougeres, 'createGoverningBody', { organizationId: org[ARML_BRETAGNE], kind: 'BUREAU', name: 'Bureau' }, 'FORBIDDEN'],
      [tokens.mlCaen, 'updateGoverningBody', { id: fougeres.id, version: 3, name: 'Pris' }, 'FORBIDDEN'],
      // Reads are public: an unknown body is simply not found, for any token.
      [tokens.armlBretagne, 'updateGoverningBody', { id: Buffer.from('GoverningBody:999999').toString('base64url'), version: 1, name: 'x' }, 'NOT_FOUND'],
      [tokens.national, 'createPost', { bodyId: Buffer.from('GoverningBody:999999').toString('base64url'), kind: 'TREASURER', label: 'Trésorier', seats: 1 }, 'NOT_FOUND'],
      [undefined, 'createGoverningBody', { organizationId: org[FOUGERES], kind: 'BUREAU', name: 'Bureau' }, 'UNAUTHENTICATED'],
      [undefined, 'updateGoverningBody', { id: fougeres.id, version: 3, name: 'Pris' }, 'UNAUTHENTICATED'],
      [undefined, 'openBodyTerm', { bodyId: fougeres.id, startDate: '2029-01-01' }, 'UNAUTHENTICATED'],
      [undefined, 'createCollege', { organizationId: org[FOUGERES], number: 5, name: 'Collège 5' }, 'UNAUTHENTICATED'],
      [undefined, 'createPost', { bodyId: fougeres.id, kind: 'TREASURER', label: 'Trésorier', seats: 1 }, 'UNAUTHENTICATED'],
      [undefined, 'updatePost', { id: fougeres.posts.BOARD_MEMBER, version: 2, seats: 10 }, 'UNAUTHENTICATED'],
    ];
    for (const [token, op, input, code] of refused) {
      const before = await snapshot();
      const res = await run(op, input, token);
      expect([op, errorCode(res)]).toEqual([op, code]);
      expect(res.data?.[op] ?? null).toBeNull();
      expect(await snapshot()).toEqual(before);
    }
  });

  it('refuses malformed input at the edge with BAD_USER_INPUT, writing nothing', async () => {
    const fougeres = board[FOUGERES];
    const bad: [Operation, Record<string, unknown>][] = [
      ['createGoverningBody', { organizationId: org[FOUGERES], kind: 'BUREAU', name: '' }],
      ['createGoverningBody', { organizationId: org[FOUGERES], kind: 'BUREAU', name: '   ' }],
      ['createGoverningBody', { organizationId: org[FOUGERES], kind: 'BUREAU', name: 'x'.repeat(10_000) }],
      ['createGoverningBody', { organizationId: org[FOUGERES], kind: 'PARLIAMENT', name: 'Parlement' }],
      ['createGoverningBody', { organizationId: org[FOUGERES], kind: 'BUREAU', name: 'Bureau', termYears: 0 }],
      ['createGoverningBody', { organizationId: 'not an id', kind: 'BUREAU', name: 'Bureau' }],
      ['createGoverningBody', { organizationId: fougeres.id, kind: 'BUREAU', name: 'Bureau' }],
      ['updateGoverningBody', { id: fougeres.id, version: 3, name: null }],
      ['updateGoverningBody', { id: fougeres.id, version: 3, description: 'x'.repeat(10_000) }],
      ['updateGoverningBody', { id: fougeres.id, version: 0, name: 'Conseil' }],
      ['openBodyTerm', { bodyId: fougeres.id, startDate: '2026-02-30' }],
      ['openBodyTerm', { bodyId: fougeres.id, startDate: '2029-01-01', endDate: 'next year' }],
      ['openBodyTerm', { bodyId: fougeres.id, startDate: '2029-01-01', label: 'x'.repeat(10_000) }],
      ['createCollege', { organizationId: org[FOUGERES], number: 0, name: 'Collège 0' }],
      ['createCollege', { organizationId: org[FOUGERES], number: 5, name: '' }],
      ['createPost', { bodyId: fougeres.id, kind: 'TREASURER', label: 'Trésorier', seats: 0 }],
      ['createPost', { bodyId: fougeres.id, kind: 'TREASURER', label: 'Trésorier', seats: 100_000 }],
      ['createPost', { bodyId: fougeres.id, kind: 'CHIEF', label: 'Chef', seats: 1 }],
      ['createPost', { bodyId: fougeres.id, kind: 'TREASURER', label: 'x'.repeat(10_000), seats: 1 }],
      ['updatePost', { id: fougeres.posts.BOARD_MEMBER, version: 2, seats: 0 }],
      ['updatePost', { id: fougeres.posts.BOARD_MEMBER, version: 2, seats: 100_000 }],
      ['updatePost', { id: fougeres.posts.BOARD_MEMBER, version: 2, label: null }],
    ];
    for (const [op, input] of bad) {
      const before = await snapshot();
      const res = await run(op, input, tokens.national);
      expect([op, input, errorCode(res)]).toEqual([op, input, 'BAD_USER_INPUT']);
      expect(await snapshot()).toEqual(before);
    }
  });

  it('answers broken governance rules with typed user errors: overlapping term, collège number taken, seats below holders', async () => {
    const caen = board[CAEN];
    // Two titulaires on Caen's board-member post (4 seats) today.
    for (const who of ['Denis', 'Ève']) await ok('openMandate', { postId: caen.posts.BOARD_MEMBER, personId: person[who], startDate: '2026-02-01' });
    const before = await snapshot();
    const refusals: [Operation, Record<string, unknown>, string, string[]][] = [
      ['openBodyTerm', { bodyId: caen.id, startDate: '2025-06-01', endDate: '2026-06-01' }, 'TERM_OVERLAP', ['input', 'startDate']],
      ['openBodyTerm', { bodyId: caen.id, startDate: '2025-01-01' }, 'TERM_OVERLAP', ['input', 'startDate']],
      ['openBodyTerm', { bodyId: caen.id, startDate: '2028-01-01', endDate: '2027-12-31' }, 'END_BEFORE_START', ['input', 'endDate']],
      ['openBodyTerm', { bodyId: caen.id, startDate: '2028-01-01' }, 'MANDATE_OUTSIDE_TERM', ['input', 'startDate']],
      ['createCollege', { organizationId: org[CAEN], number: 1, name: 'Encore un collège 1' }, 'COLLEGE_NUMBER_TAKEN', ['input', 'number']],
      ['createPost', { bodyId: caen.id, kind: 'BOARD_MEMBER', label: 'Collège 7', seats: 2, collegeNumber: 7 }, 'UNKNOWN_COLLEGE', ['input', 'collegeNumber']],
      ['createGoverningBody', { organizationId: org[CAEN], kind: 'BOARD', name: 'Second CA' }, 'BODY_KIND_TAKEN', ['input', 'kind']],
      ['updatePost', { id: caen.posts.BOARD_MEMBER, version: 1, seats: 1 }, 'SEATS_BELOW_HOLDERS', ['input', 'seats']],
    ];
    for (const [op, input, code, field] of refusals) {
      const res = await run(op, input, tokens.mlCaen);
      expect(res.errors).toBeUndefined();
      expect([op, res.data[op]]).toEqual([op, expect.objectContaining({ userErrors: [expect.objectContaining({ code, field })] })]);
      expect(Object.values(res.data[op]).filter((v) => v === null)).toHaveLength(1);
      expect(await snapshot()).toEqual(before);
    }
    expect(await ok('updatePost', { id: caen.posts.BOARD_MEMBER, version: 1, seats: 2 }, tokens.mlCaen)).toMatchObject({ seats: 2, version: 2 });
  });

  it('counts titulaires scheduled to start later when seats are lowered', async () => {
    const fougeres = board[FOUGERES];
    const post = await ok('createPost', { bodyId: fougeres.id, kind: 'MEMBER', label: 'Représentants des partenaires', seats: 3 });
    for (const who of ['Denis', 'Ève']) await ok('openMandate', { postId: post.id, personId: person[who], startDate: addDays(today(), 30) });
    const before = await snapshot();
    expect(codes(await run('updatePost', { id: post.id, version: 1, seats: 1 }, tokens.national), 'updatePost')).toEqual(['SEATS_BELOW_HOLDERS']);
    expect(await snapshot()).toEqual(before);
    expect(await ok('updatePost', { id: post.id, version: 1, seats: 2 })).toMatchObject({ seats: 2, version: 2 });
  });

  it('closes the running term on the day a new one starts, once its mandates have ended', async () => {
    const body = await ok('createGoverningBody', { organizationId: org[ARML_BRETAGNE], kind: 'CONFERENCE_OF_PRESIDENTS', name: 'Réunion des présidents de Bretagne' }, tokens.armlBretagne);
    const first = await ok('openBodyTerm', { bodyId: body.id, startDate: '2023-01-01', label: '2023-2025' }, tokens.armlBretagne);
    const post = await ok('createPost', { bodyId: body.id, kind: 'MEMBER', label: 'Présidents', seats: 5 }, tokens.armlBretagne);
    const mandate = await ok('openMandate', { postId: post.id, personId: person['Denis'], startDate: '2023-02-01' }, tokens.armlBretagne);

    const before = await snapshot();
    const blocked = await run('openBodyTerm', { bodyId: body.id, startDate: '2026-01-01' }, tokens.armlBretagne);
    expect(codes(blocked, 'openBodyTerm')).toEqual(['MANDATE_OUTSIDE_TERM']);
    expect(await snapshot()).toEqual(before);

    await ok('endMandate', { id: mandate.id, version: 1, endDate: '2026-01-01', endReason: 'TERM_ENDED' }, tokens.armlBretagne);
    const second = await ok('openBodyTerm', { bodyId: body.id, startDate: '2026-01-01', label: '2026-2028' }, tokens.armlBretagne);
    const terms = await r.query(`query($id: ID!) { node(id: $id) { ... on GoverningBody { terms { id startDate endDate label } } } }`, { id: body.id });
    expect(terms.data.node.terms).toEqual([
      { id: first.id, startDate: '2023-01-01', endDate: '2026-01-01', label: '2023-2025' },
      { id: second.id, startDate: '2026-01-01', endDate: null, label: '2026-2028' },
    ]);
    const knex = (r.orm.em as EntityManager).getKnex();
    const closing = await knex('audit_event').where({ operation: 'openBodyTerm', entity_type: 'BodyTerm' }).orderBy('id', 'desc').limit(2);
    expect(closing.map((a: any) => [JSON.parse(a.before_json)?.end_date ?? null, JSON.parse(a.after_json).end_date])).toEqual([[null, null], [null, '2026-01-01']]);
  });

  it('refuses a stale version with CONFLICT, writing nothing', async () => {
    const body = await ok('createGoverningBody', { organizationId: org[FOUGERES], kind: 'DIRECTORS_COMMITTEE', name: 'Comité de direction' }, tokens.mlFougeres);
    const post = await ok('createPost', { bodyId: body.id, kind: 'MEMBER', label: 'Membres', seats: 6 }, tokens.mlFougeres);
    expect(await ok('updateGoverningBody', { id: body.id, version: 1, name: 'Comité de direction élargi' }, tokens.mlFougeres)).toMatchObject({ version: 2 });
    expect(await ok('updatePost', { id: post.id, version: 1, seats: 8 }, tokens.mlFougeres)).toMatchObject({ seats: 8, version: 2 });
    const before = await snapshot();
    const staleBody = await run('updateGoverningBody', { id: body.id, version: 1, name: 'Écrasement' }, tokens.national);
    expect(staleBody.data.updateGoverningBody).toEqual({ body: null, userErrors: [expect.objectContaining({ code: 'CONFLICT', field: ['input', 'version'] })] });
    const stalePost = await run('updatePost', { id: post.id, version: 1, seats: 7 }, tokens.national);
    expect(codes(stalePost, 'updatePost')).toEqual(['CONFLICT']);
    expect(await snapshot()).toEqual(before);
  });

  it('lets one of two concurrent edits of the same version win, and tells the other', async () => {
    const post = await ok('createPost', { bodyId: board[FOUGERES].id, kind: 'SECRETARY', label: 'Secrétaire', seats: 1 });
    const [a, b] = await Promise.all(['A', 'B'].map((label) => run('updatePost', { id: post.id, version: 1, label }, tokens.national)));
    expect([a, b].map((x) => x.data.updatePost.userErrors[0]?.code ?? 'OK').sort()).toEqual(['CONFLICT', 'OK']);
  });

  it('creates once per idempotency key: a replay returns the record created the first time', async () => {
    const body = await ok('createGoverningBody', { organizationId: org[CAEN], kind: 'BUREAU', name: 'Bureau', idempotencyKey: 'body-1' }, tokens.mlCaen);
    const term = await ok('openBodyTerm', { bodyId: body.id, startDate: '2026-01-01', idempotencyKey: 'term-1' }, tokens.mlCaen);
    const college = await ok('createCollege', { organizationId: org[RENNES], number: 2, name: 'Collège de l’État', idempotencyKey: 'college-1' }, tokens.armlBretagne);
    const post = await ok('createPost', { bodyId: body.id, kind: 'TREASURER', label: 'Trésorier', seats: 1, idempotencyKey: 'post-1' }, tokens.mlCaen);
    const before = await snapshot();
    expect((await ok('createGoverningBody', { organizationId: org[CAEN], kind: 'BUREAU', name: 'Bureau', idempotencyKey: 'body-1' }, tokens.mlCaen)).id).toBe(body.id);
    // Without the key, the same term would overlap itself and the same collège number would be taken.
    expect((await ok('openBodyTerm', { bodyId: body.id, startDate: '2026-01-01', idempotencyKey: 'term-1' }, tokens.mlCaen)).id).toBe(term.id);
    expect((await ok('createCollege', { organizationId: org[RENNES], number: 2, name: 'Collège de l’État', idempotencyKey: 'college-1' }, tokens.armlBretagne)).id).toBe(college.id);
    expect((await ok('createPost', { bodyId: body.id, kind: 'TREASURER', label: 'Trésorier', seats: 1, idempotencyKey: 'post-1' }, tokens.mlCaen)).id).toBe(post.id);
    expect(await snapshot()).toEqual(before);
    // A replay is still authorized: another token's scope does not reach the record through a key.
    expect(errorCode(await run('createPost', { bodyId: body.id, kind: 'TREASURER', label: 'Trésorier', seats: 1, idempotencyKey: 'post-1' }, tokens.armlBretagne))).toBe('FORBIDDEN');
    expect(codes(await run('openBodyTerm', { bodyId: body.id, startDate: '2026-01-01' }, tokens.mlCaen), 'openBodyTerm')).toEqual(['TERM_OVERLAP']);
    expect(await snapshot()).toEqual(before);
  });
});
