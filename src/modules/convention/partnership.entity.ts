import { Embedded, Entity, Enum, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { Node } from '../../graphql/node';
import { DateScalar } from '../../graphql/scalars';
import { Provenance } from '../../shared/provenance';
import { Organization } from '../organization/organization.entity';
import { Convention } from './convention.entity';
import { PartnershipScope, PartnershipTheme } from './convention.enums';

/** A dated relationship between a structure of the network and a partner, formalised by zero or more conventions. */
@Entity({ tableName: 'partnership' })
@ObjectType({ implements: Node, description: 'Partenariat daté entre une structure du réseau et un partenaire, formalisé ou non par des conventions.' })
export class Partnership extends Node {
  static readonly typename = 'Partnership';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Organization, { index: true })
  networkOrganization!: Organization;

  @ManyToOne(() => Organization, { index: true })
  partner!: Organization;

  @Enum({ items: () => PartnershipTheme })
  @Field(() => PartnershipTheme, { description: 'Theme.' })
  theme!: PartnershipTheme;

  @Enum({ items: () => PartnershipScope })
  @Field(() => PartnershipScope, { description: 'Scope: national, regional or local.' })
  scope!: PartnershipScope;

  @Property({ type: 'string', length: 1000, nullable: true })
  @Field(() => String, { nullable: true, description: 'What the partnership is about.' })
  description?: string | null;

  @Property({ type: 'date' })
  @Field(() => DateScalar, { description: 'First day.' })
  startDate!: string;

  @Property({ type: 'date', nullable: true })
  @Field(() => DateScalar, { nullable: true, description: 'Day it ended; null while current.' })
  endDate?: string | null;

  @Embedded(() => Provenance, { prefix: 'provenance_' })
  @Field(() => Provenance, { description: 'Where this record comes from.' })
  provenance!: Provenance;

  @Property({ type: 'integer', version: true })
  version!: number;

  get nodeKey(): string {
    return String(this.id);
  }
}

/** A convention formalising a partnership. */
@Entity({ tableName: 'partnership_convention' })
@Unique({ properties: ['partnership', 'convention'] })
export class PartnershipConvention {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Partnership, { index: true })
  partnership!: Partnership;

  @ManyToOne(() => Convention, { index: true })
  convention!: Convention;
}
