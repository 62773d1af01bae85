import { registerEnumType } from 'type-graphql';
import { ConventionKind, ConventionStatus, PartyRole } from './convention.enums';

/** Rules every convention obeys, each with a stable code. */
export enum ConventionRule {
  END_BEFORE_START = 'END_BEFORE_START',
  CPO_NOT_THREE_YEARS = 'CPO_NOT_THREE_YEARS',
  STATUS_TRANSITION_NOT_ALLOWED = 'STATUS_TRANSITION_NOT_ALLOWED',
  SIGNED_WITHOUT_DATE = 'SIGNED_WITHOUT_DATE',
  SIGNED_WITHOUT_TWO_SIGNATORIES = 'SIGNED_WITHOUT_TWO_SIGNATORIES',
  NEGATIVE_AMOUNT = 'NEGATIVE_AMOUNT',
  DECLINATION_PARENT_NOT_NATIONAL = 'DECLINATION_PARENT_NOT_NATIONAL',
  DUPLICATE_PARTY_ROLE = 'DUPLICATE_PARTY_ROLE',
}
registerEnumType(ConventionRule, {
  name: 'ConventionRule',
  description: 'Règle sur les conventions (stable code).',
  valuesConfig: {
    END_BEFORE_START: { description: 'The end date is before the start date.' },
    CPO_NOT_THREE_YEARS: { description: 'A CPO État–ARML spans three calendar years unless a duration exception is stated.' },
    STATUS_TRANSITION_NOT_ALLOWED: { description: 'Status moves only along draft → in negotiation → signed → in force → expired, or to terminated before it ends.' },
    SIGNED_WITHOUT_DATE: { description: 'A signed convention has a signature date.' },
    SIGNED_WITHOUT_TWO_SIGNATORIES: { description: 'A signed convention has at least two signatory parties.' },
    NEGATIVE_AMOUNT: { description: 'Funding amounts are not negative.' },
    DECLINATION_PARENT_NOT_NATIONAL: { description: "A regional declination's parent is a national partnership convention." },
    DUPLICATE_PARTY_ROLE: { description: 'A party appears once per role.' },
  },
});

/** Allowed next statuses. */
export const NEXT_STATUSES: Record<ConventionStatus, ConventionStatus[]> = {
  [ConventionStatus.DRAFT]: [ConventionStatus.IN_NEGOTIATION, ConventionStatus.TERMINATED],
  [ConventionStatus.IN_NEGOTIATION]: [ConventionStatus.SIGNED, ConventionStatus.TERMINATED],
  [ConventionStatus.SIGNED]: [ConventionStatus.IN_FORCE, ConventionStatus.TERMINATED],
  [ConventionStatus.IN_FORCE]: [ConventionStatus.EXPIRED, ConventionStatus.TERMINATED],
  [ConventionStatus.EXPIRED]: [],
  [ConventionStatus.TERMINATED]: [],
};

const SIGNED_OR_LATER = new Set([ConventionStatus.SIGNED, ConventionStatus.IN_FORCE, ConventionStatus.EXPIRED]);

/** A convention as the rules see it (a draft before writing, or a stored one). */
export interface ConventionDraft {
  kind: ConventionKind;
  startDate: string;
  endDate: string;
  signedOn?: string | null;
  durationException?: string | null;
  /** Kind of the national convention a declination points to (null when it points to none). */
  nationalConventionKind?: ConventionKind | null;
  parties: { organizationId: number; role: PartyRole }[];
  /** Status history, oldest first. */
  statusHistory: { status: ConventionStatus; date: string }[];
  /** Amounts in cents. */
  fundingCents: bigint[];
}

export interface ConventionViolation {
  rule: ConventionRule;
  /** Path of the offending input field, as a client would send it. */
  field: string;
  message: string;
}

/** Every rule the convention breaks; empty when it complies. */
export function checkConvention(c: ConventionDraft): ConventionViolation[] {
  const v: ConventionViolation[] = [];
  if (c.endDate < c.startDate) {
    v.push({ rule: ConventionRule.END_BEFORE_START, field: 'endDate', message: `End date ${c.endDate} is before start date ${c.startDate}` });
  }
  if (c.kind === ConventionKind.CPO_STATE_ARML && !c.durationException) {
    const start = Number(c.startDate.slice(0, 4));
    if (!c.startDate.endsWith('-01-01') || c.endDate !== `${start + 2}-12-31`) {
      v.push({ rule: ConventionRule.CPO_NOT_THREE_YEARS, field: 'endDate', message: `A CPO État–ARML spans three calendar years (${c.startDate} → ${start + 2}-12-31) unless a duration exception is stated` });
    }
  }
  c.statusHistory.forEach((step, i) => {
    const previous = c.statusHistory[i - 1];
    // A convention may enter the registry at any status (a record of an older convention); after that, only forward.
    const allowed = !previous || (NEXT_STATUSES[previous.status].includes(step.status) && previous.date <= step.date);
    if (!allowed) {
      v.push({ rule: ConventionRule.STATUS_TRANSITION_NOT_ALLOWED, field: `statusHistory.${i}`, message: `Status cannot move from ${previous?.status} (${previous?.date}) to ${step.status} (${step.date})` });
    }
  });
  if (c.statusHistory.some((s) => SIGNED_OR_LATER.has(s.status))) {
    if (!c.signedOn) v.push({ rule: ConventionRule.SIGNED_WITHOUT_DATE, field: 'signedOn', message: 'A signed convention needs its signature date' });
    const signatories = new Set(c.parties.filter((p) => p.role === PartyRole.SIGNATORY).map((p) => p.organizationId));
    if (signatories.size < 2) v.push({ rule: ConventionRule.SIGNED_WITHOUT_TWO_SIGNATORIES, field: 'parties', message: `A signed convention needs at least two signatory parties (has ${signatories.size})` });
  }
  c.fundingCents.forEach((cents, i) => {
    if (cents < 0n) v.push({ rule: ConventionRule.NEGATIVE_AMOUNT, field: `funding.${i}.amount`, message: 'A funding amount cannot be negative' });
  });
  if (c.kind === ConventionKind.REGIONAL_DECLINATION && c.nationalConventionKind !== ConventionKind.NATIONAL_PARTNERSHIP) {
    v.push({ rule: ConventionRule.DECLINATION_PARENT_NOT_NATIONAL, field: 'nationalConventionId', message: 'A regional declination must point to a national partnership convention' });
  }
  const seen = new Set<string>();
  c.parties.forEach((p, i) => {
    const key = `${p.organizationId}:${p.role}`;
    if (seen.has(key)) v.push({ rule: ConventionRule.DUPLICATE_PARTY_ROLE, field: `parties.${i}`, message: `Organization #${p.organizationId} is already a ${p.role} party` });
    seen.add(key);
  });
  return v;
}
