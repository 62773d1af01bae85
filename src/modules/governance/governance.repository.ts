import type { EntityManager } from '@mikro-orm/knex';
import { GoverningBody } from './governance.entity';
import { GoverningBodyFilter } from './governance.inputs';

/** Query shapes for governing bodies. */
export class GovernanceRepository {
  constructor(private readonly em: EntityManager) {}

  /** One page of bodies, by organization name then body id, and the size of the whole list. */
  async findBodyPage(filter: GoverningBodyFilter, window: (total: number) => { offset: number; limit: number }) {
    const knex = this.em.getKnex();
    const q = knex('governing_body as b').join('organization as o', 'o.id', 'b.organization_id');
    if (filter.kinds?.length) q.whereIn('b.kind', filter.kinds);
    if (filter.organizationKinds?.length) q.whereIn('o.kind', filter.organizationKinds);
    if (filter.regionCode) {
      const code = filter.regionCode;
      q.where((w) => w.where('o.region_code', code)
        .orWhereIn('o.id', knex('organization_region').select('organization_id').where('region_code', code)));
    }
    const [{ n }] = await q.clone().count({ n: '*' });
    const totalCount = Number(n);
    const { offset, limit } = window(totalCount);
    if (limit === 0) return { items: [] as GoverningBody[], offset, totalCount };
    const rows: { id: number }[] = await q.clone().select('b.id').orderBy([{ column: 'o.search_name' }, { column: 'o.id' }, { column: 'b.id' }]).offset(offset).limit(limit);
    const byId = new Map((await this.em.find(GoverningBody, { id: { $in: rows.map((r) => r.id) } })).map((b) => [b.id, b]));
    return { items: rows.map((r) => byId.get(Number(r.id))!), offset, totalCount };
  }
}
