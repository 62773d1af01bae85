import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { AsOfArgs, dayOf } from '../../graphql/args';
import type { RequestContext } from '../../graphql/context';
import { territoryLoaders } from '../territory/territory.loaders';
import { Region } from '../territory/territory.entity';
import { FiguresService } from './figures.service';
import { NetworkFigures } from './figures.types';

@Resolver()
export class FiguresResolver {
  @Query(() => NetworkFigures, { description: 'National key figures and their breakdown by region, on a date.' })
  async networkFigures(@Args() args: AsOfArgs, @Ctx() ctx: RequestContext): Promise<NetworkFigures> {
    const asOf = dayOf(args);
    const service = new FiguresService(ctx);
    const byRegion = await service.byRegion(asOf);
    const codes = [...byRegion.keys()].filter((c) => byRegion.get(c)!.missionsLocales > 0).sort();
    const regions = await territoryLoaders.region(ctx).loadMany(codes);
    return {
      asOf,
      total: await service.national(asOf),
      regions: codes.map((code, i) => ({ region: regions[i] as Region, figures: byRegion.get(code)! })),
    };
  }
}
