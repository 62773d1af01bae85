import type { Knex } from '@mikro-orm/knex';

/**
 * SQL filters shared by the open-data exports: which dated rows are in effect on a day.
 * The registry's periods are [start, end): the end date is the first day a record no longer applies.
 */

/** What every export is built for: a day, and for Popolo whether to include the whole history. */
export interface ExportOptions {
  /** YYYY-MM-DD: only what is in effect on this day (unless `history`). */
  asOf: string;
  /** Popolo only: every record, ended or not, instead of those in effect on `asOf`. */
  history?: boolean;
}

/** Rows of a [start_date, end_date) table in effect on `asOf`; `alias` is the table alias with its dot ("l."). */
export function inEffectOn(q: Knex.QueryBuilder, asOf: string, alias = ''): Knex.QueryBuilder {
  return q.where(`${alias}start_date`, '<=', asOf)
    .where((w) => w.whereNull(`${alias}end_date`).orWhere(`${alias}end_date`, '>', asOf));
}

/** Organizations that exist on `asOf`: founded by then (or founding date unknown) and not yet dissolved. */
export function existingOn(q: Knex.QueryBuilder, asOf: string, alias = ''): Knex.QueryBuilder {
  return q.where((w) => w.whereNull(`${alias}founded_on`).orWhere(`${alias}founded_on`, '<=', asOf))
    .where((w) => w.whereNull(`${alias}dissolved_on`).orWhere(`${alias}dissolved_on`, '>', asOf));
}
