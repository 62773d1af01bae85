import type { Knex } from '@mikro-orm/knex';
import { GovernanceSnapshot, RuleMandate, RuleRole } from './governance.rules';

/**
 * Reads what the rules need on one date, in four SQL statements whatever the network's size, one after
 * the other: inside a mutation `knex` is its transaction, one connection that runs one statement at a time.
 */
export async function loadGovernanceSnapshot(knex: Knex, asOf: string): Promise<GovernanceSnapshot> {
  const active = (q: Knex.QueryBuilder, start: string, end: string) =>
    q.where((w) => w.whereNull(start).orWhere(start, '<=', asOf)).where((w) => w.whereNull(end).orWhere(end, '>', asOf));
  const mandates = await active(knex('mandate as m')
      .join('post as p', 'p.id', 'm.post_id')
      .join('body_term as t', 't.id', 'm.term_id')
      .join('governing_body as b', 'b.id', 't.body_id')
      .join('organization as o', 'o.id', 'b.organization_id')
      .leftJoin('college as c', 'c.id', 'm.college_id')
      .whereNull('m.corrected_by_id'), 'm.start_date', 'm.end_date')
      .select('m.id', 'm.post_id', 'p.kind as post_kind', 'p.seats', 'b.id as body_id', 'b.kind as body_kind',
        'b.organization_id', 'o.kind as organization_kind', 't.start_date as term_start', 't.end_date as term_end',
        'm.person_id', 'm.holder_organization_id', 'c.number as college_number', 'm.role', 'm.start_date', 'm.end_date')
      .orderBy('m.id');
  const roles = await active(knex('person_public_role'), 'start_date', 'end_date').select('person_id', 'kind', 'organization_id');
  const orgs = await knex('organization').select('id', 'kind', 'region_code');
  const regions = await active(knex('organization_region'), 'start_date', 'end_date').select('organization_id', 'region_code');
  const armlRegions = new Map<number, string[]>();
  for (const r of regions as { organization_id: number; region_code: string }[]) {
    const id = Number(r.organization_id);
    (armlRegions.get(id) ?? armlRegions.set(id, []).get(id)!).push(r.region_code);
  }
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return {
    asOf,
    mandates: (mandates as Record<string, unknown>[]).map((r): RuleMandate => ({
      id: Number(r.id), postId: Number(r.post_id), postKind: r.post_kind as RuleMandate['postKind'], seats: Number(r.seats),
      bodyId: Number(r.body_id), bodyKind: r.body_kind as RuleMandate['bodyKind'], organizationId: Number(r.organization_id),
      organizationKind: r.organization_kind as RuleMandate['organizationKind'], termStart: r.term_start as string,
      termEnd: (r.term_end as string | null) ?? null, personId: num(r.person_id), holderOrganizationId: num(r.holder_organization_id),
      collegeNumber: num(r.college_number), role: r.role as RuleMandate['role'], startDate: r.start_date as string,
      endDate: (r.end_date as string | null) ?? null,
    })),
    roles: (roles as Record<string, unknown>[]).map((r): RuleRole => ({
      personId: Number(r.person_id), kind: r.kind as RuleRole['kind'], organizationId: num(r.organization_id),
    })),
    regionOf: new Map((orgs as { id: number; region_code: string | null }[]).map((o) => [Number(o.id), o.region_code])),
    kindOf: new Map((orgs as { id: number; kind: string }[]).map((o) => [Number(o.id), o.kind as never])),
    armlRegions,
  };
}
