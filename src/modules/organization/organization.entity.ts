import {
  Embedded, Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique,
} from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { Provenance } from '../../shared/provenance';
import { DateScalar } from '../../graphql/scalars';
import { IdentifierScheme, LegalForm, OrganizationKind, PartnerCategory } from './organization.enums';
import { Node } from '../../graphql/node';

/** A structure of the network (UNML, ARML, Mission Locale) or one of its partners. */
@Entity({ tableName: 'organization' })
@ObjectType({ implements: Node, description: "Structure du réseau (UNML, ARML, Mission Locale) ou partenaire." })
export class Organization extends Node {
  static readonly typename = 'Organization';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Enum({ items: () => OrganizationKind })
  @Index()
  @Field(() => OrganizationKind, { description: 'Kind of structure.' })
  kind!: OrganizationKind;

  @Enum({ items: () => PartnerCategory, nullable: true })
  @Field(() => PartnerCategory, { nullable: true, description: 'For partners: their category.' })
  partnerCategory?: PartnerCategory | null;

  @Property({ type: 'string', length: 300 })
  @Field({ description: 'Current official name.' })
  name!: string;

  /** Name folded for accent- and case-insensitive search. */
  @Property({ type: 'string', length: 300 })
  @Index()
  searchName!: string;

  @Property({ type: 'string', length: 120, nullable: true })
  @Field(() => String, { nullable: true, description: 'Short or usual name (acronym, UNML short name).' })
  shortName?: string | null;

  @Property({ type: 'string', length: 1000, nullable: true })
  @Field(() => String, { nullable: true, description: 'What the structure is or does, when its name does not say it.' })
  description?: string | null;

  @Enum({ items: () => LegalForm })
  @Field(() => LegalForm, { description: 'Legal form.' })
  legalForm!: LegalForm;

  @Property({ type: 'date', nullable: true })
  @Field(() => DateScalar, { nullable: true, description: 'Founding date, when known.' })
  foundedOn?: string | null;

  @Property({ type: 'date', nullable: true })
  @Field(() => DateScalar, { nullable: true, description: 'Dissolution date (merger, absorption, closure); null while active.' })
  dissolvedOn?: string | null;

  /** Main département (Missions Locales): a filter key, not a territory (coverage is by commune). */
  @Property({ type: 'string', length: 3, nullable: true })
  @Index()
  departementCode?: string | null;

  /** Region of the structure: the ARML's first region, a Mission Locale's region. */
  @Property({ type: 'string', length: 3, nullable: true })
  @Index()
  regionCode?: string | null;

  @Property({ type: 'string', length: 40, nullable: true })
  officePhone?: string | null;

  @Property({ type: 'string', length: 200, nullable: true })
  officeEmail?: string | null;

  @Property({ type: 'string', length: 300, nullable: true })
  officeAddress?: string | null;

  @Property({ type: 'string', length: 300, nullable: true })
  @Field(() => String, { nullable: true, description: 'Public website.' })
  website?: string | null;

  @Embedded(() => Provenance, { prefix: 'provenance_' })
  @Field(() => Provenance, { description: 'Where this record comes from (official fact, illustrative or imported).' })
  provenance!: Provenance;

  @Property({ type: 'integer', version: true })
  @Field(() => Int, { description: 'Version of the record: send it back when changing it; a stale one is refused (CONFLICT).' })
  version!: number;

  get nodeKey(): string {
    return String(this.id);
  }
}

/** A name the organization bore before, with the period it was used. */
@Entity({ tableName: 'organization_name' })
@ObjectType({ description: 'Ancien nom (former name) of an organization, with its dates.' })
export class OrganizationName {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Organization, { index: true })
  organization!: Organization;

  @Property({ type: 'string', length: 300 })
  @Field({ description: 'The former name.' })
  name!: string;

  @Property({ type: 'date', nullable: true })
  @Field(() => DateScalar, { nullable: true, description: 'First day this name was used, when known.' })
  validFrom?: string | null;

  @Property({ type: 'date' })
  @Field(() => DateScalar, { description: 'Day the name stopped being used (the new name applies from that day).' })
  validUntil!: string;
}

/** An official identifier of an organization (SIREN, SIRET, RNA, UNML code). */
@Entity({ tableName: 'organization_identifier' })
@Unique({ properties: ['scheme', 'value'] })
@ObjectType({ description: 'Identifiant officiel (SIREN, SIRET, RNA, code UNML).' })
export class OrganizationIdentifier {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Organization, { index: true })
  organization!: Organization;

  @Enum({ items: () => IdentifierScheme })
  @Field(() => IdentifierScheme, { description: 'Scheme the identifier belongs to.' })
  scheme!: IdentifierScheme;

  @Property({ type: 'string', length: 20 })
  @Field({ description: 'The identifier, digits only for SIREN and SIRET.' })
  value!: string;
}
