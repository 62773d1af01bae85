/**
 * The shape of a bundled network, as produced by `generateNetwork()` and loaded by the seeder.
 * Plain data only (no ORM types), so the generator stays independent from storage.
 * Dates are ISO `YYYY-MM-DD` strings.
 */

export type OrganizationKind = 'UNML' | 'ARML' | 'MISSION_LOCALE' | 'PARTNER';

export type PartnerCategory =
  | 'STATE_SERVICE'
  | 'REGIONAL_COUNCIL'
  | 'DEPARTMENTAL_COUNCIL'
  | 'MUNICIPALITY'
  | 'PUBLIC_EMPLOYMENT_SERVICE'
  | 'OTHER';

export type LegalForm =
  | 'ASSOCIATION_1901'
  | 'ASSOCIATION_1908'
  | 'GIP'
  | 'PUBLIC_BODY'
  | 'LOCAL_AUTHORITY'
  | 'OTHER';

export type IdentifierScheme = 'SIREN' | 'SIRET' | 'RNA' | 'UNML_CODE';

/** OFFICIAL: a public fact with a source. ILLUSTRATIVE: generated, not an official record. */
export type ProvenanceStatus = 'OFFICIAL' | 'ILLUSTRATIVE';

export interface SeedProvenance {
  status: ProvenanceStatus;
  /** Where the fact comes from, e.g. "PNAE 2018-2020, annexe 3" or "generated from INSEE geography". */
  source: string;
}

export interface SeedFormerName {
  name: string;
  validFrom?: string;
  validUntil: string;
}

export interface SeedIdentifier {
  scheme: IdentifierScheme;
  value: string;
}

export interface SeedSite {
  kind: 'HEAD_OFFICE' | 'ANTENNA';
  name: string;
  address?: string;
  postalCode?: string;
  /** INSEE code of the commune (arrondissement code for Paris, Lyon, Marseille). */
  communeCode: string;
  latitude?: number;
  longitude?: number;
  siret?: string;
  provenance: SeedProvenance;
}

export interface SeedMembership {
  /** `key` of the parent organization (the ARML for a Mission Locale, UNML for an ARML). */
  parentKey: string;
  kind: 'MEMBER' | 'MEMBER_BY_RIGHT';
  startDate: string;
  endDate?: string;
}

export interface SeedRegionCoverage {
  /** INSEE region code ("53", "04", "978" for Saint-Martin). */
  regionCode: string;
  startDate: string;
  endDate?: string;
}

export interface SeedOrganization {
  /** Stable key, unique in the network: "unml", "arml-53", "ml-35-fougeres", "partner-dgefp". */
  key: string;
  kind: OrganizationKind;
  partnerCategory?: PartnerCategory;
  name: string;
  shortName?: string;
  /** A sentence on what the body is or does, when its name does not say it (e.g. AREFIE's wider role). */
  description?: string;
  legalForm: LegalForm;
  foundedOn?: string;
  dissolvedOn?: string;
  formerNames?: SeedFormerName[];
  identifiers?: SeedIdentifier[];
  officePhone?: string;
  officeEmail?: string;
  officeAddress?: string;
  website?: string;
  /** Main département (Missions Locales) or seat département. */
  departementCode?: string;
  provenance: SeedProvenance;
  memberships?: SeedMembership[];
  /** ARML only: the regions it covers, dated. */
  regions?: SeedRegionCoverage[];
  /** Mission Locale only: INSEE codes of the communes it covers (current coverage). */
  communes?: string[];
  /** Mission Locale only: head office first, then antennas. */
  sites?: SeedSite[];
}

export interface SeedChangeEvent {
  kind: 'CREATION' | 'MERGER' | 'SPLIT' | 'RENAMING' | 'DISSOLUTION';
  date: string;
  description: string;
  /** Keys of the organizations before the change (empty for a creation). */
  fromKeys: string[];
  /** Keys of the organizations after the change. */
  toKeys: string[];
  provenance: SeedProvenance;
}

export interface SeedNetwork {
  organizations: SeedOrganization[];
  events: SeedChangeEvent[];
}
