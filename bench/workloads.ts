/**
 * The seven workloads: their GraphQL operations, the variables they cycle through (different
 * Missions Locales, ARML, postal codes, dates, so no cache can hide the cost) and their load settings.
 */

/** W1: one Mission Locale by id, with its main fields. */
export const W1 = /* GraphQL */ `query W1($id: ID!) {
  organization(id: $id) {
    id kind name shortName legalForm foundedOn dissolvedOn website version
    provenance { status source }
    officeContact { phone email address }
    identifiers { scheme value }
    region { code name }
    departement { code name }
  }
}`;

/** W2 with governance data: a Mission Locale, its bodies, their current members and their public roles. */
export const W2_GOVERNANCE = /* GraphQL */ `query W2($id: ID!) {
  organization(id: $id) {
    id name
    governingBodies {
      id kind name
      composition(first: 100) {
        totalCount
        nodes {
          role startDate post { kind label }
          person { givenName familyName publicRoles { kind label } }
          holderOrganization { name }
        }
      }
    }
  }
}`;

/** W2 without governance data: a Mission Locale with its communes and sites. */
export const W2_NETWORK = /* GraphQL */ `query W2($id: ID!) {
  organization(id: $id) {
    id name
    communes(first: 100) { totalCount nodes { code name population } }
    sites { totalCount nodes { id kind name address postalCode latitude longitude } }
  }
}`;

/** W3: the network map, as in tests/core/network-map.e2e.ts (NETWORK_MAP), copied so the bench does not compile the tests. */
export const W3 = /* GraphQL */ `
  query NetworkMap {
    unml {
      id name
      members(first: 100) {
        totalCount
        nodes {
          id name shortName
          regions { code name }
          members(first: 100) {
            totalCount
            nodes {
              id name
              region { code name }
              departement { code name }
              communes { totalCount }
              sites { totalCount }
            }
          }
        }
      }
    }
  }`;

/** W4: the network map on a date, plus each Mission Locale's president and board composition. */
export const W4 = /* GraphQL */ `query W4($asOf: Date!) {
  unml {
    id name
    members(first: 100, asOf: $asOf) {
      totalCount
      nodes {
        id name shortName
        regions(asOf: $asOf) { code name }
        members(first: 100, asOf: $asOf) {
          totalCount
          nodes {
            id name
            region { code name }
            departement { code name }
            communes(asOf: $asOf) { totalCount }
            sites { totalCount }
            president(asOf: $asOf) { givenName familyName }
            governingBodies {
              kind name
              composition(asOf: $asOf, first: 100) { totalCount nodes { role post { kind label } person { givenName familyName } } }
            }
          }
        }
      }
    }
  }
}`;

/** W5: an ARML conventions dashboard: its conventions under a filter, by end date (latest first), a page of 50 with parties and funding totals. */
export const W5 = /* GraphQL */ `query W5($id: ID!, $filter: ConventionFilter) {
  organization(id: $id) {
    id name
    conventions(first: 50, orderBy: { field: END_DATE, direction: DESC }, filter: $filter) {
      totalCount
      nodes {
        id title kind status startDate endDate fundingTotal
        parties { role organization { id name kind } }
      }
    }
  }
}`;

/** The dashboard's filters, in turn: signed conventions (current or past), those in force on a date, those ending within two years of a date. */
export function dashboardFilter(i: number, date: string): Record<string, unknown> {
  switch (i % 3) {
    case 0: return { statuses: ['SIGNED', 'IN_FORCE', 'EXPIRED'] };
    case 1: return { inForceOn: date };
    default: return { from: date, expiringWithinDays: 730 };
  }
}

/** W6: communes by postal code, with the Missions Locales serving them. */
export const W6 = /* GraphQL */ `query W6($postalCode: String!) {
  communes(filter: { postalCode: $postalCode }) {
    totalCount
    nodes {
      code name population postalCodes
      departement { code name }
      missionsLocales { id name }
    }
  }
}`;

/** The same data through PostGraphile's generated schema (bench/peer/): links, regions and coverage active on `day`. */
const ACTIVE = '{ startDate: { lessThanOrEqualTo: $day }, or: [{ endDate: { isNull: true } }, { endDate: { greaterThan: $day } }] }';
export const W3_PEER = /* GraphQL */ `query NetworkMapPeer($day: Date!) {
  allOrganizations(condition: { kind: "UNML" }, first: 1) {
    nodes {
      id name
      organizationLinksByParentId(filter: ${ACTIVE}, first: 100) {
        totalCount
        nodes {
          organizationByMemberId {
            id name shortName
            organizationRegionsByOrganizationId(filter: ${ACTIVE}) { nodes { regionByRegionCode { code name } } }
            organizationLinksByParentId(filter: ${ACTIVE}, first: 100) {
              totalCount
              nodes {
                organizationByMemberId {
                  id name
                  regionByRegionCode { code name }
                  departementByDepartementCode { code name }
                  communeCoveragesByOrganizationId(filter: ${ACTIVE}) { totalCount }
                  sitesByOrganizationId { totalCount }
                }
              }
            }
          }
        }
      }
    }
  }
}`;
/** W4 through PostGraphile: each Mission Locale's bodies, their posts and the mandates in effect (the president is the PRESIDENT post's titulaire). */
export const W4_PEER = W3_PEER.replace('query NetworkMapPeer', 'query NetworkMapBoardsPeer').replace('sitesByOrganizationId { totalCount }', `sitesByOrganizationId { totalCount }
                  governingBodiesByOrganizationId(orderBy: ID_ASC) { nodes { kind name
                    postsByBodyId(orderBy: ID_ASC) { nodes { kind label
                      mandatesByPostId(filter: { correctedById: { isNull: true }, startDate: { lessThanOrEqualTo: $day }, or: [{ endDate: { isNull: true } }, { endDate: { greaterThan: $day } }] }, orderBy: [ROLE_DESC, START_DATE_ASC, ID_ASC]) {
                        totalCount nodes { role personByPersonId { givenName familyName } } } } } } }`);

/** Bodies of the peer's W3 and W4, on today's date as the service's. */
export function peerBodies(today = new Date().toISOString().slice(0, 10)): Partial<Record<WorkloadId, Buffer[]>> {
  return { W3: [encode(W3_PEER, { day: today })], W4: [encode(W4_PEER, { day: today })] };
}

export type WorkloadId = 'W1' | 'W2' | 'W3' | 'W4' | 'W5' | 'W6' | 'W7';

/** Ids and keys the variables are drawn from, read from the running service before measuring. */
export interface Sample {
  missionsLocales: string[];
  armls: string[];
  postalCodes: string[];
  dates: string[];
}

/** What the loaded data holds: W2 and W4 change meaning, and the baseline covers W4, only with governance data. */
export interface DataFeatures {
  governance: boolean;
  conventions: boolean;
}

export interface Workload {
  id: WorkloadId;
  title: string;
  /** JSON bodies, sent in turn. */
  bodies: Buffer[];
  /** Concurrent clients of the closed loop. */
  clients: number;
  /** Arrival rate of the open loop, requests per second. */
  rate: number;
  /** True when the baseline serves it (byte-identical JSON). */
  baseline: boolean;
  /** Bodies the byte-identity check sends, when not the first ten of `bodies`. */
  identityBodies?: Buffer[];
  note?: string;
}

const encode = (query: string, variables: Record<string, unknown> = {}) => Buffer.from(JSON.stringify({ query, variables }));

/** A small deterministic PRNG (mulberry32), so every run sends the same sequence. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  const rnd = prng(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Dates from mid-2016 (after the regional mergers) to today, about one a month. */
export function sampleDates(today = new Date().toISOString().slice(0, 10)): string[] {
  const out: string[] = [];
  for (let d = new Date('2016-06-15T00:00:00Z'); d.toISOString().slice(0, 10) <= today; d.setUTCDate(d.getUTCDate() + 31)) {
    out.push(d.toISOString().slice(0, 10));
  }
  return out;
}

const take = <T>(items: T[], n: number) => items.slice(0, Math.max(1, Math.min(n, items.length)));

/** Bodies of each single workload (W1..W6), from the sample. */
export function workloadBodies(sample: Sample, features: DataFeatures, today = new Date().toISOString().slice(0, 10)): Record<Exclude<WorkloadId, 'W7'>, Buffer[]> {
  const mls = take(shuffled(sample.missionsLocales, 1), 500);
  const armls = sample.armls;
  const w2 = features.governance ? W2_GOVERNANCE : W2_NETWORK;
  return {
    W1: mls.map((id) => encode(W1, { id })),
    W2: mls.map((id) => encode(w2, { id })),
    W3: [encode(W3)],
    W4: [encode(W4, { asOf: today })],
    W5: armls.flatMap((id, i) => [0, 1, 2].map((k) => encode(W5, { id, filter: dashboardFilter(i + k, sample.dates[(i * 7 + k * 13) % sample.dates.length]) }))),
    W6: take(shuffled(sample.postalCodes, 2), 300).map((postalCode) => encode(W6, { postalCode })),
  };
}

/** W7: 60% W2, 25% W5, 15% W4, each with its own varied variables, in a fixed pseudo-random order. */
export function mixBodies(sample: Sample, features: DataFeatures, count = 400): Buffer[] {
  const rnd = prng(7);
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
  const w2 = features.governance ? W2_GOVERNANCE : W2_NETWORK;
  const out: Buffer[] = [];
  for (let i = 0; i < count; i++) {
    const r = rnd();
    if (r < 0.6) out.push(encode(w2, { id: pick(sample.missionsLocales) }));
    else if (r < 0.85) out.push(encode(W5, { id: pick(sample.armls), filter: dashboardFilter(Math.floor(rnd() * 3), pick(sample.dates)) }));
    else out.push(encode(W4, { asOf: pick(sample.dates) }));
  }
  return out;
}

/**
 * Load settings per workload. W1 and W6 run at the brief's 200 requests/s (its p99 target), for 10 s:
 * 2,000 requests, so that their p99 is the 20th slowest request and not the 6th (in 3 s, one stall
 * of the shared host holding up 6 requests set it). The others run at about half of what the service
 * computing every answer sustains on the bundled network on 2 cores, for BENCH_SECONDS (default 3).
 * The same rates apply at every scale, to the baseline and to the cached service, so latencies compare.
 * Override with BENCH_RATES="W1=100,W6=100"; BENCH_SECONDS sets every open loop's length.
 */
export const LOAD_SETTINGS: Record<WorkloadId, { clients: number; rate: number; openSeconds?: number }> = {
  W1: { clients: 8, rate: 200, openSeconds: 10 },
  W2: { clients: 8, rate: 50 },
  W3: { clients: 4, rate: 1 },
  W4: { clients: 4, rate: 1 },
  W5: { clients: 8, rate: 50 },
  W6: { clients: 8, rate: 200, openSeconds: 10 },
  W7: { clients: 8, rate: 10 },
};
for (const pair of (process.env.BENCH_RATES ?? '').split(',').filter(Boolean)) {
  const [id, rate] = pair.split('=');
  if (id in LOAD_SETTINGS && Number(rate) > 0) LOAD_SETTINGS[id as WorkloadId].rate = Number(rate);
}

export const TITLES: Record<WorkloadId, string> = {
  W1: 'one Mission Locale by id',
  W2: 'one Mission Locale with bodies, members, public roles',
  W3: 'network map (UNML → ARML → Missions Locales)',
  W4: 'network map + presidents and boards',
  W5: 'ARML conventions dashboard (page of 50)',
  W6: 'communes by postal code',
  W7: 'mix 60/25/15 of W2/W5/W4',
};

/** The workloads to run, with the notes that say what the data lets them measure. */
export function buildWorkloads(sample: Sample, features: DataFeatures, only?: WorkloadId[]): Workload[] {
  const bodies = workloadBodies(sample, features);
  const all: Workload[] = (['W1', 'W2', 'W3', 'W4', 'W5', 'W6', 'W7'] as WorkloadId[]).map((id) => ({
    id,
    title: id === 'W2' && !features.governance ? 'one Mission Locale with communes and sites (no governance data)' : TITLES[id],
    bodies: id === 'W7' ? mixBodies(sample, features) : bodies[id],
    ...LOAD_SETTINGS[id],
    baseline: id === 'W1' || id === 'W3' || id === 'W6' || (id === 'W4' && features.governance),
  }));
  for (const w of all) {
    // W4 is measured on today's date; its identity is also checked on past dates (other boards, other presidents).
    if (w.id === 'W4') w.identityBodies = [w.bodies[0], ...['2018-06-01', '2020-01-01', '2022-12-15', '2024-06-01'].map((asOf) => encode(W4, { asOf }))];
    if (w.id === 'W4' && !features.governance) w.note = 'no governance data: president is null and governingBodies empty for every Mission Locale; no baseline';
    if (w.id === 'W5' && !features.conventions) w.note = 'no conventions data: every page is empty (measures the empty read path only)';
    const missing = [!features.governance && 'governance', !features.conventions && 'conventions'].filter(Boolean).join(' and ');
    if (w.id === 'W7' && missing) w.note = `W2/W5/W4 as above (no ${missing} data)`;
  }
  return only ? all.filter((w) => only.includes(w.id)) : all;
}
