import { Embedded, Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Provenance } from '../../shared/provenance';
import { Organization } from '../organization/organization.entity';

/** A commune in the zone de compétence of a Mission Locale, dated; an ended coverage keeps its row. */
@Entity({ tableName: 'commune_coverage' })
@Index({ properties: ['communeCode'] })
export class CommuneCoverage {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Organization, { index: true })
  organization!: Organization;

  @Property({ type: 'string', length: 5 })
  communeCode!: string;

  @Property({ type: 'date' })
  startDate!: string;

  @Property({ type: 'date', nullable: true })
  endDate?: string | null;

  @Embedded(() => Provenance, { prefix: 'provenance_' })
  provenance!: Provenance;
}
