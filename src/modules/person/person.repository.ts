import type { EntityManager } from '@mikro-orm/knex';
import { pageByKeys } from '../../db/paging';
import type { Page, PageArgs } from '../../graphql/pagination';
import { foldForSearch } from '../../shared/text';
import { Person } from './person.entity';
import { PersonFilter } from './person.inputs';

/** Query shapes for persons. */
export class PersonRepository {
  constructor(private readonly em: EntityManager) {}

  findPage(filter: PersonFilter, page: PageArgs): Promise<Page<Person>> {
    const q = this.em.getKnex()('person as p');
    for (const word of foldForSearch(filter.search ?? '').split(' ').filter(Boolean)) q.where('p.search_name', 'like', `%${word}%`);
    return pageByKeys(q, 'p.id', (x) => x.orderBy(['p.family_name', 'p.given_name', 'p.id']), page,
      (ids: number[]) => this.em.find(Person, { id: { $in: ids } }), (p) => p.id);
  }
}
