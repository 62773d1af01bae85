import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../../graphql/node';

/**
 * Official geography, loaded from `@etalab/decoupage-administratif` (INSEE codes).
 * Reference data: read-only through the API.
 */

/** A region (INSEE code), including the overseas regions and Saint-Martin. */
@Entity({ tableName: 'region' })
@ObjectType({ implements: Node, description: 'Région (code INSEE), y compris les régions d’outre-mer et Saint-Martin.' })
export class Region extends Node {
  static readonly typename = 'Region';

  @PrimaryKey({ type: 'string', length: 3 })
  @Field({ description: 'INSEE region code ("53" for Bretagne, "978" for Saint-Martin).' })
  code!: string;

  @Property({ type: 'string', length: 100 })
  @Field({ description: 'Official name.' })
  name!: string;

  @Property({ type: 'string', length: 10 })
  @Field({ description: '"metro" (metropolitan France), "drom" (overseas region) or "com" (overseas collectivity).' })
  zone!: string;

  get nodeKey(): string {
    return this.code;
  }
}

/** A département (INSEE code). */
@Entity({ tableName: 'departement' })
@ObjectType({ implements: Node, description: 'Département (code INSEE).' })
export class Departement extends Node {
  static readonly typename = 'Departement';

  @PrimaryKey({ type: 'string', length: 3 })
  @Field({ description: 'INSEE code ("35", "2A", "974").' })
  code!: string;

  @Property({ type: 'string', length: 100 })
  @Field({ description: 'Official name.' })
  name!: string;

  @Property({ type: 'string', length: 3 })
  @Index()
  regionCode!: string;

  get nodeKey(): string {
    return this.code;
  }
}

/** A commune, or a municipal arrondissement of Paris, Lyon or Marseille. */
export enum CommuneKind {
  COMMUNE = 'COMMUNE',
  MUNICIPAL_ARRONDISSEMENT = 'MUNICIPAL_ARRONDISSEMENT',
}
registerEnumType(CommuneKind, {
  name: 'CommuneKind',
  description: 'Commune ou arrondissement municipal.',
  valuesConfig: {
    COMMUNE: { description: 'Commune.' },
    MUNICIPAL_ARRONDISSEMENT: { description: 'Arrondissement municipal of Paris, Lyon or Marseille (covered one by one, as in UNML’s coverage file).' },
  },
});

@Entity({ tableName: 'commune' })
@ObjectType({ implements: Node, description: 'Commune (code INSEE), ou arrondissement municipal de Paris, Lyon, Marseille.' })
export class Commune extends Node {
  static readonly typename = 'Commune';

  @PrimaryKey({ type: 'string', length: 5 })
  @Field({ description: 'INSEE code (not the postal code): "35115" for Fougères, "75119" for Paris 19e.' })
  code!: string;

  @Property({ type: 'string', length: 150 })
  @Field({ description: 'Official name.' })
  name!: string;

  @Property({ type: 'string', length: 150 })
  @Index()
  searchName!: string;

  @Enum({ items: () => CommuneKind })
  @Field(() => CommuneKind, { description: 'Commune, or municipal arrondissement.' })
  kind!: CommuneKind;

  @Property({ type: 'string', length: 3 })
  @Index()
  departementCode!: string;

  @Property({ type: 'string', length: 3 })
  @Index()
  regionCode!: string;

  /** For a municipal arrondissement: the INSEE code of its commune (75056 for Paris). */
  @Property({ type: 'string', length: 5, nullable: true })
  @Index()
  parentCode?: string | null;

  @Property({ type: 'string', length: 9, nullable: true })
  epciCode?: string | null;

  @Property({ type: 'integer', nullable: true })
  @Field(() => Int, { nullable: true, description: 'Municipal population (INSEE), when published.' })
  population?: number | null;

  /** True for the units Missions Locales cover: every commune in the network's regions, arrondissements instead of Paris, Lyon, Marseille. */
  @Property({ type: 'boolean' })
  coverable!: boolean;

  get nodeKey(): string {
    return this.code;
  }
}

/** A postal code of a commune: one postal code may serve several communes and one commune several codes. */
@Entity({ tableName: 'commune_postal_code' })
@Index({ properties: ['postalCode'] })
export class CommunePostalCode {
  @PrimaryKey({ type: 'string', length: 5 })
  communeCode!: string;

  @PrimaryKey({ type: 'string', length: 5 })
  postalCode!: string;
}
