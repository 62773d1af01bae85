import { createHash } from 'node:crypto';
import type { Knex } from '@mikro-orm/knex';

/**
 * On PostgreSQL, reads are sent as named prepared statements: each connection parses and plans a
 * statement text once, then only binds and runs it. Planning was most of the database's work on the
 * small reads (the commune lookup's coverage statement: ~0.9 ms to plan, ~0.3 ms to run; W6 used
 * 1.8 ms of PostgreSQL CPU per request, and reached 370 → 470-530 requests/s in a closed loop with
 * this). PostgreSQL decides by itself, after five runs, whether a generic plan serves every value.
 *
 * What is prepared is bounded, since a connection keeps its statements for as long as it lives:
 * - only `select`s, with at most MAX_BINDINGS values (an IN list of a hundred ids makes a new text for
 *   each length, and its run costs more than its plan);
 * - not `select *` (`"o0".*`): a column added by a later migration would make PostgreSQL refuse the
 *   cached plan ("cached plan must not change result type") in a service started before it;
 * - at most MAX_STATEMENTS texts per process; later texts are sent unnamed, as before.
 */
export const MAX_BINDINGS = 32;
export const MAX_STATEMENTS = 256;

interface QueryObject {
  sql: string;
  bindings?: readonly unknown[];
  options?: Record<string, unknown>;
}

type PgClient = Knex.Client & { _query(connection: unknown, obj: QueryObject): Promise<unknown> };

/** Makes `client` (knex on PostgreSQL; any other client is left as it is) send its reads as named prepared statements. */
export function prepareReads(client: Knex.Client): void {
  if (client.dialect !== 'postgresql') return;
  const pg = client as PgClient;
  const send = pg._query.bind(pg);
  const names = new Map<string, string>();
  pg._query = (connection, obj) => {
    const name = names.get(obj.sql) ?? nameFor(obj, names);
    if (name) obj.options = { ...obj.options, name };
    return send(connection, obj);
  };
}

function nameFor(obj: QueryObject, names: Map<string, string>): string | undefined {
  if (names.size >= MAX_STATEMENTS || (obj.bindings?.length ?? 0) > MAX_BINDINGS) return undefined;
  if (!/^select\s/i.test(obj.sql) || /\.\*|select \*/i.test(obj.sql)) return undefined;
  const name = `r_${createHash('sha1').update(obj.sql).digest('base64url')}`;
  names.set(obj.sql, name);
  return name;
}
