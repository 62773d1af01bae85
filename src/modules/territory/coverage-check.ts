import type { Knex } from '@mikro-orm/knex';

/** What the coverage data check finds: every coverable commune should be covered by exactly one Mission Locale. */
export interface CoverageCheck {
  asOf: string;
  coverableCommunes: number;
  coveredOnce: number;
  /** INSEE codes of coverable communes no Mission Locale covers. */
  uncovered: string[];
  /** Communes covered by several Missions Locales, with their ids. */
  coveredSeveralTimes: { communeCode: string; organizationIds: number[] }[];
}

/** Checks the coverage of the whole territory on `asOf`, in three SQL statements. */
export async function checkCoverage(knex: Knex, asOf: string): Promise<CoverageCheck> {
  const active = knex('commune_coverage as cc')
    .join('organization as o', 'o.id', 'cc.organization_id')
    .where('cc.start_date', '<=', asOf)
    .where((w) => w.whereNull('cc.end_date').orWhere('cc.end_date', '>', asOf))
    .where((w) => w.whereNull('o.dissolved_on').orWhere('o.dissolved_on', '>', asOf));
  const [[{ n }], uncovered, several] = await Promise.all([
    knex('commune').where('coverable', true).count({ n: '*' }),
    knex('commune as c').select('c.code').where('c.coverable', true)
      .whereNotIn('c.code', active.clone().select('cc.commune_code')).orderBy('c.code'),
    active.clone().select('cc.commune_code', 'cc.organization_id')
      .whereIn('cc.commune_code', active.clone().select('cc.commune_code').groupBy('cc.commune_code').havingRaw('count(distinct cc.organization_id) > 1'))
      .orderBy(['cc.commune_code', 'cc.organization_id']),
  ]);
  const severalMap = new Map<string, number[]>();
  for (const r of several as { commune_code: string; organization_id: number }[]) {
    const ids = severalMap.get(r.commune_code) ?? severalMap.set(r.commune_code, []).get(r.commune_code)!;
    if (!ids.includes(Number(r.organization_id))) ids.push(Number(r.organization_id));
  }
  const coverable = Number(n);
  return {
    asOf,
    coverableCommunes: coverable,
    coveredOnce: coverable - uncovered.length - severalMap.size,
    uncovered: (uncovered as { code: string }[]).map((r) => r.code),
    coveredSeveralTimes: [...severalMap].map(([communeCode, organizationIds]) => ({ communeCode, organizationIds })),
  };
}
