import { registerEnumType } from 'type-graphql';

/** Public roles a person holds, as published (elected offices, direction of a Mission Locale). */
export enum PublicRoleKind {
  MAYOR = 'MAYOR',
  DEPUTY_MAYOR = 'DEPUTY_MAYOR',
  MUNICIPAL_COUNCILLOR = 'MUNICIPAL_COUNCILLOR',
  INTERCOMMUNAL_VICE_PRESIDENT = 'INTERCOMMUNAL_VICE_PRESIDENT',
  DEPARTMENTAL_COUNCILLOR = 'DEPARTMENTAL_COUNCILLOR',
  REGIONAL_COUNCILLOR = 'REGIONAL_COUNCILLOR',
  REGIONAL_VICE_PRESIDENT = 'REGIONAL_VICE_PRESIDENT',
  SENATOR = 'SENATOR',
  MEMBER_OF_PARLIAMENT = 'MEMBER_OF_PARLIAMENT',
  MISSION_LOCALE_DIRECTOR = 'MISSION_LOCALE_DIRECTOR',
  OTHER = 'OTHER',
}
registerEnumType(PublicRoleKind, {
  name: 'PublicRoleKind',
  description: 'Fonction publique d’une personne: mandat électif ou direction d’une Mission Locale.',
  valuesConfig: {
    MAYOR: { description: 'Maire.' },
    DEPUTY_MAYOR: { description: 'Adjoint(e) au maire.' },
    MUNICIPAL_COUNCILLOR: { description: 'Conseiller(ère) municipal(e).' },
    INTERCOMMUNAL_VICE_PRESIDENT: { description: 'Vice-président(e) d’une intercommunalité (EPCI).' },
    DEPARTMENTAL_COUNCILLOR: { description: 'Conseiller(ère) départemental(e).' },
    REGIONAL_COUNCILLOR: { description: 'Conseiller(ère) régional(e).' },
    REGIONAL_VICE_PRESIDENT: { description: 'Vice-président(e) de conseil régional.' },
    SENATOR: { description: 'Sénateur, sénatrice.' },
    MEMBER_OF_PARLIAMENT: { description: 'Député(e).' },
    MISSION_LOCALE_DIRECTOR: { description: 'Directeur, directrice de Mission Locale (not an elected office).' },
    OTHER: { description: 'Any other public role.' },
  },
});

/** Elected offices: what makes a person an "élu" for the governance rules. */
export const ELECTED_ROLE_KINDS: ReadonlySet<PublicRoleKind> = new Set([
  PublicRoleKind.MAYOR, PublicRoleKind.DEPUTY_MAYOR, PublicRoleKind.MUNICIPAL_COUNCILLOR,
  PublicRoleKind.INTERCOMMUNAL_VICE_PRESIDENT, PublicRoleKind.DEPARTMENTAL_COUNCILLOR,
  PublicRoleKind.REGIONAL_COUNCILLOR, PublicRoleKind.REGIONAL_VICE_PRESIDENT,
  PublicRoleKind.SENATOR, PublicRoleKind.MEMBER_OF_PARLIAMENT,
]);
