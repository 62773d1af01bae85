/**
 * The shape of the bundled conventions and partnerships, loaded after the network.
 * Organizations are referred to by their network `key`. Dates are ISO `YYYY-MM-DD` strings;
 * a convention's period is contractual: startDate and endDate are both inclusive.
 * Amounts are strings of euros with at most two decimals ("125000.00"): never floating point.
 */
import type { SeedProvenance } from './network.types';

export type ConventionKind =
  | 'CPO_STATE_ARML'
  | 'CPO_STATE_MISSION_LOCALE'
  | 'REGIONAL_PROTOCOL'
  | 'NATIONAL_PARTNERSHIP'
  | 'REGIONAL_DECLINATION'
  | 'DELEGATION'
  | 'OTHER';

export type ConventionStatus = 'DRAFT' | 'IN_NEGOTIATION' | 'SIGNED' | 'IN_FORCE' | 'EXPIRED' | 'TERMINATED';

export type PartyRole = 'SIGNATORY' | 'FINANCER' | 'BENEFICIARY' | 'LEAD';

export type PartnershipTheme =
  | 'EMPLOYMENT' | 'TRAINING_AND_APPRENTICESHIP' | 'HEALTH' | 'HOUSING' | 'MOBILITY'
  | 'JUSTICE' | 'DIGITAL' | 'CITIZENSHIP' | 'CULTURE_AND_SPORT' | 'OTHER';

export interface SeedConvention {
  /** Unique in the data set, e.g. "cpo-arml-53-2018". */
  key: string;
  kind: ConventionKind;
  title: string;
  reference?: string;
  startDate: string;
  endDate: string;
  signedOn?: string;
  durationException?: string;
  /** Key of the convention this one renews. */
  renewsKey?: string;
  /** For a regional declination: key of its national convention. */
  nationalConventionKey?: string;
  theme?: string;
  parties: { organizationKey: string; role: PartyRole }[];
  /** Dated status history, oldest first; the last entry is the current status. */
  statusHistory: { status: ConventionStatus; date: string; note?: string }[];
  documents?: { title: string; reference?: string; url?: string }[];
  objectives?: { axis: string; code: string; title: string; actions?: { title: string; startDate?: string; endDate?: string }[] }[];
  funding?: { financerKey: string; year: number; axis?: string; amount: string }[];
  provenance: SeedProvenance;
  /** Provenance of the amounts, when it differs (illustrative amounts on an official convention). */
  fundingProvenance?: SeedProvenance;
}

export interface SeedPartnership {
  networkOrganizationKey: string;
  partnerKey: string;
  theme: PartnershipTheme;
  scope: 'NATIONAL' | 'REGIONAL' | 'LOCAL';
  description?: string;
  startDate: string;
  endDate?: string;
  conventionKeys?: string[];
  provenance: SeedProvenance;
}

export interface SeedConventions {
  conventions: SeedConvention[];
  partnerships: SeedPartnership[];
}
