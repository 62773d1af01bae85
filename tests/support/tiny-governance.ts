import type { SeedBody, SeedGovernance, SeedMandate } from '../../seeds/governance.types';

const fixture = { status: 'ILLUSTRATIVE' as const, source: 'test fixture' };

function body(key: string, organizationKey: string, kind: SeedBody['kind'], posts: SeedBody['posts']): SeedBody {
  return { key, organizationKey, kind, name: key, posts, terms: [{ startDate: '2023-01-01', endDate: '2026-01-01' }, { startDate: '2026-01-01' }], provenance: fixture };
}

const m = (over: Partial<SeedMandate> & Pick<SeedMandate, 'bodyKey' | 'postKey'>): SeedMandate => ({
  termStartDate: '2026-01-01', role: 'TITULAIRE', startDate: '2026-01-01', provenance: fixture, ...over,
});

/**
 * Governance for the tiny network. On 2026-06-01 it breaks each rule exactly once;
 * on 2025-06-01 (previous term) it complies with all of them.
 */
export function tinyGovernance(): SeedGovernance {
  const colleges = [1, 2, 3, 4].map((number) => ({ number, name: `Collège ${number}` }));
  return {
    colleges: [
      { organizationKey: 'unml', colleges },
      { organizationKey: 'ml-35-fougeres', colleges },
      { organizationKey: 'ml-35-rennes', colleges },
    ],
    bodies: [
      body('unml/board', 'unml', 'BOARD', [{ key: 'president', kind: 'PRESIDENT', label: 'Président', seats: 1, collegeNumber: 1 }]),
      body('arml/board', 'arml-53', 'BOARD', [
        { key: 'president', kind: 'PRESIDENT', label: 'Président', seats: 1 },
        { key: 'treasurer', kind: 'TREASURER', label: 'Trésorier', seats: 1 },
        { key: 'members', kind: 'BOARD_MEMBER', label: 'Administrateurs', seats: 2 },
      ]),
      body('arml/directors', 'arml-53', 'DIRECTORS_COMMITTEE', [{ key: 'members', kind: 'MEMBER', label: 'Directeurs', seats: 5 }]),
      body('fougeres/board', 'ml-35-fougeres', 'BOARD', [
        { key: 'president', kind: 'PRESIDENT', label: 'Président', seats: 1, collegeNumber: 1 },
        { key: 'members', kind: 'BOARD_MEMBER', label: 'Administrateurs', seats: 4 },
      ]),
      body('rennes/board', 'ml-35-rennes', 'BOARD', [
        { key: 'president', kind: 'PRESIDENT', label: 'Président', seats: 1, collegeNumber: 1 },
        { key: 'members', kind: 'BOARD_MEMBER', label: 'Administrateurs', seats: 4 },
      ]),
    ],
    persons: [
      { key: 'anne', givenName: 'Anne', familyName: 'Maire', provenance: fixture, publicRoles: [{ kind: 'MAYOR', label: 'Maire de Fougères', startDate: '2020-07-01' }] },
      { key: 'bruno', givenName: 'Bruno', familyName: 'Conseiller', provenance: fixture, publicRoles: [{ kind: 'DEPARTMENTAL_COUNCILLOR', label: "Conseiller départemental d'Ille-et-Vilaine", startDate: '2021-07-01', endDate: '2026-03-01' }] },
      { key: 'claire', givenName: 'Claire', familyName: 'Directrice', provenance: fixture, publicRoles: [{ kind: 'MISSION_LOCALE_DIRECTOR', label: 'Directrice de la Mission Locale de Fougères', organizationKey: 'ml-35-fougeres' }] },
      { key: 'denis', givenName: 'Denis', familyName: 'Salarié', provenance: fixture, publicRoles: [] },
      { key: 'eve', givenName: 'Ève', familyName: 'Élue', provenance: fixture, publicRoles: [{ kind: 'REGIONAL_COUNCILLOR', label: 'Conseillère régionale de Bretagne' }] },
    ],
    mandates: [
      // Previous term, compliant.
      m({ bodyKey: 'unml/board', postKey: 'president', termStartDate: '2023-01-01', startDate: '2023-01-01', endDate: '2026-01-01', personKey: 'eve', collegeNumber: 1 }),
      m({ bodyKey: 'arml/board', postKey: 'president', termStartDate: '2023-01-01', startDate: '2023-01-01', endDate: '2026-01-01', personKey: 'anne' }),
      m({ bodyKey: 'fougeres/board', postKey: 'president', termStartDate: '2023-01-01', startDate: '2023-01-01', endDate: '2026-01-01', personKey: 'anne', collegeNumber: 1, onBehalfOfKey: 'ml-35-fougeres' }),
      m({ bodyKey: 'arml/directors', postKey: 'members', termStartDate: '2023-01-01', startDate: '2023-01-01', endDate: '2026-01-01', personKey: 'claire' }),
      // Current term: each rule broken once.
      // UNML_CHAIR_NOT_ML_ELECTED: chaired from collège 3.
      m({ bodyKey: 'unml/board', postKey: 'president', personKey: 'eve', collegeNumber: 3 }),
      // ARML_PRESIDENT_NOT_ML_BOARD_MEMBER: Denis sits on no Mission Locale board.
      m({ bodyKey: 'arml/board', postKey: 'president', personKey: 'denis' }),
      // ML_PRESIDENT_NOT_ELECTED: Bruno's elected office ended on 2026-03-01.
      m({ bodyKey: 'fougeres/board', postKey: 'president', personKey: 'bruno', collegeNumber: 1 }),
      m({ bodyKey: 'rennes/board', postKey: 'president', personKey: 'anne', collegeNumber: 1 }),
      // SINGLE_SEAT_OVERLAP: two treasurers at once.
      m({ bodyKey: 'arml/board', postKey: 'treasurer', personKey: 'anne' }),
      m({ bodyKey: 'arml/board', postKey: 'treasurer', personKey: 'eve' }),
      // SEATS_EXCEEDED: three board members for two seats.
      m({ bodyKey: 'arml/board', postKey: 'members', personKey: 'anne' }),
      m({ bodyKey: 'arml/board', postKey: 'members', personKey: 'bruno' }),
      m({ bodyKey: 'arml/board', postKey: 'members', personKey: 'claire' }),
      // DIRECTORS_COMMITTEE_MEMBER_NOT_DIRECTOR: Denis directs nothing.
      m({ bodyKey: 'arml/directors', postKey: 'members', personKey: 'denis' }),
      m({ bodyKey: 'arml/directors', postKey: 'members', personKey: 'claire' }),
      // MANDATE_OUTSIDE_TERM: starts before its term.
      m({ bodyKey: 'rennes/board', postKey: 'members', personKey: 'eve', collegeNumber: 2, startDate: '2025-12-01' }),
    ],
  };
}
