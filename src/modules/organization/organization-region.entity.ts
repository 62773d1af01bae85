import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Organization } from './organization.entity';

/** A region an ARML covers, dated (Mayotte joined ARML Océan Indien in 2023). */
@Entity({ tableName: 'organization_region' })
@Index({ properties: ['regionCode'] })
export class OrganizationRegion {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Organization, { index: true })
  organization!: Organization;

  @Property({ type: 'string', length: 3 })
  regionCode!: string;

  @Property({ type: 'date' })
  startDate!: string;

  @Property({ type: 'date', nullable: true })
  endDate?: string | null;
}
