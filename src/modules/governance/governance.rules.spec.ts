import { OrganizationKind } from '../organization/organization.enums';
import { PublicRoleKind } from '../person/person.enums';
import { BodyKind, MandateRole, PostKind } from './governance.enums';
import { checkGovernance, GovernanceRule, GovernanceSnapshot, RuleMandate } from './governance.rules';

const ASOF = '2024-06-01';
// Organizations: 1 UNML, 2 ARML Bretagne (53), 3 ML in Bretagne, 4 ML in Normandie (28).
const ORG = { unml: 1, arml: 2, mlBzh: 3, mlNormandie: 4 };
// Persons: 10 ARML president (board member of ML 3), 11 ML president (mayor), 12 UNML president (mayor), 13 director of ML 3.
const P = { armlPresident: 10, mlPresident: 11, unmlPresident: 12, director: 13, nobody: 14 };

let nextId = 100;
function mandate(over: Partial<RuleMandate>): RuleMandate {
  return {
    id: nextId++, postId: 1, postKind: PostKind.BOARD_MEMBER, seats: 10, bodyId: 1, bodyKind: BodyKind.BOARD,
    organizationId: ORG.mlBzh, organizationKind: OrganizationKind.MISSION_LOCALE, termStart: '2023-01-01', termEnd: null,
    personId: null, holderOrganizationId: null, collegeNumber: 1, role: MandateRole.TITULAIRE, startDate: '2023-01-01', endDate: null,
    ...over,
  };
}

/** A small network that complies with every rule. */
function compliant(): GovernanceSnapshot {
  return {
    asOf: ASOF,
    mandates: [
      mandate({ postId: 1, postKind: PostKind.PRESIDENT, seats: 1, personId: P.mlPresident }),
      mandate({ postId: 2, personId: P.armlPresident }),
      mandate({ postId: 3, postKind: PostKind.PRESIDENT, seats: 1, bodyId: 2, organizationId: ORG.arml, organizationKind: OrganizationKind.ARML, personId: P.armlPresident }),
      mandate({ postId: 4, postKind: PostKind.MEMBER, seats: 20, bodyId: 3, bodyKind: BodyKind.DIRECTORS_COMMITTEE, organizationId: ORG.arml, organizationKind: OrganizationKind.ARML, personId: P.director, collegeNumber: null }),
      mandate({ postId: 5, postKind: PostKind.PRESIDENT, seats: 1, bodyId: 4, organizationId: ORG.unml, organizationKind: OrganizationKind.UNML, personId: P.unmlPresident }),
      mandate({ postId: 6, postKind: PostKind.MEMBER_BY_RIGHT, seats: 15, bodyId: 4, organizationId: ORG.unml, organizationKind: OrganizationKind.UNML, holderOrganizationId: ORG.arml, collegeNumber: 2 }),
    ],
    roles: [
      { personId: P.mlPresident, kind: PublicRoleKind.MAYOR, organizationId: null },
      { personId: P.armlPresident, kind: PublicRoleKind.DEPARTMENTAL_COUNCILLOR, organizationId: null },
      { personId: P.unmlPresident, kind: PublicRoleKind.MAYOR, organizationId: null },
      { personId: P.director, kind: PublicRoleKind.MISSION_LOCALE_DIRECTOR, organizationId: ORG.mlBzh },
    ],
    regionOf: new Map([[ORG.unml, null], [ORG.arml, '53'], [ORG.mlBzh, '53'], [ORG.mlNormandie, '28']]),
    kindOf: new Map([[ORG.unml, OrganizationKind.UNML], [ORG.arml, OrganizationKind.ARML], [ORG.mlBzh, OrganizationKind.MISSION_LOCALE], [ORG.mlNormandie, OrganizationKind.MISSION_LOCALE]]),
    armlRegions: new Map([[ORG.arml, ['53']]]),
  };
}

const rulesOf = (s: GovernanceSnapshot) => checkGovernance(s).map((i) => i.rule);

describe('governance rules', () => {
  it('find nothing wrong in a compliant network', () => {
    expect(checkGovernance(compliant())).toEqual([]);
  });

  it('catch an ARML president who sits on no board of a Mission Locale of the region', () => {
    const s = compliant();
    s.mandates[1] = { ...s.mandates[1], organizationId: ORG.mlNormandie }; // their board seat is in Normandie
    const issues = checkGovernance(s);
    expect(issues.map((i) => i.rule)).toEqual([GovernanceRule.ARML_PRESIDENT_NOT_ML_BOARD_MEMBER]);
    expect(issues[0]).toMatchObject({ personIds: [P.armlPresident], organizationIds: [ORG.arml], mandateIds: [s.mandates[2].id] });
  });

  it('catch a UNML body chaired by someone outside collège 1, or not elected', () => {
    const s = compliant();
    s.mandates[4] = { ...s.mandates[4], collegeNumber: 3 };
    expect(rulesOf(s)).toEqual([GovernanceRule.UNML_CHAIR_NOT_ML_ELECTED]);
    const t = compliant();
    t.roles = t.roles.filter((r) => r.personId !== P.unmlPresident);
    expect(rulesOf(t)).toEqual([GovernanceRule.UNML_CHAIR_NOT_ML_ELECTED]);
  });

  it('catch a Mission Locale president who is not a local elected official of collège 1', () => {
    const s = compliant();
    s.roles = s.roles.filter((r) => r.personId !== P.mlPresident);
    expect(rulesOf(s)).toEqual([GovernanceRule.ML_PRESIDENT_NOT_ELECTED]);
  });

  it('catch more titulaires than seats, and two titulaires on a single-seat post', () => {
    const s = compliant();
    s.mandates.push(mandate({ postId: 6, postKind: PostKind.MEMBER_BY_RIGHT, seats: 1, bodyId: 4, organizationId: ORG.unml, organizationKind: OrganizationKind.UNML, holderOrganizationId: 99, collegeNumber: 2 }));
    s.mandates[5] = { ...s.mandates[5], seats: 1 };
    expect(rulesOf(s)).toEqual([GovernanceRule.SINGLE_SEAT_OVERLAP]);
    const t = compliant();
    t.mandates.push(mandate({ postId: 2, seats: 1, personId: P.nobody, collegeNumber: 2 }));
    t.mandates[1] = { ...t.mandates[1], seats: 1 };
    expect(rulesOf(t)).toEqual([GovernanceRule.SINGLE_SEAT_OVERLAP]);
    const u = compliant();
    for (let i = 0; i < 3; i++) u.mandates.push(mandate({ postId: 4, postKind: PostKind.MEMBER, seats: 3, bodyId: 3, bodyKind: BodyKind.DIRECTORS_COMMITTEE, organizationId: ORG.arml, organizationKind: OrganizationKind.ARML, personId: P.director, collegeNumber: null }));
    u.mandates[3] = { ...u.mandates[3], seats: 3 };
    const issues = checkGovernance(u);
    expect(issues.map((i) => i.rule)).toEqual([GovernanceRule.SEATS_EXCEEDED]);
    expect(issues[0].mandateIds).toHaveLength(4);
  });

  it('catch a mandate outside its term: starting before it, or outliving it', () => {
    const s = compliant();
    s.mandates[1] = { ...s.mandates[1], startDate: '2022-12-01' };
    expect(rulesOf(s)).toEqual([GovernanceRule.MANDATE_OUTSIDE_TERM]);
    const t = compliant();
    t.mandates[1] = { ...t.mandates[1], termEnd: '2026-01-01' };
    expect(rulesOf(t)).toEqual([GovernanceRule.MANDATE_OUTSIDE_TERM]);
  });

  it('catch a Comité des directeurs member who directs no Mission Locale of the region', () => {
    const s = compliant();
    s.roles = s.roles.map((r) => (r.personId === P.director ? { ...r, organizationId: ORG.mlNormandie } : r));
    expect(rulesOf(s)).toEqual([GovernanceRule.DIRECTORS_COMMITTEE_MEMBER_NOT_DIRECTOR]);
  });
});
