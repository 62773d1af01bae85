import { knex, type Knex } from '@mikro-orm/knex';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { BulkLoad, chunkInserts, copyRows, type Load } from './insert';

/** The dialects a load is recorded for, as knex names them. */
export type LoadDialect = 'postgresql' | 'sqlite3';

/** One statement of a recorded load; `data` is a range of the load's bytes. */
export type RecordedStep =
  /** A statement and its values. */
  | { sql: string; bindings: readonly Knex.Value[] }
  /** A statement whose one value is the text in `data` (SQLite's JSON chunks of rows). */
  | { sql: string; data: [number, number] }
  /** A `COPY … FROM STDIN` of the rows in `data`, in COPY's text format (PostgreSQL). */
  | { copy: string; data: [number, number] };

/** A load's statements for one dialect, encoded ahead; the rows' text is in `data`. */
export interface RecordedLoad {
  steps: RecordedStep[];
  data: Buffer;
}

/** Bytes of COPY data per message when replaying (about 2,000 communes). */
const COPY_PIECE = 256 * 1024;

/**
 * A `Load` that keeps the statements and rows' text, in the order the loaders give them, instead of
 * running them: the statements are built by the dialect's query builder, without a connection.
 */
class LoadRecorder implements Load {
  readonly trx: Knex;
  readonly steps: RecordedStep[] = [];
  private readonly pieces: Buffer[] = [];
  private size = 0;

  constructor(dialect: LoadDialect) {
    this.trx = knex({ client: dialect === 'postgresql' ? 'pg' : 'sqlite3', useNullAsDefault: true });
  }

  async send(statement: Knex.Raw | Knex.QueryBuilder): Promise<void> {
    const { sql, bindings } = statement.toSQL();
    this.steps.push({ sql, bindings });
  }

  async insert(table: string, rows: Record<string, unknown>[]): Promise<void> {
    if (rows.length === 0) return;
    if (this.trx.client.dialect === 'postgresql') {
      const { sql, data } = copyRows(this.trx, table, rows);
      this.steps.push({ copy: sql, data: this.keep(data.join('')) });
      return;
    }
    for (const statement of chunkInserts(this.trx, table, rows)) {
      const { sql, bindings } = statement.toSQL();
      this.steps.push({ sql, data: this.keep(bindings[0] as string) });
    }
  }

  recorded(): RecordedLoad {
    return { steps: this.steps, data: Buffer.concat(this.pieces) };
  }

  private keep(text: string): [number, number] {
    const bytes = Buffer.from(text);
    this.pieces.push(bytes);
    this.size += bytes.length;
    return [this.size - bytes.length, this.size];
  }
}

/** Runs `load` (loaders writing to a `Load`) and returns what it wrote, for `dialect`. */
export async function recordLoad(dialect: LoadDialect, load: (to: Load) => Promise<void>): Promise<RecordedLoad> {
  const recorder = new LoadRecorder(dialect);
  await load(recorder);
  return recorder.recorded();
}

/** Sends a recorded load's statements through `bulk`, in order. */
export async function replayLoad(bulk: BulkLoad, { steps, data }: RecordedLoad): Promise<void> {
  for (const step of steps) {
    if ('copy' in step) {
      const [from, to] = step.data;
      const pieces: Buffer[] = [];
      // Pieces end at a row's end, so each message of COPY data holds whole rows.
      for (let start = from; start < to;) {
        const cut = start + COPY_PIECE >= to ? to : data.indexOf(10, start + COPY_PIECE) + 1;
        pieces.push(data.subarray(start, cut));
        start = cut;
      }
      await bulk.copy(step.copy, pieces);
    } else if ('data' in step) {
      await bulk.send(bulk.trx.raw(step.sql, [data.toString('utf8', step.data[0], step.data[1])]));
    } else {
      await bulk.send(bulk.trx.raw(step.sql, step.bindings));
    }
  }
}

/** The two files of a recorded load: its steps (JSON) and its rows' text. */
export function recordedLoadFiles(base: string): { steps: string; data: string } {
  return { steps: `${base}.json`, data: `${base}.data` };
}

/** Writes a recorded load to the files `base`.json and `base`.data. */
export function writeRecordedLoad(base: string, load: RecordedLoad): void {
  const files = recordedLoadFiles(base);
  writeFileSync(files.steps, JSON.stringify(load.steps));
  writeFileSync(files.data, load.data);
}

/** Reads the recorded load written at `base`, or undefined when it is not there. */
export function readRecordedLoad(base: string): RecordedLoad | undefined {
  const files = recordedLoadFiles(base);
  if (!existsSync(files.steps)) return undefined;
  return { steps: JSON.parse(readFileSync(files.steps, 'utf8')), data: readFileSync(files.data) };
}
