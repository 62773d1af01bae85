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
 * - SQLite: `PRAGMA data_version`, which changes when another connection (another process) commits,
 *   plus a counter this server bumps after each of its own mutations, before answering it.
 *
 * An answer is stored under the generation read before it was computed, so an answer computed while a
 * write commits is never served after that write. Only complete 200 answers without errors are kept;
 * the cache is bounded in bytes and forgets the least recently used answers first.
 */
export interface CachedAnswer {
  body: string;
  contentType: string;
  operationName: string | null;
  bytes: number;
}

export class ResponseCache {
  private readonly entries = new Map<string, CachedAnswer>();
  private bytes = 0;
  private ownWrites = 0;
  private readonly generationSql: string;

  constructor(private readonly knex: Knex, kind: 'sqlite' | 'postgresql', private readonly maxBytes: number) {
    this.generationSql = kind === 'postgresql' ? 'select pg_current_snapshot()::text as g' : 'pragma data_version';
  }

  /** The key of an anonymous JSON POST body, at the current generation of the data. */
  async keyOf(body: string, accept: string): Promise<string> {
    const rows = await this.knex.raw(this.generationSql);
    const row = (Array.isArray(rows) ? rows[0] : rows.rows[0]) as Record<string, unknown>;
    const generation = `${Object.values(row)[0]}/${this.ownWrites}`;
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
    const bytes = Buffer.byteLength(answer.body) + key.length;
    if (bytes > this.maxBytes / 4) return;
    this.entries.set(key, { ...answer, bytes });
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

  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }
}
