/**
 * The shape of the bundled governance data (bodies, collèges, posts, terms, persons, mandates),
 * loaded after the network. Plain data; organizations are referred to by their network `key`.
 * Dates are ISO `YYYY-MM-DD` strings; an end date is the first day a record no longer applies.
 */
import type { SeedProvenance } from './network.types';

export type BodyKind =
  | 'GENERAL_ASSEMBLY'
  | 'BOARD'
  | 'BUREAU'
  | 'CONFERENCE_OF_PRESIDENTS'
  | 'DIRECTORS_COMMITTEE'
  | 'STEERING_COMMITTEE'
  | 'PARTNER_BODY';

export type PostKind =
  | 'PRESIDENT'
  | 'VICE_PRESIDENT'
  | 'TREASURER'
  | 'SECRETARY'
  | 'BOARD_MEMBER'
  | 'MEMBER'
  | 'DIRECTOR'
  | 'MEMBER_BY_RIGHT';

export type PublicRoleKind =
  | 'MAYOR'
  | 'DEPUTY_MAYOR'
  | 'MUNICIPAL_COUNCILLOR'
  | 'INTERCOMMUNAL_VICE_PRESIDENT'
  | 'DEPARTMENTAL_COUNCILLOR'
  | 'REGIONAL_COUNCILLOR'
  | 'REGIONAL_VICE_PRESIDENT'
  | 'SENATOR'
  | 'MEMBER_OF_PARLIAMENT'
  | 'MISSION_LOCALE_DIRECTOR'
  | 'OTHER';

export type MandateEndReason = 'TERM_ENDED' | 'RESIGNED' | 'REPLACED' | 'DECEASED' | 'LOST_QUALIFYING_OFFICE' | 'CORRECTED' | 'OTHER';

export interface SeedCollege {
  /** Unique within the organization: 1 to 4. */
  number: number;
  name: string;
  description?: string;
}

export interface SeedPost {
  /** Unique within the body, e.g. "president", "board-college-1". */
  key: string;
  kind: PostKind;
  label: string;
  seats: number;
  /** Seats reserved to one collège of the organization (its number). */
  collegeNumber?: number;
}

export interface SeedTerm {
  startDate: string;
  endDate?: string;
  label?: string;
}

export interface SeedBody {
  /** Unique in the data set, e.g. "unml/board", "arml-53/general-assembly". */
  key: string;
  organizationKey: string;
  kind: BodyKind;
  name: string;
  description?: string;
  meetingFrequency?: string;
  /** Organization holding the body's secretariat, when not the organization itself. */
  secretariatOrganizationKey?: string;
  /** Length of a term in years (UNML's board: 2), when the statutes say it. */
  termYears?: number;
  posts: SeedPost[];
  terms: SeedTerm[];
  provenance: SeedProvenance;
}

export interface SeedPublicRole {
  kind: PublicRoleKind;
  /** As people say it: "Maire de Noyal-Pontivy", "Directrice de la Mission Locale de Fougères". */
  label: string;
  /** The organization the role is in (the Mission Locale a director runs), by network key. */
  organizationKey?: string;
  /** INSEE code of the commune, département or region of an elected office. */
  territoryCode?: string;
  startDate?: string;
  endDate?: string;
  /** Defaults to the person's provenance; an unsourced role of a real person must say ILLUSTRATIVE. */
  provenance?: SeedProvenance;
}

export interface SeedPerson {
  /** Unique in the data set, e.g. "person-fiard-marylene". */
  key: string;
  givenName: string;
  familyName: string;
  publicRoles: SeedPublicRole[];
  provenance: SeedProvenance;
}

export interface SeedMandate {
  bodyKey: string;
  postKey: string;
  /** Start date of the body term the mandate belongs to. */
  termStartDate: string;
  /** A person holds the seat... */
  personKey?: string;
  /** ...or an organization does (members by right). */
  holderOrganizationKey?: string;
  collegeNumber?: number;
  /** The organization represented (the Mission Locale, the local authority...). */
  onBehalfOfKey?: string;
  role: 'TITULAIRE' | 'SUPPLEANT';
  startDate: string;
  endDate?: string;
  endReason?: MandateEndReason;
  /** Reference of the deliberation or decision. */
  legalBasis?: string;
  provenance: SeedProvenance;
}

export interface SeedGovernance {
  /** Collèges per organization key. */
  colleges: { organizationKey: string; colleges: SeedCollege[] }[];
  bodies: SeedBody[];
  persons: SeedPerson[];
  mandates: SeedMandate[];
}
