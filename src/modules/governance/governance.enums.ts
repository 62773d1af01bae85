import { registerEnumType } from 'type-graphql';

export enum BodyKind {
  GENERAL_ASSEMBLY = 'GENERAL_ASSEMBLY',
  BOARD = 'BOARD',
  BUREAU = 'BUREAU',
  CONFERENCE_OF_PRESIDENTS = 'CONFERENCE_OF_PRESIDENTS',
  DIRECTORS_COMMITTEE = 'DIRECTORS_COMMITTEE',
  STEERING_COMMITTEE = 'STEERING_COMMITTEE',
  PARTNER_BODY = 'PARTNER_BODY',
}
registerEnumType(BodyKind, {
  name: 'BodyKind',
  description: "Type d'instance.",
  valuesConfig: {
    GENERAL_ASSEMBLY: { description: 'Assemblée générale (AG): all members; the sovereign body.' },
    BOARD: { description: "Conseil d'administration (CA)." },
    BUREAU: { description: 'Bureau: the executive committee.' },
    CONFERENCE_OF_PRESIDENTS: { description: "Conférence des présidents d'ARML (UNML, consultative)." },
    DIRECTORS_COMMITTEE: { description: 'Comité des directeurs de Missions Locales (ARML).' },
    STEERING_COMMITTEE: { description: 'Comité de pilotage régional: the financers of the regional programme (ARML).' },
    PARTNER_BODY: { description: "A partner's body where the network holds seats (CREFOP...)." },
  },
});

export enum PostKind {
  PRESIDENT = 'PRESIDENT',
  VICE_PRESIDENT = 'VICE_PRESIDENT',
  TREASURER = 'TREASURER',
  SECRETARY = 'SECRETARY',
  BOARD_MEMBER = 'BOARD_MEMBER',
  MEMBER = 'MEMBER',
  DIRECTOR = 'DIRECTOR',
  MEMBER_BY_RIGHT = 'MEMBER_BY_RIGHT',
}
registerEnumType(PostKind, {
  name: 'PostKind',
  description: 'Type de poste dans une instance.',
  valuesConfig: {
    PRESIDENT: { description: 'Président(e): chairs the body.' },
    VICE_PRESIDENT: { description: 'Vice-président(e).' },
    TREASURER: { description: 'Trésorier, trésorière.' },
    SECRETARY: { description: 'Secrétaire.' },
    BOARD_MEMBER: { description: 'Administrateur, administratrice (board member).' },
    MEMBER: { description: 'Membre (of an assembly or committee).' },
    DIRECTOR: { description: 'Directeur, directrice (seat held as director).' },
    MEMBER_BY_RIGHT: { description: 'Membre de droit: a seat held by an organization by right.' },
  },
});

export enum MandateRole {
  TITULAIRE = 'TITULAIRE',
  SUPPLEANT = 'SUPPLEANT',
}
registerEnumType(MandateRole, {
  name: 'MandateRole',
  description: 'Titulaire ou suppléant.',
  valuesConfig: {
    TITULAIRE: { description: 'Titulaire: holds the seat.' },
    SUPPLEANT: { description: 'Suppléant: stands in for the titulaire; does not count against the seats.' },
  },
});

export enum MandateEndReason {
  TERM_ENDED = 'TERM_ENDED',
  RESIGNED = 'RESIGNED',
  REPLACED = 'REPLACED',
  DECEASED = 'DECEASED',
  LOST_QUALIFYING_OFFICE = 'LOST_QUALIFYING_OFFICE',
  CORRECTED = 'CORRECTED',
  OTHER = 'OTHER',
}
registerEnumType(MandateEndReason, {
  name: 'MandateEndReason',
  description: 'Motif de fin de mandat.',
  valuesConfig: {
    TERM_ENDED: { description: 'End of the term (fin de mandature).' },
    RESIGNED: { description: 'Démission.' },
    REPLACED: { description: 'Replaced by a successor.' },
    DECEASED: { description: 'Décès.' },
    LOST_QUALIFYING_OFFICE: { description: 'Lost the office that qualified for the seat (e.g. no longer an elected official).' },
    CORRECTED: { description: 'The record was wrong and a correction replaces it (see correctedBy).' },
    OTHER: { description: 'Other reason.' },
  },
});
