import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/knex';
import DataLoader from 'dataloader';
import { ANONYMOUS, Caller } from '../modules/access/caller';
import type { RegistryPubSub } from '../modules/events/event-bus';

/**
 * Keys per batch: each batch is one `in (...)` list, so one SQL statement. Kept under SQLite's limit of
 * 32,766 bound values per statement (PostgreSQL's is 65,535), and high enough that the bodies of a
 * network ten times the bundled one (about 13,000) still load in one statement.
 */
const MAX_BATCH = 30_000;

/**
 * A DataLoader that also answers from records the request has already read through another statement
 * (`remember`). Unlike `prime`, remembering makes no promise per record: a network map reads thousands
 * of posts, persons and bodies by joins, and almost none of them is ever loaded by key.
 */
export class RequestLoader<K, V> extends DataLoader<K, V> {
  private readonly known = new Map<K, V>();

  /** Notes `value` under `key`, unless a record is already noted there (the first one stays, as with `prime`). */
  remember(key: K, value: V): void {
    if (!this.known.has(key)) this.known.set(key, value);
  }

  /** The record noted under `key`, if any. */
  recalled(key: K): V | undefined {
    return this.known.get(key);
  }

  /** The record noted under `key` as it is, with no promise (a map's 874 counts read with its members); else `load(key)`. */
  loadKnown(key: K): V | Promise<V> {
    const value = this.known.get(key);
    return value !== undefined ? value : super.load(key);
  }

  override load(key: K): Promise<V> {
    const value = this.known.get(key);
    return value !== undefined ? Promise.resolve(value) : super.load(key);
  }
}

/**
 * Per-request DataLoaders, created on first use and dropped with the request,
 * so nothing cached is ever shared between two callers.
 */
export class Loaders {
  private readonly loaders = new Map<string, RequestLoader<unknown, unknown>>();

  /** The loader registered under `name` (include variable parts such as `asOf` in it). */
  get<K, V>(name: string, batch: (keys: readonly K[]) => Promise<readonly V[]>): RequestLoader<K, V> {
    let loader = this.loaders.get(name) as RequestLoader<K, V> | undefined;
    if (!loader) {
      loader = new RequestLoader<K, V>((keys) => batch(keys) as Promise<V[]>, { maxBatchSize: MAX_BATCH });
      this.loaders.set(name, loader as RequestLoader<unknown, unknown>);
    }
    return loader;
  }
}

/** Everything a resolver may use for one request. */
export interface RequestContext {
  requestId: string;
  /** Who is calling, from the bearer token (anonymous without one). */
  caller: Caller;
  /** Entity manager forked for this request: its identity map is the request's own. */
  em: EntityManager;
  loaders: Loaders;
  /** Memoized per-request computations (network figures at a date...). */
  memo: Map<string, Promise<unknown>>;
  /** Where committed changes are announced to subscribers. */
  events?: RegistryPubSub;
  /** The entity manager requests fork from (a subscription refreshes its state per event). */
  rootEm: EntityManager;
}

export function createContext(em: EntityManager, requestId: string = randomUUID(), caller: Caller = ANONYMOUS, events?: RegistryPubSub): RequestContext {
  return { requestId, caller, em: em.fork(), loaders: new Loaders(), memo: new Map(), events, rootEm: em };
}

/**
 * Starts afresh for the next event of a long-lived subscription: a new entity manager and new
 * DataLoaders, so each event is read as the database now holds it.
 */
export function refreshContext(ctx: RequestContext): void {
  ctx.em = ctx.rootEm.fork();
  ctx.loaders = new Loaders();
  ctx.memo = new Map();
}

/** Runs `compute` once per request for a given key. */
export function memoize<T>(ctx: RequestContext, key: string, compute: () => Promise<T>): Promise<T> {
  let value = ctx.memo.get(key) as Promise<T> | undefined;
  if (!value) {
    value = compute();
    ctx.memo.set(key, value);
  }
  return value;
}

/** Orders batch results by key, as DataLoader requires; missing keys get `fallback`. */
export function byKeys<K, V, F>(keys: readonly K[], rows: readonly V[], keyOf: (row: V) => K, fallback: F): (V | F)[] {
  const map = new Map<K, V>();
  for (const row of rows) map.set(keyOf(row), row);
  return keys.map((k) => map.get(k) ?? fallback);
}

/** Groups batch results by key, in key order. */
export function groupByKeys<K, V>(keys: readonly K[], rows: readonly V[], keyOf: (row: V) => K): V[][] {
  const map = new Map<K, V[]>();
  for (const k of keys) map.set(k, []);
  for (const row of rows) map.get(keyOf(row))?.push(row);
  return keys.map((k) => map.get(k)!);
}
