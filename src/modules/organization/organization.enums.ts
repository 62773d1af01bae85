import { registerEnumType } from 'type-graphql';

/** The four kinds of organization the registry holds. */
export enum OrganizationKind {
  UNML = 'UNML',
  ARML = 'ARML',
  MISSION_LOCALE = 'MISSION_LOCALE',
  PARTNER = 'PARTNER',
}
registerEnumType(OrganizationKind, {
  name: 'OrganizationKind',
  description: "Type de structure: l'union nationale, une association régionale, une Mission Locale ou un partenaire.",
  valuesConfig: {
    UNML: { description: 'Union nationale des Missions Locales (national union).' },
    ARML: { description: 'Association (ou union) régionale des Missions Locales.' },
    MISSION_LOCALE: { description: 'Mission Locale: local structure serving young people aged 16 to 25.' },
    PARTNER: { description: 'Partner organization: State services, local authorities, public employment service, other partners.' },
  },
});

/** What kind of partner a PARTNER organization is. */
export enum PartnerCategory {
  STATE_SERVICE = 'STATE_SERVICE',
  REGIONAL_COUNCIL = 'REGIONAL_COUNCIL',
  DEPARTMENTAL_COUNCIL = 'DEPARTMENTAL_COUNCIL',
  MUNICIPALITY = 'MUNICIPALITY',
  PUBLIC_EMPLOYMENT_SERVICE = 'PUBLIC_EMPLOYMENT_SERVICE',
  OTHER = 'OTHER',
}
registerEnumType(PartnerCategory, {
  name: 'PartnerCategory',
  description: 'Catégorie de partenaire.',
  valuesConfig: {
    STATE_SERVICE: { description: 'State service (DGEFP, DREETS, DMML, prefecture...).' },
    REGIONAL_COUNCIL: { description: 'Conseil régional.' },
    DEPARTMENTAL_COUNCIL: { description: 'Conseil départemental.' },
    MUNICIPALITY: { description: 'Commune or intercommunality.' },
    PUBLIC_EMPLOYMENT_SERVICE: { description: 'Public employment service (France Travail, formerly Pôle emploi).' },
    OTHER: { description: 'Any other partner (training bodies, companies, foundations...).' },
  },
});

/** Legal form of an organization. */
export enum LegalForm {
  ASSOCIATION_1901 = 'ASSOCIATION_1901',
  ASSOCIATION_1908 = 'ASSOCIATION_1908',
  GIP = 'GIP',
  PUBLIC_BODY = 'PUBLIC_BODY',
  LOCAL_AUTHORITY = 'LOCAL_AUTHORITY',
  OTHER = 'OTHER',
}
registerEnumType(LegalForm, {
  name: 'LegalForm',
  description: 'Forme juridique.',
  valuesConfig: {
    ASSOCIATION_1901: { description: 'Association loi 1901.' },
    ASSOCIATION_1908: { description: 'Association de droit local (Alsace-Moselle, loi de 1908).' },
    GIP: { description: "Groupement d'intérêt public (public interest group)." },
    PUBLIC_BODY: { description: 'State service or public body.' },
    LOCAL_AUTHORITY: { description: 'Collectivité territoriale (region, département, commune).' },
    OTHER: { description: 'Other legal form.' },
  },
});

/** Scheme of an official identifier. */
export enum IdentifierScheme {
  SIREN = 'SIREN',
  SIRET = 'SIRET',
  RNA = 'RNA',
  UNML_CODE = 'UNML_CODE',
}
registerEnumType(IdentifierScheme, {
  name: 'IdentifierScheme',
  description: "Référentiel d'un identifiant.",
  valuesConfig: {
    SIREN: { description: 'SIREN (9 digits, Luhn key): the legal unit in the Sirene register.' },
    SIRET: { description: 'SIRET (14 digits, Luhn key): an establishment of the legal unit.' },
    RNA: { description: "Répertoire national des associations (W + 9 characters)." },
    UNML_CODE: { description: "Code of a Mission Locale in UNML's coverage file." },
  },
});

/** Nature of a link between two organizations. */
export enum LinkKind {
  MEMBER = 'MEMBER',
  MEMBER_BY_RIGHT = 'MEMBER_BY_RIGHT',
}
registerEnumType(LinkKind, {
  name: 'LinkKind',
  description: 'Nature du lien entre deux structures.',
  valuesConfig: {
    MEMBER: { description: 'Member (a Mission Locale of its ARML, paying the annual fee).' },
    MEMBER_BY_RIGHT: { description: 'Member by right (membre de droit): an ARML in UNML.' },
  },
});
