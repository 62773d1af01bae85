import { ChangeEvent, ChangeEventParticipant } from '../modules/change-event/change-event.entity';
import { Organization, OrganizationIdentifier, OrganizationName } from '../modules/organization/organization.entity';
import { OrganizationLink } from '../modules/organization/organization-link.entity';
import { OrganizationRegion } from '../modules/organization/organization-region.entity';
import { Site } from '../modules/site/site.entity';
import { CommuneCoverage } from '../modules/territory/commune-coverage.entity';
import { Commune, CommunePostalCode, Departement, Region } from '../modules/territory/territory.entity';
import { BodyTerm, College, GoverningBody, Mandate, Post } from '../modules/governance/governance.entity';
import { Person, PersonContact, PublicRole } from '../modules/person/person.entity';
import {
  Convention, ConventionAction, ConventionDocument, ConventionObjective, ConventionParty, ConventionStatusChange, FundingLine,
} from '../modules/convention/convention.entity';
import { Partnership, PartnershipConvention } from '../modules/convention/partnership.entity';
import { Provenance } from '../shared/provenance';

/** Every entity the ORM maps, listed explicitly so discovery never scans the file system. */
export const entities = [
  Provenance,
  Region, Departement, Commune, CommunePostalCode,
  Organization, OrganizationName, OrganizationIdentifier, OrganizationLink, OrganizationRegion,
  CommuneCoverage, Site,
  ChangeEvent, ChangeEventParticipant,
  Person, PublicRole, PersonContact,
  College, GoverningBody, BodyTerm, Post, Mandate,
  Convention, ConventionParty, ConventionStatusChange, ConventionDocument, ConventionObjective, ConventionAction, FundingLine,
  Partnership, PartnershipConvention,
];
