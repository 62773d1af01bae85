import { Embedded, Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { Node } from '../../graphql/node';
import { DateScalar } from '../../graphql/scalars';
import { Provenance } from '../../shared/provenance';
import { Organization } from '../organization/organization.entity';
import { Person } from '../person/person.entity';
import { BodyKind, MandateEndReason, MandateRole, PostKind } from './governance.enums';

/** An electoral group of an organization (collège): a Mission Locale has four, UNML's board four groups. */
@Entity({ tableName: 'college' })
@Unique({ properties: ['organization', 'number'] })
@ObjectType({ implements: Node, description: 'Collège: groupe électoral des membres (ex. collège des élus des collectivités territoriales).' })
export class College extends Node {
  static readonly typename = 'College';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Organization)
  organization!: Organization;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: 'Number of the collège in the statutes (1 to 4).' })
  number!: number;

  @Property({ type: 'string', length: 300 })
  @Field({ description: 'Name of the collège.' })
  name!: string;

  @Property({ type: 'string', length: 1000, nullable: true })
  @Field(() => String, { nullable: true, description: 'Who belongs to it, and any limit on its role.' })
  description?: string | null;

  get nodeKey(): string {
    return String(this.id);
  }
}

/** A governing body of an organization (AG, CA, Bureau, committees) or a partner body with network seats. */
@Entity({ tableName: 'governing_body' })
@ObjectType({ implements: Node, description: 'Instance de gouvernance: AG, CA, Bureau, Conférence des présidents, comités.' })
export class GoverningBody extends Node {
  static readonly typename = 'GoverningBody';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Organization, { index: true })
  organization!: Organization;

  @Enum({ items: () => BodyKind })
  @Field(() => BodyKind, { description: 'Kind of body.' })
  kind!: BodyKind;

  @Property({ type: 'string', length: 300 })
  @Field({ description: 'Name of the body.' })
  name!: string;

  @Property({ type: 'string', length: 1000, nullable: true })
  @Field(() => String, { nullable: true, description: 'Role of the body.' })
  description?: string | null;

  @Property({ type: 'string', length: 200, nullable: true })
  @Field(() => String, { nullable: true, description: 'How often it meets ("every two months").' })
  meetingFrequency?: string | null;

  @ManyToOne(() => Organization, { nullable: true })
  secretariat?: Organization | null;

  @Property({ type: 'integer', nullable: true })
  @Field(() => Int, { nullable: true, description: 'Length of a term in years, when the statutes set it (UNML board: 2).' })
  termYears?: number | null;

  @Embedded(() => Provenance, { prefix: 'provenance_' })
  @Field(() => Provenance, { description: 'Where this record comes from.' })
  provenance!: Provenance;

  @Property({ type: 'integer', version: true })
  @Field(() => Int, { description: 'Version of the record: send it back when changing it; a stale one is refused (CONFLICT).' })
  version!: number;

  get nodeKey(): string {
    return String(this.id);
  }
}

/** A term (mandature) of a body: its composition belongs to a term. */
@Entity({ tableName: 'body_term' })
@ObjectType({ implements: Node, description: "Mandature d'une instance: période à laquelle appartient sa composition." })
export class BodyTerm extends Node {
  static readonly typename = 'BodyTerm';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => GoverningBody, { index: true })
  body!: GoverningBody;

  @Property({ type: 'date' })
  @Field(() => DateScalar, { description: 'First day of the term.' })
  startDate!: string;

  @Property({ type: 'date', nullable: true })
  @Field(() => DateScalar, { nullable: true, description: 'Day the term ended; null for the current, open term.' })
  endDate?: string | null;

  @Property({ type: 'string', length: 100, nullable: true })
  @Field(() => String, { nullable: true, description: 'Usual label ("2022-2024").' })
  label?: string | null;

  get nodeKey(): string {
    return String(this.id);
  }
}

/** A post of a body, existing with or without a holder, with its number of seats. */
@Entity({ tableName: 'post' })
@ObjectType({ implements: Node, description: "Poste d'une instance (président, administrateur...), avec son nombre de sièges; existe même vacant." })
export class Post extends Node {
  static readonly typename = 'Post';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => GoverningBody, { index: true })
  body!: GoverningBody;

  @Enum({ items: () => PostKind })
  @Field(() => PostKind, { description: 'Kind of post.' })
  kind!: PostKind;

  @Property({ type: 'string', length: 300 })
  @Field({ description: 'Label of the post ("Président", "Administrateurs du collège 1").' })
  label!: string;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: 'Number of seats (titulaires).' })
  seats!: number;

  @ManyToOne(() => College, { nullable: true })
  college?: College | null;

  @Property({ type: 'integer', version: true })
  @Field(() => Int, { description: 'Version of the record: send it back when changing it; a stale one is refused (CONFLICT).' })
  version!: number;

  get nodeKey(): string {
    return String(this.id);
  }
}

/**
 * A mandate: a person (or an organization, for members by right) holds a seat of a post, in a term.
 * Never overwritten: ending closes it, a successor opens a new one, a correction is a new mandate
 * that the corrected one points to.
 */
@Entity({ tableName: 'mandate' })
@Index({ properties: ['person'] })
@Index({ properties: ['holderOrganization'] })
@ObjectType({ implements: Node, description: 'Mandat: une personne (ou une structure membre de droit) occupe un siège, dans une mandature, au titre d’une structure.' })
export class Mandate extends Node {
  static readonly typename = 'Mandate';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Post, { index: true })
  post!: Post;

  @ManyToOne(() => BodyTerm, { index: true })
  term!: BodyTerm;

  @ManyToOne(() => Person, { nullable: true })
  person?: Person | null;

  @ManyToOne(() => Organization, { nullable: true })
  holderOrganization?: Organization | null;

  @ManyToOne(() => College, { nullable: true })
  college?: College | null;

  @ManyToOne(() => Organization, { nullable: true })
  onBehalfOf?: Organization | null;

  @Enum({ items: () => MandateRole })
  @Field(() => MandateRole, { description: 'Titulaire or suppléant.' })
  role!: MandateRole;

  @Property({ type: 'date' })
  @Index()
  @Field(() => DateScalar, { description: 'First day of the mandate.' })
  startDate!: string;

  @Property({ type: 'date', nullable: true })
  @Field(() => DateScalar, { nullable: true, description: 'Day the mandate ended; null while current.' })
  endDate?: string | null;

  @Enum({ items: () => MandateEndReason, nullable: true })
  @Field(() => MandateEndReason, { nullable: true, description: 'Why it ended.' })
  endReason?: MandateEndReason | null;

  @Property({ type: 'string', length: 300, nullable: true })
  @Field(() => String, { nullable: true, description: 'Legal basis: reference of the deliberation or decision.' })
  legalBasis?: string | null;

  /** The mandate that corrects this one, when this record was wrong. */
  @ManyToOne(() => Mandate, { nullable: true })
  correctedBy?: Mandate | null;

  @Embedded(() => Provenance, { prefix: 'provenance_' })
  @Field(() => Provenance, { description: 'Where this record comes from.' })
  provenance!: Provenance;

  @Property({ type: 'integer', version: true })
  @Field(() => Int, { description: 'Version of the record: send it back when changing it; a stale one is refused (CONFLICT).' })
  version!: number;

  get nodeKey(): string {
    return String(this.id);
  }
}
