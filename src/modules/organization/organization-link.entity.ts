import { Embedded, Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { DateScalar } from '../../graphql/scalars';
import { Node } from '../../graphql/node';
import { Provenance } from '../../shared/provenance';
import { LinkKind } from './organization.enums';
import { Organization } from './organization.entity';

/**
 * A dated membership of one organization in another (a Mission Locale in its ARML, an ARML in UNML).
 * Never overwritten: a link that ends gets an end date, and a new link is a new row.
 */
@Entity({ tableName: 'organization_link' })
@Index({ properties: ['parent', 'startDate'] })
@ObjectType({ implements: Node, description: "Lien d'adhésion daté entre deux structures (member → parent)." })
export class OrganizationLink extends Node {
  static readonly typename = 'OrganizationLink';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Organization, { index: true })
  member!: Organization;

  @ManyToOne(() => Organization)
  parent!: Organization;

  @Enum({ items: () => LinkKind })
  @Field(() => LinkKind, { description: 'Member, or member by right.' })
  kind!: LinkKind;

  @Property({ type: 'date' })
  @Field(() => DateScalar, { description: 'First day of the membership.' })
  startDate!: string;

  @Property({ type: 'date', nullable: true })
  @Field(() => DateScalar, { nullable: true, description: 'Day the membership ended (no longer in effect from that day); null while current.' })
  endDate?: string | null;

  @Embedded(() => Provenance, { prefix: 'provenance_' })
  @Field(() => Provenance, { description: 'Where this record comes from.' })
  provenance!: Provenance;

  get nodeKey(): string {
    return String(this.id);
  }
}
