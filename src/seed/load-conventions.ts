import type { SeedConventions } from '../../seeds/conventions.types';
import type { SeedProvenance } from '../../seeds/network.types';
import { eurosToCents } from '../graphql/scalars';
import { ConventionKind, ConventionStatus, PartyRole } from '../modules/convention/convention.enums';
import { checkConvention } from '../modules/convention/convention.rules';
import type { Load } from './insert';
import { foldForSearch } from '../shared/text';

const prov = (p: SeedProvenance) => ({ provenance_status: p.status, provenance_source: p.source });

export const CONVENTION_SERIAL_TABLES = ['convention', 'convention_objective', 'partnership'];

/**
 * Inserts bundled conventions and partnerships; each convention must pass the convention rules,
 * so the bundled data can never hold what the API would refuse.
 */
export async function loadConventions(bulk: Load, data: SeedConventions, orgId: (key: string) => number): Promise<void> {
  const conventionId = new Map(data.conventions.map((c, i) => [c.key, i + 1]));
  const kindOf = new Map(data.conventions.map((c) => [c.key, c.kind]));
  const ref = (key: string | undefined) => {
    if (key === undefined) return null;
    const id = conventionId.get(key);
    if (id === undefined) throw new Error(`Bundled conventions: unknown convention ${key}`);
    return id;
  };
  for (const c of data.conventions) {
    const violations = checkConvention({
      kind: c.kind as ConventionKind, startDate: c.startDate, endDate: c.endDate, signedOn: c.signedOn, durationException: c.durationException,
      nationalConventionKind: c.nationalConventionKey ? (kindOf.get(c.nationalConventionKey) as ConventionKind) ?? null : null,
      parties: c.parties.map((p) => ({ organizationId: orgId(p.organizationKey), role: p.role as PartyRole })),
      statusHistory: c.statusHistory.map((s) => ({ status: s.status as ConventionStatus, date: s.date })),
      fundingCents: (c.funding ?? []).map((f) => eurosToCents(f.amount)),
    });
    if (violations.length) throw new Error(`Bundled convention ${c.key} breaks ${violations.map((v) => `${v.rule} (${v.message})`).join(', ')}`);
  }

  await bulk.insert('convention', data.conventions.map((c) => ({
    id: conventionId.get(c.key), kind: c.kind, title: c.title, search_text: foldForSearch(`${c.title} ${c.reference ?? ''}`), reference: c.reference ?? null,
    status: c.statusHistory[c.statusHistory.length - 1].status, start_date: c.startDate, end_date: c.endDate,
    signed_on: c.signedOn ?? null, duration_exception: c.durationException ?? null, renews_id: null, national_convention_id: null,
    theme: c.theme ?? null, ...prov(c.provenance), version: 1,
  })));
  // Links between conventions are set once every convention exists (a renewal may be listed before what it renews).
  for (const c of data.conventions.filter((x) => x.renewsKey || x.nationalConventionKey)) {
    await bulk.send(bulk.trx('convention').where('id', conventionId.get(c.key)).update({ renews_id: ref(c.renewsKey), national_convention_id: ref(c.nationalConventionKey) }));
  }
  const each = <T>(pick: (c: SeedConventions['conventions'][number]) => T[] | undefined) =>
    data.conventions.flatMap((c) => (pick(c) ?? []).map((item) => ({ id: conventionId.get(c.key)!, c, item })));
  await bulk.insert('convention_party', each((c) => c.parties).map(({ id, item }) => ({ convention_id: id, organization_id: orgId(item.organizationKey), role: item.role })));
  await bulk.insert('convention_status_change', each((c) => c.statusHistory).map(({ id, item }) => ({ convention_id: id, status: item.status, date: item.date, note: item.note ?? null })));
  await bulk.insert('convention_document', each((c) => c.documents).map(({ id, item }) => ({ convention_id: id, title: item.title, reference: item.reference ?? null, url: item.url ?? null })));
  const objectives = each((c) => c.objectives).map(({ id, item }, i) => ({ row: { id: i + 1, convention_id: id, axis: item.axis, code: item.code, title: item.title }, actions: item.actions ?? [] }));
  await bulk.insert('convention_objective', objectives.map((o) => o.row));
  await bulk.insert('convention_action', objectives.flatMap((o) => o.actions.map((a) => ({ objective_id: o.row.id, title: a.title, start_date: a.startDate ?? null, end_date: a.endDate ?? null }))));
  await bulk.insert('funding_line', each((c) => c.funding).map(({ id, c, item }) => ({
    convention_id: id, financer_id: orgId(item.financerKey), year: item.year, axis: item.axis ?? null,
    amount_cents: eurosToCents(item.amount).toString(), ...prov(c.fundingProvenance ?? c.provenance),
  })));
  await bulk.insert('partnership', data.partnerships.map((p, i) => ({
    id: i + 1, network_organization_id: orgId(p.networkOrganizationKey), partner_id: orgId(p.partnerKey), theme: p.theme, scope: p.scope,
    description: p.description ?? null, start_date: p.startDate, end_date: p.endDate ?? null, ...prov(p.provenance), version: 1,
  })));
  await bulk.insert('partnership_convention', data.partnerships.flatMap((p, i) => (p.conventionKeys ?? []).map((k) => ({ partnership_id: i + 1, convention_id: ref(k) }))));
}
