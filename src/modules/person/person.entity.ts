import { Embedded, Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { Node } from '../../graphql/node';
import { DateScalar } from '../../graphql/scalars';
import { Provenance } from '../../shared/provenance';
import { Organization } from '../organization/organization.entity';
import { PublicRoleKind } from './person.enums';

/** A physical person: public data is the name and public roles; contact details are private. */
@Entity({ tableName: 'person' })
@ObjectType({ implements: Node, description: 'Personne physique: nom et fonctions publiques. Ses coordonnées personnelles ne sont jamais publiques.' })
export class Person extends Node {
  static readonly typename = 'Person';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Property({ type: 'string', length: 100 })
  @Field({ description: 'Given name (prénom).' })
  givenName!: string;

  @Property({ type: 'string', length: 100 })
  @Field({ description: 'Family name (nom).' })
  familyName!: string;

  @Property({ type: 'string', length: 200 })
  @Index()
  searchName!: string;

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

/** A public role of a person, dated: an elected office or the direction of a Mission Locale. */
@Entity({ tableName: 'person_public_role' })
@ObjectType({ description: 'Fonction publique datée (mandat électif, direction de Mission Locale).' })
export class PublicRole {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Person, { index: true })
  person!: Person;

  @Enum({ items: () => PublicRoleKind })
  @Field(() => PublicRoleKind, { description: 'Kind of role.' })
  kind!: PublicRoleKind;

  @Property({ type: 'string', length: 300 })
  @Field({ description: 'The role as people say it: "Maire de Noyal-Pontivy".' })
  label!: string;

  @ManyToOne(() => Organization, { nullable: true, index: true })
  organization?: Organization | null;

  @Property({ type: 'string', length: 5, nullable: true })
  @Field(() => String, { nullable: true, description: 'INSEE code of the commune, département or region of an elected office.' })
  territoryCode?: string | null;

  @Property({ type: 'date', nullable: true })
  @Field(() => DateScalar, { nullable: true, description: 'First day of the role, when known.' })
  startDate?: string | null;

  @Property({ type: 'date', nullable: true })
  @Field(() => DateScalar, { nullable: true, description: 'Day the role ended; null while held or unknown.' })
  endDate?: string | null;

  @Embedded(() => Provenance, { prefix: 'provenance_' })
  @Field(() => Provenance, { description: 'Where this record comes from.' })
  provenance!: Provenance;
}

/** Private contact details of a person (GDPR): readable only by token holders whose scope covers the person. */
@Entity({ tableName: 'person_contact' })
@ObjectType({ description: 'Coordonnée personnelle (donnée personnelle, RGPD): visible only to a token whose scope covers the person.' })
export class PersonContact {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Person, { index: true })
  person!: Person;

  @Property({ type: 'string', length: 20 })
  @Field({ description: 'EMAIL, PHONE or ADDRESS.' })
  kind!: 'EMAIL' | 'PHONE' | 'ADDRESS';

  @Property({ type: 'string', length: 300 })
  @Field({ description: 'The e-mail address, phone number or postal address.' })
  value!: string;
}
