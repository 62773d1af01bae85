import { Field, Int, ObjectType } from 'type-graphql';
import { Region } from '../territory/territory.entity';

/** Counts that describe part of the network on a date. */
@ObjectType({ description: 'Chiffres clés at a date: Missions Locales, sites, communes and population covered.' })
export class Figures {
  @Field(() => Int, { description: 'Missions Locales active on the date.' })
  missionsLocales!: number;

  @Field(() => Int, { description: "Reception sites (lieux d'accueil) of those Missions Locales." })
  sites!: number;

  @Field(() => Int, { description: 'Communes (or municipal arrondissements) covered by a Mission Locale on the date.' })
  communesCovered!: number;

  @Field(() => Int, { description: 'Population (INSEE municipal population) of the covered communes.' })
  populationCovered!: number;
}

/** Figures of one region. */
@ObjectType({ description: "Chiffres clés d'une région." })
export class RegionFigures {
  @Field(() => Region, { description: 'The region.' })
  region!: Region;

  @Field(() => Figures, { description: 'Its figures.' })
  figures!: Figures;
}

/** National figures and their breakdown by region. */
@ObjectType({ description: 'Chiffres clés nationaux et par région.' })
export class NetworkFigures {
  @Field({ description: 'Date the figures describe.' })
  asOf!: string;

  @Field(() => Figures, { description: 'Whole network.' })
  total!: Figures;

  @Field(() => [RegionFigures], { description: 'One entry per region that has at least one Mission Locale, by region code.' })
  regions!: RegionFigures[];
}
