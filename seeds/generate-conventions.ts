/**
 * Deterministic generator of the bundled conventions and partnerships, laid over a network from
 * `generateNetwork()`.
 *
 * The facts are hand-written in `seeds/facts/conventions-*.json`: the CPO generations and the axes
 * and objectives of the instruction DGEFP/SDPAE/2017/331, the national partnership conventions
 * signed by UNML, their regional declinations, a delegation, a regional protocol and partnerships.
 * This module turns them into `SeedConventions` by rules applied to the network (parties, titles,
 * status histories, illustrative funding), so the same network always gives a deep-equal result.
 * ARML-level data does not depend on the network's scale; only the Missions Locales named by the
 * sources may be replaced by a stand-in when the network does not hold them (scale > 1).
 */
import type {
  ConventionStatus,
  PartnershipTheme,
  PartyRole,
  SeedConvention,
  SeedConventions,
  SeedPartnership,
} from './conventions.types';
import type { ProvenanceStatus, SeedNetwork, SeedOrganization, SeedProvenance } from './network.types';
import networkSourceFacts from './facts/sources.json';
import conventionSourceFacts from './facts/conventions-sources.json';
import cpoFactsJson from './facts/conventions-cpo.json';
import partnershipFactsJson from './facts/conventions-partnerships.json';
import regionFacts from './facts/regions.json';
import countFacts from './facts/ml-counts.json';

// ---------------------------------------------------------------------------------------------
// Fact shapes (the JSON files are typed here once, then used through these constants)
// ---------------------------------------------------------------------------------------------

interface FactProvenance {
  status: ProvenanceStatus;
  sources: string[];
  /** What in the record is illustrative, or any other caveat; appended to the source labels. */
  note?: string;
}

/** The dates a status history is computed from; a missing date is a stage not reached. */
interface Milestones {
  draftOn?: string;
  negotiationOn?: string;
  signedOn?: string;
  startDate: string;
  endDate: string;
  terminatedOn?: string;
  terminationNote?: string;
  /** First stage recorded, when the sources do not date the earlier ones. */
  historyStartsAt?: ConventionStatus;
}

interface ObjectiveFact {
  axis: string;
  code: string;
  title: string;
  /** `from` and `to` are "Y-MM": years after the period's first year, and month. */
  actions: { title: string; from: string; to: string }[];
}

interface GenerationFact {
  startYear: number;
  /** ALL_CURRENT: every current ARML that existed on 1 January of startYear. */
  armls: 'ALL_CURRENT' | string[];
  draftOn: string;
  negotiationOn: string;
  /** Absent for a generation still under negotiation. */
  signedFrom?: string;
  signedWindowDays?: number;
  fundingIndexPercent?: number;
  citesInstruction?: boolean;
  provenance: FactProvenance;
}

interface FundingModel {
  stateBaseEuros: number;
  statePerMissionLocaleEuros: number;
  councilPercentOfState: number;
  yearlyVariationPercent: number;
  axisPercent: Record<'STATE_SERVICE' | 'REGIONAL_COUNCIL', Record<string, number>>;
  provenance: FactProvenance;
}

interface CpoFacts {
  statusAsOf: string;
  instruction: { title: string; reference: string };
  objectives: ObjectiveFact[];
  councilCosignature: { notCosigning: string[] };
  funding: FundingModel;
  generations: GenerationFact[];
  extensions: { conventionKey: string; endDate: string; amendmentSignedOn: string; reason: string }[];
}

interface NationalFact extends Milestones {
  key: string;
  /** The national partner the ARML decline the convention with. */
  partner: string;
  theme: PartnershipTheme;
  title: string;
  signatories: string[];
  documents?: { title: string }[];
  provenance: FactProvenance;
}

interface DeclinationFact extends Omit<Milestones, 'endDate'> {
  nationalKey: string;
  arml: string;
}

interface DelegationFact extends Milestones {
  key: string;
  arml: string;
  title: string;
  theme: string;
  funding: { year: number; amount: string }[];
  provenance: FactProvenance;
}

interface ProtocolFact extends Milestones {
  key: string;
  arml: string;
  title: string;
  provenance: FactProvenance;
}

interface PartnershipFact extends Omit<SeedPartnership, 'provenance'> {
  provenance: FactProvenance;
}

interface PartnershipFacts {
  national: NationalFact[];
  declinations: { provenance: FactProvenance; items: DeclinationFact[] };
  delegation: DelegationFact;
  protocol: ProtocolFact;
  partnerships: PartnershipFact[];
}

const CPO = cpoFactsJson as CpoFacts;
const FACTS = partnershipFactsJson as PartnershipFacts;
const SOURCES = mergeSources(networkSourceFacts, conventionSourceFacts);
const REGION_NAMES = new Map(regionFacts.regions.map((r) => [r.code, r.name]));

/** Statuses are computed as of this date, so the data does not change with the clock. */
const AS_OF = CPO.statusAsOf;

/** The forward path of a convention's status; TERMINATED may interrupt it. */
const STATUS_PATH: ConventionStatus[] = ['DRAFT', 'IN_NEGOTIATION', 'SIGNED', 'IN_FORCE', 'EXPIRED'];

/** Number of Missions Locales per region (2022 counts overseas, DMML 2015 counts elsewhere), scale-independent. */
const MISSION_LOCALE_COUNTS = new Map([
  ...countFacts.counts2015.map((c) => [c.regionCode, c.count] as const),
  ...countFacts.overseas2022.map((c) => [c.regionCode, c.count] as const),
]);

/** The two source lists share one id space; a clash would make provenance strings ambiguous. */
function mergeSources(...lists: Record<string, string>[]): Map<string, string> {
  const merged = new Map<string, string>();
  for (const list of lists) {
    for (const [id, label] of Object.entries(list)) {
      if (id.startsWith('_')) continue;
      if (merged.has(id)) throw new Error(`source id ${id} is defined twice`);
      merged.set(id, label);
    }
  }
  return merged;
}

// ---------------------------------------------------------------------------------------------
// Small helpers: provenance, dates, hashing, amounts
// ---------------------------------------------------------------------------------------------

/** A provenance made of the source labels, followed by the fact's note. */
function provenance(fact: FactProvenance): SeedProvenance {
  const labels = fact.sources.map((id) => {
    const label = SOURCES.get(id);
    if (!label) throw new Error(`unknown source id ${id}`);
    return label;
  });
  return { status: fact.status, source: [...labels, ...(fact.note ? [fact.note] : [])].join('; ') };
}

/** ISO date `days` after `date` (UTC, so no daylight-saving drift). */
function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function later(a: string, b: string): string {
  return a > b ? a : b;
}

/** "Y-MM" offset in a period starting in `firstYear`: first or last day of that month. */
function monthDate(firstYear: number, offset: string, end: boolean): string {
  const [years, month] = offset.split('-').map(Number);
  const year = firstYear + years;
  const day = end ? new Date(Date.UTC(year, month, 0)).getUTCDate() : 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** FNV-1a: a stable 32-bit hash, used to spread dates and amounts without a random generator. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** Cents as a decimal string of euros ("48250.75"): amounts never go through floating point. */
function euros(cents: number): string {
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

// ---------------------------------------------------------------------------------------------
// The network, indexed once
// ---------------------------------------------------------------------------------------------

interface NetworkIndex {
  byKey: Map<string, SeedOrganization>;
  /** Current ARML, by key. */
  currentArml: SeedOrganization[];
  /** Current Missions Locales per département, by key. */
  missionsLocalesByDepartement: Map<string, string[]>;
  /** Départements of each ARML's current member Missions Locales. */
  armlDepartements: Map<string, Set<string>>;
}

function indexNetwork(network: SeedNetwork): NetworkIndex {
  const byKey = new Map(network.organizations.map((o) => [o.key, o]));
  const current = network.organizations.filter((o) => !o.dissolvedOn);
  const missionsLocalesByDepartement = new Map<string, string[]>();
  const armlDepartements = new Map<string, Set<string>>();
  for (const ml of current.filter((o) => o.kind === 'MISSION_LOCALE' && o.departementCode)) {
    const departement = ml.departementCode!;
    missionsLocalesByDepartement.set(departement, [...(missionsLocalesByDepartement.get(departement) ?? []), ml.key]);
    const arml = ml.memberships?.find((m) => !m.endDate)?.parentKey;
    if (arml) armlDepartements.set(arml, (armlDepartements.get(arml) ?? new Set()).add(departement));
  }
  for (const keys of missionsLocalesByDepartement.values()) keys.sort();
  const currentArml = current.filter((o) => o.kind === 'ARML').sort((a, b) => a.key.localeCompare(b.key));
  return { byKey, currentArml, missionsLocalesByDepartement, armlDepartements };
}

/** The organization with this key; the facts may only name organizations the network holds. */
function organization(index: NetworkIndex, key: string, kind?: SeedOrganization['kind']): SeedOrganization {
  const org = index.byKey.get(key);
  if (!org) throw new Error(`the network has no organization ${key}`);
  if (kind && org.kind !== kind) throw new Error(`${key} is a ${org.kind}, not a ${kind}`);
  return org;
}

/** The name an organization bore on `date` (ARML de La Réunion before it became ARML Océan Indien). */
function nameAt(org: SeedOrganization, date: string): string {
  const former = [...(org.formerNames ?? [])]
    .sort((a, b) => a.validUntil.localeCompare(b.validUntil))
    .find((f) => date < f.validUntil && (!f.validFrom || f.validFrom <= date));
  return former?.name ?? org.name;
}

/** INSEE codes of the regions an ARML covered on `date`. */
function regionsAt(arml: SeedOrganization, date: string): string[] {
  return (arml.regions ?? []).filter((r) => r.startDate <= date && (!r.endDate || date < r.endDate)).map((r) => r.regionCode);
}

/** The State services of the regions; Saint-Martin has none of its own in the network, so it is skipped. */
function stateServices(index: NetworkIndex, regions: string[]): SeedOrganization[] {
  return regions.flatMap((code) => index.byKey.get(`partner-dreets-${code}`) ?? []);
}

/** The regional councils of the regions (Saint-Martin has none in the network). */
function regionalCouncils(index: NetworkIndex, regions: string[]): SeedOrganization[] {
  return regions.flatMap((code) => index.byKey.get(`partner-region-${code}`) ?? []);
}

/** A State service's short name on `date`: Direccte (Dieccte overseas) before its 2021 renaming. */
function stateServiceLabel(service: SeedOrganization, regionCode: string, date: string): string {
  const former = service.formerNames?.find((f) => date < f.validUntil);
  if (!former) return service.shortName ?? service.name;
  const acronym = former.name.startsWith('Direction régionale') ? 'Direccte' : 'Dieccte';
  return `${acronym} ${REGION_NAMES.get(regionCode) ?? regionCode}`;
}

// ---------------------------------------------------------------------------------------------
// Status histories
// ---------------------------------------------------------------------------------------------

/**
 * The dated statuses a convention went through up to AS_OF: draft, negotiation, signature, entry
 * into force (at signature, or at the start date when signed before it), expiry the day after the
 * end date, unless terminated first. A stage without a date, or dated after AS_OF, is not reached.
 */
function statusHistory(m: Milestones): SeedConvention['statusHistory'] {
  const dates: Record<string, string | undefined> = {
    DRAFT: m.draftOn,
    IN_NEGOTIATION: m.negotiationOn,
    SIGNED: m.signedOn,
    IN_FORCE: m.signedOn && later(m.signedOn, m.startDate),
    EXPIRED: m.signedOn && addDays(m.endDate, 1),
  };
  const first = m.historyStartsAt ? STATUS_PATH.indexOf(m.historyStartsAt) : 0;
  const history: SeedConvention['statusHistory'] = [];
  for (const status of STATUS_PATH.slice(first)) {
    const date = dates[status];
    if (!date || date > AS_OF || (m.terminatedOn && date > m.terminatedOn)) break;
    history.push({ status, date });
  }
  if (m.terminatedOn && m.terminatedOn <= AS_OF) {
    history.push({ status: 'TERMINATED', date: m.terminatedOn, ...(m.terminationNote ? { note: m.terminationNote } : {}) });
  }
  return history;
}

/** The fields every convention derives from its milestones: history and, once signed, signedOn. */
function datedFields(m: Milestones): Pick<SeedConvention, 'startDate' | 'endDate' | 'signedOn' | 'statusHistory'> {
  const history = statusHistory(m);
  return { startDate: m.startDate, endDate: m.endDate, ...(wasSigned(history) ? { signedOn: m.signedOn } : {}), statusHistory: history };
}

function wasSigned(history: SeedConvention['statusHistory']): boolean {
  return history.some((s) => s.status === 'SIGNED');
}

// ---------------------------------------------------------------------------------------------
// CPO État–ARML
// ---------------------------------------------------------------------------------------------

type Party = SeedConvention['parties'][number];

const party = (org: SeedOrganization, role: PartyRole): Party => ({ organizationKey: org.key, role });

/** The ARML of a generation: listed ones, or every current ARML that existed when the period began. */
function generationArmls(generation: GenerationFact, index: NetworkIndex): SeedOrganization[] {
  if (generation.armls !== 'ALL_CURRENT') return generation.armls.map((key) => organization(index, key, 'ARML'));
  const start = `${generation.startYear}-01-01`;
  return index.currentArml.filter((arml) => !arml.foundedOn || arml.foundedOn <= start);
}

/**
 * A CPO's milestones: the generation's dates, spread per convention over a few days (signatures over
 * the generation's window), never before the ARML existed; negotiation opens a week after the draft
 * at the earliest (an ARML created late still drafts before it negotiates).
 */
function cpoMilestones(generation: GenerationFact, arml: SeedOrganization, key: string, startDate: string, endDate: string): Milestones {
  const draftOn = later(addDays(generation.draftOn, hash(`${key}|draft`) % 15), arml.foundedOn ?? '');
  const negotiationOn = later(addDays(generation.negotiationOn, hash(`${key}|negotiation`) % 15), addDays(draftOn, 7));
  const signedOn = generation.signedFrom
    ? later(addDays(generation.signedFrom, hash(`${key}|signed`) % (generation.signedWindowDays ?? 1)), negotiationOn)
    : undefined;
  return { draftOn, negotiationOn, signedOn, startDate, endDate };
}

/** The instruction's objectives, with each action's calendar placed in the period. */
function cpoObjectives(firstYear: number): NonNullable<SeedConvention['objectives']> {
  return CPO.objectives.map((o) => ({
    axis: o.axis,
    code: o.code,
    title: o.title,
    actions: o.actions.map((a) => ({ title: a.title, startDate: monthDate(firstYear, a.from, false), endDate: monthDate(firstYear, a.to, true) })),
  }));
}

const AXES = [...new Set(CPO.objectives.map((o) => o.axis))];

/**
 * Illustrative funding of one financer: an annual amount from the size of the region (Missions
 * Locales), indexed per generation and varied a little per year, spread over the axes with cents.
 */
function financerLines(key: string, financer: SeedOrganization, annualEuros: number, years: number[], indexPercent: number): NonNullable<SeedConvention['funding']> {
  const model = CPO.funding;
  const weights = model.axisPercent[financer.partnerCategory as keyof FundingModel['axisPercent']];
  if (!weights) throw new Error(`no funding weights for ${financer.key} (${financer.partnerCategory})`);
  return years.flatMap((year) => {
    const spread = 2 * model.yearlyVariationPercent + 1;
    const variation = (hash(`${key}|${financer.key}|${year}`) % spread) - model.yearlyVariationPercent;
    const yearlyEuros = Math.floor((annualEuros * indexPercent * (100 + variation)) / 10_000);
    return AXES.map((axis) => {
      const cents = Math.floor((yearlyEuros * weights[axis]) / 100) * 100 + (hash(`${key}|${financer.key}|${year}|${axis}`) % 100);
      return { financerKey: financer.key, year, axis, amount: euros(cents) };
    });
  });
}

/** Funding lines of a CPO: every State service and co-signing council, every year of the period. */
function cpoFunding(key: string, regions: { code: string; state?: SeedOrganization; council?: SeedOrganization }[], years: number[], indexPercent: number): NonNullable<SeedConvention['funding']> {
  const model = CPO.funding;
  const withState = regions.filter((r) => r.state);
  return withState.flatMap(({ code, state, council }) => {
    const count = MISSION_LOCALE_COUNTS.get(code);
    if (count === undefined) throw new Error(`no Mission Locale count for region ${code}`);
    // The State's base is shared between the State services of a multi-region ARML.
    const stateEuros = Math.floor(model.stateBaseEuros / withState.length) + model.statePerMissionLocaleEuros * count;
    const councilEuros = Math.floor((stateEuros * model.councilPercentOfState) / 100);
    return [
      ...financerLines(key, state!, stateEuros, years, indexPercent),
      ...(council ? financerLines(key, council, councilEuros, years, indexPercent) : []),
    ];
  });
}

const NOT_COSIGNING = new Set(CPO.councilCosignature.notCosigning);
const EXTENSIONS = new Map(CPO.extensions.map((e) => [e.conventionKey, e]));

/** One CPO of a generation with one ARML; `renewsKey` is the ARML's previous CPO, if any. */
function cpo(generation: GenerationFact, arml: SeedOrganization, index: NetworkIndex, renewsKey: string | undefined): SeedConvention {
  const year = generation.startYear;
  const key = `cpo-${arml.key}-${year}`;
  const extension = EXTENSIONS.get(key);
  const startDate = `${year}-01-01`;
  const endDate = extension?.endDate ?? `${year + 2}-12-31`;
  const regions = regionsAt(arml, startDate).map((code) => ({
    code,
    state: stateServices(index, [code])[0],
    council: NOT_COSIGNING.has(code) ? undefined : regionalCouncils(index, [code])[0],
  }));
  const states = regions.flatMap((r) => r.state ?? []);
  const councils = regions.flatMap((r) => r.council ?? []);
  if (!states.length) throw new Error(`${key}: no State service for the regions of ${arml.key}`);

  const stateLabels = regions.flatMap((r) => (r.state ? stateServiceLabel(r.state, r.code, startDate) : [])).join(', ');
  const title = [`Convention pluriannuelle d'objectifs ${year}-${endDate.slice(0, 4)} : État (${stateLabels})`, ...councils.map((c) => nameAt(c, startDate)), nameAt(arml, startDate)].join(' – ');
  const dated = datedFields(cpoMilestones(generation, arml, key, startDate, endDate));
  const signed = wasSigned(dated.statusHistory);
  const years = Array.from({ length: Number(endDate.slice(0, 4)) - year + 1 }, (_, i) => year + i);
  const documents = [
    ...(generation.citesInstruction ? [{ title: CPO.instruction.title, reference: CPO.instruction.reference }] : []),
    ...(extension ? [{ title: `Avenant n° 1 du ${extension.amendmentSignedOn} prolongeant la convention jusqu'au ${extension.endDate}` }] : []),
  ];

  return {
    key,
    kind: 'CPO_STATE_ARML',
    title,
    ...dated,
    ...(extension ? { durationException: extension.reason } : {}),
    ...(renewsKey ? { renewsKey } : {}),
    parties: [
      party(arml, 'SIGNATORY'),
      party(arml, 'BENEFICIARY'),
      ...states.flatMap((s) => [party(s, 'SIGNATORY'), party(s, 'FINANCER')]),
      ...councils.flatMap((c) => [party(c, 'SIGNATORY'), party(c, 'FINANCER')]),
    ],
    ...(documents.length ? { documents } : {}),
    objectives: cpoObjectives(year),
    // Amounts are agreed at signature: a CPO still under negotiation has none yet.
    ...(signed ? { funding: cpoFunding(key, regions, years, generation.fundingIndexPercent ?? 100) } : {}),
    provenance: provenance(generation.provenance),
    ...(signed && generation.provenance.status !== CPO.funding.provenance.status ? { fundingProvenance: provenance(CPO.funding.provenance) } : {}),
  };
}

/** Every generation's CPO, each renewing the same ARML's previous one. */
function cpoConventions(index: NetworkIndex): SeedConvention[] {
  const previous = new Map<string, string>();
  const generations = [...CPO.generations].sort((a, b) => a.startYear - b.startYear);
  const conventions = generations.flatMap((generation) =>
    generationArmls(generation, index).map((arml) => {
      const convention = cpo(generation, arml, index, previous.get(arml.key));
      previous.set(arml.key, convention.key);
      return convention;
    }),
  );
  // An extension of a CPO that no generation holds would be silently lost.
  const keys = new Set(conventions.map((c) => c.key));
  for (const key of EXTENSIONS.keys()) if (!keys.has(key)) throw new Error(`extension of unknown CPO ${key}`);
  return conventions;
}

// ---------------------------------------------------------------------------------------------
// National conventions, declinations, delegation, regional protocol
// ---------------------------------------------------------------------------------------------

function nationalConvention(fact: NationalFact, index: NetworkIndex): SeedConvention {
  if (!fact.signatories.includes(fact.partner)) throw new Error(`${fact.key}: its partner ${fact.partner} is not a signatory`);
  return {
    key: fact.key,
    kind: 'NATIONAL_PARTNERSHIP',
    title: fact.title,
    ...datedFields(fact),
    theme: fact.theme,
    parties: fact.signatories.map((key) => party(organization(index, key), 'SIGNATORY')),
    ...(fact.documents ? { documents: fact.documents } : {}),
    provenance: provenance(fact.provenance),
  };
}

/**
 * A declination signed by an ARML with the national partner (its regional direction is not an
 * organization of the network, so the national body signs for it) and the region's State service.
 * It ends with its national convention.
 */
function declination(fact: DeclinationFact, national: NationalFact, index: NetworkIndex): SeedConvention {
  const arml = organization(index, fact.arml, 'ARML');
  const partner = organization(index, national.partner);
  const endDate = national.endDate;
  return {
    key: `decl-${national.key.replace(/^nat-/, '')}-${arml.key}`,
    kind: 'REGIONAL_DECLINATION',
    title: `Déclinaison régionale (${nameAt(arml, fact.startDate)}) : ${national.title}`,
    ...datedFields({ ...fact, endDate }),
    nationalConventionKey: national.key,
    theme: national.theme,
    parties: [arml, partner, ...stateServices(index, regionsAt(arml, fact.startDate))].map((o) => party(o, 'SIGNATORY')),
    provenance: provenance(FACTS.declinations.provenance),
  };
}

function declinations(index: NetworkIndex): SeedConvention[] {
  const nationals = new Map(FACTS.national.map((n) => [n.key, n]));
  return FACTS.declinations.items.map((item) => {
    const national = nationals.get(item.nationalKey);
    if (!national) throw new Error(`declination of unknown national convention ${item.nationalKey}`);
    return declination(item, national, index);
  });
}

/** UNML delegates a professionalisation theme to one ARML, which leads it with UNML's funding. */
function delegation(index: NetworkIndex): SeedConvention {
  const fact = FACTS.delegation;
  const unml = organization(index, 'unml', 'UNML');
  const arml = organization(index, fact.arml, 'ARML');
  return {
    key: fact.key,
    kind: 'DELEGATION',
    title: fact.title,
    ...datedFields(fact),
    theme: fact.theme,
    parties: [party(unml, 'SIGNATORY'), party(unml, 'FINANCER'), party(arml, 'SIGNATORY'), party(arml, 'BENEFICIARY'), party(arml, 'LEAD')],
    funding: fact.funding.map((f) => ({ financerKey: unml.key, year: f.year, amount: f.amount })),
    provenance: provenance(fact.provenance),
  };
}

/**
 * The regional protocol: the State, the regional council, the departmental councils of the ARML's
 * départements when the network holds them as organizations, and the ARML.
 */
function regionalProtocol(index: NetworkIndex): SeedConvention {
  const fact = FACTS.protocol;
  const arml = organization(index, fact.arml, 'ARML');
  const regions = regionsAt(arml, fact.startDate);
  const departements = index.armlDepartements.get(arml.key) ?? new Set<string>();
  const departmentalCouncils = [...index.byKey.values()]
    .filter((o) => o.partnerCategory === 'DEPARTMENTAL_COUNCIL' && !o.dissolvedOn && o.departementCode && departements.has(o.departementCode))
    .sort((a, b) => a.key.localeCompare(b.key));
  const signatories = [...stateServices(index, regions), ...regionalCouncils(index, regions), ...departmentalCouncils, arml];
  return {
    key: fact.key,
    kind: 'REGIONAL_PROTOCOL',
    title: fact.title,
    ...datedFields(fact),
    parties: signatories.map((o) => party(o, 'SIGNATORY')),
    provenance: provenance(fact.provenance),
  };
}

// ---------------------------------------------------------------------------------------------
// Partnerships
// ---------------------------------------------------------------------------------------------

/**
 * The network organization of a hand-written partnership. A Mission Locale named by the sources is
 * only in the network at scale 1; otherwise the first current Mission Locale of its département
 * (by key) stands in for it, and the record becomes illustrative.
 */
function partnershipHolder(fact: PartnershipFact, index: NetworkIndex): { key: string; provenance: SeedProvenance } {
  const own = provenance(fact.provenance);
  if (index.byKey.has(fact.networkOrganizationKey) || fact.scope !== 'LOCAL') {
    return { key: organization(index, fact.networkOrganizationKey).key, provenance: own };
  }
  const departement = /^ml-([0-9ab]+)-/.exec(fact.networkOrganizationKey)?.[1].toUpperCase();
  const standIn = departement && index.missionsLocalesByDepartement.get(departement)?.[0];
  if (!standIn) throw new Error(`no Mission Locale can stand in for ${fact.networkOrganizationKey}`);
  return {
    key: standIn,
    provenance: { status: 'ILLUSTRATIVE', source: `${own.source}; stand-in for ${fact.networkOrganizationKey}, named by the source but absent from this network` },
  };
}

function handWrittenPartnerships(index: NetworkIndex): SeedPartnership[] {
  return FACTS.partnerships.map((fact) => {
    const holder = partnershipHolder(fact, index);
    return { ...fact, networkOrganizationKey: holder.key, partnerKey: organization(index, fact.partnerKey, 'PARTNER').key, provenance: holder.provenance };
  });
}

/** Every signed declination makes its ARML a regional partner of the national partner, until it ended. */
function declinationPartnerships(declined: SeedConvention[]): SeedPartnership[] {
  const nationals = new Map(FACTS.national.map((n) => [n.key, n]));
  return declined.filter((d) => wasSigned(d.statusHistory)).map((d) => {
    const national = nationals.get(d.nationalConventionKey!)!;
    const last = d.statusHistory[d.statusHistory.length - 1];
    const ended = last.status === 'TERMINATED' ? last.date : last.status === 'EXPIRED' ? d.endDate : undefined;
    return {
      networkOrganizationKey: d.parties[0].organizationKey,
      partnerKey: national.partner,
      theme: national.theme,
      scope: 'REGIONAL' as const,
      description: `Déclinaison régionale : ${national.title}`,
      startDate: d.startDate,
      ...(ended ? { endDate: ended } : {}),
      conventionKeys: [d.key],
      provenance: d.provenance,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Entry point
// ---------------------------------------------------------------------------------------------

/**
 * The bundled conventions and partnerships of `network`: a CPO État–ARML per ARML and generation
 * (2018-2020, 2023-2025, a few 2026-2028, one 2027-2029 under negotiation), UNML's national
 * partnership conventions and their regional declinations, a delegation, a regional protocol, and
 * the partnerships of UNML, ARML and a few Missions Locales. Throws if a fact names an organization
 * the network does not hold.
 */
export function generateConventions(network: SeedNetwork): SeedConventions {
  const index = indexNetwork(network);
  const declined = declinations(index);
  return {
    conventions: [
      ...cpoConventions(index),
      ...FACTS.national.map((fact) => nationalConvention(fact, index)),
      ...declined,
      delegation(index),
      regionalProtocol(index),
    ],
    partnerships: [...handWrittenPartnerships(index), ...declinationPartnerships(declined)],
  };
}
