import type { EntityManager } from '@mikro-orm/knex';
import { pageByKeys } from '../../db/paging';
import type { Page, PageArgs } from '../../graphql/pagination';
import { GoverningBody } from './governance.entity';
import { GoverningBodyFilter } from './governance.inputs';

/** Query shapes for governing bodies. */
export class GovernanceRepository {
  constructor(private readonly em: EntityManager) {}

  /** One page of bodies, by organization name then body id, and the size of the whole list. */
  findBodyPage(filter: GoverningBodyFilter, page: PageArgs): Promise<Page<GoverningBody>> {
    const knex = this.em.getKnex();
    const q = knex('governing_body as b').join('organization as o', 'o.id', 'b.organization_id');
    if (filter.kinds?.length) q.whereIn('b.kind', filter.kinds);
    if (filter.organizationKinds?.length) q.whereIn('o.kind', filter.organizationKinds);
    if (filter.regionCode) {
      const code = filter.regionCode;
      q.where((w) => w.where('o.region_code', code)
        .orWhereIn('o.id', knex('organization_region').select('organization_id').where('region_code', code)));
    }
    return pageByKeys(q, 'b.id', (x) => x.orderBy([{ column: 'o.search_name' }, { column: 'o.id' }, { column: 'b.id' }]), page,
      (ids: number[]) => this.em.find(GoverningBody, { id: { $in: ids } }), (b) => b.id);
  }
}
