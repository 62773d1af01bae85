import type { EntityManager, Knex } from '@mikro-orm/knex';
import { pageByKeys } from '../../db/paging';
import type { Page, PageArgs } from '../../graphql/pagination';
import { addDays, today } from '../../shared/dates';
import { foldForSearch } from '../../shared/text';
import { SortDirection } from '../organization/organization.inputs';
import { Convention } from './convention.entity';
import { ConventionStatus } from './convention.enums';
import { ConventionFilter, ConventionOrder, ConventionOrderField, FundingDimension } from './convention.inputs';

/** Column of `funding_line` behind each grouping dimension. */
const FUNDING_COLUMNS: Record<FundingDimension, string> = {
  [FundingDimension.FINANCER]: 'f.financer_id',
  [FundingDimension.YEAR]: 'f.year',
  [FundingDimension.AXIS]: 'f.axis',
};

/** Convention filters with ids already decoded by the service. */
export type ConventionCriteria = Omit<ConventionFilter, 'partyId'> & { partyIds?: number[]; conventionId?: number };

/** Query shapes for conventions and their funding; no business rules here. */
export class ConventionRepository {
  constructor(private readonly em: EntityManager) {}

  private get knex(): Knex {
    return this.em.getKnex();
  }

  /** Conventions matching the criteria, as `c` (the party filter through `convention_party`). */
  filtered(criteria: ConventionCriteria): Knex.QueryBuilder {
    const knex = this.knex;
    const q = knex('convention as c');
    if (criteria.conventionId !== undefined) q.where('c.id', criteria.conventionId);
    if (criteria.partyIds) q.whereIn('c.id', knex('convention_party').select('convention_id').whereIn('organization_id', criteria.partyIds));
    if (criteria.regionCode) {
      const code = criteria.regionCode;
      q.whereIn('c.id', knex('convention_party as cp').join('organization as o', 'o.id', 'cp.organization_id').select('cp.convention_id')
        .where((w) => w.where('o.region_code', code).orWhereIn('o.id', knex('organization_region').select('organization_id').where('region_code', code))));
    }
    if (criteria.kinds?.length) q.whereIn('c.kind', criteria.kinds);
    if (criteria.statuses?.length) q.whereIn('c.status', criteria.statuses);
    if (criteria.inForceOn) {
      const day = criteria.inForceOn;
      q.where('c.start_date', '<=', day).where('c.end_date', '>=', day)
        .whereExists(knex('convention_status_change as s').whereRaw('s.convention_id = c.id').where('s.status', ConventionStatus.SIGNED).where('s.date', '<=', day))
        .whereNotExists(knex('convention_status_change as s').whereRaw('s.convention_id = c.id').where('s.status', ConventionStatus.TERMINATED).where('s.date', '<=', day));
    }
    if (criteria.expiringWithinDays) {
      const from = criteria.from ?? today();
      q.whereBetween('c.end_date', [from, addDays(from, criteria.expiringWithinDays)])
        .whereIn('c.status', [ConventionStatus.SIGNED, ConventionStatus.IN_FORCE]);
    }
    for (const word of foldForSearch(criteria.search ?? '').split(' ').filter(Boolean)) q.where('c.search_text', 'like', `%${word}%`);
    return q;
  }

  ordered(q: Knex.QueryBuilder, order?: ConventionOrder): Knex.QueryBuilder {
    const dir = order?.direction === SortDirection.DESC ? 'desc' : 'asc';
    const column = { [ConventionOrderField.START_DATE]: 'c.start_date', [ConventionOrderField.TITLE]: 'c.search_text', [ConventionOrderField.END_DATE]: 'c.end_date' }[order?.field ?? ConventionOrderField.END_DATE];
    return q.orderBy([{ column, order: dir }, { column: 'c.id', order: dir }]);
  }

  findByIds(ids: readonly number[]): Promise<Convention[]> {
    return this.em.find(Convention, { id: { $in: [...ids] } });
  }

  /** One page of conventions and the size of the whole list. */
  findPage(criteria: ConventionCriteria, order: ConventionOrder | undefined, page: PageArgs): Promise<Page<Convention>> {
    return pageByKeys(this.filtered(criteria), 'c.id', (q) => this.ordered(q, order), page, (ids: number[]) => this.findByIds(ids), (c) => c.id);
  }

  /** Conventions of several parties at once, filtered and ordered: one statement for a whole dashboard. */
  async conventionsOfParties(partyIds: readonly number[], criteria: ConventionCriteria, order?: ConventionOrder): Promise<{ partyId: number; convention: Convention }[]> {
    const rows: { id: number; party_id: number }[] = await this.ordered(
      this.filtered(criteria).join('convention_party as mine', 'mine.convention_id', 'c.id').whereIn('mine.organization_id', [...partyIds])
        .distinct('c.id', 'mine.organization_id as party_id', 'c.start_date', 'c.end_date', 'c.search_text'),
      order,
    );
    const byId = new Map((await this.findByIds([...new Set(rows.map((r) => Number(r.id)))])).map((c) => [c.id, c]));
    return rows.map((r) => ({ partyId: Number(r.party_id), convention: byId.get(Number(r.id))! }));
  }

  /** Sum of funding (cents) per group, over the conventions matching the criteria. */
  async fundingTotals(criteria: ConventionCriteria, groupBy: FundingDimension[]): Promise<{ financer_id: number | null; year: number | null; axis: string | null; cents: bigint; lines: number }[]> {
    const columns = groupBy.map((d) => FUNDING_COLUMNS[d]);
    const q = this.knex('funding_line as f')
      .whereIn('f.convention_id', this.filtered(criteria).select('c.id'))
      .select(...columns, this.knex.raw('sum(f.amount_cents) as cents'), this.knex.raw('count(*) as lines'));
    if (columns.length) q.groupBy(columns).orderBy(columns);
    const rows: Record<string, unknown>[] = await q;
    return rows.map((r) => ({
      financer_id: r.financer_id === undefined ? null : Number(r.financer_id),
      year: r.year === undefined ? null : Number(r.year),
      axis: (r.axis as string | null | undefined) ?? null,
      cents: BigInt(String(r.cents ?? 0)),
      lines: Number(r.lines),
    }));
  }
}
