import type { SeedGovernance } from '../../seeds/governance.types';

const fixture = { status: 'ILLUSTRATIVE' as const, source: 'test fixture' };

/** Boards with posts and an open term, people, and no mandate yet. */
export function emptyBoards(): SeedGovernance {
  const colleges = [1, 2, 3, 4].map((number) => ({ number, name: `Collège ${number}` }));
  const board = (org: string) => ({
    key: `${org}/board`, organizationKey: org, kind: 'BOARD' as const, name: `CA ${org}`, provenance: fixture,
    terms: [{ startDate: '2026-01-01' }],
    posts: [
      { key: 'president', kind: 'PRESIDENT' as const, label: 'Président', seats: 1, collegeNumber: 1 },
      { key: 'members', kind: 'BOARD_MEMBER' as const, label: 'Administrateurs', seats: 4 },
    ],
  });
  return {
    colleges: [{ organizationKey: 'ml-35-fougeres', colleges }, { organizationKey: 'ml-14-caen', colleges }],
    bodies: [board('ml-35-fougeres'), board('ml-14-caen')],
    persons: [
      { key: 'anne', givenName: 'Anne', familyName: 'Maire', provenance: fixture, publicRoles: [{ kind: 'MAYOR', label: 'Maire de Fougères' }] },
      { key: 'denis', givenName: 'Denis', familyName: 'Salarié', provenance: fixture, publicRoles: [] },
      { key: 'eve', givenName: 'Ève', familyName: 'Élue', provenance: fixture, publicRoles: [{ kind: 'REGIONAL_COUNCILLOR', label: 'Conseillère régionale' }] },
    ],
    mandates: [],
  };
}
