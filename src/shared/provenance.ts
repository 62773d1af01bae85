import { Embeddable, Enum, Property } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';

/** Whether a record states a public fact or was generated for illustration. */
export enum ProvenanceStatus {
  OFFICIAL = 'OFFICIAL',
  ILLUSTRATIVE = 'ILLUSTRATIVE',
  IMPORTED = 'IMPORTED',
}
registerEnumType(ProvenanceStatus, {
  name: 'ProvenanceStatus',
  description: 'Statut de la donnée: fait public sourcé, donnée illustrative générée, ou import du fichier UNML.',
  valuesConfig: {
    OFFICIAL: { description: 'Public fact, with its source (public document or open dataset).' },
    ILLUSTRATIVE: { description: 'Generated from real geography for illustration: not an official record.' },
    IMPORTED: { description: "Loaded from UNML's commune-coverage file by the importer." },
  },
});

/** Where a record comes from. Embedded in every registry table as two columns. */
@Embeddable()
@ObjectType({ description: "Origine d'un enregistrement (provenance): its status and source." })
export class Provenance {
  @Enum({ items: () => ProvenanceStatus })
  @Field(() => ProvenanceStatus, { description: 'Official fact, illustrative (generated) data, or imported from the UNML file.' })
  status!: ProvenanceStatus;

  @Property({ type: 'string', length: 500 })
  @Field({ description: 'Source of the record: document, dataset or generator.' })
  source!: string;

  constructor(status: ProvenanceStatus, source: string) {
    this.status = status;
    this.source = source;
  }
}
