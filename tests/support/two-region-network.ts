import type { SeedNetwork } from '../../seeds/network.types';
import { tinyNetwork } from './tiny-network';

export const NORMANDIE = 'Association régionale des Missions Locales de Normandie';
export const CAEN = 'Mission Locale de Caen';

const illustrative = { status: 'ILLUSTRATIVE' as const, source: 'test fixture' };

/** The tiny network plus ARML Normandie and one Mission Locale there: enough for "another region". */
export function twoRegionNetwork(): SeedNetwork {
  const network = tinyNetwork();
  network.organizations.push(
    {
      key: 'arml-28', kind: 'ARML', name: NORMANDIE, legalForm: 'ASSOCIATION_1901',
      provenance: illustrative, regions: [{ regionCode: '28', startDate: '2016-01-01' }],
      memberships: [{ parentKey: 'unml', kind: 'MEMBER_BY_RIGHT', startDate: '2016-01-01' }],
    },
    {
      key: 'ml-14-caen', kind: 'MISSION_LOCALE', name: CAEN, legalForm: 'ASSOCIATION_1901', departementCode: '14',
      provenance: illustrative, communes: ['14118'], memberships: [{ parentKey: 'arml-28', kind: 'MEMBER', startDate: '2016-01-01' }],
      sites: [{ kind: 'HEAD_OFFICE', name: 'Siège', communeCode: '14118', provenance: illustrative }],
    },
  );
  return network;
}
