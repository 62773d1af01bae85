import type { SeedNetwork } from '../../seeds/network.types';

const illustrative = { status: 'ILLUSTRATIVE' as const, source: 'test fixture' };

/** Names of the fixture's organizations, for the tests that look them up. */
export const UNML = 'Union nationale des Missions Locales';
export const BRETAGNE = 'Association régionale des Missions Locales de Bretagne';
export const FOUGERES = 'Mission Locale du Pays de Fougères';
export const RENNES = 'Mission Locale du Bassin d’emploi de Rennes';
export const FRANCE_TRAVAIL = 'France Travail';

/** A three-level network small enough to read at a glance: UNML, ARML Bretagne, two Missions Locales, three partners. */
export function tinyNetwork(): SeedNetwork {
  return {
    organizations: [
      { key: 'unml', kind: 'UNML', name: UNML, shortName: 'UNML', legalForm: 'ASSOCIATION_1901', provenance: illustrative },
      {
        key: 'arml-53', kind: 'ARML', name: BRETAGNE, legalForm: 'ASSOCIATION_1901',
        provenance: illustrative, regions: [{ regionCode: '53', startDate: '2000-01-01' }],
        memberships: [{ parentKey: 'unml', kind: 'MEMBER_BY_RIGHT', startDate: '2000-01-01' }],
      },
      {
        key: 'ml-35-fougeres', kind: 'MISSION_LOCALE', name: FOUGERES, legalForm: 'ASSOCIATION_1901',
        departementCode: '35', provenance: illustrative, communes: ['35115', '35168'],
        memberships: [{ parentKey: 'arml-53', kind: 'MEMBER', startDate: '2000-01-01' }],
        sites: [{ kind: 'HEAD_OFFICE', name: 'Siège', communeCode: '35115', postalCode: '35300', provenance: illustrative }],
      },
      {
        key: 'ml-35-rennes', kind: 'MISSION_LOCALE', name: RENNES, legalForm: 'ASSOCIATION_1901',
        departementCode: '35', provenance: illustrative, communes: ['35238'],
        identifiers: [{ scheme: 'SIRET', value: '32970535400036' }],
        memberships: [{ parentKey: 'arml-53', kind: 'MEMBER', startDate: '2000-01-01' }],
        sites: [
          { kind: 'HEAD_OFFICE', name: 'Siège', communeCode: '35238', provenance: illustrative },
          { kind: 'ANTENNA', name: 'Antenne', communeCode: '35238', provenance: illustrative },
        ],
      },
      { key: 'partner-dreets-53', kind: 'PARTNER', partnerCategory: 'STATE_SERVICE', name: 'DREETS Bretagne', legalForm: 'PUBLIC_BODY', provenance: illustrative },
      { key: 'partner-region-53', kind: 'PARTNER', partnerCategory: 'REGIONAL_COUNCIL', name: 'Conseil régional de Bretagne', legalForm: 'LOCAL_AUTHORITY', provenance: illustrative },
      { key: 'partner-france-travail', kind: 'PARTNER', partnerCategory: 'PUBLIC_EMPLOYMENT_SERVICE', name: FRANCE_TRAVAIL, legalForm: 'PUBLIC_BODY', provenance: illustrative },
    ],
    events: [],
  };
}
