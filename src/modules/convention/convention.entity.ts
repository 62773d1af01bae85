import { BigIntType, Embedded, Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { Node } from '../../graphql/node';
import { DateScalar, EurosScalar } from '../../graphql/scalars';
import { Provenance } from '../../shared/provenance';
import { Organization } from '../organization/organization.entity';
import { ConventionKind, ConventionStatus, PartyRole } from './convention.enums';

/** A convention signed by structures of the network: CPO, protocol, partnership, declination, delegation. */
@Entity({ tableName: 'convention' })
@ObjectType({ implements: Node, description: 'Convention: CPO, protocole régional, convention de partenariat nationale ou sa déclinaison régionale, délégation.' })
export class Convention extends Node {
  static readonly typename = 'Convention';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Enum({ items: () => ConventionKind })
  @Index()
  @Field(() => ConventionKind, { description: 'Kind of convention.' })
  kind!: ConventionKind;

  @Property({ type: 'string', length: 500 })
  @Field({ description: 'Title.' })
  title!: string;

  /** Title and reference folded for accent- and case-insensitive search. */
  @Property({ type: 'string', length: 700 })
  searchText!: string;

  @Property({ type: 'string', length: 100, nullable: true, unique: true })
  @Field(() => String, { nullable: true, description: 'Reference given by the signatories, unique in the registry.' })
  reference?: string | null;

  @Enum({ items: () => ConventionStatus })
  @Index()
  @Field(() => ConventionStatus, { description: 'Current status (its history is in statusHistory).' })
  status!: ConventionStatus;

  @Property({ type: 'date' })
  @Field(() => DateScalar, { description: 'First day of the period it covers.' })
  startDate!: string;

  @Property({ type: 'date' })
  @Index()
  @Field(() => DateScalar, { description: 'Last day of the period it covers (inclusive: a 2018-2020 CPO ends on 2020-12-31).' })
  endDate!: string;

  @Property({ type: 'date', nullable: true })
  @Field(() => DateScalar, { nullable: true, description: 'Signature date.' })
  signedOn?: string | null;

  /** Why a CPO État–ARML does not span three years, when it does not. */
  @Property({ type: 'string', length: 500, nullable: true })
  @Field(() => String, { nullable: true, description: 'For a CPO État–ARML that does not span three years: the stated reason.' })
  durationException?: string | null;

  @ManyToOne(() => Convention, { nullable: true })
  renews?: Convention | null;

  @ManyToOne(() => Convention, { nullable: true, index: true })
  nationalConvention?: Convention | null;

  @Property({ type: 'string', length: 300, nullable: true })
  @Field(() => String, { nullable: true, description: 'Professionalisation theme of a delegation, or theme of a partnership convention.' })
  theme?: string | null;

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

/** An organization party to a convention, in one role. */
@Entity({ tableName: 'convention_party' })
@Unique({ properties: ['convention', 'organization', 'role'] })
@Index({ properties: ['organization'] })
@ObjectType({ description: 'Partie à une convention, avec son rôle.' })
export class ConventionParty {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Convention, { index: true })
  convention!: Convention;

  @ManyToOne(() => Organization)
  organization!: Organization;

  @Enum({ items: () => PartyRole })
  @Field(() => PartyRole, { description: 'Role of the party.' })
  role!: PartyRole;
}

/** A dated status of a convention: the history is never overwritten. */
@Entity({ tableName: 'convention_status_change' })
@ObjectType({ description: 'Changement de statut daté.' })
export class ConventionStatusChange {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Convention, { index: true })
  convention!: Convention;

  @Enum({ items: () => ConventionStatus })
  @Field(() => ConventionStatus, { description: 'Status entered.' })
  status!: ConventionStatus;

  @Property({ type: 'date' })
  @Field(() => DateScalar, { description: 'Date it was entered.' })
  date!: string;

  @Property({ type: 'string', length: 500, nullable: true })
  @Field(() => String, { nullable: true, description: 'Note (decision, reason of a termination).' })
  note?: string | null;
}

/** A document of a convention (the signed text, an annex, an amendment). */
@Entity({ tableName: 'convention_document' })
@ObjectType({ description: 'Document de la convention: texte signé, annexe, avenant.' })
export class ConventionDocument {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Convention, { index: true })
  convention!: Convention;

  @Property({ type: 'string', length: 300 })
  @Field({ description: 'Title.' })
  title!: string;

  @Property({ type: 'string', length: 200, nullable: true })
  @Field(() => String, { nullable: true, description: 'Reference (instruction number, deliberation...).' })
  reference?: string | null;

  @Property({ type: 'string', length: 500, nullable: true })
  @Field(() => String, { nullable: true, description: 'Where to read it.' })
  url?: string | null;
}

/** An objective of a convention, numbered within its axis (1.1, 1.2, 2, 3.1...). */
@Entity({ tableName: 'convention_objective' })
@ObjectType({ description: 'Objectif de la convention, rattaché à un axe (1.1-1.3, 2, 3.1-3.3, 4.1-4.2 pour la CPO État–ARML).' })
export class ConventionObjective {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Convention, { index: true })
  convention!: Convention;

  @Property({ type: 'string', length: 10 })
  @Field({ description: 'Axis number ("1" to "4" for the CPO État–ARML).' })
  axis!: string;

  @Property({ type: 'string', length: 10 })
  @Field({ description: 'Number of the objective ("1.1", "2", "3.2").' })
  code!: string;

  @Property({ type: 'string', length: 500 })
  @Field({ description: 'Wording of the objective.' })
  title!: string;
}

/** An action serving an objective, with its calendar. */
@Entity({ tableName: 'convention_action' })
@ObjectType({ description: "Action d'un objectif, avec son calendrier." })
export class ConventionAction {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => ConventionObjective, { index: true })
  objective!: ConventionObjective;

  @Property({ type: 'string', length: 500 })
  @Field({ description: 'What is done.' })
  title!: string;

  @Property({ type: 'date', nullable: true })
  @Field(() => DateScalar, { nullable: true, description: 'Planned start.' })
  startDate?: string | null;

  @Property({ type: 'date', nullable: true })
  @Field(() => DateScalar, { nullable: true, description: 'Planned end.' })
  endDate?: string | null;
}

/** What a financer gives for a year, on an axis, exact to the cent. */
@Entity({ tableName: 'funding_line' })
@Index({ properties: ['financer'] })
@ObjectType({ description: 'Ligne de financement: un financeur, une année, un axe, un montant au centime près.' })
export class FundingLine {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Convention, { index: true })
  convention!: Convention;

  @ManyToOne(() => Organization)
  financer!: Organization;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: 'Year funded.' })
  year!: number;

  @Property({ type: 'string', length: 10, nullable: true })
  @Field(() => String, { nullable: true, description: 'Axis funded, when the line is earmarked.' })
  axis?: string | null;

  @Property({ type: new BigIntType('bigint'), fieldName: 'amount_cents' })
  @Field(() => EurosScalar, { description: 'Amount in euros, exact to the cent.' })
  amount!: bigint;

  @Embedded(() => Provenance, { prefix: 'provenance_' })
  @Field(() => Provenance, { description: 'Where this record comes from (illustrative amounts are marked so).' })
  provenance!: Provenance;
}
