import type { EntityManager } from '@mikro-orm/knex';
import { foldForSearch } from '../../shared/text';
import { Person } from './person.entity';
import { PersonFilter } from './person.inputs';

/** Query shapes for persons. */
export class PersonRepository {
  constructor(private readonly em: EntityManager) {}

  async findPage(filter: PersonFilter, window: (total: number) => { offset: number; limit: number }) {
    const q = this.em.getKnex()('person as p');
    for (const word of foldForSearch(filter.search ?? '').split(' ').filter(Boolean)) q.where('p.search_name', 'like', `%${word}%`);
    const [{ n }] = await q.clone().count({ n: '*' });
    const totalCount = Number(n);
    const { offset, limit } = window(totalCount);
    if (limit === 0) return { items: [] as Person[], offset, totalCount };
    const rows: { id: number }[] = await q.clone().select('p.id').orderBy(['p.family_name', 'p.given_name', 'p.id']).offset(offset).limit(limit);
    const byId = new Map((await this.em.find(Person, { id: { $in: rows.map((r) => Number(r.id)) } })).map((p) => [p.id, p]));
    return { items: rows.map((r) => byId.get(Number(r.id))!), offset, totalCount };
  }
}
