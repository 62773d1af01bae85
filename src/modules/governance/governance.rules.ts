import { registerEnumType } from 'type-graphql';
import { ELECTED_ROLE_KINDS, PublicRoleKind } from '../person/person.enums';
import { OrganizationKind } from '../organization/organization.enums';
import { BodyKind, MandateRole, PostKind } from './governance.enums';

/** The governance rules of the network, each with a stable code. */
export enum GovernanceRule {
  ARML_PRESIDENT_NOT_ML_BOARD_MEMBER = 'ARML_PRESIDENT_NOT_ML_BOARD_MEMBER',
  UNML_CHAIR_NOT_ML_ELECTED = 'UNML_CHAIR_NOT_ML_ELECTED',
  ML_PRESIDENT_NOT_ELECTED = 'ML_PRESIDENT_NOT_ELECTED',
  SEATS_EXCEEDED = 'SEATS_EXCEEDED',
  SINGLE_SEAT_OVERLAP = 'SINGLE_SEAT_OVERLAP',
  MANDATE_OUTSIDE_TERM = 'MANDATE_OUTSIDE_TERM',
  DIRECTORS_COMMITTEE_MEMBER_NOT_DIRECTOR = 'DIRECTORS_COMMITTEE_MEMBER_NOT_DIRECTOR',
}
registerEnumType(GovernanceRule, {
  name: 'GovernanceRule',
  description: 'Règle de gouvernance du réseau (stable code).',
  valuesConfig: {
    ARML_PRESIDENT_NOT_ML_BOARD_MEMBER: { description: "An ARML's president must sit on the board (CA) of a Mission Locale of the ARML's region(s): as its president or any other board member, officers included." },
    UNML_CHAIR_NOT_ML_ELECTED: { description: "UNML's bodies are chaired by an elected official from the Missions Locales' group (collège 1)." },
    ML_PRESIDENT_NOT_ELECTED: { description: "A Mission Locale's president is a local elected official designated by the elected officials' collège (collège 1)." },
    SEATS_EXCEEDED: { description: 'More titulaires than the post has seats.' },
    SINGLE_SEAT_OVERLAP: { description: 'Two titulaires at the same time on a single-seat post.' },
    MANDATE_OUTSIDE_TERM: { description: "A mandate's dates lie outside its body's term." },
    DIRECTORS_COMMITTEE_MEMBER_NOT_DIRECTOR: { description: "A member of an ARML's Comité des directeurs must direct a Mission Locale of that region." },
  },
});

/** A mandate with what the rules need to know about its post, body, term and organization. */
export interface RuleMandate {
  id: number;
  postId: number;
  postKind: PostKind;
  seats: number;
  bodyId: number;
  bodyKind: BodyKind;
  organizationId: number;
  organizationKind: OrganizationKind;
  termStart: string;
  termEnd: string | null;
  personId: number | null;
  holderOrganizationId: number | null;
  collegeNumber: number | null;
  role: MandateRole;
  startDate: string;
  endDate: string | null;
}

export interface RuleRole {
  personId: number;
  kind: PublicRoleKind;
  organizationId: number | null;
}

/** Everything in effect on one date that the rules look at. */
export interface GovernanceSnapshot {
  asOf: string;
  /** Mandates in effect on the date (corrected ones excluded). */
  mandates: RuleMandate[];
  /** Public roles in effect on the date. */
  roles: RuleRole[];
  /** Region of each organization. */
  regionOf: Map<number, string | null>;
  kindOf: Map<number, OrganizationKind>;
  /** Regions each ARML covers on the date. */
  armlRegions: Map<number, string[]>;
}

export interface GovernanceIssue {
  rule: GovernanceRule;
  message: string;
  mandateIds: number[];
  personIds: number[];
  organizationIds: number[];
  bodyId: number | null;
  postId: number | null;
}

const issue = (rule: GovernanceRule, message: string, m: RuleMandate, more: Partial<GovernanceIssue> = {}): GovernanceIssue => ({
  rule,
  message,
  mandateIds: [m.id],
  personIds: m.personId ? [m.personId] : [],
  organizationIds: [m.organizationId],
  bodyId: m.bodyId,
  postId: m.postId,
  ...more,
});

const isChair = (m: RuleMandate) => m.postKind === PostKind.PRESIDENT && m.role === MandateRole.TITULAIRE;

/** Checks every rule on a snapshot; returns the broken ones, each naming the records involved. */
export function checkGovernance(s: GovernanceSnapshot): GovernanceIssue[] {
  const issues: GovernanceIssue[] = [];
  const rolesOf = new Map<number, RuleRole[]>();
  for (const r of s.roles) (rolesOf.get(r.personId) ?? rolesOf.set(r.personId, []).get(r.personId)!).push(r);
  const elected = (personId: number | null) => personId !== null && (rolesOf.get(personId) ?? []).some((r) => ELECTED_ROLE_KINDS.has(r.kind));
  const mandatesOf = new Map<number, RuleMandate[]>();
  for (const m of s.mandates) if (m.personId !== null) (mandatesOf.get(m.personId) ?? mandatesOf.set(m.personId, []).get(m.personId)!).push(m);

  for (const m of s.mandates) {
    const kind = m.organizationKind;
    if (kind === OrganizationKind.ARML && m.bodyKind === BodyKind.BOARD && isChair(m)) {
      const regions = s.armlRegions.get(m.organizationId) ?? [];
      const sitsInMlBoard = (mandatesOf.get(m.personId ?? -1) ?? []).some((x) =>
        // Every seat on the CA makes a board member, its officers included (a vice-president, say).
        x.organizationKind === OrganizationKind.MISSION_LOCALE && x.bodyKind === BodyKind.BOARD && x.postKind !== PostKind.DIRECTOR &&
        regions.includes(s.regionOf.get(x.organizationId) ?? ''));
      if (!sitsInMlBoard) {
        issues.push(issue(GovernanceRule.ARML_PRESIDENT_NOT_ML_BOARD_MEMBER,
          `The president of ARML #${m.organizationId} is not president or board member of a Mission Locale of its region(s) on ${s.asOf}`, m));
      }
    }
    if (kind === OrganizationKind.UNML && isChair(m) && (!elected(m.personId) || m.collegeNumber !== 1)) {
      issues.push(issue(GovernanceRule.UNML_CHAIR_NOT_ML_ELECTED,
        `Body #${m.bodyId} of UNML is chaired by someone who is not an elected official of collège 1 (Missions Locales) on ${s.asOf}`, m));
    }
    if (kind === OrganizationKind.MISSION_LOCALE && m.bodyKind === BodyKind.BOARD && isChair(m) && (!elected(m.personId) || m.collegeNumber !== 1)) {
      issues.push(issue(GovernanceRule.ML_PRESIDENT_NOT_ELECTED,
        `The president of Mission Locale #${m.organizationId} is not a local elected official designated by collège 1 on ${s.asOf}`, m));
    }
    if (m.startDate < m.termStart || (m.termEnd !== null && (m.endDate === null || m.endDate > m.termEnd))) {
      issues.push(issue(GovernanceRule.MANDATE_OUTSIDE_TERM,
        `Mandate #${m.id} (${m.startDate} → ${m.endDate ?? 'open'}) lies outside its term (${m.termStart} → ${m.termEnd ?? 'open'})`, m));
    }
    if (kind === OrganizationKind.ARML && m.bodyKind === BodyKind.DIRECTORS_COMMITTEE && m.personId !== null) {
      const regions = s.armlRegions.get(m.organizationId) ?? [];
      const directs = (rolesOf.get(m.personId) ?? []).some((r) => r.kind === PublicRoleKind.MISSION_LOCALE_DIRECTOR &&
        r.organizationId !== null && s.kindOf.get(r.organizationId) === OrganizationKind.MISSION_LOCALE &&
        regions.includes(s.regionOf.get(r.organizationId) ?? ''));
      if (!directs) {
        issues.push(issue(GovernanceRule.DIRECTORS_COMMITTEE_MEMBER_NOT_DIRECTOR,
          `Member of the Comité des directeurs of ARML #${m.organizationId} does not direct a Mission Locale of its region(s) on ${s.asOf}`, m));
      }
    }
  }

  // Seats: titulaires per post on the date.
  const titulaires = new Map<number, RuleMandate[]>();
  for (const m of s.mandates) if (m.role === MandateRole.TITULAIRE) (titulaires.get(m.postId) ?? titulaires.set(m.postId, []).get(m.postId)!).push(m);
  for (const holders of titulaires.values()) {
    const { seats } = holders[0];
    if (holders.length <= seats) continue;
    const rule = seats === 1 ? GovernanceRule.SINGLE_SEAT_OVERLAP : GovernanceRule.SEATS_EXCEEDED;
    issues.push({
      rule,
      message: seats === 1
        ? `Single-seat post #${holders[0].postId} has ${holders.length} titulaires at once on ${s.asOf}`
        : `Post #${holders[0].postId} has ${holders.length} titulaires for ${seats} seats on ${s.asOf}`,
      mandateIds: holders.map((m) => m.id),
      personIds: holders.flatMap((m) => (m.personId ? [m.personId] : [])),
      organizationIds: [holders[0].organizationId],
      bodyId: holders[0].bodyId,
      postId: holders[0].postId,
    });
  }
  return issues;
}
