/**
 * Deterministic generator of the bundled governance, laid over a network from `generateNetwork()`.
 *
 * Facts come from `seeds/facts/governance-*.json`: the collèges, bodies and terms of the network
 * (governance-structure.json), the 2018 ARML presidents of the PNAE annexe 3 and the UNML
 * presidents named by the sources (governance-annex3.json), and the names illustrative persons
 * are made of (governance-names.json). Everything else is built by rules and marked ILLUSTRATIVE:
 *
 * - every Mission Locale: its four collèges; an AG, a CA and a Bureau for each of its terms; in the
 *   current term a president (local elected official, collège 1), a vice-president, a treasurer,
 *   a secretary, a State representative (collège 2) and its director;
 * - every current ARML: AG, CA, Bureau, Comité des directeurs and comité de pilotage régional; in
 *   the current term the presidents of its Missions Locales sit on its CA (one of them presides
 *   it), their directors on its Comité des directeurs, the State and the Region on the comité de
 *   pilotage; the annexe 3 presidents hold the 2014-2020 term's presidency;
 * - UNML: its four collèges; AG, CA and Bureau renewed every two years, the Conférence des
 *   présidents d'ARML; the ARML are members by right of every CA; the named presidents chair it
 *   in the terms the sources show them, the current term is illustrative;
 * - every region's CREFOP (a body of the regional council) with the ARML's seat in it.
 *
 * The result passes every governance rule on any date (a test checks it on the dates that
 * matter). The same network always gives a deep-equal result.
 */
import type {
  PostKind,
  PublicRoleKind,
  SeedBody,
  SeedGovernance,
  SeedMandate,
  SeedPerson,
  SeedPost,
  SeedPublicRole,
  SeedTerm,
} from './governance.types';
import type { SeedNetwork, SeedOrganization, SeedProvenance } from './network.types';
import { placeNames } from './generate-network';
import structureJson from './facts/governance-structure.json';
import annexJson from './facts/governance-annex3.json';
import namesJson from './facts/governance-names.json';
import regionFacts from './facts/regions.json';

// ---------------------------------------------------------------------------------------------
// Fact shapes
// ---------------------------------------------------------------------------------------------

type Gender = 'F' | 'M';
type ElectoralKind = 'municipal' | 'departmental' | 'regional' | 'senate';

interface RoleFact {
  kind: PublicRoleKind;
  label: string;
  territoryCode?: string;
  status?: 'ILLUSTRATIVE';
}

interface ArmlPresidentFact {
  armlKey: string;
  familyName: string;
  givenName: string;
  gender: Gender;
  missionLocale?: { key: string; name: string; post: 'PRESIDENT' | 'VICE_PRESIDENT' };
  illustrativeMissionLocaleKey?: string;
  unmlPost?: PostKind;
  roles: RoleFact[];
}

interface UnmlPresidentFact {
  familyName: string;
  givenName: string;
  asOf: string;
  sourceId: keyof typeof structureJson.sources;
  roles?: RoleFact[];
}

const STRUCTURE = structureJson as typeof structureJson & {
  terms: { missionLocale: SeedTerm[]; arml: SeedTerm[]; crefop: SeedTerm[] };
  electoralTerms: Record<ElectoralKind, string[]>;
};
const ANNEX = annexJson as { asOf: string; armlPresidents: ArmlPresidentFact[]; unmlPresidents: UnmlPresidentFact[] };
const NAMES = namesJson as { givenNames: Record<Gender, string[]>; familyNames: string[] };
const SOURCES = STRUCTURE.sources;
const REGIONS = new Map(regionFacts.regions.map((r) => [r.code, r]));

const ELECTORAL_KIND: Partial<Record<PublicRoleKind, ElectoralKind>> = {
  MAYOR: 'municipal',
  DEPUTY_MAYOR: 'municipal',
  MUNICIPAL_COUNCILLOR: 'municipal',
  INTERCOMMUNAL_VICE_PRESIDENT: 'municipal',
  DEPARTMENTAL_COUNCILLOR: 'departmental',
  REGIONAL_COUNCILLOR: 'regional',
  REGIONAL_VICE_PRESIDENT: 'regional',
  SENATOR: 'senate',
};

// ---------------------------------------------------------------------------------------------
// Small helpers: dates, provenance, names
// ---------------------------------------------------------------------------------------------

interface Period {
  startDate: string;
  endDate?: string;
}

const later = (a: string, b: string) => (a > b ? a : b);
const earlierEnd = (a?: string, b?: string) => (a === undefined ? b : b === undefined ? a : a < b ? a : b);
const contains = (p: Period, date: string) => p.startDate <= date && (p.endDate === undefined || date < p.endDate);

/** The common part of two periods, or nothing when they do not meet. */
function overlap(a: Period, b: Period): Period | undefined {
  const startDate = later(a.startDate, b.startDate);
  const endDate = earlierEnd(a.endDate, b.endDate);
  return endDate !== undefined && endDate <= startDate ? undefined : { startDate, endDate };
}

const illustrative = (why?: string): SeedProvenance => ({
  status: 'ILLUSTRATIVE',
  source: why ? `${SOURCES.illustrative} (${why})` : SOURCES.illustrative,
});
const official = (sourceId: keyof typeof SOURCES, note?: string): SeedProvenance => ({
  status: 'OFFICIAL',
  source: note ? `${SOURCES[sourceId]}; ${note}` : SOURCES[sourceId],
});

/** FNV-1a: a stable small hash, so that names and choices do not depend on iteration order. */
function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
  return h;
}
const pick = <T>(items: T[], seed: string): T => items[hash(seed) % items.length];

/** The electoral term in progress on a date: from the election before it to the next one. */
function electoralTerm(kind: ElectoralKind, date: string): Period {
  const elections = STRUCTURE.electoralTerms[kind];
  const i = elections.filter((d) => d <= date).length - 1;
  if (i < 0) throw new Error(`No ${kind} election before ${date}`);
  return { startDate: elections[i], endDate: elections[i + 1] };
}

/** A public role held on `date`, dated by its electoral term when it is an elected office. */
function datedRole(role: Omit<SeedPublicRole, 'startDate' | 'endDate'>, date: string): SeedPublicRole {
  const kind = ELECTORAL_KIND[role.kind];
  return kind ? { ...role, ...electoralTerm(kind, date) } : role;
}

/** A body's terms cut to the organization's life: dropped before founding or after dissolution. */
function termsWithin(terms: SeedTerm[], org: SeedOrganization): SeedTerm[] {
  const life: Period = { startDate: org.foundedOn ?? '0000-01-01', endDate: org.dissolvedOn };
  return terms.flatMap((t) => {
    const cut = overlap(t, life);
    return cut ? [{ ...t, ...cut }] : [];
  });
}

/** UNML's board terms: every `termYears` from the first one to the one still open. */
function unmlTerms(): SeedTerm[] {
  const { firstStartDate, termYears, openTermStartDate } = STRUCTURE.terms.unml;
  const terms: SeedTerm[] = [];
  for (let year = Number(firstStartDate.slice(0, 4)); ; year += termYears) {
    const startDate = `${year}${firstStartDate.slice(4)}`;
    const endDate = startDate >= openTermStartDate ? undefined : `${year + termYears}${firstStartDate.slice(4)}`;
    terms.push({ startDate, endDate, label: `${year}-${year + termYears}` });
    if (endDate === undefined) return terms;
  }
}

const termOn = (terms: SeedTerm[], date: string, what: string): SeedTerm => {
  const term = terms.find((t) => contains(t, date));
  if (!term) throw new Error(`Bundled governance: no term of ${what} on ${date}`);
  return term;
};
const openTerm = (terms: SeedTerm[]): SeedTerm => terms[terms.length - 1];

const post = (key: string, kind: PostKind, label: string, seats = 1, collegeNumber?: number): SeedPost =>
  (collegeNumber === undefined ? { key, kind, label, seats } : { key, kind, label, seats, collegeNumber });

const OFFICERS: SeedPost[] = [
  post('president', 'PRESIDENT', 'Président(e)'),
  post('vice-president', 'VICE_PRESIDENT', 'Vice-président(e)'),
  post('treasurer', 'TREASURER', 'Trésorier(ère)'),
  post('secretary', 'SECRETARY', 'Secrétaire'),
];

const gendered = (gender: Gender, masculine: string, feminine: string) => (gender === 'F' ? feminine : masculine);

// ---------------------------------------------------------------------------------------------
// The generator
// ---------------------------------------------------------------------------------------------

/** The bundled governance of a network. */
export function generateGovernance(network: SeedNetwork): SeedGovernance {
  const orgs = new Map(network.organizations.map((o) => [o.key, o]));
  const persons: SeedPerson[] = [];
  const mandates: SeedMandate[] = [];
  const bodies: SeedBody[] = [];
  const colleges: SeedGovernance['colleges'] = [];
  const bodyTerms = new Map<string, SeedTerm[]>();

  const addBody = (body: Omit<SeedBody, 'provenance'> & { provenance?: SeedProvenance }) => {
    bodies.push({ provenance: illustrative('composition and terms'), ...body });
    bodyTerms.set(body.key, body.terms);
  };
  /** A mandate in the term of `bodyKey` that holds `period`'s start, cut to that term. */
  const addMandate = (m: Omit<SeedMandate, 'termStartDate' | 'endDate' | 'endReason'> & { endDate?: string }) => {
    const term = termOn(bodyTerms.get(m.bodyKey) ?? [], m.startDate, m.bodyKey);
    const endDate = earlierEnd(m.endDate, term.endDate);
    mandates.push({ ...m, termStartDate: term.startDate, endDate, ...(endDate ? { endReason: 'TERM_ENDED' as const } : {}) });
  };
  /** An illustrative person with a fictitious name drawn from the common names. */
  const illustrativePerson = (key: string, roles: (gender: Gender) => SeedPublicRole[]): SeedPerson => {
    const gender: Gender = hash(`${key}#gender`) % 2 ? 'F' : 'M';
    const person = {
      key,
      givenName: pick(NAMES.givenNames[gender], `${key}#given`),
      familyName: pick(NAMES.familyNames, `${key}#family`),
      publicRoles: roles(gender),
      provenance: illustrative('fictitious person'),
      gender,
    };
    persons.push(person);
    return person;
  };

  // Structures of the current network, and who belongs to which ARML today.
  const current = (o: SeedOrganization) => o.dissolvedOn === undefined;
  const missionsLocales = network.organizations.filter((o) => o.kind === 'MISSION_LOCALE' && current(o));
  const armls = network.organizations.filter((o) => o.kind === 'ARML' && current(o));
  const armlOf = (ml: SeedOrganization) => ml.memberships?.find((m) => m.endDate === undefined && orgs.get(m.parentKey)?.kind === 'ARML')?.parentKey;
  const membersOf = new Map(armls.map((a) => [a.key, missionsLocales.filter((ml) => armlOf(ml) === a.key)]));
  const regionOf = (ml: SeedOrganization) => placeNames.regionOfDepartement(ml.departementCode ?? '') ?? '';
  /** The Mission Locale the sources name, or a stand-in of the same ARML when the network does not hold it. */
  const missionLocale = (key: string, armlKey: string): SeedOrganization => {
    const named = orgs.get(key);
    if (named) return named;
    const members = membersOf.get(armlKey) ?? [];
    const sameDepartement = members.find((ml) => key.startsWith(`ml-${ml.departementCode?.toLowerCase()}-`));
    const standIn = sameDepartement ?? members[0];
    if (!standIn) throw new Error(`Bundled governance: ${armlKey} has no Mission Locale to stand in for ${key}`);
    return standIn;
  };

  // --- Missions Locales --------------------------------------------------------------------
  const mlTerms = STRUCTURE.terms.missionLocale;
  const mlPresidents = new Map<string, SeedPerson>();
  const mlDirectors = new Map<string, SeedPerson>();
  for (const ml of missionsLocales) {
    const terms = termsWithin(mlTerms, ml);
    colleges.push({ organizationKey: ml.key, colleges: STRUCTURE.colleges.missionLocale });
    const collegeSeats = [6, 4, 3, 3];
    addBody({ key: `${ml.key}/general-assembly`, organizationKey: ml.key, kind: 'GENERAL_ASSEMBLY', name: `Assemblée générale – ${ml.name}`, posts: [], terms });
    addBody({
      key: `${ml.key}/board`, organizationKey: ml.key, kind: 'BOARD', name: `Conseil d'administration – ${ml.name}`,
      description: 'Composed of four collèges; its president is a local elected official designated by collège 1.',
      posts: [
        { ...OFFICERS[0], collegeNumber: 1 },
        ...OFFICERS.slice(1),
        ...collegeSeats.map((seats, i) => post(`board-college-${i + 1}`, 'BOARD_MEMBER', `Administrateur(rice) – collège ${i + 1}`, seats, i + 1)),
        post('director', 'DIRECTOR', 'Directeur(rice), voix consultative'),
      ],
      terms,
    });
    addBody({ key: `${ml.key}/bureau`, organizationKey: ml.key, kind: 'BUREAU', name: `Bureau – ${ml.name}`, posts: OFFICERS, terms });

    const currentTerm = openTerm(terms);
    if (!currentTerm || currentTerm.endDate !== undefined) continue;
    const start = currentTerm.startDate;
    const headCommune = ml.sites?.[0]?.communeCode ?? '';
    const commune = placeNames.commune(headCommune) ?? `de ${ml.name}`;
    const dept = ml.departementCode ?? '';
    const president = illustrativePerson(`person-${ml.key}-president`, (g) => [datedRole({
      kind: 'DEPUTY_MAYOR', label: `${gendered(g, 'Adjoint', 'Adjointe')} au maire ${commune}`, territoryCode: headCommune,
    }, start)]);
    const vicePresident = illustrativePerson(`person-${ml.key}-vice-president`, (g) => [STRUCTURE.noDepartmentalCouncil.includes(dept)
      ? datedRole({ kind: 'MUNICIPAL_COUNCILLOR', label: `${gendered(g, 'Conseiller municipal', 'Conseillère municipale')} ${commune}`, territoryCode: headCommune }, start)
      : datedRole({ kind: 'DEPARTMENTAL_COUNCILLOR', label: `${gendered(g, 'Conseiller départemental', 'Conseillère départementale')} ${placeNames.departement(dept) ?? dept}`, territoryCode: dept }, start)]);
    const treasurer = illustrativePerson(`person-${ml.key}-treasurer`, () => []);
    const secretary = illustrativePerson(`person-${ml.key}-secretary`, () => []);
    const stateRepresentative = illustrativePerson(`person-${ml.key}-state`, () => []);
    const director = illustrativePerson(`person-${ml.key}-director`, (g) => [{
      kind: 'MISSION_LOCALE_DIRECTOR', label: `${gendered(g, 'Directeur', 'Directrice')} de la ${ml.name}`, organizationKey: ml.key,
      startDate: `${2010 + (hash(ml.key) % 14)}-09-01`,
    }]);
    mlPresidents.set(ml.key, president);
    mlDirectors.set(ml.key, director);

    const legalBasis = `Assemblée générale du ${start}`;
    const provenance = illustrative('current holders');
    const state = orgs.has(`partner-dreets-${regionOf(ml)}`) ? `partner-dreets-${regionOf(ml)}` : undefined;
    const seat = (bodyKey: string, postKey: string, person: SeedPerson, collegeNumber?: number, onBehalfOfKey?: string) =>
      addMandate({ bodyKey, postKey, personKey: person.key, collegeNumber, onBehalfOfKey, role: 'TITULAIRE', startDate: start, legalBasis, provenance });
    for (const bodyKey of [`${ml.key}/board`, `${ml.key}/bureau`]) {
      seat(bodyKey, 'president', president, 1);
      seat(bodyKey, 'vice-president', vicePresident, 1);
      seat(bodyKey, 'treasurer', treasurer, 4);
      seat(bodyKey, 'secretary', secretary, 3);
    }
    seat(`${ml.key}/board`, 'board-college-2', stateRepresentative, 2, state);
    seat(`${ml.key}/board`, 'director', director);
  }

  // --- ARML --------------------------------------------------------------------------------
  const armlPresidents = new Map<string, { person: SeedPerson; missionLocaleKey: string }>();
  for (const arml of armls) {
    const terms = termsWithin(STRUCTURE.terms.arml, arml);
    const members = membersOf.get(arml.key) ?? [];
    const coPresidents = Math.max(1, ANNEX.armlPresidents.filter((p) => p.armlKey === arml.key).length);
    const name = arml.shortName ?? arml.name;
    const regions = (arml.regions ?? []).filter((r) => r.endDate === undefined).map((r) => r.regionCode);
    const financers = regions.flatMap((r) => [`partner-dreets-${r}`, `partner-region-${r}`]).filter((k) => orgs.has(k));
    addBody({ key: `${arml.key}/general-assembly`, organizationKey: arml.key, kind: 'GENERAL_ASSEMBLY', name: `Assemblée générale – ${name}`, posts: [], terms });
    addBody({
      key: `${arml.key}/board`, organizationKey: arml.key, kind: 'BOARD', name: `Conseil d'administration – ${name}`,
      description: 'Presidents of the member Missions Locales; its president is president or board member of one of them.',
      posts: [
        post('president', 'PRESIDENT', coPresidents > 1 ? 'Co-président(e)' : 'Président(e)', coPresidents),
        post('vice-president', 'VICE_PRESIDENT', 'Vice-président(e)', 2),
        ...OFFICERS.slice(2),
        post('board-member', 'BOARD_MEMBER', 'Administrateur(rice), pour une Mission Locale membre', Math.max(1, members.length)),
      ],
      terms,
    });
    addBody({ key: `${arml.key}/bureau`, organizationKey: arml.key, kind: 'BUREAU', name: `Bureau – ${name}`, posts: [OFFICERS[0], post('vice-president', 'VICE_PRESIDENT', 'Vice-président(e)', 2), ...OFFICERS.slice(2)], terms });
    addBody({
      key: `${arml.key}/directors-committee`, organizationKey: arml.key, kind: 'DIRECTORS_COMMITTEE', name: `Comité des directeurs de Missions Locales – ${name}`,
      description: 'The directors of the Missions Locales of the region.', provenance: illustrative('composition and terms; ' + SOURCES['arml-framework']),
      posts: [post('member', 'MEMBER', 'Directeur(rice) de Mission Locale', Math.max(1, members.length))], terms,
    });
    addBody({
      key: `${arml.key}/steering-committee`, organizationKey: arml.key, kind: 'STEERING_COMMITTEE', name: `Comité de pilotage régional – ${name}`,
      description: 'The financers of the regional network: the State and the Region.', provenance: illustrative('composition and terms; ' + SOURCES['arml-framework']),
      posts: [post('financer', 'MEMBER_BY_RIGHT', 'Financeur', Math.max(1, financers.length))], terms,
    });

    // The current term: the presidents of the member Missions Locales, five of them officers.
    const term = openTerm(terms);
    const rotation = hash(arml.key) % Math.max(1, members.length);
    const seated = [...members.slice(rotation), ...members.slice(0, rotation)].filter((ml) => mlPresidents.has(ml.key));
    const provenance = illustrative('current holders');
    const legalBasis = `Assemblée générale du ${term.startDate}`;
    const officerPosts = ['president', 'vice-president', 'vice-president', 'treasurer', 'secretary'];
    seated.forEach((ml, i) => {
      const person = mlPresidents.get(ml.key)!;
      const postKey = officerPosts[i] ?? 'board-member';
      if (i === 0) armlPresidents.set(arml.key, { person, missionLocaleKey: ml.key });
      const m = { personKey: person.key, onBehalfOfKey: ml.key, role: 'TITULAIRE' as const, startDate: term.startDate, legalBasis, provenance };
      addMandate({ ...m, bodyKey: `${arml.key}/board`, postKey });
      if (postKey !== 'board-member') addMandate({ ...m, bodyKey: `${arml.key}/bureau`, postKey });
    });
    for (const ml of members) {
      const director = mlDirectors.get(ml.key);
      if (director) addMandate({ bodyKey: `${arml.key}/directors-committee`, postKey: 'member', personKey: director.key, onBehalfOfKey: ml.key, role: 'TITULAIRE', startDate: term.startDate, provenance });
    }
    for (const financer of financers) {
      addMandate({ bodyKey: `${arml.key}/steering-committee`, postKey: 'financer', holderOrganizationKey: financer, role: 'TITULAIRE', startDate: term.startDate, provenance });
    }
  }

  // --- The 2018 ARML presidents (PNAE annexe 3) ---------------------------------------------
  const annexPeriods: { person: SeedPerson; armlKey: string; period: Period }[] = [];
  /** UNML posts the annexe names for ARML presidents, placed once UNML's bodies exist. */
  const unmlOfficers: { person: SeedPerson; postKey: string; onBehalfOfKey: string; asOf: string }[] = [];
  const annexPersons = new Map<string, SeedPerson>();
  const namedPerson = (familyName: string, givenName: string, roles: RoleFact[], asOf: string, sourceId: keyof typeof SOURCES): SeedPerson => {
    const key = `person-${slug(familyName)}-${slug(givenName)}`;
    const known = annexPersons.get(key);
    const publicRoles = roles.map(({ status, ...role }) => datedRole({
      ...role, provenance: status ? illustrative('office not stated by the source') : official(sourceId, 'dates: the electoral term in progress'),
    }, asOf));
    if (known) {
      known.publicRoles.push(...publicRoles);
      return known;
    }
    const person: SeedPerson = { key, givenName, familyName, publicRoles, provenance: official(sourceId) };
    annexPersons.set(key, person);
    persons.push(person);
    return person;
  };
  for (const fact of ANNEX.armlPresidents) {
    const person = namedPerson(fact.familyName, fact.givenName, fact.roles, ANNEX.asOf, 'pnae-annex3');
    const arml = orgs.get(fact.armlKey);
    if (!arml) throw new Error(`Bundled governance: unknown ARML ${fact.armlKey}`);
    const mlKey = fact.missionLocale?.key ?? fact.illustrativeMissionLocaleKey;
    if (!mlKey) throw new Error(`Bundled governance: no Mission Locale for ${fact.familyName}`);
    const ml = missionLocale(mlKey, fact.armlKey);
    const standIn = ml.key !== mlKey || !fact.missionLocale;
    const mlTerm = termOn(termsWithin(mlTerms, ml), ANNEX.asOf, ml.key);
    addMandate({
      bodyKey: `${ml.key}/board`, personKey: person.key, collegeNumber: 1, role: 'TITULAIRE', startDate: mlTerm.startDate, endDate: mlTerm.endDate,
      postKey: fact.missionLocale?.post === 'VICE_PRESIDENT' ? 'vice-president' : fact.missionLocale ? 'president' : 'board-college-1',
      provenance: standIn ? illustrative('seat on a Mission Locale board the source does not name') : official('pnae-annex3', 'term dates illustrative'),
    });
    const armlTerm = termOn(bodyTerms.get(`${arml.key}/board`) ?? [], ANNEX.asOf, arml.key);
    addMandate({
      bodyKey: `${arml.key}/board`, postKey: 'president', personKey: person.key, onBehalfOfKey: ml.key, role: 'TITULAIRE', startDate: armlTerm.startDate, endDate: armlTerm.endDate,
      provenance: official('pnae-annex3', 'term dates illustrative'),
    });
    annexPeriods.push({ person, armlKey: arml.key, period: { startDate: armlTerm.startDate, endDate: armlTerm.endDate } });
    if (fact.unmlPost) unmlOfficers.push({ person, postKey: fact.unmlPost === 'VICE_PRESIDENT' ? 'vice-president' : 'board-college-1', onBehalfOfKey: ml.key, asOf: ANNEX.asOf });
  }

  // --- UNML ----------------------------------------------------------------------------------
  colleges.push({ organizationKey: 'unml', colleges: STRUCTURE.colleges.unml });
  const terms = unmlTerms();
  const conferenceTerms = [{ ...terms[0], startDate: STRUCTURE.conference.createdOn }, ...terms.slice(1)];
  const statutes = official('labelling-2022', 'terms illustrative');
  addBody({ key: 'unml/general-assembly', organizationKey: 'unml', kind: 'GENERAL_ASSEMBLY', name: "Assemblée générale de l'UNML", posts: [], terms, provenance: statutes });
  addBody({
    key: 'unml/board', organizationKey: 'unml', kind: 'BOARD', name: "Conseil d'administration de l'UNML", termYears: STRUCTURE.terms.unml.termYears,
    description: "Four groups: Missions Locales (collège 1, which the chair comes from), ARML (members by right), other organisations applying the national collective agreement, Maisons de l'emploi and PLIE.",
    posts: [
      post('president', 'PRESIDENT', 'Président(e)', 1, 1),
      post('vice-president', 'VICE_PRESIDENT', 'Vice-président(e)', 3, 1),
      post('treasurer', 'TREASURER', 'Trésorier(ère)', 1, 1),
      post('secretary', 'SECRETARY', 'Secrétaire', 1, 1),
      post('board-college-1', 'BOARD_MEMBER', 'Administrateur(rice) – Missions Locales', 10, 1),
      post('members-by-right', 'MEMBER_BY_RIGHT', 'ARML, membre de droit', armls.length, 2),
      post('board-college-3', 'BOARD_MEMBER', 'Administrateur(rice) – autres organismes appliquant la CCN', 3, 3),
      post('board-college-4', 'BOARD_MEMBER', "Administrateur(rice) – Maisons de l'emploi et PLIE", 2, 4),
    ],
    terms, provenance: statutes,
  });
  addBody({
    key: 'unml/bureau', organizationKey: 'unml', kind: 'BUREAU', name: "Bureau de l'UNML",
    posts: [post('president', 'PRESIDENT', 'Président(e)', 1, 1), post('vice-president', 'VICE_PRESIDENT', 'Vice-président(e)', 3, 1), ...OFFICERS.slice(2)],
    terms, provenance: statutes,
  });
  addBody({
    key: 'unml/conference-of-presidents', organizationKey: 'unml', kind: 'CONFERENCE_OF_PRESIDENTS', name: "Conférence des présidents d'ARML",
    description: "Chaired by UNML's president, with UNML holding its secretariat; the presidents of the ARML.",
    meetingFrequency: STRUCTURE.conference.meetingFrequency, secretariatOrganizationKey: 'unml',
    posts: [post('president', 'PRESIDENT', 'Président(e) (président(e) de l\'UNML)', 1, 1), post('member', 'MEMBER', "Président(e) d'ARML", armls.length)],
    terms: conferenceTerms, provenance: statutes,
  });

  // Presidents named by the sources, in the term they are shown in; the last named one goes on illustratively.
  const unmlChairs = ['unml/board', 'unml/bureau', 'unml/conference-of-presidents'];
  const chairPersons = new Set<string>();
  ANNEX.unmlPresidents.forEach((fact, i) => {
    const last = i === ANNEX.unmlPresidents.length - 1;
    const boardTerm = termOn(terms, fact.asOf, 'unml/board');
    const held: Period = { startDate: boardTerm.startDate, endDate: last ? undefined : boardTerm.endDate };
    const roles = fact.roles ?? [];
    // An elected office held through every municipal term of the presidency (a re-election is another record).
    const asOfs = [fact.asOf, ...STRUCTURE.electoralTerms.municipal.filter((d) => d > fact.asOf && (held.endDate === undefined || d < held.endDate))];
    const person = namedPerson(fact.familyName, fact.givenName, [], fact.asOf, fact.sourceId);
    for (const date of asOfs) person.publicRoles.push(...roles.map(({ status, ...role }) => datedRole({ ...role, provenance: status ? illustrative('office not stated by the sources') : official(fact.sourceId) }, date)));
    chairPersons.add(person.key);
    for (const bodyKey of unmlChairs) {
      for (const term of bodyTerms.get(bodyKey)!) {
        const period = overlap(term, held);
        if (!period) continue;
        const shown = contains(term, fact.asOf);
        addMandate({
          bodyKey, postKey: 'president', personKey: person.key, collegeNumber: 1, role: 'TITULAIRE', ...period,
          provenance: shown ? official(fact.sourceId, 'term dates illustrative') : illustrative('re-election not stated by the sources'),
        });
      }
    }
  });
  for (const officer of unmlOfficers) {
    const term = termOn(terms, officer.asOf, 'unml/board');
    addMandate({ bodyKey: 'unml/board', postKey: officer.postKey, personKey: officer.person.key, collegeNumber: 1, onBehalfOfKey: officer.onBehalfOfKey, role: 'TITULAIRE', startDate: term.startDate, endDate: term.endDate, provenance: official('pnae-annex3', 'term dates illustrative') });
  }

  // The ARML, members by right of every board.
  for (const arml of network.organizations.filter((o) => o.kind === 'ARML')) {
    for (const membership of arml.memberships?.filter((m) => m.parentKey === 'unml') ?? []) {
      for (const term of terms) {
        const period = overlap(term, membership);
        if (period) addMandate({ bodyKey: 'unml/board', postKey: 'members-by-right', holderOrganizationKey: arml.key, collegeNumber: 2, role: 'TITULAIRE', ...period, provenance: illustrative('ARML are members by right: ' + SOURCES['labelling-2022']) });
      }
    }
  }

  // The current board: the current ARML presidents, for their Missions Locales.
  const currentBoard = openTerm(terms);
  const boardPosts = ['vice-president', 'vice-president', 'vice-president', 'treasurer', 'secretary'];
  [...armlPresidents.values()].forEach(({ person, missionLocaleKey }, i) => {
    const postKey = boardPosts[i] ?? 'board-college-1';
    if (i >= boardPosts.length + 10) return;
    const m = { personKey: person.key, collegeNumber: 1, onBehalfOfKey: missionLocaleKey, role: 'TITULAIRE' as const, startDate: currentBoard.startDate, provenance: illustrative('current holders') };
    addMandate({ ...m, bodyKey: 'unml/board', postKey });
    if (postKey !== 'board-college-1') addMandate({ ...m, bodyKey: 'unml/bureau', postKey });
  });

  // The Conférence des présidents: every ARML president while in office, except the one who chairs it.
  const presidencies = [
    ...annexPeriods,
    ...[...armlPresidents].map(([armlKey, { person }]) => ({ person, armlKey, period: openTerm(bodyTerms.get(`${armlKey}/board`)!) as Period })),
  ];
  for (const { person, armlKey, period } of presidencies) {
    if (chairPersons.has(person.key)) continue;
    for (const term of conferenceTerms) {
      const seat = overlap(term, period);
      if (seat) {
        addMandate({
          bodyKey: 'unml/conference-of-presidents', postKey: 'member', personKey: person.key, onBehalfOfKey: armlKey, role: 'TITULAIRE', ...seat,
          provenance: annexPersons.has(person.key) ? official('pnae-annex3', 'term dates illustrative') : illustrative('current holders'),
        });
      }
    }
  }

  // --- CREFOP: the ARML's seat in each region's committee -------------------------------------
  for (const council of network.organizations.filter((o) => o.kind === 'PARTNER' && o.partnerCategory === 'REGIONAL_COUNCIL')) {
    const regionCode = council.key.replace(/^partner-region-/, '');
    const region = REGIONS.get(regionCode);
    if (!region) continue;
    const bodyKey = `${council.key}/crefop`;
    addBody({
      key: bodyKey, organizationKey: council.key, kind: 'PARTNER_BODY',
      name: `Comité régional de l'emploi, de la formation et de l'orientation professionnelles (CREFOP) ${region.of}`,
      description: 'Co-chaired by the State and the Region; the Missions Locales are represented there by their ARML.',
      posts: [post('missions-locales', 'MEMBER', 'Représentant des Missions Locales (ARML)')],
      terms: STRUCTURE.terms.crefop, provenance: illustrative(`terms; the seat: ${SOURCES['crefop-law']}`),
    });
    for (const arml of network.organizations.filter((o) => o.kind === 'ARML')) {
      for (const coverage of arml.regions?.filter((r) => r.regionCode === regionCode) ?? []) {
        const life = { startDate: later(coverage.startDate, arml.foundedOn ?? coverage.startDate), endDate: earlierEnd(coverage.endDate, arml.dissolvedOn) };
        for (const term of STRUCTURE.terms.crefop) {
          const seat = overlap(term, life);
          if (seat) addMandate({ bodyKey, postKey: 'missions-locales', holderOrganizationKey: arml.key, role: 'TITULAIRE', ...seat, provenance: illustrative(`holder and dates; the seat: ${SOURCES['crefop-law']}`) });
        }
      }
    }
  }

  return {
    colleges,
    bodies,
    persons: persons.map(({ key, givenName, familyName, publicRoles, provenance }) => ({ key, givenName, familyName, publicRoles, provenance })),
    mandates: mandates.map((m) => Object.fromEntries(Object.entries(m).filter(([, v]) => v !== undefined)) as unknown as SeedMandate),
  };
}

function slug(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}
