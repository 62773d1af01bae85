import { createHash } from 'node:crypto';
import type { Knex } from '@mikro-orm/knex';
import { today } from '../shared/dates';

/**
 * Answers of anonymous GraphQL queries, kept until the data changes. Anonymous callers all see the same
 * public data, so an answer depends only on the request body, the day (every dated read defaults to
 * today) and the state of the database. That state is read before each lookup as a "generation":
 *
 * - PostgreSQL: the current transaction snapshot (`pg_current_snapshot()`), which changes whenever any
 *   write transaction starts or ends, in this process or another (another instance, a command-line
 *   import) — reads take no transaction id and leave it as it is;
 * - SQLite: `PRAGMA data_version` on a connection of the cache's own that never writes, so it changes
 *   whenever any other connection commits (this server's, or another process's), plus a counter this
 *   server bumps after each of its own mutations, before answering it.
 *
 * An answer is stored under the generation read before it was computed, so an answer computed while a
 * write commits is never served after that write. Only complete 200 answers without errors are kept;
 * the cache is bounded in bytes and forgets the least recently used answers first.
 */
export interface CachedAnswer {
  /**
   * The answer as the UTF-8 bytes sent: counted as what it weighs (a map of 875 KB held as a JS string
   * takes 1.75 MB, its en dashes making it a two-byte string) and written again without encoding.
   */
  body: Buffer;
  contentType: string;
  operationName: string | null;
  bytes: number;
}

export class ResponseCache {
  private readonly entries = new Map<string, CachedAnswer>();
  private bytes = 0;
  private ownWrites = 0;
  private readonly readGeneration: () => Promise<unknown>;
  private readonly closeGeneration: () => Promise<void>;

  /** `database`: the PostgreSQL connections (knex), or the path of the SQLite file. */
  constructor(database: Knex | { sqliteFile: string }, private readonly maxBytes: number) {
    if ('sqliteFile' in database) {
      // Not one of the pool's connections: each connection's data_version only moves with the others' commits.
      const sqlite3: typeof import('sqlite3') = require('sqlite3');
      const db = new sqlite3.Database(database.sqliteFile, sqlite3.OPEN_READONLY);
      this.readGeneration = () => new Promise((resolve, reject) =>
        db.get('pragma data_version', (err, row: { data_version: number }) => (err ? reject(err) : resolve(row.data_version))));
      this.closeGeneration = () => new Promise((resolve, reject) => db.close((err) => (err ? reject(err) : resolve())));
    } else {
      this.readGeneration = async () => (await database.raw('select pg_current_snapshot()::text as g')).rows[0].g;
      this.closeGeneration = async () => undefined;
    }
  }

  /** The key of an anonymous JSON POST body, at the current generation of the data. */
  async keyOf(body: string, accept: string): Promise<string> {
    const generation = `${await this.readGeneration()}/${this.ownWrites}`;
    return createHash('sha256').update(`${generation}\n${today()}\n${accept}\n${body}`).digest('base64url');
  }

  get(key: string): CachedAnswer | undefined {
    const hit = this.entries.get(key);
    if (hit) {
      // Most recently used last.
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(key: string, answer: Omit<CachedAnswer, 'bytes'>) {
    const bytes = answer.body.length + key.length;
    if (bytes > this.maxBytes / 4) return;
    this.entries.set(key, { body: answer.body, contentType: answer.contentType, operationName: answer.operationName, bytes });
    this.bytes += bytes;
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= entry.bytes;
    }
  }

  /** Called when a mutation of this server finishes, before its answer leaves: no earlier answer is served again. */
  dataChanged() {
    this.ownWrites++;
    this.entries.clear();
    this.bytes = 0;
  }

  /** Releases what the cache holds open (its SQLite connection). */
  close(): Promise<void> {
    return this.closeGeneration();
  }

  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }
}
