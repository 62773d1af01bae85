import { generateNetwork } from '../../seeds/generate-network';
import { generateConventions } from '../../seeds/generate-conventions';
import type { ConventionStatus, SeedConvention, SeedConventions } from '../../seeds/conventions.types';
import type { SeedNetwork, SeedOrganization } from '../../seeds/network.types';
import { eurosToCents } from '../../src/graphql/scalars';
import { checkConvention } from '../../src/modules/convention/convention.rules';
import { ConventionKind, ConventionStatus as Status, PartyRole } from '../../src/modules/convention/convention.enums';

/** The date the bundled statuses are computed at ("today" for the data set). */
const AS_OF = '2026-11-22';
const AXIS_CODES = ['1.1', '1.2', '1.3', '2', '3.1', '3.2', '3.3', '4.1', '4.2'];
const INSTRUCTION = 'Instruction N° DGEFP/SDPAE/2017/331 du 28 novembre 2017';
/** The regions whose council, by the documented illustrative rule, did not co-sign the CPO. */
const COUNCILS_NOT_COSIGNING = new Set(['11', '76']);

/** Allowed next statuses: forward one step, or TERMINATED from any state that has not ended. */
const NEXT: Record<ConventionStatus, ConventionStatus[]> = {
  DRAFT: ['IN_NEGOTIATION', 'TERMINATED'],
  IN_NEGOTIATION: ['SIGNED', 'TERMINATED'],
  SIGNED: ['IN_FORCE', 'TERMINATED'],
  IN_FORCE: ['EXPIRED', 'TERMINATED'],
  EXPIRED: [],
  TERMINATED: [],
};
const AMOUNT = /^\d+(\.\d{1,2})?$/;

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const status = (c: SeedConvention) => c.statusHistory[c.statusHistory.length - 1]?.status;
const reached = (c: SeedConvention, s: ConventionStatus) => c.statusHistory.some((h) => h.status === s);
const signatories = (c: SeedConvention) => c.parties.filter((p) => p.role === 'SIGNATORY').map((p) => p.organizationKey);
const hasParty = (c: SeedConvention, key: string, role: string) => c.parties.some((p) => p.organizationKey === key && p.role === role);
const currentArml = (n: SeedNetwork) => n.organizations.filter((o) => o.kind === 'ARML' && !o.dissolvedOn);

/** Rules of one convention that need nothing but the convention itself. */
function conventionProblems(c: SeedConvention): string[] {
  const p: string[] = [];
  if (c.endDate < c.startDate) p.push('ends before it starts');
  if (c.kind === 'CPO_STATE_ARML' && !c.durationException) {
    const year = Number(c.startDate.slice(0, 4));
    if (c.startDate !== `${year}-01-01` || c.endDate !== `${year + 2}-12-31`) p.push('CPO not three calendar years and no durationException');
  }
  if (!c.statusHistory.length) p.push('empty status history');
  c.statusHistory.forEach((step, i) => {
    const before = c.statusHistory[i - 1];
    if (before && !NEXT[before.status].includes(step.status)) p.push(`status ${before.status} → ${step.status}`);
    if (before && step.date < before.date) p.push(`status dates go back at ${step.status}`);
  });
  const signedStep = c.statusHistory.find((s) => s.status === 'SIGNED');
  if (signedStep || reached(c, 'IN_FORCE') || reached(c, 'EXPIRED')) {
    if (!c.signedOn) p.push('signed without signedOn');
    if (new Set(signatories(c)).size < 2) p.push('signed with fewer than two signatories');
  }
  if (signedStep && c.signedOn !== signedStep.date) p.push('signedOn differs from the SIGNED date');
  if (!signedStep && c.signedOn && !reached(c, 'IN_FORCE')) p.push('signedOn without having been signed');
  const roles = c.parties.map((x) => `${x.organizationKey}/${x.role}`);
  if (new Set(roles).size !== roles.length) p.push('a party appears twice in one role');
  const financers = new Set(c.parties.filter((x) => x.role === 'FINANCER').map((x) => x.organizationKey));
  for (const line of c.funding ?? []) {
    if (!AMOUNT.test(line.amount)) p.push(`amount ${line.amount} is not a non-negative decimal`);
    if (!financers.has(line.financerKey)) p.push(`funding by ${line.financerKey}, not a FINANCER party`);
    if (line.year < Number(c.startDate.slice(0, 4)) || line.year > Number(c.endDate.slice(0, 4))) p.push(`funding year ${line.year} outside the period`);
  }
  for (const action of (c.objectives ?? []).flatMap((o) => o.actions ?? [])) {
    if ((action.startDate && action.startDate < c.startDate) || (action.endDate && action.endDate > c.endDate)) p.push(`action "${action.title}" outside the period`);
  }
  return p;
}

/**
 * Every rule the data set breaks, as "key: problem" (empty when it complies): the rules of each
 * convention, then the references between conventions, the network and partnerships.
 */
function problems(data: SeedConventions, network: SeedNetwork): string[] {
  const orgs = new Map(network.organizations.map((o) => [o.key, o]));
  const conventions = new Map(data.conventions.map((c) => [c.key, c]));
  const p: string[] = [];
  if (conventions.size !== data.conventions.length) p.push('duplicate convention keys');
  for (const c of data.conventions) {
    const at = (problem: string) => p.push(`${c.key}: ${problem}`);
    conventionProblems(c).forEach(at);
    for (const key of [...c.parties.map((x) => x.organizationKey), ...(c.funding ?? []).map((f) => f.financerKey)]) {
      if (!orgs.has(key)) at(`unknown organization ${key}`);
    }
    if (c.renewsKey && conventions.get(c.renewsKey)?.kind !== c.kind) at(`renews ${c.renewsKey}, not a convention of its kind`);
    if (c.kind === 'REGIONAL_DECLINATION' && conventions.get(c.nationalConventionKey ?? '')?.kind !== 'NATIONAL_PARTNERSHIP') {
      at(`declination of ${c.nationalConventionKey}, not a national partnership convention`);
    }
  }
  const expectedKind = { NATIONAL: 'UNML', REGIONAL: 'ARML', LOCAL: 'MISSION_LOCALE' } as const;
  data.partnerships.forEach((s, i) => {
    const at = (problem: string) => p.push(`partnership ${i} (${s.networkOrganizationKey} – ${s.partnerKey}): ${problem}`);
    const holder = orgs.get(s.networkOrganizationKey);
    if (!holder) at('unknown network organization');
    else if (holder.kind !== expectedKind[s.scope]) at(`${s.scope} partnership held by a ${holder.kind}`);
    if (orgs.get(s.partnerKey)?.kind !== 'PARTNER') at('partner is not a PARTNER organization');
    if (s.endDate && s.endDate < s.startDate) at('ends before it starts');
    for (const key of s.conventionKeys ?? []) if (!conventions.has(key)) at(`unknown convention ${key}`);
  });
  return p;
}

/** The registry's own rules (the seeder refuses data that breaks them), with organizations numbered. */
function registryViolations(data: SeedConventions, network: SeedNetwork): string[] {
  const id = new Map(network.organizations.map((o, i) => [o.key, i + 1]));
  const kindOf = new Map(data.conventions.map((c) => [c.key, c.kind]));
  return data.conventions.flatMap((c) =>
    checkConvention({
      kind: c.kind as ConventionKind, startDate: c.startDate, endDate: c.endDate, signedOn: c.signedOn, durationException: c.durationException,
      nationalConventionKind: c.nationalConventionKey ? ((kindOf.get(c.nationalConventionKey) as ConventionKind) ?? null) : null,
      parties: c.parties.map((x) => ({ organizationId: id.get(x.organizationKey) ?? -1, role: x.role as PartyRole })),
      statusHistory: c.statusHistory.map((s) => ({ status: s.status as Status, date: s.date })),
      fundingCents: (c.funding ?? []).map((f) => eurosToCents(f.amount)),
    }).map((v) => `${c.key}: ${v.rule}`),
  );
}

describe('generateConventions() on the bundled network (scale 1)', () => {
  let network: SeedNetwork;
  let data: SeedConventions;
  let elapsedMs: number;
  const ofKind = (kind: SeedConvention['kind']) => data.conventions.filter((c) => c.kind === kind);
  const get = (key: string) => {
    const c = data.conventions.find((x) => x.key === key);
    if (!c) throw new Error(`no convention ${key}`);
    return c;
  };

  beforeAll(() => {
    network = generateNetwork();
    const t0 = performance.now();
    data = generateConventions(network);
    elapsedMs = performance.now() - t0;
  });

  it('satisfies every rule, the registry\'s own included, in under a second', () => {
    expect(problems(data, network)).toEqual([]);
    expect(registryViolations(data, network)).toEqual([]);
    expect(elapsedMs).toBeLessThan(1000);
  });

  it('is deterministic', () => {
    expect(generateConventions(network)).toEqual(data);
    expect(generateConventions(generateNetwork())).toEqual(data);
  });

  describe('CPO État–ARML 2018-2020', () => {
    const cpo2018 = () => ofKind('CPO_STATE_ARML').filter((c) => c.startDate === '2018-01-01');

    it('exists once per current ARML, except ARML Antilles-Guyane (created 2022-12-05)', () => {
      const expected = currentArml(network).map((o) => o.key).filter((k) => k !== 'arml-antilles-guyane').sort();
      expect(cpo2018().map((c) => c.parties[0].organizationKey).sort()).toEqual(expected);
      expect(cpo2018().map((c) => c.key).sort()).toEqual(expected.map((k) => `cpo-${k}-2018`));
      expect(data.conventions.some((c) => c.key === 'cpo-arml-antilles-guyane-2018')).toBe(false);
    });

    it('runs 2018-2020, was signed in early 2018 and expired on 2021-01-01, citing the instruction', () => {
      for (const c of cpo2018()) {
        expect([c.startDate, c.endDate]).toEqual(['2018-01-01', '2020-12-31']);
        expect(c.signedOn! >= '2018-01-01' && c.signedOn! <= '2018-06-30').toBe(true);
        expect(c.statusHistory.map((s) => s.status)).toEqual(['DRAFT', 'IN_NEGOTIATION', 'SIGNED', 'IN_FORCE', 'EXPIRED']);
        expect(c.statusHistory[4].date).toBe('2021-01-01');
        expect(c.statusHistory[0].date >= '2017-11-28').toBe(true);
        expect(c.documents?.some((d) => d.title.includes(INSTRUCTION))).toBe(true);
        expect(c.title).toMatch(/État \((Direccte|Dieccte) /);
      }
    });

    it("carries the instruction's four axes and numbered objectives, each with one or two actions in the period", () => {
      for (const c of cpo2018()) {
        expect(c.objectives!.map((o) => o.code)).toEqual(AXIS_CODES);
        for (const o of c.objectives!) {
          expect(o.axis).toBe(o.code.split('.')[0]);
          expect(o.title.length).toBeGreaterThan(20);
          expect(o.actions!.length).toBeGreaterThanOrEqual(1);
          expect(o.actions!.length).toBeLessThanOrEqual(2);
          for (const a of o.actions!) expect(a.startDate! >= '2018-01-01' && a.endDate! <= '2020-12-31' && a.startDate! <= a.endDate!).toBe(true);
        }
      }
    });

    it('has the ARML, its DREETS and, by the documented rule, its regional council as parties', () => {
      for (const c of cpo2018()) {
        const arml = c.parties[0].organizationKey;
        const region = network.organizations.find((o) => o.key === arml)!.regions![0].regionCode;
        expect(hasParty(c, arml, 'SIGNATORY') && hasParty(c, arml, 'BENEFICIARY')).toBe(true);
        expect(hasParty(c, `partner-dreets-${region}`, 'SIGNATORY') && hasParty(c, `partner-dreets-${region}`, 'FINANCER')).toBe(true);
        const council = `partner-region-${region}`;
        expect(hasParty(c, council, 'SIGNATORY')).toBe(!COUNCILS_NOT_COSIGNING.has(region));
        expect(hasParty(c, council, 'FINANCER')).toBe(!COUNCILS_NOT_COSIGNING.has(region));
      }
    });

    it('funds each financer × year × axis with illustrative amounts', () => {
      for (const c of cpo2018()) {
        const financers = c.parties.filter((p) => p.role === 'FINANCER').map((p) => p.organizationKey);
        const lines = new Set(c.funding!.map((f) => `${f.financerKey}/${f.year}/${f.axis}`));
        const expected = financers.flatMap((f) => [2018, 2019, 2020].flatMap((y) => ['1', '2', '3', '4'].map((a) => `${f}/${y}/${a}`)));
        expect([...lines].sort()).toEqual(expected.sort());
        expect(c.funding).toHaveLength(expected.length);
        expect(c.provenance.status).toBe('OFFICIAL');
        expect(c.fundingProvenance?.status).toBe('ILLUSTRATIVE');
      }
      // Every amount in the data set is marked illustrative, directly or through its convention.
      for (const c of data.conventions.filter((x) => x.funding?.length)) expect((c.fundingProvenance ?? c.provenance).status).toBe('ILLUSTRATIVE');
    });

    it('was signed by ARML Océan Indien under its former name, ARML de La Réunion', () => {
      const c = get('cpo-arml-ocean-indien-2018');
      expect(c.title).toContain('Association régionale des Missions Locales de La Réunion');
      expect(c.parties.map((p) => p.organizationKey)).not.toContain('partner-dreets-06');
    });
  });

  describe('renewals', () => {
    const cpos = () => ofKind('CPO_STATE_ARML');

    it('renews every 2018 CPO in 2023; ARML Antilles-Guyane has current CPOs only', () => {
      for (const arml of currentArml(network)) {
        const c2023 = get(`cpo-${arml.key}-2023`);
        expect(c2023.renewsKey).toBe(arml.key === 'arml-antilles-guyane' ? undefined : `cpo-${arml.key}-2018`);
      }
      expect(cpos().filter((c) => c.parties[0].organizationKey === 'arml-antilles-guyane').map((c) => c.startDate.slice(0, 4))).toEqual(['2023', '2026']);
    });

    it('has a few 2026-2028 CPOs in force, one under negotiation and one expiring within 60 days', () => {
      const inForce2026 = cpos().filter((c) => c.startDate === '2026-01-01' && status(c) === 'IN_FORCE');
      expect(inForce2026.length).toBeGreaterThanOrEqual(3);
      for (const c of inForce2026) expect(c.renewsKey).toBe(`cpo-${c.parties[0].organizationKey}-2023`);

      const negotiating = cpos().filter((c) => status(c) === 'IN_NEGOTIATION');
      expect(negotiating).toHaveLength(1);
      expect(negotiating[0].signedOn).toBeUndefined();
      expect(negotiating[0].funding).toBeUndefined();

      const soon = data.conventions.filter((c) => status(c) === 'IN_FORCE' && c.endDate >= AS_OF && c.endDate <= addDays(AS_OF, 60));
      expect(soon.map((c) => c.kind)).toContain('CPO_STATE_ARML');
      expect(negotiating[0].renewsKey).toBe(soon.find((c) => c.kind === 'CPO_STATE_ARML')!.key);
    });

    it('states the reason of a CPO that does not last three years', () => {
      const exceptions = cpos().filter((c) => c.durationException);
      expect(exceptions.length).toBeGreaterThanOrEqual(1);
      for (const c of exceptions) {
        expect(c.durationException!.length).toBeGreaterThan(20);
        expect(c.endDate).not.toBe(`${Number(c.startDate.slice(0, 4)) + 2}-12-31`);
      }
    });

    it('keeps the history of merged regions: ARML Océan Indien covers Mayotte from 2023', () => {
      expect(hasParty(get('cpo-arml-ocean-indien-2023'), 'partner-dreets-06', 'FINANCER')).toBe(true);
    });
  });

  describe('national partnership conventions and their declinations', () => {
    const nationals = () => ofKind('NATIONAL_PARTNERSHIP');

    it('are 2 to 5, signed by UNML with France Travail, AFPA and EPIDE among others, mostly in force', () => {
      expect(nationals().length).toBeGreaterThanOrEqual(2);
      expect(nationals().length).toBeLessThanOrEqual(5);
      const partners = nationals().flatMap(signatories);
      for (const key of ['partner-france-travail', 'partner-afpa', 'partner-epide']) expect(partners).toContain(key);
      for (const c of nationals()) expect(hasParty(c, 'unml', 'SIGNATORY')).toBe(true);
      expect(nationals().some((c) => hasParty(c, 'partner-dgefp', 'SIGNATORY'))).toBe(true);
      expect(nationals().filter((c) => status(c) === 'IN_FORCE').length).toBeGreaterThan(nationals().length / 2);
    });

    it('are OFFICIAL only where the seeds state the convention exists (the Justice accord of 7 March 2017)', () => {
      const official = nationals().filter((c) => c.provenance.status === 'OFFICIAL');
      expect(official.map((c) => c.key)).toEqual(['nat-justice-2017']);
      expect(official[0].signedOn).toBe('2017-03-07');
    });

    it('are declined by some ARML and not by others', () => {
      const armls = currentArml(network).map((o) => o.key);
      for (const national of nationals()) {
        const declinations = ofKind('REGIONAL_DECLINATION').filter((d) => d.nationalConventionKey === national.key);
        const declining = new Set(declinations.map((d) => d.parties[0].organizationKey));
        expect(declining.size).toBeGreaterThan(0);
        expect(declining.size).toBeLessThan(armls.length);
        for (const d of declinations) {
          expect(armls).toContain(d.parties[0].organizationKey);
          expect(d.startDate >= national.startDate && d.endDate <= national.endDate).toBe(true);
          expect(signatories(d).some((k) => k.startsWith('partner-dreets-'))).toBe(true);
        }
      }
    });

    it('include a terminated declination, which ends its regional partnership', () => {
      const terminated = ofKind('REGIONAL_DECLINATION').filter((d) => status(d) === 'TERMINATED');
      expect(terminated.length).toBeGreaterThanOrEqual(1);
      const partnership = data.partnerships.find((s) => s.conventionKeys?.includes(terminated[0].key));
      expect(partnership?.endDate).toBe(terminated[0].statusHistory.at(-1)!.date);
    });
  });

  it('has a delegation UNML → one ARML on a professionalisation theme', () => {
    const [delegation, ...others] = ofKind('DELEGATION');
    expect(others).toEqual([]);
    expect(delegation.theme).toBeTruthy();
    expect(hasParty(delegation, 'unml', 'SIGNATORY') && hasParty(delegation, 'unml', 'FINANCER')).toBe(true);
    const arml = delegation.parties.find((p) => p.role === 'BENEFICIARY')!.organizationKey;
    expect(network.organizations.find((o) => o.key === arml)?.kind).toBe('ARML');
  });

  it('has a regional protocol of the State, the regional council and the ARML (no departmental council in the network)', () => {
    const [protocol, ...others] = ofKind('REGIONAL_PROTOCOL');
    expect(others).toEqual([]);
    const kinds = signatories(protocol).map((k) => network.organizations.find((o) => o.key === k)!).map((o: SeedOrganization) => o.partnerCategory ?? o.kind);
    expect(kinds.sort()).toEqual(['ARML', 'REGIONAL_COUNCIL', 'STATE_SERVICE']);
  });

  describe('partnerships', () => {
    it('are held by Missions Locales, UNML and ARML', () => {
      const scopes = new Set(data.partnerships.map((s) => s.scope));
      expect([...scopes].sort()).toEqual(['LOCAL', 'NATIONAL', 'REGIONAL']);
      expect(data.partnerships.filter((s) => s.scope === 'LOCAL').length).toBeGreaterThanOrEqual(3);
    });

    it("link UNML's partnerships to the national conventions and ARML's to their declinations", () => {
      const kindOf = new Map(data.conventions.map((c) => [c.key, c.kind]));
      const national = data.partnerships.filter((s) => s.scope === 'NATIONAL' && s.conventionKeys?.length);
      expect(new Set(national.flatMap((s) => s.conventionKeys!))).toEqual(new Set(ofKind('NATIONAL_PARTNERSHIP').map((c) => c.key)));
      for (const s of national) for (const k of s.conventionKeys!) expect(kindOf.get(k)).toBe('NATIONAL_PARTNERSHIP');
      const regional = data.partnerships.filter((s) => s.scope === 'REGIONAL' && s.conventionKeys?.length);
      expect(regional.length).toBeGreaterThan(0);
      for (const s of regional) {
        const [declination] = s.conventionKeys!.map(get);
        expect(declination.kind).toBe('REGIONAL_DECLINATION');
        expect(declination.parties[0].organizationKey).toBe(s.networkOrganizationKey);
      }
    });
  });
});

describe('the rule checker', () => {
  let network: SeedNetwork;
  let data: SeedConventions;
  beforeAll(() => {
    network = generateNetwork();
    data = generateConventions(network);
  });

  /** The problems found once `breakIt` has damaged a copy of the data. */
  const after = (breakIt: (d: SeedConventions) => void) => {
    const copy = structuredClone(data);
    breakIt(copy);
    return problems(copy, network).join('\n');
  };
  const cpo = (d: SeedConventions) => d.conventions.find((c) => c.key === 'cpo-arml-53-2018')!;

  it.each<[string, (d: SeedConventions) => void, RegExp]>([
    ['an end before the start', (d) => { cpo(d).endDate = '2017-12-31'; }, /ends before it starts/],
    ['a four-year CPO without exception', (d) => { cpo(d).endDate = '2021-12-31'; }, /three calendar years/],
    ['a backward status move', (d) => { cpo(d).statusHistory.push({ status: 'IN_FORCE', date: '2021-02-01' }); }, /EXPIRED → IN_FORCE/],
    ['a terminated convention moving on', (d) => { cpo(d).statusHistory.splice(4, 1, { status: 'TERMINATED', date: '2019-01-01' }, { status: 'EXPIRED', date: '2021-01-01' }); }, /TERMINATED → EXPIRED/],
    ['status dates going back', (d) => { cpo(d).statusHistory[1].date = '2017-01-01'; }, /dates go back/],
    ['a signature without date', (d) => { delete cpo(d).signedOn; }, /without signedOn/],
    ['a single signatory', (d) => { cpo(d).parties = cpo(d).parties.filter((p) => p.role !== 'SIGNATORY' || p.organizationKey === 'arml-53'); }, /fewer than two/],
    ['a negative amount', (d) => { cpo(d).funding![0].amount = '-10.00'; }, /not a non-negative decimal/],
    ['three decimals', (d) => { cpo(d).funding![0].amount = '10.123'; }, /not a non-negative decimal/],
    ['a financer that is not a FINANCER party', (d) => { cpo(d).funding![0].financerKey = 'arml-53'; }, /not a FINANCER party/],
    ['a party twice in one role', (d) => { cpo(d).parties.push({ organizationKey: 'arml-53', role: 'SIGNATORY' }); }, /twice in one role/],
    ['an unknown organization', (d) => { cpo(d).parties.push({ organizationKey: 'arml-99', role: 'LEAD' }); }, /unknown organization arml-99/],
    ['an unknown renewed convention', (d) => { cpo(d).renewsKey = 'cpo-nowhere'; }, /renews cpo-nowhere/],
    ['a declination of a CPO', (d) => { d.conventions.find((c) => c.kind === 'REGIONAL_DECLINATION')!.nationalConventionKey = 'cpo-arml-53-2018'; }, /not a national partnership/],
    ['a partnership on an unknown convention', (d) => { d.partnerships[0].conventionKeys = ['nat-nowhere']; }, /unknown convention nat-nowhere/],
    ['a national partnership held by an ARML', (d) => { d.partnerships[0].networkOrganizationKey = 'arml-53'; }, /NATIONAL partnership held by a ARML/],
  ])('catches %s', (_name, breakIt, expected) => {
    expect(after(breakIt)).toMatch(expected);
  });
});

describe('generateConventions() on a network ten times larger', () => {
  it('still satisfies every rule, quickly, with the same ARML-level data', () => {
    const small = generateConventions(generateNetwork());
    const network = generateNetwork({ scale: 10 });
    const t0 = performance.now();
    const data = generateConventions(network);
    const elapsedMs = performance.now() - t0;

    expect(problems(data, network)).toEqual([]);
    expect(registryViolations(data, network)).toEqual([]);
    expect(elapsedMs).toBeLessThan(5000);
    expect(data.conventions).toEqual(small.conventions);
    expect(data.partnerships).toHaveLength(small.partnerships.length);
    // Missions Locales named by the sources are not in a generated network: their stand-ins are illustrative.
    const keys = new Set(network.organizations.map((o) => o.key));
    const standIns = data.partnerships.filter((s, i) => s.networkOrganizationKey !== small.partnerships[i].networkOrganizationKey);
    expect(standIns.length).toBeGreaterThan(0);
    data.partnerships.forEach((s, i) => {
      const named = small.partnerships[i].networkOrganizationKey;
      if (s.networkOrganizationKey !== named) {
        expect(keys.has(named)).toBe(false);
        expect(s.scope).toBe('LOCAL');
        expect(s.provenance.status).toBe('ILLUSTRATIVE');
      }
    });
  });
});
