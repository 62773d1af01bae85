import type { EntityManager } from '@mikro-orm/knex';
import { toGlobalId } from '../../src/graphql/node';
import { databaseKinds } from '../support/databases';
import { bundle } from '../support/bundled';
import { GraphQLResponse, startRegistry, TestRegistry } from '../support/registry';

/** Every Mission Locale's president and board compositions, asking only what a network map shows. */
const MAP = /* GraphQL */ `
  query Map {
    unml { members(first: 100) { nodes { members(first: 100) { nodes {
      name president { __typename givenName familyName }
      governingBodies { kind composition(first: 40) {
        totalCount
        nodes { id role startDate endDate post { id kind label } person { id givenName familyName } }
      } }
    } } } } }
  }`;

/** The same, with fields a network map does not show: on the mandate, its post, its holder and the president. */
const MAP_COMPLETE = MAP
  .replace('president { __typename givenName familyName }', 'president { __typename givenName familyName version provenance { source } }')
  .replace('nodes { id role startDate endDate post { id kind label } person { id givenName familyName } }',
    'nodes { id role startDate endDate legalBasis provenance { status source } post { id kind label seats } person { id givenName familyName version } }');

/** The map's fields, plus one outside them brought in by a fragment spread. */
const MAP_WITH_FRAGMENT = /* GraphQL */ `
  query MapWithFragment {
    unml { members(first: 100) { nodes { members(first: 100) { nodes {
      name governingBodies { kind composition(first: 40) { nodes { role ...Basis } } }
    } } } } }
  }
  fragment Basis on Mandate { post { kind } legalBasis }`;

type Mandate = Record<string, any>;
const missionsLocales = (data: any): any[] => data.unml.members.nodes.flatMap((a: any) => a.members.nodes);
const mandates = (data: any): Mandate[] => missionsLocales(data).flatMap((ml) => ml.governingBodies.flatMap((b: any) => b.composition.nodes));
/** The mandate statements among `statements`, each as brief (13 columns) or complete (with the legal basis). */
const mandateReads = (statements: string[]) =>
  statements.filter((s) => /from [`"]mandate[`"] as [`"]m[`"]/.test(s)).map((s) => (s.includes('legal_basis') ? 'complete' : 'brief'));

/**
 * A selection within what a network map shows of mandates is served from 13 columns instead of 28;
 * the same answer as the complete reading, which any other selection gets.
 */
describe.each(databaseKinds())('the brief reading of mandates on %s', (kind) => {
  let registry: TestRegistry;
  beforeAll(async () => {
    registry = await startRegistry(kind, bundle());
  });
  afterAll(() => registry?.stop());

  it("serves a map's presidents and compositions from the brief reading, with the complete reading's values", async () => {
    // Each query twice: a document's first run goes through graphql-js, the next ones are compiled.
    for (let run = 0; run < 2; run++) {
      const brief = await registry.countSql(() => registry.query(MAP));
      const complete = await registry.countSql(() => registry.query(MAP_COMPLETE));
      expect(brief.result.errors).toBeUndefined();
      expect(complete.result.errors).toBeUndefined();
      expect(mandateReads(brief.statements)).toEqual(['brief']);
      expect(mandateReads(complete.statements)).toEqual(['complete']);

      const all = mandates(complete.result.data);
      expect(all.length).toBeGreaterThan(3000);
      expect(all.every((m) => m.provenance.source && m.provenance.status && m.post.seats >= 1)).toBe(true);
      expect(all.filter((m) => m.legalBasis).length).toBeGreaterThan(3000);
      expect(all.filter((m) => m.person).every((m) => m.person.version >= 1)).toBe(true);
      const presidents = missionsLocales(complete.result.data).map((ml) => ml.president).filter(Boolean);
      expect(presidents.length).toBeGreaterThan(400);
      expect(presidents.every((p) => p.version >= 1 && p.provenance.source)).toBe(true);

      // Without the fields outside the map, the complete answer is the brief one.
      for (const m of all) {
        delete m.legalBasis;
        delete m.provenance;
        delete m.post.seats;
        if (m.person) delete m.person.version;
      }
      for (const p of presidents) {
        delete p.version;
        delete p.provenance;
      }
      expect(complete.result.data).toEqual(brief.result.data);
    }
  });

  it('gives each body the mandates in effect on the date, post by post, titulaires first, on both readings', async () => {
    const knex = (registry.orm.em as EntityManager).getKnex();
    const compositionsOn = (extra: string) => /* GraphQL */ `query($asOf: Date!, $after: String) {
      governingBodies(first: 100, after: $after) {
        pageInfo { hasNextPage endCursor }
        nodes { id composition(asOf: $asOf, first: 100) { totalCount nodes { id role ${extra} } } }
      }
    }`;
    // Today (nearly every mandate in effect), and dates when earlier terms ran (most of them ended since).
    for (const asOf of [new Date().toISOString().slice(0, 10), '2025-06-01', '2019-01-01']) {
      const rows: { body_id: number; id: number }[] = await knex('mandate as m').join('body_term as t', 't.id', 'm.term_id')
        .whereNull('m.corrected_by_id').where('m.start_date', '<=', asOf).where((q) => q.whereNull('m.end_date').orWhere('m.end_date', '>', asOf))
        .orderBy([{ column: 't.body_id' }, { column: 'm.post_id' }, { column: knex.raw("case when m.role = 'TITULAIRE' then 0 else 1 end") as any }, { column: 'm.start_date' }, { column: 'm.id' }])
        .select('t.body_id', 'm.id');
      const expected = new Map<string, string[]>();
      for (const r of rows) {
        const body = toGlobalId('GoverningBody', String(r.body_id));
        expected.set(body, [...(expected.get(body) ?? []), toGlobalId('Mandate', String(r.id))]);
      }
      for (const extra of ['', 'legalBasis']) {
        const bodies: { id: string; composition: { totalCount: number; nodes: Mandate[] } }[] = [];
        for (let after: string | null = null, more = true; more;) {
          const res: GraphQLResponse = await registry.query(compositionsOn(extra), { asOf, after });
          expect(res.errors).toBeUndefined();
          bodies.push(...res.data.governingBodies.nodes);
          ({ hasNextPage: more, endCursor: after } = res.data.governingBodies.pageInfo);
        }
        expect(bodies.length).toBeGreaterThan(1000);
        let mandatesSeen = 0;
        for (const b of bodies) {
          const ids = expected.get(b.id) ?? [];
          expect(b.composition.nodes.map((m: Mandate) => m.id)).toEqual(ids.slice(0, 100));
          expect(b.composition.totalCount).toBe(ids.length);
          mandatesSeen += ids.length;
        }
        expect(mandatesSeen).toBeGreaterThan(asOf < '2026' ? 20 : 3000);
      }
    }
  });

  it('reads mandates completely when a fragment asks for a field outside the map', async () => {
    const complete = await registry.query(MAP_COMPLETE);
    for (let run = 0; run < 2; run++) {
      const withFragment = await registry.countSql(() => registry.query(MAP_WITH_FRAGMENT));
      expect(withFragment.result.errors).toBeUndefined();
      expect(mandateReads(withFragment.statements)).toEqual(['complete']);
      expect(mandates(withFragment.result.data).map((m) => [m.role, m.post.kind, m.legalBasis]))
        .toEqual(mandates(complete.data).map((m) => [m.role, m.post.kind, m.legalBasis]));
    }
  });
});
