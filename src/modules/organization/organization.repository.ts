import type { EntityManager, Knex } from '@mikro-orm/knex';
import { pageByKeys, PageWindow } from '../../db/paging';
import type { Page } from '../../graphql/pagination';
import { foldForSearch } from '../../shared/text';
import { today } from '../../shared/dates';
import { Organization, OrganizationIdentifier, OrganizationName } from './organization.entity';
import { OrganizationLink } from './organization-link.entity';
import { OrganizationRegion } from './organization-region.entity';
import { IdentifierScheme, OrganizationKind } from './organization.enums';
import { OrganizationFilter, OrganizationOrder, OrganizationOrderField, SortDirection } from './organization.inputs';

/** Query shapes for organizations and their links; no business rules here. */
export class OrganizationRepository {
  constructor(private readonly em: EntityManager) {}

  findByIds(ids: readonly number[]): Promise<Organization[]> {
    return this.em.find(Organization, { id: { $in: [...ids] } });
  }

  findOneByKind(kind: OrganizationKind): Promise<Organization | null> {
    return this.em.findOne(Organization, { kind, dissolvedOn: null }, { orderBy: { id: 'ASC' } });
  }

  async findByIdentifier(scheme: IdentifierScheme, value: string): Promise<Organization | null> {
    const found = await this.em.findOne(OrganizationIdentifier, { scheme, value }, { populate: ['organization'] });
    return found?.organization ?? null;
  }

  /** Links whose member is one of `ids`, with the parent loaded in the same query. */
  linksAsMember(ids: readonly number[]): Promise<OrganizationLink[]> {
    return this.em.find(OrganizationLink, { member: { $in: [...ids] } }, { populate: ['parent'] });
  }

  /** Members of the organizations `ids` (every link, current and ended) as plain rows, for lists that only need who and when. */
  /**
   * Every link (current and ended) where one of `ids` is the parent, each with its member organization,
   * in one joined statement (the member organizations are mapped into the entity manager).
   */
  async membersOf(ids: readonly number[]): Promise<{ parentId: number; member: Organization; startDate: string; endDate: string | null }[]> {
    const rows: Record<string, any>[] = await this.em.getKnex()('organization_link as l').join('organization as o', 'o.id', 'l.member_id')
      .whereIn('l.parent_id', [...ids])
      .select('o.*', 'l.parent_id as link_parent_id', 'l.start_date as link_start_date', 'l.end_date as link_end_date');
    return rows.map(({ link_parent_id, link_start_date, link_end_date, ...organization }) => ({
      parentId: Number(link_parent_id),
      member: this.em.map(Organization, organization),
      startDate: link_start_date,
      endDate: link_end_date,
    }));
  }

  identifiersOf(ids: readonly number[]): Promise<OrganizationIdentifier[]> {
    return this.em.find(OrganizationIdentifier, { organization: { $in: [...ids] } }, { orderBy: { scheme: 'ASC', value: 'ASC' } });
  }

  formerNamesOf(ids: readonly number[]): Promise<OrganizationName[]> {
    return this.em.find(OrganizationName, { organization: { $in: [...ids] } }, { orderBy: { validUntil: 'ASC' } });
  }

  regionsOf(ids: readonly number[]): Promise<OrganizationRegion[]> {
    return this.em.find(OrganizationRegion, { organization: { $in: [...ids] } }, { orderBy: { startDate: 'ASC', regionCode: 'ASC' } });
  }

  /** One page of the filtered, ordered list, and the size of the whole list. */
  findPage(filter: OrganizationFilter, order: OrganizationOrder | undefined, window: PageWindow): Promise<Page<Organization>> {
    return pageByKeys(this.filtered(filter), 'o.id', (q) => this.ordered(q, order), window, (ids: number[]) => this.findByIds(ids), (o) => o.id);
  }

  private filtered(filter: OrganizationFilter): Knex.QueryBuilder {
    const knex = this.em.getKnex();
    const q = knex('organization as o');
    if (filter.kinds?.length) q.whereIn('o.kind', filter.kinds);
    if (filter.legalForms?.length) q.whereIn('o.legal_form', filter.legalForms);
    if (filter.departementCode) q.where('o.departement_code', filter.departementCode);
    if (filter.regionCode) {
      const code = filter.regionCode;
      q.where((w) => w.where('o.region_code', code)
        .orWhereIn('o.id', knex('organization_region').select('organization_id').where('region_code', code)));
    }
    for (const word of foldForSearch(filter.search ?? '').split(' ').filter(Boolean)) {
      q.where('o.search_name', 'like', `%${word}%`);
    }
    if (filter.activeOn || !filter.includeDissolved) {
      const day = filter.activeOn ?? today();
      q.where((w) => w.whereNull('o.founded_on').orWhere('o.founded_on', '<=', day));
      q.where((w) => w.whereNull('o.dissolved_on').orWhere('o.dissolved_on', '>', day));
    }
    return q;
  }

  private ordered(q: Knex.QueryBuilder, order?: OrganizationOrder): Knex.QueryBuilder {
    const dir = order?.direction === SortDirection.DESC ? 'desc' : 'asc';
    switch (order?.field) {
      case OrganizationOrderField.DEPARTEMENT:
        q.orderByRaw(`case when o.departement_code is null then 1 else 0 end, o.departement_code ${dir}`);
        break;
      case OrganizationOrderField.FOUNDED_ON:
        q.orderByRaw(`case when o.founded_on is null then 1 else 0 end, o.founded_on ${dir}`);
        break;
      default:
        return q.orderBy([{ column: 'o.search_name', order: dir }, { column: 'o.id', order: dir }]);
    }
    return q.orderBy([{ column: 'o.search_name', order: 'asc' }, { column: 'o.id', order: 'asc' }]);
  }
}

/** Missions Locales active on `asOf` whose region or main département is one of `codes`. */
export function missionsLocalesIn(em: EntityManager, column: 'regionCode' | 'departementCode', codes: readonly string[], asOf: string): Promise<Organization[]> {
  return em.find(Organization, {
    kind: OrganizationKind.MISSION_LOCALE,
    [column]: { $in: [...codes] },
    $and: [
      { $or: [{ foundedOn: null }, { foundedOn: { $lte: asOf } }] },
      { $or: [{ dissolvedOn: null }, { dissolvedOn: { $gt: asOf } }] },
    ],
  }, { orderBy: { searchName: 'ASC', id: 'ASC' } });
}

/** ARML covering some regions, with the dates of each coverage. */
export function armlRegionsOf(em: EntityManager, regionCodes: readonly string[]): Promise<OrganizationRegion[]> {
  return em.find(OrganizationRegion, { regionCode: { $in: [...regionCodes] } }, { populate: ['organization'] });
}
