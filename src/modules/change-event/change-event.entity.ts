import { Collection, Embedded, Entity, Enum, Index, ManyToOne, OneToMany, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '../../graphql/scalars';
import { Node } from '../../graphql/node';
import { Provenance } from '../../shared/provenance';
import { Organization } from '../organization/organization.entity';

/** What happened to the structures of the network. */
export enum ChangeEventKind {
  CREATION = 'CREATION',
  MERGER = 'MERGER',
  SPLIT = 'SPLIT',
  RENAMING = 'RENAMING',
  DISSOLUTION = 'DISSOLUTION',
}
registerEnumType(ChangeEventKind, {
  name: 'ChangeEventKind',
  description: "Type d'évènement de la vie d'une structure.",
  valuesConfig: {
    CREATION: { description: 'Création: a new structure.' },
    MERGER: { description: 'Fusion: several structures become one.' },
    SPLIT: { description: 'Scission: one structure becomes several.' },
    RENAMING: { description: 'Changement de nom.' },
    DISSOLUTION: { description: 'Dissolution without successor.' },
  },
});

/** Whether an organization is at the start or at the end of a change. */
export enum ChangeEventRole {
  ORIGIN = 'ORIGIN',
  RESULT = 'RESULT',
}
registerEnumType(ChangeEventRole, {
  name: 'ChangeEventRole',
  description: "Rôle d'une structure dans un évènement.",
  valuesConfig: {
    ORIGIN: { description: 'A structure as it was before the change.' },
    RESULT: { description: 'A structure resulting from the change.' },
  },
});

/** A dated change in the structure of the network (creation, merger, split, renaming). */
@Entity({ tableName: 'change_event' })
@ObjectType({ implements: Node, description: 'Évènement daté de la vie des structures: création, fusion, scission, changement de nom.' })
export class ChangeEvent extends Node {
  static readonly typename = 'ChangeEvent';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Enum({ items: () => ChangeEventKind })
  @Field(() => ChangeEventKind, { description: 'What happened.' })
  kind!: ChangeEventKind;

  @Property({ type: 'date' })
  @Index()
  @Field(() => DateScalar, { description: 'Date the change took effect.' })
  date!: string;

  @Property({ type: 'string', length: 1000 })
  @Field({ description: 'Plain-language description of the change.' })
  description!: string;

  @Embedded(() => Provenance, { prefix: 'provenance_' })
  @Field(() => Provenance, { description: 'Where this record comes from.' })
  provenance!: Provenance;

  @OneToMany(() => ChangeEventParticipant, (p) => p.event)
  participants = new Collection<ChangeEventParticipant>(this);

  get nodeKey(): string {
    return String(this.id);
  }
}

/** An organization taking part in a change event, as origin or result. */
@Entity({ tableName: 'change_event_participant' })
export class ChangeEventParticipant {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => ChangeEvent, { index: true })
  event!: ChangeEvent;

  @ManyToOne(() => Organization, { index: true })
  organization!: Organization;

  @Enum({ items: () => ChangeEventRole })
  role!: ChangeEventRole;
}
