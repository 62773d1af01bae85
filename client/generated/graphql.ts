/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Type d'instance. */
export type BodyKind =
  /** Conseil d'administration (CA). */
  | 'BOARD'
  /** Bureau: the executive committee. */
  | 'BUREAU'
  /** Conférence des présidents d'ARML (UNML, consultative). */
  | 'CONFERENCE_OF_PRESIDENTS'
  /** Comité des directeurs de Missions Locales (ARML). */
  | 'DIRECTORS_COMMITTEE'
  /** Assemblée générale (AG): all members; the sovereign body. */
  | 'GENERAL_ASSEMBLY'
  /** A partner's body where the network holds seats (CREFOP...). */
  | 'PARTNER_BODY'
  /** Comité de pilotage régional: the financers of the regional programme (ARML). */
  | 'STEERING_COMMITTEE';

/** Type de convention. */
export type ConventionKind =
  /** Convention pluriannuelle d'objectifs (CPO) État–ARML: three years, the regional programme's objectives and funding. */
  | 'CPO_STATE_ARML'
  /** Convention pluriannuelle d’objectifs État–Mission Locale. */
  | 'CPO_STATE_MISSION_LOCALE'
  /** Delegation convention: UNML → a designated ARML, for a professionalisation theme. */
  | 'DELEGATION'
  /** National partnership convention signed by UNML with a national partner. */
  | 'NATIONAL_PARTNERSHIP'
  /** Any other convention. */
  | 'OTHER'
  /** Regional declination of a national convention, signed by an ARML with regional partners. */
  | 'REGIONAL_DECLINATION'
  /** Protocole régional: State, Regional Council, departmental councils and the ARML. */
  | 'REGIONAL_PROTOCOL';

/** Statut de la convention: draft → in negotiation → signed → in force → expired, or terminated. */
export type ConventionStatus =
  /** Brouillon. */
  | 'DRAFT'
  /** Échue: its period is over. */
  | 'EXPIRED'
  /** En vigueur. */
  | 'IN_FORCE'
  /** En négociation. */
  | 'IN_NEGOTIATION'
  /** Signée, not yet in force. */
  | 'SIGNED'
  /** Résiliée (or abandoned) before its end. */
  | 'TERMINATED';

/** Fin d'un mandat: it is closed, never deleted. */
export type EndMandateInput = {
  /** Day the mandate ends (no longer in effect from that day). */
  endDate: string;
  /** Why it ends. */
  endReason: MandateEndReason;
  /** The mandate (global id). */
  id: string | number;
  /** The version you read; a stale one is refused with CONFLICT. */
  version: number;
};

/** Motif de fin de mandat. */
export type MandateEndReason =
  /** The record was wrong and a correction replaces it (see correctedBy). */
  | 'CORRECTED'
  /** Décès. */
  | 'DECEASED'
  /** Lost the office that qualified for the seat (e.g. no longer an elected official). */
  | 'LOST_QUALIFYING_OFFICE'
  /** Other reason. */
  | 'OTHER'
  /** Replaced by a successor. */
  | 'REPLACED'
  /** Démission. */
  | 'RESIGNED'
  /** End of the term (fin de mandature). */
  | 'TERM_ENDED';

/** Titulaire ou suppléant. */
export type MandateRole =
  /** Suppléant: stands in for the titulaire; does not count against the seats. */
  | 'SUPPLEANT'
  /** Titulaire: holds the seat. */
  | 'TITULAIRE';

/** Ouverture d'un mandat sur un poste. */
export type OpenMandateInput = {
  /** Number of the collège of the body's organization the seat belongs to. */
  collegeNumber?: number | null | undefined;
  /** The organization holding the seat by right (global id). */
  holderOrganizationId?: string | number | null | undefined;
  /** Idempotency key: sending the same key again returns the mandate opened the first time. */
  idempotencyKey?: string | null | undefined;
  /** Legal basis: reference of the deliberation or decision. */
  legalBasis?: string | null | undefined;
  /** The organization represented (global id). */
  onBehalfOfId?: string | number | null | undefined;
  /** The person holding the seat (global id); give exactly one of personId and holderOrganizationId. */
  personId?: string | number | null | undefined;
  /** The post (global id). */
  postId: string | number;
  /** Titulaire (default) or suppléant. */
  role?: MandateRole;
  /** First day of the mandate; it must fall within a term of the body. */
  startDate: string;
};

/** Rôle d'une partie à la convention. */
export type PartyRole =
  /** Bénéficiaire. */
  | 'BENEFICIARY'
  /** Financeur. */
  | 'FINANCER'
  /** Porteur, pilote. */
  | 'LEAD'
  /** Signataire. */
  | 'SIGNATORY';

/** Type de poste dans une instance. */
export type PostKind =
  /** Administrateur, administratrice (board member). */
  | 'BOARD_MEMBER'
  /** Directeur, directrice (seat held as director). */
  | 'DIRECTOR'
  /** Membre (of an assembly or committee). */
  | 'MEMBER'
  /** Membre de droit: a seat held by an organization by right. */
  | 'MEMBER_BY_RIGHT'
  /** Président(e): chairs the body. */
  | 'PRESIDENT'
  /** Secrétaire. */
  | 'SECRETARY'
  /** Trésorier, trésorière. */
  | 'TREASURER'
  /** Vice-président(e). */
  | 'VICE_PRESIDENT';

/** Type de lieu d'accueil. */
export type SiteKind =
  /** Antenne or permanence: another reception site. */
  | 'ANTENNA'
  /** Siège: the head office. */
  | 'HEAD_OFFICE';

export type ArmlConventionsDashboardQueryVariables = Exact<{
  arml: string | number;
  statuses?: Array<ConventionStatus> | ConventionStatus | null | undefined;
}>;


export type ArmlConventionsDashboardQuery = { organization: { name: string, conventions: { totalCount: number, nodes: Array<{ id: string, title: string, kind: ConventionKind, status: ConventionStatus, startDate: string, endDate: string, fundingTotal: string, parties: Array<{ role: PartyRole, organization: { name: string } }> }> } } | null, fundingTotals: Array<{ year: number | null, amount: string, financer: { name: string } | null }> };

export type ConventionsExpiringQueryVariables = Exact<{
  days: number;
  regionCode?: string | null | undefined;
}>;


export type ConventionsExpiringQuery = { conventions: { totalCount: number, nodes: Array<{ title: string, endDate: string, status: ConventionStatus }> } };

export type CommunesByPostalCodeQueryVariables = Exact<{
  postalCode: string;
}>;


export type CommunesByPostalCodeQuery = { communes: { totalCount: number, nodes: Array<{ code: string, name: string, postalCodes: Array<string>, missionsLocales: Array<{ id: string, name: string, parent: { name: string } | null }> }> } };

export type CommuneByCodeQueryVariables = Exact<{
  code: string;
}>;


export type CommuneByCodeQuery = { commune: { name: string, missionsLocales: Array<{ id: string, name: string, sites: { nodes: Array<{ kind: SiteKind, name: string, address: string | null, postalCode: string | null }> } }> } | null };

export type NetworkMapQueryVariables = Exact<{
  asOf?: string | null | undefined;
}>;


export type NetworkMapQuery = { unml: { id: string, name: string, members: { totalCount: number, nodes: Array<{ id: string, name: string, president: { givenName: string, familyName: string } | null, regions: Array<{ code: string, name: string }>, members: { totalCount: number, nodes: Array<{ id: string, name: string, departement: { code: string, name: string } | null, communes: { totalCount: number }, sites: { totalCount: number, nodes: Array<{ kind: SiteKind, name: string, latitude: number | null, longitude: number | null }> } }> } }> } } };

export type BodyCompositionQueryVariables = Exact<{
  organization: string | number;
  asOf?: string | null | undefined;
}>;


export type BodyCompositionQuery = { organization: { name: string, governingBodies: Array<{ id: string, kind: BodyKind, name: string, posts: Array<{ id: string, kind: PostKind, label: string, seats: number }>, composition: { totalCount: number, nodes: Array<{ id: string, version: number, role: MandateRole, startDate: string, post: { kind: PostKind }, person: { familyName: string } | null }> }, vacancies: Array<{ vacantSeats: number, post: { id: string, label: string } }> }> } | null };

export type OpenMandateMutationVariables = Exact<{
  input: OpenMandateInput;
}>;


export type OpenMandateMutation = { openMandate: { mandate: { id: string, version: number, startDate: string, post: { label: string }, person: { givenName: string, familyName: string } | null } | null, userErrors: Array<{ field: Array<string>, code: string, message: string }> } };

export type EndMandateMutationVariables = Exact<{
  input: EndMandateInput;
}>;


export type EndMandateMutation = { endMandate: { mandate: { id: string, endDate: string | null, endReason: MandateEndReason | null } | null, userErrors: Array<{ field: Array<string>, code: string, message: string }> } };


export const ArmlConventionsDashboardDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ArmlConventionsDashboard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"arml"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"statuses"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ConventionStatus"}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"arml"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"conventions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"statuses"},"value":{"kind":"Variable","name":{"kind":"Name","value":"statuses"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"field"},"value":{"kind":"EnumValue","value":"END_DATE"}},{"kind":"ObjectField","name":{"kind":"Name","value":"direction"},"value":{"kind":"EnumValue","value":"DESC"}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"endDate"}},{"kind":"Field","name":{"kind":"Name","value":"fundingTotal"}},{"kind":"Field","name":{"kind":"Name","value":"parties"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"fundingTotals"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"partyId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"arml"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"YEAR"},{"kind":"EnumValue","value":"FINANCER"}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"financer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}}]}}]} as unknown as DocumentNode<ArmlConventionsDashboardQuery, ArmlConventionsDashboardQueryVariables>;
export const ConventionsExpiringDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConventionsExpiring"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"days"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"regionCode"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"conventions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"expiringWithinDays"},"value":{"kind":"Variable","name":{"kind":"Name","value":"days"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"regionCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"regionCode"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"endDate"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<ConventionsExpiringQuery, ConventionsExpiringQueryVariables>;
export const CommunesByPostalCodeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CommunesByPostalCode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"postalCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"communes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"postalCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"postalCode"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"postalCodes"}},{"kind":"Field","name":{"kind":"Name","value":"missionsLocales"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"parent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<CommunesByPostalCodeQuery, CommunesByPostalCodeQueryVariables>;
export const CommuneByCodeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CommuneByCode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"commune"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"missionsLocales"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"sites"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"postalCode"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<CommuneByCodeQuery, CommuneByCodeQueryVariables>;
export const NetworkMapDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NetworkMap"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unml"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"members"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"president"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"familyName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"regions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"members"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"departement"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"communes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sites"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"latitude"}},{"kind":"Field","name":{"kind":"Name","value":"longitude"}}]}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<NetworkMapQuery, NetworkMapQueryVariables>;
export const BodyCompositionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BodyComposition"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"organization"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"organization"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"governingBodies"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"posts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"seats"}}]}},{"kind":"Field","name":{"kind":"Name","value":"composition"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"post"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"person"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"familyName"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"vacancies"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"post"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"vacantSeats"}}]}}]}}]}}]}}]} as unknown as DocumentNode<BodyCompositionQuery, BodyCompositionQueryVariables>;
export const OpenMandateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"OpenMandate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"OpenMandateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"openMandate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mandate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"post"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"person"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"familyName"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<OpenMandateMutation, OpenMandateMutationVariables>;
export const EndMandateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EndMandate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"EndMandateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endMandate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mandate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"endDate"}},{"kind":"Field","name":{"kind":"Name","value":"endReason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<EndMandateMutation, EndMandateMutationVariables>;