import type { SeedConvention, SeedConventions } from '../../seeds/conventions.types';

const fixture = { status: 'ILLUSTRATIVE' as const, source: 'test fixture' };
const lifecycle = (signedOn: string, inForce: string, expired?: string): SeedConvention['statusHistory'] => [
  { status: 'DRAFT', date: '2017-10-01' }, { status: 'IN_NEGOTIATION', date: '2017-11-01' },
  { status: 'SIGNED', date: signedOn }, { status: 'IN_FORCE', date: inForce },
  ...(expired ? [{ status: 'EXPIRED' as const, date: expired }] : []),
];

/** Conventions of the tiny network: a CPO and its renewal, a national convention declined by ARML Bretagne, a partnership. */
export function tinyConventions(): SeedConventions {
  return {
    conventions: [
      {
        key: 'cpo-2018', kind: 'CPO_STATE_ARML', title: 'CPO État–ARML Bretagne 2018-2020', reference: 'CPO-53-2018',
        startDate: '2018-01-01', endDate: '2020-12-31', signedOn: '2018-03-15', statusHistory: lifecycle('2018-03-15', '2018-03-15', '2021-01-01'),
        parties: [
          { organizationKey: 'arml-53', role: 'SIGNATORY' }, { organizationKey: 'arml-53', role: 'BENEFICIARY' },
          { organizationKey: 'partner-dreets-53', role: 'SIGNATORY' }, { organizationKey: 'partner-dreets-53', role: 'FINANCER' },
          { organizationKey: 'partner-region-53', role: 'SIGNATORY' }, { organizationKey: 'partner-region-53', role: 'FINANCER' },
        ],
        objectives: [
          { axis: '1', code: '1.1', title: 'Animer le réseau régional', actions: [{ title: 'Rencontres des directeurs', startDate: '2018-02-01', endDate: '2018-12-31' }] },
          { axis: '2', code: '2', title: 'Professionnaliser les équipes' },
        ],
        funding: [
          { financerKey: 'partner-dreets-53', year: 2018, axis: '1', amount: '100000.10' },
          { financerKey: 'partner-dreets-53', year: 2019, axis: '1', amount: '100000.10' },
          { financerKey: 'partner-dreets-53', year: 2018, axis: '2', amount: '0.05' },
          { financerKey: 'partner-region-53', year: 2018, axis: '1', amount: '33333.33' },
        ],
        documents: [{ title: 'Instruction', reference: 'DGEFP/SDPAE/2017/331' }],
        provenance: fixture,
      },
      {
        key: 'cpo-2023', kind: 'CPO_STATE_ARML', title: 'CPO État–ARML Bretagne 2023-2025', startDate: '2023-01-01', endDate: '2025-12-31',
        signedOn: '2023-02-01', renewsKey: 'cpo-2018', statusHistory: lifecycle('2023-02-01', '2023-02-01', '2026-01-01'),
        parties: [
          { organizationKey: 'arml-53', role: 'SIGNATORY' }, { organizationKey: 'partner-dreets-53', role: 'SIGNATORY' }, { organizationKey: 'partner-dreets-53', role: 'FINANCER' },
        ],
        funding: [{ financerKey: 'partner-dreets-53', year: 2023, amount: '120000' }],
        provenance: fixture,
      },
      {
        key: 'national-ft', kind: 'NATIONAL_PARTNERSHIP', title: 'Accord-cadre UNML – France Travail', startDate: '2024-01-01', endDate: '2026-12-31',
        signedOn: '2024-01-10', statusHistory: lifecycle('2024-01-10', '2024-01-10'),
        parties: [{ organizationKey: 'unml', role: 'SIGNATORY' }, { organizationKey: 'partner-france-travail', role: 'SIGNATORY' }],
        provenance: fixture,
      },
      {
        key: 'declination-53', kind: 'REGIONAL_DECLINATION', title: 'Déclinaison bretonne de l’accord-cadre France Travail', startDate: '2024-03-01',
        endDate: '2026-12-15', signedOn: '2024-03-01', nationalConventionKey: 'national-ft', statusHistory: lifecycle('2024-03-01', '2024-03-01'),
        parties: [{ organizationKey: 'arml-53', role: 'SIGNATORY' }, { organizationKey: 'partner-france-travail', role: 'SIGNATORY' }],
        provenance: fixture,
      },
    ],
    partnerships: [
      { networkOrganizationKey: 'ml-35-fougeres', partnerKey: 'partner-france-travail', theme: 'EMPLOYMENT', scope: 'LOCAL', startDate: '2020-01-01', provenance: fixture },
      { networkOrganizationKey: 'unml', partnerKey: 'partner-france-travail', theme: 'EMPLOYMENT', scope: 'NATIONAL', startDate: '2024-01-01', conventionKeys: ['national-ft'], provenance: fixture },
    ],
  };
}
