/**
 * Deterministic generator of the bundled Missions Locales network.
 *
 * The national and regional levels (UNML, the 15 ARML and their pre-2016 predecessors,
 * partners) are restated from public facts in `seeds/facts/`. The 437 Missions Locales are
 * laid over the real geography of `@etalab/decoupage-administratif`: every commune in scope is
 * covered by exactly one Mission Locale of its own département. Real Missions Locales named by
 * the sources keep their name, identifiers and head office; territories they do not name are
 * generated and marked ILLUSTRATIVE.
 */
import type {
  LegalForm,
  PartnerCategory,
  ProvenanceStatus,
  SeedChangeEvent,
  SeedFormerName,
  SeedIdentifier,
  SeedMembership,
  SeedNetwork,
  SeedOrganization,
  SeedProvenance,
  SeedRegionCoverage,
  SeedSite,
} from './network.types';
import sourceFacts from './facts/sources.json';
import regionFacts from './facts/regions.json';
import armlFacts from './facts/arml.json';
import countFacts from './facts/ml-counts.json';
import missionLocaleFacts from './facts/missions-locales.json';
import partnerFacts from './facts/partners.json';
import networkFacts from './facts/network.json';

// ---------------------------------------------------------------------------------------------
// Fact shapes (the JSON files are typed here once, then used through these constants)
// ---------------------------------------------------------------------------------------------

interface FactProvenance {
  status: ProvenanceStatus;
  sources: string[];
}

interface EventFact extends Omit<SeedChangeEvent, 'provenance'> {
  provenance: FactProvenance;
}

interface RegionFact {
  code: string;
  name: string;
  of: string;
  council?: string;
  stateService?: string;
}

interface StateServiceTemplate {
  name: string;
  shortName: string;
  formerName: string;
}

interface CurrentArmlFact {
  key: string;
  name: string;
  shortName: string;
  description?: string;
  legalForm: LegalForm;
  officePhone: string;
  website?: string;
  foundedOn?: string;
  formerNames?: SeedFormerName[];
  regions: SeedRegionCoverage[];
  sources: string[];
}

interface FormerArmlFact {
  key: string;
  region: string;
  of: string;
  shortName?: string;
  departements: string[];
  mergedInto: string;
  legalForm: LegalForm;
}

interface ArmlFacts {
  history: { illustrativeStart: string; mergerDate: string };
  current: CurrentArmlFact[];
  former: FormerArmlFact[];
  formerSources: string[];
  events: EventFact[];
}

interface CountFacts {
  total2022: number;
  counts2015: { regionCode: string; count: number }[];
  overseas2022: { regionCode: string; count: number }[];
  departementCounts: { departementCode: string; count: number }[];
}

interface HeadOfficeFact {
  communeCode: string;
  address?: string;
  postalCode?: string;
  latitude?: number;
  longitude?: number;
  siret?: string;
  /** Where the commune comes from: the source itself, the Mission Locale's name, or a choice. */
  basis: 'source' | 'name' | 'chosen';
  sources: string[];
}

interface MissionLocaleFact {
  key: string;
  name: string;
  shortName?: string;
  departementCode: string;
  legalForm?: LegalForm;
  siret?: string;
  website?: string;
  unmlCode?: string;
  officeAddress?: string;
  status?: ProvenanceStatus;
  sources: string[];
  headOffice: HeadOfficeFact;
  otherSites?: { kind: SeedSite['kind']; name: string; communeCode: string; siret?: string; sources: string[] }[];
  /** Communes known to be in its territory, from the UNML coverage file ('source') or its name ('name'). */
  communes?: { codes: string[]; basis: 'source' | 'name'; sources: string[] };
}

interface PartnerFact {
  key: string;
  name: string;
  shortName?: string;
  description?: string;
  partnerCategory: PartnerCategory;
  legalForm: LegalForm;
  officeAddress?: string;
  officePhone?: string;
  departementCode?: string;
  formerNames?: SeedFormerName[];
  sources: string[];
}

const SOURCES: Record<string, string> = sourceFacts;
const REGIONS = regionFacts.regions as RegionFact[];
const STATE_SERVICES = regionFacts.stateServiceTemplates as Record<string, StateServiceTemplate>;
const ARML = armlFacts as ArmlFacts;
const COUNTS = countFacts as CountFacts;
const REAL_MISSIONS_LOCALES = missionLocaleFacts.missionsLocales as MissionLocaleFact[];
const NATIONAL_PARTNERS = partnerFacts.national as PartnerFact[];
const PARTNER_EVENTS = partnerFacts.events as EventFact[];
const UNML = networkFacts.unml as { key: string; name: string; shortName: string; description: string; legalForm: LegalForm; sources: string[] };

const GENERATED_SOURCE = SOURCES['insee-geography'];

/** Communes whose coverage is by municipal arrondissement, as in UNML's coverage file. */
const CITIES_WITH_ARRONDISSEMENTS = new Set(['75056', '69123', '13055']);

/** A cut between two EPCI is kept unless a cut inside one balances population better by this share of a territory. */
const UNIT_CUT_TOLERANCE = 0.25;

/**
 * Sites: the head office, plus an antenna in each of the most populous other covered communes of at
 * least ANTENNA_MIN_POPULATION inhabitants, up to MAX_ANTENNAS. The real network has about 6,800
 * reception sites (≈15 per Mission Locale); the bundled data keeps a few per Mission Locale, enough to
 * exercise sites without inventing hundreds of addresses.
 */
const ANTENNA_MIN_POPULATION = 5000;
const MAX_ANTENNAS = 3;

// ---------------------------------------------------------------------------------------------
// Geography
// ---------------------------------------------------------------------------------------------

interface RawCommune {
  code: string;
  nom: string;
  type: string;
  commune?: string;
  arrondissement?: string;
  departement: string;
  region: string;
  typeLiaison?: number;
  codesPostaux?: string[];
  population?: number;
}

interface RawGroup {
  code: string;
  membres: { code: string }[];
}

interface RawDepartement {
  code: string;
  nom: string;
  region: string;
  typeLiaison: number;
}

interface Commune {
  code: string;
  name: string;
  departement: string;
  region: string;
  arrondissement: string;
  population: number;
  /** INSEE TNCC code telling which article and preposition the name takes. */
  liaison?: number;
  postalCode?: string;
  /** Grouping the commune belongs to: its EPT in the Grand Paris, else its EPCI, else itself. */
  unit: string;
}

interface Departement {
  code: string;
  name: string;
  region: string;
  liaison: number;
  /** In-scope communes ordered by unit (arrondissement of the unit, then unit code), then code. */
  communes: Commune[];
  population: number;
}

interface Geography {
  communes: Map<string, Commune>;
  departements: Map<string, Departement>;
}

let geographyCache: Geography | undefined;

/** The in-scope geography, read once per process (the data files are large and never change). */
function geography(): Geography {
  geographyCache ??= loadGeography();
  return geographyCache;
}

function loadGeography(): Geography {
  const rawCommunes: RawCommune[] = require('@etalab/decoupage-administratif/data/communes.json');
  const rawDepartements: RawDepartement[] = require('@etalab/decoupage-administratif/data/departements.json');
  const unitOf = groupMembership([
    require('@etalab/decoupage-administratif/data/epci.json'),
    // EPT last: inside the Grand Paris metropolis they are the meaningful grouping.
    require('@etalab/decoupage-administratif/data/ept.json'),
  ]);
  const inScopeRegions = new Set(REGIONS.map((r) => r.code));

  const communes = new Map<string, Commune>();
  for (const raw of rawCommunes) {
    if (!inScopeRegions.has(raw.region) || !isCoverageUnit(raw)) continue;
    const groupCode = raw.type === 'arrondissement-municipal' ? raw.commune! : raw.code;
    communes.set(raw.code, {
      code: raw.code,
      name: raw.nom,
      departement: raw.departement,
      region: raw.region,
      arrondissement: raw.arrondissement ?? '',
      population: raw.population ?? 0,
      liaison: raw.typeLiaison,
      postalCode: raw.codesPostaux?.[0],
      unit: unitOf.get(groupCode) ?? groupCode,
    });
  }

  const communesByDepartement = groupBy([...communes.values()], (c) => c.departement);
  const departements = new Map<string, Departement>();
  for (const raw of rawDepartements) {
    const own = communesByDepartement.get(raw.code);
    if (!own) continue;
    departements.set(raw.code, {
      code: raw.code,
      name: raw.nom,
      region: raw.region,
      liaison: raw.typeLiaison,
      communes: orderForCutting(own),
      population: own.reduce((sum, c) => sum + c.population, 0),
    });
  }
  return { communes, departements };
}

/** Coverage units: current communes, except Paris, Lyon and Marseille which count by arrondissement. */
function isCoverageUnit(raw: RawCommune): boolean {
  if (raw.type === 'commune-actuelle') return !CITIES_WITH_ARRONDISSEMENTS.has(raw.code);
  return raw.type === 'arrondissement-municipal' && CITIES_WITH_ARRONDISSEMENTS.has(raw.commune ?? '');
}

/** Commune code → code of its group; later lists override earlier ones. */
function groupMembership(groupLists: RawGroup[][]): Map<string, string> {
  const groupOf = new Map<string, string>();
  for (const groups of groupLists) {
    for (const group of groups) for (const member of group.membres) groupOf.set(member.code, group.code);
  }
  return groupOf;
}

/**
 * Orders a département's communes so that contiguous runs make sensible territories: units
 * (EPCI ∩ département) sorted by the arrondissement of their most populous commune, then by code;
 * communes by code inside a unit.
 */
function orderForCutting(communes: Commune[]): Commune[] {
  const units = groupBy([...communes].sort(byCode), (c) => c.unit);
  const unitArrondissement = (members: Commune[]) => mostPopulous(members).arrondissement;
  return [...units.entries()]
    .sort(([codeA, a], [codeB, b]) => compare(unitArrondissement(a), unitArrondissement(b)) || compare(codeA, codeB))
    .flatMap(([, members]) => members);
}

// ---------------------------------------------------------------------------------------------
// How many Missions Locales, where
// ---------------------------------------------------------------------------------------------

interface SeatClaim {
  id: string;
  weight: number;
  min: number;
  max: number;
}

/**
 * Shares `total` seats between claims in proportion to their weights by the Sainte-Laguë method
 * (highest averages, seats handed out one at a time to the highest weight / (seats + 0.5)), starting
 * from each claim's minimum and never exceeding its maximum. Ties go to the smaller id.
 */
function apportion(total: number, claims: SeatClaim[]): Map<string, number> {
  const ordered = [...claims].sort((a, b) => compare(a.id, b.id));
  const seats = new Map(ordered.map((c) => [c.id, c.min]));
  let given = ordered.reduce((sum, c) => sum + c.min, 0);
  if (given > total) throw new Error(`Cannot share ${total} seats: the minimums need ${given}`);
  for (; given < total; given++) {
    let best: SeatClaim | undefined;
    for (const claim of ordered) {
      if (seats.get(claim.id)! >= claim.max) continue;
      if (!best || claim.weight / (seats.get(claim.id)! + 0.5) > best.weight / (seats.get(best.id)! + 0.5)) best = claim;
    }
    if (!best) throw new Error(`Cannot share ${total} seats: every claim is at its maximum`);
    seats.set(best.id, seats.get(best.id)! + 1);
  }
  return seats;
}

/**
 * Missions Locales per INSEE region in 2022 (437 in all). Overseas regions keep the count of their
 * named Missions Locales (ml-counts.json); the metropolitan regions share the remaining 425 in
 * proportion to their 2015 counts (444 in all) by Sainte-Laguë, which takes one Mission Locale
 * from each of nine regions with the largest 2015 counts.
 */
function baseCountsByRegion(): Map<string, number> {
  const overseas = new Map(COUNTS.overseas2022.map((o) => [o.regionCode, o.count]));
  const overseasTotal = [...overseas.values()].reduce((a, b) => a + b, 0);
  const metropolitan = COUNTS.counts2015.filter((c) => !overseas.has(c.regionCode));
  const shares = apportion(
    COUNTS.total2022 - overseasTotal,
    metropolitan.map((c) => ({ id: c.regionCode, weight: c.count, min: 1, max: Infinity })),
  );
  return new Map([...shares, ...overseas]);
}

/**
 * Number of Missions Locales per INSEE region for a network `scale` times the real one:
 * 437 × scale shared in proportion to the 2022 counts (Sainte-Laguë), a region never getting more
 * Missions Locales than it has communes (La Réunion, Saint-Martin at large scales). At scale 1
 * this is exactly the 2022 distribution.
 */
export function missionLocaleCountsByRegion(scale = 1): Record<string, number> {
  const geo = geography();
  const communesPerRegion = countBy([...geo.communes.values()], (c) => c.region);
  const base = baseCountsByRegion();
  const counts = apportion(
    COUNTS.total2022 * scale,
    [...base].map(([region, count]) => ({ id: region, weight: count, min: 1, max: communesPerRegion.get(region) ?? 0 })),
  );
  return Object.fromEntries(counts);
}

/**
 * Shares a region's Missions Locales between its départements in proportion to population
 * (Sainte-Laguë), at least one each and at least as many as the real Missions Locales placed there,
 * never more than the département's communes. Départements whose count the sources give keep it.
 */
function countsByDepartement(
  departements: Departement[],
  total: number,
  anchorsPerDepartement: Map<string, number>,
  fixed: Map<string, number>,
): Map<string, number> {
  const fixedHere = departements.filter((d) => fixed.has(d.code));
  const fixedTotal = fixedHere.reduce((sum, d) => sum + fixed.get(d.code)!, 0);
  const shared = apportion(
    total - fixedTotal,
    departements
      .filter((d) => !fixed.has(d.code))
      .map((d) => ({
        id: d.code,
        weight: d.population,
        min: Math.max(1, anchorsPerDepartement.get(d.code) ?? 0),
        max: d.communes.length,
      })),
  );
  return new Map([...shared, ...fixedHere.map((d): [string, number] => [d.code, fixed.get(d.code)!])]);
}

// ---------------------------------------------------------------------------------------------
// Cutting a département into territories
// ---------------------------------------------------------------------------------------------

/** Half-open run [start, end) of a département's ordered communes. */
interface Range {
  start: number;
  end: number;
}

interface Territory {
  departement: Departement;
  communes: Commune[];
  anchor?: MissionLocaleFact;
}

/**
 * Cuts a département into `count` territories of similar population, each a run of its ordered
 * communes, preferring cuts between EPCI and never cutting a real Mission Locale's known communes
 * away from its head office; then makes sure no two real Missions Locales (`anchors`) share a
 * territory, and gives each its territory.
 */
function cutDepartement(departement: Departement, count: number, anchors: MissionLocaleFact[]): Territory[] {
  const { communes, blocked } = sequenceWithKnownCoverage(departement, anchors);
  const allowed = range(1, communes.length - 1).filter((i) => !blocked.has(i));
  const cumulative = [0];
  for (const w of cuttingWeights(communes, allowed, count)) cumulative.push(cumulative[cumulative.length - 1] + w);
  const unitCuts = new Set(allowed.filter((i) => communes[i].unit !== communes[i - 1].unit));
  const position = new Map(communes.map((c, i) => [c.code, i]));
  const anchorAt = new Map(anchors.map((a) => [position.get(a.headOffice.communeCode)!, a]));

  const balanced = balancedRanges(cumulative, allowed, unitCuts, count);
  return separateAnchors(balanced, [...anchorAt.keys()], cumulative, allowed).map((r) => ({
    departement,
    communes: communes.slice(r.start, r.end),
    anchor: [...anchorAt].find(([at]) => at >= r.start && at < r.end)?.[1],
  }));
}

/**
 * The département's communes in cutting order, with each real Mission Locale's known communes moved
 * right after its head office; `blocked` holds the cut positions inside those blocks.
 */
function sequenceWithKnownCoverage(departement: Departement, anchors: MissionLocaleFact[]): { communes: Commune[]; blocked: Set<number> } {
  const geo = geography();
  const known = new Map<string, string[]>();
  for (const a of anchors) known.set(a.headOffice.communeCode, (a.communes?.codes ?? []).filter((code) => code !== a.headOffice.communeCode));
  const moved = new Set([...known.values()].flat());
  const communes: Commune[] = [];
  const blocked = new Set<number>();
  for (const c of departement.communes) {
    if (moved.has(c.code)) continue;
    communes.push(c);
    for (const code of known.get(c.code) ?? []) {
      blocked.add(communes.length);
      communes.push(geo.communes.get(code)!);
    }
  }
  return { communes, blocked };
}

/**
 * Commune weights used to cut: population, except that an indivisible run (a commune, or a block of
 * known coverage) heavier than a territory's share counts as one share, so that a big city takes one
 * territory and the rest of the département is shared evenly instead of being left in slivers.
 */
function cuttingWeights(communes: Commune[], allowed: number[], count: number): number[] {
  const starts = [0, ...allowed];
  const runs = starts.map((start, i) => {
    const members = communes.slice(start, starts[i + 1] ?? communes.length);
    return { members, population: members.reduce((sum, c) => sum + c.population, 0) };
  });
  // The share is the fixed point of share = Σ min(run, share) / count, reached from above.
  let share = runs.reduce((sum, r) => sum + r.population, 0) / count;
  for (let i = 0; i < 100; i++) {
    const next = runs.reduce((sum, r) => sum + Math.min(r.population, share), 0) / count;
    if (share - next < 1e-6) break;
    share = next;
  }
  return runs.flatMap((r) => r.members.map((c) => (r.population > share ? (c.population * share) / r.population : c.population)));
}

/**
 * Greedy cuts at multiples of the average weight, among the `allowed` cut positions (ascending),
 * each at the nearest EPCI boundary (`unitCuts`) unless a cut inside an EPCI is much closer.
 */
function balancedRanges(cumulative: number[], allowed: number[], unitCuts: Set<number>, count: number): Range[] {
  if (allowed.length < count - 1) throw new Error(`Cannot cut ${allowed.length + 1} indivisible runs into ${count} territories`);
  const n = cumulative.length - 1;
  const share = cumulative[n] / count;
  const starts = [0];
  let next = 0; // index in `allowed` of the first cut still available
  for (let j = 1; j < count; j++) {
    // Leave one cut position for each cut still to make.
    const candidates = allowed.slice(next, allowed.length - (count - 1 - j));
    const target = share * j;
    const anyCut = nearestCut(cumulative, target, candidates)!;
    const unitCut = nearestCut(cumulative, target, candidates.filter((i) => unitCuts.has(i)));
    const deviation = (i: number) => Math.abs(cumulative[i] - target);
    const cut = unitCut !== undefined && deviation(unitCut) <= deviation(anyCut) + share * UNIT_CUT_TOLERANCE ? unitCut : anyCut;
    starts.push(cut);
    next += candidates.indexOf(cut) + 1;
  }
  return starts.map((start, j) => ({ start, end: starts[j + 1] ?? n }));
}

/** Among candidate cut positions (ascending), the one whose cumulative weight is closest to `target`. */
function nearestCut(cumulative: number[], target: number, candidates: number[]): number | undefined {
  if (candidates.length === 0) return undefined;
  // Binary search for the first candidate at or past the target; the answer is it or its predecessor.
  let low = 0;
  let high = candidates.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (cumulative[candidates[mid]] < target) low = mid + 1;
    else high = mid;
  }
  const after = candidates[low];
  const before = candidates[low - 1];
  if (before === undefined) return after;
  return target - cumulative[before] <= cumulative[after] - target ? before : after;
}

/**
 * While a territory holds two real head offices, splits it between them and merges the lightest
 * adjacent pair of territories holding at most one head office between them, so the count stays.
 */
function separateAnchors(initial: Range[], anchorPositions: number[], cumulative: number[], allowed: number[]): Range[] {
  let ranges = initial;
  const anchorsIn = (r: Range) => anchorPositions.filter((p) => p >= r.start && p < r.end).sort((a, b) => a - b);
  const weight = (r: Range) => cumulative[r.end] - cumulative[r.start];
  for (;;) {
    const crowded = ranges.findIndex((r) => anchorsIn(r).length > 1);
    if (crowded < 0) return ranges;
    const { start, end } = ranges[crowded];
    const [first, second] = anchorsIn(ranges[crowded]);
    const split = nearestCut(cumulative, (cumulative[start] + cumulative[end]) / 2, between(allowed, first + 1, second))!;
    ranges = [...ranges.slice(0, crowded), { start, end: split }, { start: split, end }, ...ranges.slice(crowded + 1)];

    let merge = -1;
    for (let i = 0; i + 1 < ranges.length; i++) {
      const pair = { start: ranges[i].start, end: ranges[i + 1].end };
      if (anchorsIn(pair).length > 1) continue;
      if (merge < 0 || weight(pair) < weight({ start: ranges[merge].start, end: ranges[merge + 1].end })) merge = i;
    }
    if (merge < 0) throw new Error('Cannot give each real Mission Locale its own territory');
    ranges = [
      ...ranges.slice(0, merge),
      { start: ranges[merge].start, end: ranges[merge + 1].end },
      ...ranges.slice(merge + 2),
    ];
  }
}

/** All territories of the network: per region, per département, with the real Missions Locales at scale 1. */
function territories(scale: number): Territory[] {
  const geo = geography();
  const withRealFacts = scale === 1;
  const anchors = withRealFacts ? REAL_MISSIONS_LOCALES : [];
  const anchorsByDepartement = groupBy(anchors, (a) => a.departementCode);
  const fixed = new Map(withRealFacts ? COUNTS.departementCounts.map((d) => [d.departementCode, d.count]) : []);
  validateAnchors(anchors, geo);

  const result: Territory[] = [];
  for (const [regionCode, total] of Object.entries(missionLocaleCountsByRegion(scale))) {
    const departements = [...geo.departements.values()].filter((d) => d.region === regionCode);
    const anchorCounts = new Map(departements.map((d) => [d.code, anchorsByDepartement.get(d.code)?.length ?? 0]));
    const counts = countsByDepartement(departements, total, anchorCounts, fixed);
    for (const d of departements) {
      result.push(...cutDepartement(d, counts.get(d.code)!, anchorsByDepartement.get(d.code) ?? []));
    }
  }
  return result;
}

/** Fails early, with the Mission Locale's key, on a fact that does not fit the geography. */
function validateAnchors(anchors: MissionLocaleFact[], geo: Geography): void {
  const claimed = new Set<string>();
  for (const a of anchors) {
    for (const code of [a.headOffice.communeCode, ...(a.communes?.codes ?? [])]) {
      if (geo.communes.get(code)?.departement !== a.departementCode) {
        throw new Error(`${a.key}: commune ${code} is not an in-scope commune of ${a.departementCode}`);
      }
      if (code !== a.headOffice.communeCode && claimed.has(code)) throw new Error(`${a.key}: commune ${code} is claimed twice`);
      claimed.add(code);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Organizations
// ---------------------------------------------------------------------------------------------

/** Provenance from source ids, with an optional note on what is not from the sources. */
function provenance(status: ProvenanceStatus, sourceIds: string[], note?: string): SeedProvenance {
  const labels = sourceIds.map((id) => {
    const label = SOURCES[id];
    if (!label) throw new Error(`Unknown source id: ${id}`);
    return label;
  });
  return { status, source: [...labels, ...(note ? [note] : [])].join('; ') };
}

function unmlOrganization(): SeedOrganization {
  return {
    key: UNML.key,
    kind: 'UNML',
    name: UNML.name,
    shortName: UNML.shortName,
    description: UNML.description,
    legalForm: UNML.legalForm,
    provenance: provenance('OFFICIAL', UNML.sources),
  };
}

function currentArmlOrganization(fact: CurrentArmlFact): SeedOrganization {
  // Dates the sources do not give: the 2016 founding of merged ARML, the start of older ones.
  const datesNote = !fact.foundedOn ? 'start dates illustrative' : fact.foundedOn === ARML.history.mergerDate ? 'founding date illustrative' : undefined;
  return {
    key: fact.key,
    kind: 'ARML',
    name: fact.name,
    shortName: fact.shortName,
    description: fact.description,
    legalForm: fact.legalForm,
    foundedOn: fact.foundedOn,
    formerNames: fact.formerNames?.map((n) => ({ ...n })),
    officePhone: fact.officePhone,
    website: fact.website,
    provenance: provenance('OFFICIAL', fact.sources, datesNote),
    memberships: [{ parentKey: UNML.key, kind: 'MEMBER_BY_RIGHT', startDate: fact.foundedOn ?? ARML.history.illustrativeStart }],
    regions: fact.regions.map((r) => ({ ...r })),
  };
}

function formerArmlOrganization(fact: FormerArmlFact): SeedOrganization {
  // End dates are exclusive in the registry: the old ARML stops existing on the day the merged one starts.
  const { illustrativeStart, mergerDate } = ARML.history;
  return {
    key: fact.key,
    kind: 'ARML',
    name: `Association régionale des Missions Locales ${fact.of}`,
    shortName: fact.shortName ?? `ARML ${fact.region}`,
    legalForm: fact.legalForm,
    dissolvedOn: mergerDate,
    provenance: provenance('ILLUSTRATIVE', ARML.formerSources, 'one association per pre-2016 region; name, legal form and dates illustrative'),
    memberships: [{ parentKey: UNML.key, kind: 'MEMBER_BY_RIGHT', startDate: illustrativeStart, endDate: mergerDate }],
  };
}

/** The 2016 mergers: each current ARML that replaced several pre-2016 ones. */
function mergerEvents(): SeedChangeEvent[] {
  const byTarget = groupBy(ARML.former, (f) => f.mergedInto);
  return ARML.current
    .filter((arml) => byTarget.has(arml.key))
    .map((arml) => {
      const former = byTarget.get(arml.key)!;
      return {
        kind: 'MERGER',
        date: ARML.history.mergerDate,
        description: `The regional associations of ${listInWords(former.map((f) => f.region))} merge into ${arml.name}.`,
        fromKeys: former.map((f) => f.key),
        toKeys: [arml.key],
        provenance: provenance('ILLUSTRATIVE', ARML.formerSources, 'date illustrative'),
      };
    });
}

function eventFromFact(fact: EventFact): SeedChangeEvent {
  return {
    kind: fact.kind,
    date: fact.date,
    description: fact.description,
    fromKeys: [...fact.fromKeys],
    toKeys: [...fact.toKeys],
    provenance: provenance(fact.provenance.status, fact.provenance.sources),
  };
}

/** Memberships of a Mission Locale of `departement`: its pre-2016 ARML if its region merged, then its current ARML. */
function missionLocaleMemberships(departement: Departement): SeedMembership[] {
  const current = ARML.current.find((a) => a.regions.some((r) => r.regionCode === departement.region && !r.endDate));
  if (!current) throw new Error(`No ARML covers region ${departement.region}`);
  const coverage = current.regions.find((r) => r.regionCode === departement.region)!;
  const former = ARML.former.find((f) => f.departements.includes(departement.code));
  return [
    ...(former
      ? [{ parentKey: former.key, kind: 'MEMBER' as const, startDate: ARML.history.illustrativeStart, endDate: ARML.history.mergerDate }]
      : []),
    { parentKey: current.key, kind: 'MEMBER', startDate: coverage.startDate },
  ];
}

/** Name and key of a generated Mission Locale, after its département when it covers all of it, else its main commune. */
function generatedIdentity(territory: Territory): { name: string; slug: string } {
  const { departement, communes } = territory;
  if (communes.length > 1 && communes.length === departement.communes.length) {
    return { name: `Mission Locale ${departementWithPreposition(departement)}`, slug: slugify(departement.name) };
  }
  const main = mostPopulous(communes);
  return { name: `Mission Locale ${communeWithPreposition(main)}`, slug: slugify(main.name) };
}

function missionLocaleOrganization(territory: Territory, key: string): SeedOrganization {
  const fact = territory.anchor;
  const communes = [...territory.communes].sort(byCode);
  const base = {
    key,
    kind: 'MISSION_LOCALE' as const,
    departementCode: territory.departement.code,
    memberships: missionLocaleMemberships(territory.departement),
    communes: communes.map((c) => c.code),
  };
  if (!fact) {
    return {
      ...base,
      name: generatedIdentity(territory).name,
      legalForm: 'ASSOCIATION_1901',
      provenance: { status: 'ILLUSTRATIVE', source: GENERATED_SOURCE },
      sites: sites(communes, mostPopulous(communes)),
    };
  }
  return {
    ...base,
    name: fact.name,
    shortName: fact.shortName,
    legalForm: fact.legalForm ?? 'ASSOCIATION_1901',
    identifiers: identifiers(fact),
    officeAddress: fact.officeAddress,
    website: fact.website,
    provenance: provenance(fact.status ?? 'OFFICIAL', fact.sources, coverageNote(fact, communes)),
    sites: sites(communes, geography().communes.get(fact.headOffice.communeCode)!, fact),
  };
}

/** Where a real Mission Locale's coverage comes from (nothing to add for an illustrative record). */
function coverageNote(fact: MissionLocaleFact, communes: Commune[]): string | undefined {
  if (fact.status === 'ILLUSTRATIVE') return undefined;
  if (!fact.communes) return `coverage illustrative, ${GENERATED_SOURCE}`;
  const { codes, basis, sources } = fact.communes;
  const origin = basis === 'source' ? `from ${sources.map((id) => SOURCES[id]).join(', ')}` : 'inferred from the name';
  if (communes.every((c) => codes.includes(c.code))) return `coverage ${origin}`;
  return `coverage of ${codes.length} communes ${origin}, the rest illustrative, ${GENERATED_SOURCE}`;
}

function identifiers(fact: MissionLocaleFact): SeedIdentifier[] | undefined {
  const all: SeedIdentifier[] = [
    ...(fact.siret
      ? [
          { scheme: 'SIREN' as const, value: fact.siret.slice(0, 9) },
          { scheme: 'SIRET' as const, value: fact.siret },
        ]
      : []),
    ...(fact.unmlCode ? [{ scheme: 'UNML_CODE' as const, value: fact.unmlCode }] : []),
  ];
  return all.length > 0 ? all : undefined;
}

/** Head office, known other sites, then antennas in the most populous other covered communes. */
function sites(communes: Commune[], head: Commune, fact?: MissionLocaleFact): SeedSite[] {
  const known = (fact?.otherSites ?? []).map((s): SeedSite => withoutUndefined({
    kind: s.kind,
    name: s.name,
    communeCode: s.communeCode,
    postalCode: geography().communes.get(s.communeCode)?.postalCode,
    siret: s.siret,
    provenance: provenance('OFFICIAL', s.sources),
  }));
  const taken = new Set([head.code, ...known.map((s) => s.communeCode)]);
  const antennas = communes
    .filter((c) => !taken.has(c.code) && c.population >= ANTENNA_MIN_POPULATION)
    .sort((a, b) => b.population - a.population || byCode(a, b))
    .slice(0, Math.max(0, MAX_ANTENNAS - known.filter((s) => s.kind === 'ANTENNA').length))
    .map(
      (c): SeedSite => ({
        kind: 'ANTENNA',
        name: `Antenne – ${c.name}`,
        communeCode: c.code,
        postalCode: c.postalCode,
        provenance: { status: 'ILLUSTRATIVE', source: GENERATED_SOURCE },
      }),
    );
  return [headOffice(head, fact?.headOffice), ...known, ...antennas];
}

function headOffice(commune: Commune, fact?: HeadOfficeFact): SeedSite {
  const site: SeedSite = {
    kind: 'HEAD_OFFICE',
    name: `Siège – ${commune.name}`,
    address: fact?.address,
    postalCode: fact?.postalCode ?? commune.postalCode,
    communeCode: commune.code,
    latitude: fact?.latitude,
    longitude: fact?.longitude,
    siret: fact?.siret,
    provenance: { status: 'ILLUSTRATIVE', source: GENERATED_SOURCE },
  };
  if (fact?.basis === 'source') site.provenance = provenance('OFFICIAL', fact.sources);
  if (fact?.basis === 'name') site.provenance = provenance('ILLUSTRATIVE', fact.sources, 'head-office commune inferred from the name');
  if (fact?.basis === 'chosen') site.provenance = provenance('ILLUSTRATIVE', fact.sources, 'head-office commune chosen for illustration');
  return withoutUndefined(site);
}

/** Missions Locales with unique keys `ml-<département>-<slug>`, real ones keeping their own key. */
function missionLocaleOrganizations(scale: number): SeedOrganization[] {
  const all = territories(scale);
  const used = new Set(all.flatMap((t) => (t.anchor ? [t.anchor.key] : [])));
  return all
    .map((t) => {
      if (t.anchor) return missionLocaleOrganization(t, t.anchor.key);
      const stem = `ml-${t.departement.code.toLowerCase()}-${generatedIdentity(t).slug}`;
      let key = stem;
      for (let n = 2; used.has(key); n++) key = `${stem}-${n}`;
      used.add(key);
      return missionLocaleOrganization(t, key);
    })
    .sort((a, b) => compare(a.key, b.key));
}

function partnerOrganization(fact: PartnerFact): SeedOrganization {
  return {
    key: fact.key,
    kind: 'PARTNER',
    partnerCategory: fact.partnerCategory,
    name: fact.name,
    shortName: fact.shortName,
    description: fact.description,
    legalForm: fact.legalForm,
    formerNames: fact.formerNames?.map((n) => ({ ...n })),
    officeAddress: fact.officeAddress,
    officePhone: fact.officePhone,
    departementCode: fact.departementCode,
    provenance: provenance('OFFICIAL', fact.sources),
  };
}

/** Each region's State service (DREETS, DRIEETS or DEETS, formerly Direccte or Dieccte) and regional council. */
function regionalPartners(): SeedOrganization[] {
  const fill = (template: string, region: RegionFact) => template.replace('{of}', region.of).replace('{name}', region.name);
  return REGIONS.flatMap((region): SeedOrganization[] => {
    const template = region.stateService ? STATE_SERVICES[region.stateService] : undefined;
    return [
      ...(template
        ? [
            {
              key: `partner-dreets-${region.code}`,
              kind: 'PARTNER' as const,
              partnerCategory: 'STATE_SERVICE' as const,
              name: fill(template.name, region),
              shortName: fill(template.shortName, region),
              legalForm: 'PUBLIC_BODY' as const,
              formerNames: [{ name: fill(template.formerName, region), validUntil: regionFacts.stateServiceRenamedOn }],
              provenance: provenance('OFFICIAL', partnerFacts.regionalSources.stateService),
            },
          ]
        : []),
      ...(region.council
        ? [
            {
              key: `partner-region-${region.code}`,
              kind: 'PARTNER' as const,
              partnerCategory: 'REGIONAL_COUNCIL' as const,
              name: region.council,
              legalForm: 'LOCAL_AUTHORITY' as const,
              provenance: provenance('OFFICIAL', partnerFacts.regionalSources.council),
            },
          ]
        : []),
    ];
  });
}

// ---------------------------------------------------------------------------------------------
// Entry point
// ---------------------------------------------------------------------------------------------

export interface GenerateNetworkOptions {
  /**
   * Multiplies the number of Missions Locales (437 × scale) over the same communes, for load
   * tests. Real Missions Locales are only placed at scale 1; larger networks are all generated.
   */
  scale?: number;
}

/**
 * Builds the bundled network: UNML, the 15 current ARML and their pre-2016 predecessors, the
 * Missions Locales covering every in-scope commune exactly once, partners, and change events.
 * Deterministic: the same options always give a deep-equal network.
 */
export function generateNetwork(options: GenerateNetworkOptions = {}): SeedNetwork {
  const scale = options.scale ?? 1;
  if (!Number.isInteger(scale) || scale < 1) throw new RangeError(`scale must be a positive integer, got ${scale}`);
  const organizations = [
    unmlOrganization(),
    ...ARML.current.map(currentArmlOrganization),
    ...ARML.former.map(formerArmlOrganization),
    ...missionLocaleOrganizations(scale),
    ...NATIONAL_PARTNERS.map(partnerOrganization),
    ...regionalPartners(),
  ].map(withoutUndefined);
  const events = [...mergerEvents(), ...ARML.events.map(eventFromFact), ...PARTNER_EVENTS.map(eventFromFact)].sort((a, b) =>
    compare(a.date, b.date),
  );
  return { organizations, events };
}

// ---------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------

/** French prepositions for a département name by INSEE TNCC code (0: "de", 1: "d'", 2: "du", ...). */
const DEPARTEMENT_PREPOSITIONS = ['de ', "d'", 'du ', 'de la ', 'des ', "de l'"];

function departementWithPreposition(d: Departement): string {
  return `${DEPARTEMENT_PREPOSITIONS[d.liaison] ?? 'de '}${d.name}`;
}

/** Names of places of the in-scope geography as other generators write them ("de Fougères", "d'Ille-et-Vilaine"). */
export const placeNames = {
  /** A commune's name with its preposition, by INSEE code. */
  commune: (code: string): string | undefined => {
    const c = geography().communes.get(code);
    return c && communeWithPreposition(c);
  },
  /** A département's name with its preposition, by INSEE code. */
  departement: (code: string): string | undefined => {
    const d = geography().departements.get(code);
    return d && departementWithPreposition(d);
  },
  /** INSEE code of a département's region. */
  regionOfDepartement: (code: string): string | undefined => geography().departements.get(code)?.region,
};

/** "de Fougères", "d'Angers", "du Havre", "des Herbiers", "de La Rochelle", "de L'Aigle". */
function communeWithPreposition(c: Commune): string {
  switch (c.liaison) {
    case 1:
      return `d'${c.name}`;
    case 2:
      return `du ${c.name.replace(/^Le /, '')}`;
    case 4:
      return `des ${c.name.replace(/^Les /, '')}`;
    case 6:
      return `des ${c.name.replace(/^Aux /, '')}`;
    case undefined:
      // Arrondissements and Saint-Martin carry no TNCC code.
      return /^[AEIOUYÉÈÊÎÔ]/.test(c.name) ? `d'${c.name}` : `de ${c.name}`;
    default:
      return `de ${c.name}`;
  }
}

/** "A", "A and B", "A, B and C". */
function listInWords(items: string[]): string {
  return items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}` : items.join('');
}

function slugify(text: string): string {
  return text
    .replace(/œ/g, 'oe')
    .replace(/Œ/g, 'Oe')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function mostPopulous(communes: Commune[]): Commune {
  return communes.reduce((best, c) => (c.population > best.population || (c.population === best.population && c.code < best.code) ? c : best));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function byCode(a: Commune, b: Commune): number {
  return compare(a.code, b.code);
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
}

/** The values of an ascending array that lie in [lo, hi]. */
function between(sorted: number[], lo: number, hi: number): number[] {
  return sorted.filter((v) => v >= lo && v <= hi);
}

function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

function countBy<T>(items: T[], keyOf: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(keyOf(item), (counts.get(keyOf(item)) ?? 0) + 1);
  return counts;
}

/** Drops undefined optional fields so the network is plain JSON-like data. */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
