import { memoize, RequestContext } from '../../graphql/context';
import { Organization } from '../organization/organization.entity';
import { OrganizationKind } from '../organization/organization.enums';
import { OrganizationService } from '../organization/organization.service';
import { siteLoaders } from '../site/site.loaders';
import { TerritoryRepository } from '../territory/territory.repository';
import { TerritoryService } from '../territory/territory.service';
import { Figures } from './figures.types';

const zero = (): Figures => ({ missionsLocales: 0, sites: 0, communesCovered: 0, populationCovered: 0 });

function add(a: Figures, b: Figures): Figures {
  return {
    missionsLocales: a.missionsLocales + b.missionsLocales,
    sites: a.sites + b.sites,
    communesCovered: a.communesCovered + b.communesCovered,
    populationCovered: a.populationCovered + b.populationCovered,
  };
}

/** Network figures, computed with a few GROUP BY statements per request and date. */
export class FiguresService {
  constructor(private readonly ctx: RequestContext) {}

  /** Figures of every region on `asOf`, keyed by INSEE region code. */
  byRegion(asOf: string): Promise<Map<string, Figures>> {
    return memoize(this.ctx, `figures.byRegion:${asOf}`, async () => {
      const knex = this.ctx.em.getKnex();
      const activeMl = (q: ReturnType<typeof knex>) => q
        .where('o.kind', OrganizationKind.MISSION_LOCALE)
        .where((w) => w.whereNull('o.founded_on').orWhere('o.founded_on', '<=', asOf))
        .where((w) => w.whereNull('o.dissolved_on').orWhere('o.dissolved_on', '>', asOf));
      const [mls, sites, coverage] = await Promise.all([
        activeMl(knex('organization as o')).select('o.region_code').count({ n: '*' }).groupBy('o.region_code'),
        activeMl(knex('site as s').join('organization as o', 'o.id', 's.organization_id')).select('o.region_code').count({ n: '*' }).groupBy('o.region_code'),
        new TerritoryRepository(this.ctx.em).coverageStatsByRegion(asOf),
      ]);
      const result = new Map<string, Figures>();
      const at = (code: string) => result.get(code) ?? result.set(code, zero()).get(code)!;
      for (const r of mls as { region_code: string; n: string | number }[]) at(r.region_code).missionsLocales = Number(r.n);
      for (const r of sites as { region_code: string; n: string | number }[]) at(r.region_code).sites = Number(r.n);
      for (const r of coverage) {
        at(r.region_code).communesCovered = Number(r.communes);
        at(r.region_code).populationCovered = Number(r.population);
      }
      return result;
    });
  }

  async national(asOf: string): Promise<Figures> {
    return [...(await this.byRegion(asOf)).values()].reduce(add, zero());
  }

  /** Figures of an organization: the network for UNML, its regions for an ARML, itself for a Mission Locale. */
  async of(org: Organization, asOf: string): Promise<Figures> {
    switch (org.kind) {
      case OrganizationKind.UNML:
        return this.national(asOf);
      case OrganizationKind.ARML: {
        const [regions, codes] = await Promise.all([this.byRegion(asOf), new OrganizationService(this.ctx).regionCodes(org, asOf)]);
        return codes.map((c) => regions.get(c) ?? zero()).reduce(add, zero());
      }
      case OrganizationKind.MISSION_LOCALE: {
        const [sites, coverage] = await Promise.all([
          siteLoaders.count(this.ctx).load(org.id),
          new TerritoryService(this.ctx).coverageStats(org, asOf),
        ]);
        return { missionsLocales: 1, sites, communesCovered: coverage.communes, populationCovered: coverage.population };
      }
      default:
        return zero();
    }
  }
}
