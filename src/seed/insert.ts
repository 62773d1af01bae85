import type { Knex } from '@mikro-orm/knex';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** Rows per JSON chunk. */
const JSON_ROWS = 10000;

/**
 * Multi-row inserts, each chunk of rows as one JSON parameter, so the database parses one value instead
 * of tens of thousands of bound parameters (and knex numbers none of them). PostgreSQL reads it with
 * `json_populate_recordset` and the table's row type: the bundled network loaded in 1.5 s instead of
 * 2.4. SQLite reads each row as a JSON array through `json_each`: binding ~500,000 values one by one
 * held the event loop for ~0.9 s of a first start (the same rows, compared by table hash with the
 * storage class of every value).
 */
export async function insertInChunks(trx: Knex, table: string, rows: Record<string, unknown>[]): Promise<void> {
  for (const statement of chunkInserts(trx, table, rows)) await statement;
}

/** The statements of `insertInChunks`, built (rows encoded) but not sent. */
export function chunkInserts(trx: Knex, table: string, rows: Record<string, unknown>[]): Knex.Raw[] {
  if (rows.length === 0) return [];
  const columns = Object.keys(rows[0]);
  const list = columns.map((c) => trx.client.wrapIdentifier(c)).join(', ');
  const into = `insert into ${trx.client.wrapIdentifier(table)} (${list}) `;
  const statements: Knex.Raw[] = [];
  for (let i = 0; i < rows.length; i += JSON_ROWS) {
    const chunk = rows.slice(i, i + JSON_ROWS);
    if (trx.client.dialect === 'postgresql') {
      // A key left undefined is absent from the JSON and reads as NULL.
      statements.push(trx.raw(`${into}select ${list} from json_populate_recordset(null::${trx.client.wrapIdentifier(table)}, ?)`, [JSON.stringify(chunk)]));
    } else {
      // Each row as an array in column order; undefined becomes null, as a bound value would.
      const values = columns.map((_, n) => `json_extract(value, '$[${n}]')`).join(', ');
      statements.push(trx.raw(`${into}select ${values} from json_each(?)`, [JSON.stringify(chunk.map((row) => columns.map((c) => row[c] ?? null)))]));
    }
  }
  return statements;
}

/** Rows per message of COPY data. */
const COPY_ROWS = 2000;

/** Characters COPY's text format escapes, and their escapes. */
const COPY_SPECIAL = /[\\\t\n\r]/;
const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** A value in COPY's text format: `\N` for null or undefined (as an absent JSON key reads). */
function copyValue(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'string') return COPY_SPECIAL.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => COPY_ESCAPES[c]) : value;
  if (typeof value === 'object') throw new Error(`Bulk load: a ${value.constructor?.name ?? 'object'} value has no COPY text form`);
  return String(value);
}

/** Rows `from` to `to` (excluded) in COPY's text format, one line each. */
function copyLines(rows: Record<string, unknown>[], columns: string[], from: number, to: number): string {
  let text = '';
  for (let i = from; i < to; i++) {
    const row = rows[i];
    for (let n = 0; n < columns.length; n++) text += (n === 0 ? '' : '\t') + copyValue(row[columns[n]]);
    text += '\n';
  }
  return text;
}

/** A `COPY … FROM STDIN` of rows (PostgreSQL, text format): the statement, and its data in pieces. */
export function copyRows(trx: Knex, table: string, rows: Record<string, unknown>[]): { sql: string; data: string[] } {
  const columns = Object.keys(rows[0]);
  const sql = `copy ${trx.client.wrapIdentifier(table)} (${columns.map((c) => trx.client.wrapIdentifier(c)).join(', ')}) from stdin`;
  const data: string[] = [];
  for (let i = 0; i < rows.length; i += COPY_ROWS) data.push(copyLines(rows, columns, i, Math.min(i + COPY_ROWS, rows.length)));
  return { sql, data };
}

/** Where loaders write a load: statements to run and rows to insert, in order (`BulkLoad`, `LoadRecorder`). */
export interface Load {
  /** Builds the statements (a transaction, or a dialect's query builder without connection). */
  readonly trx: Knex;
  /** Runs a statement (a query builder or raw statement, not yet run) after those before. */
  send(statement: Knex.Raw | Knex.QueryBuilder): Promise<void>;
  /** Inserts rows (objects with the same keys, the table's columns) after what was sent before. */
  insert(table: string, rows: Record<string, unknown>[]): Promise<void>;
}

/**
 * The statements of one bulk load in a transaction, in order. `send` and `insert` return once the
 * statement is queued, without waiting for it: the database loads a table while the next rows are
 * built (on a first start, 0.5 s of building rows was spent with the database idle). Each statement is
 * sent when the one before has completed; after a failure nothing more is sent, and `done` fails with it.
 * Rows go in by JSON chunks (`insertInChunks`) on SQLite, and on PostgreSQL by `COPY … FROM STDIN`
 * (text format): loading the bundled network there (134,000 rows, then the indexes and keys) took
 * 2.2-2.6 s with JSON chunks, 1.5-2.1 s by COPY (alternating runs).
 */
export class BulkLoad implements Load {
  /** Settles when the last statement queued has run. Never rejects. */
  private last: Promise<void> = Promise.resolve();
  private failure: unknown;

  constructor(readonly trx: Knex.Transaction) {}

  /** Sends a statement (a query builder or raw statement, not yet run). */
  async send(statement: Knex.Raw | Knex.QueryBuilder): Promise<void> {
    return this.queue(async () => statement);
  }

  /** Inserts rows. */
  async insert(table: string, rows: Record<string, unknown>[]): Promise<void> {
    if (rows.length === 0) return;
    if (this.trx.client.dialect !== 'postgresql') {
      for (const statement of chunkInserts(this.trx, table, rows)) await this.send(statement);
      return;
    }
    const { sql, data } = copyRows(this.trx, table, rows);
    return this.copy(sql, data);
  }

  /** Runs a `COPY … FROM STDIN` (PostgreSQL) with its data, in pieces of text or bytes. */
  async copy(sql: string, data: Iterable<string | Buffer>): Promise<void> {
    return this.queue(async () => {
      const connection: Client = await this.trx.client.acquireConnection();
      await pipeline(Readable.from(data), connection.query(copyFrom(sql)));
    });
  }

  /** Waits for every statement sent so far; fails with the first failure. */
  async done(): Promise<void> {
    await this.last;
    if (this.failure !== undefined) throw this.failure;
  }

  private async queue(run: () => Promise<unknown>): Promise<void> {
    this.last = this.last.then(async () => {
      if (this.failure !== undefined) return;
      try {
        await run();
      } catch (err) {
        this.failure = err;
      }
    });
    // Lets the connection's answers in, so the next statement goes while the caller builds more rows.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/**
 * Runs `load` with the secondary indexes and the foreign keys of `tables` set aside, built again from
 * their own definitions once the rows are in, in the same transaction (PostgreSQL; on SQLite `load`
 * runs as it is). Row by row, PostgreSQL updated up to five indexes and checked two foreign keys for
 * each of the 35,000 communes: their chunks took 1.0 s, and 0.3 s loaded bare then indexed and checked
 * in bulk (the checks are the same: a row breaking a key fails the load, as before).
 */
export async function loadWithIndexesAfter<T>(bulk: BulkLoad, tables: readonly string[], load: () => Promise<T>): Promise<T> {
  const { trx } = bulk;
  if (trx.client.dialect !== 'postgresql') return load();
  type Ddl = { drop: string; create: string };
  // Indexes backing no constraint (primary keys and unique constraints stay), then foreign keys.
  const indexes: Ddl[] = (await trx.raw(`
    select format('drop index %s', x.indexrelid::regclass) as drop, pg_get_indexdef(x.indexrelid) as create
    from pg_index x
    where x.indrelid = any(?::regclass[]) and not exists (select 1 from pg_constraint c where c.conindid = x.indexrelid)
    order by x.indexrelid`, [[...tables]])).rows;
  const foreignKeys: Ddl[] = (await trx.raw(`
    select format('alter table %s drop constraint %I', conrelid::regclass, conname) as drop,
      format('alter table %s add constraint %I %s', conrelid::regclass, conname, pg_get_constraintdef(oid)) as create
    from pg_constraint
    where contype = 'f' and conrelid = any(?::regclass[])
    order by oid`, [[...tables]])).rows;
  // Each list as one statement: the database runs it through while the service goes on.
  await bulk.send(trx.raw([...foreignKeys, ...indexes].map((ddl) => ddl.drop).join(';\n')));
  const loaded = await load();
  await bulk.send(trx.raw([...indexes, ...foreignKeys].map((ddl) => ddl.create).join(';\n')));
  return loaded;
}
