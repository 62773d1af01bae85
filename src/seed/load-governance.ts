import type { SeedGovernance } from '../../seeds/governance.types';
import type { SeedProvenance } from '../../seeds/network.types';
import { foldForSearch } from '../shared/text';
import type { Load } from './insert';

const prov = (p: SeedProvenance) => ({ provenance_status: p.status, provenance_source: p.source });

/** Tables of governance whose ids the loader assigns. */
export const GOVERNANCE_SERIAL_TABLES = ['person', 'college', 'governing_body', 'body_term', 'post', 'mandate'];

/**
 * Inserts bundled governance data after its network; `orgId` maps network keys to organization ids.
 * Ids are assigned in data order, so the same data always gets the same ids.
 */
export async function loadGovernance(bulk: Load, data: SeedGovernance, orgId: (key: string) => number): Promise<void> {
  const personId = new Map(data.persons.map((p, i) => [p.key, i + 1]));
  const need = <K, V>(map: Map<K, V>, key: K, what: string): V => {
    const v = map.get(key);
    if (v === undefined) throw new Error(`Bundled governance: unknown ${what} ${String(key)}`);
    return v;
  };

  await bulk.insert('person', data.persons.map((p) => ({
    id: need(personId, p.key, 'person'), given_name: p.givenName, family_name: p.familyName,
    search_name: foldForSearch(`${p.givenName} ${p.familyName}`), ...prov(p.provenance), version: 1,
  })));
  await bulk.insert('person_public_role', data.persons.flatMap((p) => p.publicRoles.map((r) => ({
    person_id: need(personId, p.key, 'person'), kind: r.kind, label: r.label,
    organization_id: r.organizationKey ? orgId(r.organizationKey) : null, territory_code: r.territoryCode ?? null,
    start_date: r.startDate ?? null, end_date: r.endDate ?? null, ...prov(r.provenance ?? p.provenance),
  }))));

  const collegeId = new Map<string, number>();
  const collegeRows = data.colleges.flatMap(({ organizationKey, colleges }) => colleges.map((c) => {
    const id = collegeId.size + 1;
    collegeId.set(`${organizationKey}#${c.number}`, id);
    return { id, organization_id: orgId(organizationKey), number: c.number, name: c.name, description: c.description ?? null };
  }));
  await bulk.insert('college', collegeRows);
  const college = (orgKey: string, n: number | undefined) => (n === undefined ? null : need(collegeId, `${orgKey}#${n}`, 'collège'));

  const bodyId = new Map(data.bodies.map((b, i) => [b.key, i + 1]));
  const bodyOrg = new Map(data.bodies.map((b) => [b.key, b.organizationKey]));
  await bulk.insert('governing_body', data.bodies.map((b) => ({
    id: need(bodyId, b.key, 'body'), organization_id: orgId(b.organizationKey), kind: b.kind, name: b.name,
    description: b.description ?? null, meeting_frequency: b.meetingFrequency ?? null,
    secretariat_id: b.secretariatOrganizationKey ? orgId(b.secretariatOrganizationKey) : null,
    term_years: b.termYears ?? null, ...prov(b.provenance),
  })));
  const termId = new Map<string, number>();
  const postId = new Map<string, number>();
  const terms: Record<string, unknown>[] = [];
  const posts: Record<string, unknown>[] = [];
  for (const b of data.bodies) {
    for (const t of b.terms) {
      termId.set(`${b.key}@${t.startDate}`, terms.length + 1);
      terms.push({ id: terms.length + 1, body_id: bodyId.get(b.key), start_date: t.startDate, end_date: t.endDate ?? null, label: t.label ?? null });
    }
    for (const p of b.posts) {
      postId.set(`${b.key}/${p.key}`, posts.length + 1);
      posts.push({ id: posts.length + 1, body_id: bodyId.get(b.key), kind: p.kind, label: p.label, seats: p.seats, college_id: college(b.organizationKey, p.collegeNumber) });
    }
  }
  await bulk.insert('body_term', terms);
  await bulk.insert('post', posts);
  await bulk.insert('mandate', data.mandates.map((m, i) => ({
    id: i + 1,
    post_id: need(postId, `${m.bodyKey}/${m.postKey}`, 'post'),
    term_id: need(termId, `${m.bodyKey}@${m.termStartDate}`, 'term'),
    person_id: m.personKey ? need(personId, m.personKey, 'person') : null,
    holder_organization_id: m.holderOrganizationKey ? orgId(m.holderOrganizationKey) : null,
    college_id: college(need(bodyOrg, m.bodyKey, 'body'), m.collegeNumber),
    on_behalf_of_id: m.onBehalfOfKey ? orgId(m.onBehalfOfKey) : null,
    role: m.role, start_date: m.startDate, end_date: m.endDate ?? null, end_reason: m.endReason ?? null,
    legal_basis: m.legalBasis ?? null, corrected_by_id: null, ...prov(m.provenance), version: 1,
  })));
}
