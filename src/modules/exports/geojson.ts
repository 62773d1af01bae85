import type { Knex } from '@mikro-orm/knex';
import { toGlobalId } from '../../graphql/node';
import { OrganizationKind } from '../organization/organization.enums';
import { SiteKind } from '../site/site.entity';
import { ExportOptions, existingOn, inEffectOn } from './dated-rows';

/**
 * Reception sites as GeoJSON (RFC 7946): one Point feature per site with known coordinates,
 * [longitude, latitude] in WGS 84. The registry's geography has no commune coordinates to fall
 * back on, so a site without coordinates is left out and counted in the `skipped` foreign member.
 */

export interface SiteProperties {
  name: string;
  kind: SiteKind;
  organization_name: string;
  organization_id: string;
  /** The Mission Locale's ARML on `asOf`. */
  arml_name: string | null;
  arml_id: string | null;
  /** Region of the site's commune. */
  region_code: string;
  region_name: string;
  commune_code: string;
  commune_name: string;
  postal_code: string | null;
  address: string | null;
  /** OFFICIAL (with its source), IMPORTED, or ILLUSTRATIVE: generated for illustration, not an official record. */
  provenance_status: string;
  provenance_source: string;
  /** The site's GraphQL global id: `node(id:)` reads it again. */
  api: string;
}

export interface SiteFeature {
  type: 'Feature';
  id: string;
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: SiteProperties;
}

export interface SiteCollection {
  type: 'FeatureCollection';
  /** Foreign members (RFC 7946 §6.1): the day described, and the sites left out for lack of coordinates. */
  as_of: string;
  skipped: number;
  note: string;
  features: SiteFeature[];
}

interface SiteRow {
  id: number; kind: SiteKind; name: string; address: string | null; postal_code: string | null;
  latitude: number | null; longitude: number | null; organization_id: number; organization_name: string;
  provenance_status: string; provenance_source: string;
  commune_code: string; commune_name: string; region_code: string; region_name: string;
}

/**
 * The sites of the organizations existing on `asOf` (every site, or only the head offices of Missions
 * Locales), in two statements: the sites with their commune and region, then each organization's ARML.
 */
export async function buildSitesGeoJson(knex: Knex, { asOf }: ExportOptions, only: 'all' | 'head-offices' = 'all'): Promise<SiteCollection> {
  const sites = existingOn(knex('site as s'), asOf, 'o.')
    .join('organization as o', 'o.id', 's.organization_id')
    .join('commune as c', 'c.code', 's.commune_code')
    .join('region as r', 'r.code', 'c.region_code')
    .select('s.id', 's.kind', 's.name', 's.address', 's.postal_code', 's.latitude', 's.longitude', 's.provenance_status', 's.provenance_source',
      's.organization_id', 'o.name as organization_name', 'c.code as commune_code', 'c.name as commune_name',
      'r.code as region_code', 'r.name as region_name')
    .orderBy('s.id');
  if (only === 'head-offices') sites.where('s.kind', SiteKind.HEAD_OFFICE).where('o.kind', OrganizationKind.MISSION_LOCALE);
  const [rows, armlRows] = await Promise.all([
    sites as Promise<SiteRow[]>,
    inEffectOn(knex('organization_link as l'), asOf, 'l.')
      .join('organization as a', 'a.id', 'l.parent_id')
      .where('a.kind', OrganizationKind.ARML)
      .select('l.member_id', 'a.id', 'a.name')
      .orderBy(['l.start_date', 'l.id']) as Promise<{ member_id: number; id: number; name: string }[]>,
  ]);
  const armlOf = new Map<number, { id: number; name: string }>();
  for (const a of armlRows) if (!armlOf.has(Number(a.member_id))) armlOf.set(Number(a.member_id), a);

  const placed = rows.filter((s) => s.latitude !== null && s.longitude !== null);
  return {
    type: 'FeatureCollection',
    as_of: asOf,
    skipped: rows.length - placed.length,
    note: 'Coordinates are [longitude, latitude] (WGS 84). Sites whose coordinates the registry does not know are left out and counted in "skipped".',
    features: placed.map((s) => {
      const arml = armlOf.get(Number(s.organization_id));
      const api = toGlobalId('Site', String(s.id));
      return {
        type: 'Feature',
        id: api,
        geometry: { type: 'Point', coordinates: [Number(s.longitude), Number(s.latitude)] },
        properties: {
          name: s.name,
          kind: s.kind,
          organization_name: s.organization_name,
          organization_id: toGlobalId('Organization', String(s.organization_id)),
          arml_name: arml?.name ?? null,
          arml_id: arml ? toGlobalId('Organization', String(arml.id)) : null,
          region_code: s.region_code,
          region_name: s.region_name,
          commune_code: s.commune_code,
          commune_name: s.commune_name,
          postal_code: s.postal_code,
          address: s.address,
          provenance_status: s.provenance_status,
          provenance_source: s.provenance_source,
          api,
        },
      };
    }),
  };
}
