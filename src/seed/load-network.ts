import type { SeedNetwork, SeedOrganization, SeedProvenance } from '../../seeds/network.types';
import { foldForSearch } from '../shared/text';
import type { Load } from './insert';
import { identifierProblem } from '../modules/organization/identifier.rules';
import { IdentifierScheme } from '../modules/organization/organization.enums';

/** Start date of the bundled coverage: it describes the 2022 network (437 Missions Locales). */
export const BUNDLED_COVERAGE_START = '2022-01-01';

const prov = (p: SeedProvenance) => ({ provenance_status: p.status, provenance_source: p.source });

/** Region of an organization: an ARML's first region, otherwise its département's. */
function regionOf(o: SeedOrganization, deptRegion: ReadonlyMap<string, string>): string | null {
  if (o.regions?.length) return o.regions[0].regionCode;
  return o.departementCode ? deptRegion.get(o.departementCode) ?? null : null;
}

/**
 * Inserts a bundled network into an empty registry (geography already loaded; `deptRegion` gives
 * each département's region).
 * Ids are assigned here, in network order, so the same network always gets the same ids; returns them by key.
 */
export async function loadNetwork(
  bulk: Load, network: SeedNetwork, deptRegion: ReadonlyMap<string, string>,
): Promise<Map<string, number>> {
  const idOf = new Map<string, number>();
  network.organizations.forEach((o, i) => {
    if (idOf.has(o.key)) throw new Error(`Duplicate organization key in bundled network: ${o.key}`);
    idOf.set(o.key, i + 1);
  });
  const id = (key: string): number => {
    const v = idOf.get(key);
    if (v === undefined) throw new Error(`Unknown organization key in bundled network: ${key}`);
    return v;
  };

  await bulk.insert('organization', network.organizations.map((o) => ({
    id: id(o.key),
    kind: o.kind,
    partner_category: o.partnerCategory ?? null,
    name: o.name,
    search_name: foldForSearch(`${o.name} ${o.shortName ?? ''}`),
    short_name: o.shortName ?? null,
    description: o.description ?? null,
    legal_form: o.legalForm,
    founded_on: o.foundedOn ?? null,
    dissolved_on: o.dissolvedOn ?? null,
    departement_code: o.departementCode ?? null,
    region_code: regionOf(o, deptRegion),
    office_phone: o.officePhone ?? null,
    office_email: o.officeEmail ?? null,
    office_address: o.officeAddress ?? null,
    website: o.website ?? null,
    ...prov(o.provenance),
    version: 1,
  })));
  const each = <T>(pick: (o: SeedOrganization) => T[] | undefined) =>
    network.organizations.flatMap((o) => (pick(o) ?? []).map((item) => ({ o, item })));

  await bulk.insert('organization_name', each((o) => o.formerNames).map(({ o, item }) => ({
    organization_id: id(o.key), name: item.name, valid_from: item.validFrom ?? null, valid_until: item.validUntil,
  })));
  const identifiers = each((o) => o.identifiers).map(({ o, item }) => {
    const problem = identifierProblem(item.scheme as IdentifierScheme, item.value);
    if (problem) throw new Error(`Bundled network: ${o.key} has an invalid ${item.scheme} ${item.value}: ${problem}`);
    return { organization_id: id(o.key), scheme: item.scheme, value: item.value };
  });
  await bulk.insert('organization_identifier', identifiers);
  await bulk.insert('organization_link', each((o) => o.memberships).map(({ o, item }) => ({
    member_id: id(o.key), parent_id: id(item.parentKey), kind: item.kind,
    start_date: item.startDate, end_date: item.endDate ?? null, ...prov(o.provenance),
  })));
  await bulk.insert('organization_region', each((o) => o.regions).map(({ o, item }) => ({
    organization_id: id(o.key), region_code: item.regionCode, start_date: item.startDate, end_date: item.endDate ?? null,
  })));
  const coverage = each((o) => o.communes).map(({ o, item }) => ({
    organization_id: id(o.key), commune_code: item, start_date: BUNDLED_COVERAGE_START, end_date: null, ...prov(o.provenance),
  }));
  await bulk.insert('commune_coverage', coverage);
  const sites = each((o) => o.sites).map(({ o, item }) => ({
    organization_id: id(o.key), kind: item.kind, name: item.name, address: item.address ?? null,
    postal_code: item.postalCode ?? null, commune_code: item.communeCode,
    latitude: item.latitude ?? null, longitude: item.longitude ?? null, siret: item.siret ?? null, ...prov(item.provenance), version: 1,
  }));
  await bulk.insert('site', sites);

  await bulk.insert('change_event', network.events.map((e, i) => ({
    id: i + 1, kind: e.kind, date: e.date, description: e.description, ...prov(e.provenance),
  })));
  await bulk.insert('change_event_participant', network.events.flatMap((e, i) => [
    ...e.fromKeys.map((k) => ({ event_id: i + 1, organization_id: id(k), role: 'ORIGIN' })),
    ...e.toKeys.map((k) => ({ event_id: i + 1, organization_id: id(k), role: 'RESULT' })),
  ]));
  return idOf;
}
