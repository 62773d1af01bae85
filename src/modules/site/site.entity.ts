import { Embedded, Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../../graphql/node';
import { Provenance } from '../../shared/provenance';
import { Organization } from '../organization/organization.entity';

export enum SiteKind {
  HEAD_OFFICE = 'HEAD_OFFICE',
  ANTENNA = 'ANTENNA',
}
registerEnumType(SiteKind, {
  name: 'SiteKind',
  description: "Type de lieu d'accueil.",
  valuesConfig: {
    HEAD_OFFICE: { description: 'Siège: the head office.' },
    ANTENNA: { description: 'Antenne or permanence: another reception site.' },
  },
});

/** A reception site (lieu d'accueil) of a Mission Locale. */
@Entity({ tableName: 'site' })
@ObjectType({ implements: Node, description: "Lieu d'accueil d'une Mission Locale: siège ou antenne." })
export class Site extends Node {
  static readonly typename = 'Site';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Organization, { index: true })
  organization!: Organization;

  @Enum({ items: () => SiteKind })
  @Field(() => SiteKind, { description: 'Head office or antenna.' })
  kind!: SiteKind;

  @Property({ type: 'string', length: 300 })
  @Field({ description: 'Name of the site.' })
  name!: string;

  @Property({ type: 'string', length: 300, nullable: true })
  @Field(() => String, { nullable: true, description: 'Street address.' })
  address?: string | null;

  @Property({ type: 'string', length: 5, nullable: true })
  @Field(() => String, { nullable: true, description: 'Postal code.' })
  postalCode?: string | null;

  @Property({ type: 'string', length: 5 })
  @Index()
  communeCode!: string;

  @Property({ type: 'double', nullable: true })
  @Field(() => Float, { nullable: true, description: 'Latitude (WGS 84), when known.' })
  latitude?: number | null;

  @Property({ type: 'double', nullable: true })
  @Field(() => Float, { nullable: true, description: 'Longitude (WGS 84), when known.' })
  longitude?: number | null;

  @Property({ type: 'string', length: 14, nullable: true })
  @Field(() => String, { nullable: true, description: 'SIRET of the establishment, when known.' })
  siret?: string | null;

  @Embedded(() => Provenance, { prefix: 'provenance_' })
  @Field(() => Provenance, { description: 'Where this record comes from.' })
  provenance!: Provenance;

  @Property({ type: 'integer', version: true })
  @Field(() => Int, { description: 'Version of the record: send it back when updating; a stale one is refused (CONFLICT).' })
  version!: number;

  get nodeKey(): string {
    return String(this.id);
  }
}
