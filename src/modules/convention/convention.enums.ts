import { registerEnumType } from 'type-graphql';

export enum ConventionKind {
  CPO_STATE_ARML = 'CPO_STATE_ARML',
  CPO_STATE_MISSION_LOCALE = 'CPO_STATE_MISSION_LOCALE',
  REGIONAL_PROTOCOL = 'REGIONAL_PROTOCOL',
  NATIONAL_PARTNERSHIP = 'NATIONAL_PARTNERSHIP',
  REGIONAL_DECLINATION = 'REGIONAL_DECLINATION',
  DELEGATION = 'DELEGATION',
  OTHER = 'OTHER',
}
registerEnumType(ConventionKind, {
  name: 'ConventionKind',
  description: 'Type de convention.',
  valuesConfig: {
    CPO_STATE_ARML: { description: "Convention pluriannuelle d'objectifs (CPO) État–ARML: three years, the regional programme's objectives and funding." },
    CPO_STATE_MISSION_LOCALE: { description: 'Convention pluriannuelle d’objectifs État–Mission Locale.' },
    REGIONAL_PROTOCOL: { description: 'Protocole régional: State, Regional Council, departmental councils and the ARML.' },
    NATIONAL_PARTNERSHIP: { description: 'National partnership convention signed by UNML with a national partner.' },
    REGIONAL_DECLINATION: { description: 'Regional declination of a national convention, signed by an ARML with regional partners.' },
    DELEGATION: { description: 'Delegation convention: UNML → a designated ARML, for a professionalisation theme.' },
    OTHER: { description: 'Any other convention.' },
  },
});

/** Lifecycle: DRAFT → IN_NEGOTIATION → SIGNED → IN_FORCE → EXPIRED, or TERMINATED from any live state. */
export enum ConventionStatus {
  DRAFT = 'DRAFT',
  IN_NEGOTIATION = 'IN_NEGOTIATION',
  SIGNED = 'SIGNED',
  IN_FORCE = 'IN_FORCE',
  EXPIRED = 'EXPIRED',
  TERMINATED = 'TERMINATED',
}
registerEnumType(ConventionStatus, {
  name: 'ConventionStatus',
  description: 'Statut de la convention: draft → in negotiation → signed → in force → expired, or terminated.',
  valuesConfig: {
    DRAFT: { description: 'Brouillon.' },
    IN_NEGOTIATION: { description: 'En négociation.' },
    SIGNED: { description: 'Signée, not yet in force.' },
    IN_FORCE: { description: 'En vigueur.' },
    EXPIRED: { description: 'Échue: its period is over.' },
    TERMINATED: { description: 'Résiliée (or abandoned) before its end.' },
  },
});

export enum PartyRole {
  SIGNATORY = 'SIGNATORY',
  FINANCER = 'FINANCER',
  BENEFICIARY = 'BENEFICIARY',
  LEAD = 'LEAD',
}
registerEnumType(PartyRole, {
  name: 'PartyRole',
  description: "Rôle d'une partie à la convention.",
  valuesConfig: {
    SIGNATORY: { description: 'Signataire.' },
    FINANCER: { description: 'Financeur.' },
    BENEFICIARY: { description: 'Bénéficiaire.' },
    LEAD: { description: 'Porteur, pilote.' },
  },
});

export enum PartnershipTheme {
  EMPLOYMENT = 'EMPLOYMENT',
  TRAINING_AND_APPRENTICESHIP = 'TRAINING_AND_APPRENTICESHIP',
  HEALTH = 'HEALTH',
  HOUSING = 'HOUSING',
  MOBILITY = 'MOBILITY',
  JUSTICE = 'JUSTICE',
  DIGITAL = 'DIGITAL',
  CITIZENSHIP = 'CITIZENSHIP',
  CULTURE_AND_SPORT = 'CULTURE_AND_SPORT',
  OTHER = 'OTHER',
}
registerEnumType(PartnershipTheme, {
  name: 'PartnershipTheme',
  description: 'Thème du partenariat.',
  valuesConfig: {
    EMPLOYMENT: { description: 'Emploi.' },
    TRAINING_AND_APPRENTICESHIP: { description: 'Formation et apprentissage.' },
    HEALTH: { description: 'Santé.' },
    HOUSING: { description: 'Logement.' },
    MOBILITY: { description: 'Mobilité.' },
    JUSTICE: { description: 'Justice.' },
    DIGITAL: { description: 'Numérique.' },
    CITIZENSHIP: { description: 'Citoyenneté.' },
    CULTURE_AND_SPORT: { description: 'Culture et sport.' },
    OTHER: { description: 'Autre.' },
  },
});

export enum PartnershipScope {
  NATIONAL = 'NATIONAL',
  REGIONAL = 'REGIONAL',
  LOCAL = 'LOCAL',
}
registerEnumType(PartnershipScope, {
  name: 'PartnershipScope',
  description: 'Échelle du partenariat.',
  valuesConfig: {
    NATIONAL: { description: 'National (UNML).' },
    REGIONAL: { description: 'Régional (ARML).' },
    LOCAL: { description: 'Local (Mission Locale).' },
  },
});
