import { randomUUID } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, HeaderMap } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager, Knex } from '@mikro-orm/knex';
import type { GraphQLSchema } from 'graphql';
import { createContext, RequestContext } from '../graphql/context';
import { compiledExecution, ExecutionCounts } from '../graphql/compiled-execution';
import { HeavyQueryGate } from './heavy-queries';
import { assertAffordable, documentLimitsRule, QUERY_LIMITS } from './query-limits';
import { formatError } from '../graphql/format-error';
import { Caller, ANONYMOUS } from '../modules/access/caller';
import { TokenRefused, TokenService } from '../modules/access/token.service';
import type { RegistryPubSub } from '../modules/events/event-bus';
import type { ExportOptions } from '../modules/exports/dated-rows';
import { Metrics, METRICS_PATH } from './metrics';
import { ResponseCache } from './response-cache';
import { EXPLORER_PATH, isExplorerPath, serveExplorer } from './explorer';
import { EXPORT_NAMES, EXPORTS, exportAtPath, exportFileName, exportOptionsOfQuery, ExportRequestError } from '../modules/exports/export-catalog';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';

const MAX_BODY_BYTES = 1_000_000;

class HttpError extends Error {
  constructor(readonly status: number, message: string, readonly code?: string) {
    super(message);
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new HttpError(413, `Request body larger than ${MAX_BODY_BYTES} bytes`));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown, requestId: string) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'x-request-id': requestId });
  res.end(JSON.stringify(body));
}

/**
 * Serves an open-data export (GET, or HEAD): public data, so no token is read. The whole file is built
 * before the first byte is sent, so a failure is still a clean 500.
 */
async function serveExport(req: IncomingMessage, res: ServerResponse, knex: Knex, url: URL, requestId: string) {
  const name = exportAtPath(url.pathname)!;
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('allow', 'GET, HEAD');
    throw new HttpError(405, `${url.pathname} is read with GET`);
  }
  let options: ExportOptions;
  try {
    options = exportOptionsOfQuery(name, url.searchParams);
  } catch (err) {
    if (err instanceof ExportRequestError) throw new HttpError(400, err.message, err.code);
    throw err;
  }
  const body = Buffer.from(await EXPORTS[name].build(knex, options), 'utf8');
  res.writeHead(200, {
    'content-type': EXPORTS[name].contentType,
    'content-disposition': `attachment; filename="${exportFileName(name, options)}"`,
    'content-length': body.length,
    'x-request-id': requestId,
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** The caller behind the Authorization header; no header is an anonymous caller, a bad token is refused. */
async function callerOf(req: IncomingMessage, tokens: TokenService): Promise<Caller> {
  const header = req.headers.authorization;
  if (!header) return ANONYMOUS;
  const m = /^Bearer\s+(\S+)$/i.exec(header);
  if (!m) throw new TokenRefused('The Authorization header must be "Bearer <token>"');
  return tokens.verify(m[1]);
}

/** The caller of a subscription, from `connectionParams.authorization` ("Bearer <token>"). */
function wsCaller(params: Record<string, unknown> | undefined, tokens: TokenService): Promise<Caller> {
  const header = params?.authorization;
  if (typeof header !== 'string') return Promise.resolve(ANONYMOUS);
  const m = /^Bearer\s+(\S+)$/i.exec(header);
  if (!m) return Promise.reject(new TokenRefused('authorization must be "Bearer <token>"'));
  return tokens.verify(m[1]);
}

export interface RunningServer {
  server: Server;
  url: string;
  /** The gate of whole-network queries, when they are limited. */
  heavyQueries?: HeavyQueryGate;
  /** Operations run compiled and through graphql-js so far (see compiled-execution.ts). */
  executions: ExecutionCounts;
  stop(): Promise<void>;
}

export interface ServerOptions {
  port: number;
  host: string;
  tokenSecret?: string;
  events?: RegistryPubSub;
  /** production: no field suggestions in errors, introspection off unless `introspection` says so. Default development. */
  mode?: 'production' | 'development';
  /** Default: on in development, off in production. */
  introspection?: boolean;
  /** The GraphiQL explorer at /explorer. Default: on in development, off in production. */
  explorer?: boolean;
  /** Prometheus metrics at /metrics. Default on. */
  metrics?: boolean;
  /**
   * Keep the answers of anonymous queries until the data changes (see response-cache.ts), within this many
   * bytes. Default: no cache.
   */
  responseCacheBytes?: number;
  /** Whole-network queries run this many at a time, at most `maxWaiting` waiting (see heavy-queries.ts). Default: no limit. */
  heavyQueries?: { slots: number; maxWaiting: number };
  /** Where to write one structured line per request (request id, method, path, status, duration); none when unset. */
  log?: (line: Record<string, unknown>) => void;
}

/**
 * The registry's HTTP server: GraphQL at /graphql, liveness at /health, readiness at /ready, open data at /exports/,
 * the explorer at /explorer (when on), metrics at /metrics.
 */
export async function startHttpServer(
  orm: MikroORM, schema: GraphQLSchema,
  options: ServerOptions,
): Promise<RunningServer> {
  const knex = (orm.em as EntityManager).getKnex();
  const tokens = new TokenService(knex, options.tokenSecret);
  const production = options.mode === 'production';
  const explorer = options.explorer ?? !production;
  const metrics = options.metrics === false ? undefined : new Metrics();
  const cache = options.responseCacheBytes
    ? new ResponseCache(orm.config.get('driver')?.name === 'PostgreSqlDriver' ? knex : { sqliteFile: orm.config.get('dbName')! }, options.responseCacheBytes)
    : undefined;
  // The answers a request may leave in the cache, by request id: set for queries that ran without errors.
  // (Apollo hands plugins a shallow copy of the context, so the request id is what both sides share.)
  const cacheable = new Map<string, { operationName: string | null }>();
  const heavyGate = options.heavyQueries?.slots ? new HeavyQueryGate(options.heavyQueries.slots, options.heavyQueries.maxWaiting) : undefined;
  // The slots held by whole-network queries, by request id: given back once the answer is computed.
  const heavySlots = new Map<string, () => void>();
  const executions: ExecutionCounts = { compiled: 0, graphqlJs: 0 };
  const apollo = new ApolloServer<RequestContext>({
    gateway: compiledExecution(schema, executions),
    // No cache-control hints are used: without this, Apollo wraps every field resolver to compute them.
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginCacheControlDisabled(), ...(metrics ? [metrics.plugin()] : []), {
      // Cost depends on the page sizes, which may come in variables: checked per request, before execution.
      async requestDidStart() {
        return {
          async didResolveOperation({ document, operation, request, contextValue }) {
            if (!operation) return;
            const cost = assertAffordable(document, operation, request.variables ?? {});
            if (heavyGate && cost >= QUERY_LIMITS.heavyCost && operation.operation === 'query') heavySlots.set(contextValue.requestId, await heavyGate.enter());
          },
          async willSendResponse({ operation, operationName, contextValue, response, errors }) {
            if (!cache) return;
            // Whatever its outcome, a mutation may have changed the data: no earlier answer is served again.
            if (operation?.operation === 'mutation') cache.dataChanged();
            else if (operation?.operation === 'query' && !errors?.length && response.body.kind === 'single' && !response.body.singleResult.errors) {
              cacheable.set(contextValue.requestId, { operationName: operationName ?? null });
            }
          },
        };
      },
    }],
    introspection: options.introspection ?? production === false,
    hideSchemaDetailsFromClientErrors: production,
    validationRules: [documentLimitsRule],
    parseOptions: { maxTokens: QUERY_LIMITS.maxTokens },
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    formatError,
    includeStacktraceInErrorResponses: false,
    // Flat JSON without Apollo's final newline, which `answerBytes` adds while encoding: `json + '\n'` would be
    // a second string that encoding copies whole (a map with every board: 1.75 MB more garbage per answer).
    stringifyResult: (value) => JSON.stringify(value),
  });
  await apollo.start();

  let closing = false;
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const requestId = randomUUID();
    // While shutting down, each connection closes once its answer is sent, so keep-alive clients do not hold the exit.
    res.once('finish', () => {
      if (closing) req.socket.end();
    });
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (metrics) res.once('finish', () => metrics.countHttp(url.pathname, res.statusCode));
    if (options.log) {
      const started = process.hrtime.bigint();
      res.once('finish', () => options.log!({
        level: res.statusCode >= 500 ? 'error' : 'info', requestId, method: req.method, path: url.pathname, status: res.statusCode,
        ms: Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10,
      }));
    }
    try {
      if (url.pathname === '/health') return sendJson(res, 200, { status: 'ok' }, requestId);
      if (url.pathname === '/ready') {
        await knex.raw('select 1');
        const pending = await orm.getMigrator().getPendingMigrations();
        return sendJson(res, pending.length ? 503 : 200, { status: pending.length ? 'migrations pending' : 'ready' }, requestId);
      }
      if (metrics && url.pathname === METRICS_PATH) {
        if (req.method !== 'GET' && req.method !== 'HEAD') {
          res.setHeader('allow', 'GET, HEAD');
          throw new HttpError(405, `${url.pathname} is read with GET`);
        }
        const text = await metrics.scrape();
        res.writeHead(200, { 'content-type': metrics.contentType, 'x-request-id': requestId });
        return res.end(text);
      }
      if (exportAtPath(url.pathname)) return await serveExport(req, res, knex, url, requestId);
      if (url.pathname.startsWith('/exports/')) {
        return sendJson(res, 404, { error: `Not found: the exports are ${EXPORT_NAMES.map((n) => EXPORTS[n].path).join(', ')}` }, requestId);
      }
      if (explorer && (url.pathname === '/' || isExplorerPath(url.pathname))) {
        if (req.method !== 'GET' && req.method !== 'HEAD') {
          res.setHeader('allow', 'GET, HEAD');
          throw new HttpError(405, `${url.pathname} is read with GET`);
        }
        if (url.pathname === '/') {
          res.writeHead(302, { location: EXPLORER_PATH, 'x-request-id': requestId });
          return res.end();
        }
        if (serveExplorer(req.method, url.pathname, res, requestId)) return;
      }
      if (url.pathname !== '/graphql') return sendJson(res, 404, { error: 'Not found: the API is at /graphql' }, requestId);

      const caller = await callerOf(req, tokens);
      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      }
      let body: unknown;
      if (req.method === 'POST') {
        const raw = await readBody(req);
        const type = headers.get('content-type') ?? '';
        if (type.startsWith('application/json')) {
          try {
            body = raw ? JSON.parse(raw) : undefined;
          } catch {
            throw new HttpError(400, 'Request body is not valid JSON');
          }
        } else body = raw;
      }
      // Anonymous JSON queries may be answered from the cache (a mutation never is: it is never stored).
      const cacheKey = cache && caller === ANONYMOUS && typeof body === 'object' && body !== null && !Array.isArray(body)
        ? await cache.keyOf(JSON.stringify(body), headers.get('accept') ?? '')
        : undefined;
      const hit = cacheKey ? cache!.get(cacheKey) : undefined;
      if (hit) {
        metrics?.countCachedAnswer(hit.operationName);
        res.writeHead(200, { 'content-type': hit.contentType, 'x-request-id': requestId, 'x-cache': 'hit' });
        res.end(hit.body);
        return;
      }
      let stored: { operationName: string | null } | undefined;
      const response = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: (req.method ?? 'GET').toUpperCase(), headers, search: url.search, body },
        context: async () => createContext(orm.em as EntityManager, requestId, caller, options.events),
      }).finally(() => {
        stored = cacheable.get(requestId);
        cacheable.delete(requestId);
        heavySlots.get(requestId)?.();
        heavySlots.delete(requestId);
      });
      res.statusCode = response.status ?? 200;
      for (const [key, value] of response.headers) res.setHeader(key, value);
      res.setHeader('x-request-id', requestId);
      if (response.body.kind === 'complete') {
        if (cacheKey && stored && res.statusCode === 200) {
          const bytes = answerBytes(response.body.string);
          cache!.set(cacheKey, { body: bytes, contentType: String(res.getHeader('content-type')), operationName: stored.operationName });
          res.setHeader('x-cache', 'miss');
          res.end(bytes);
          return;
        }
        res.end(answerBytes(response.body.string));
        return;
      }
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
    } catch (err) {
      if (err instanceof HttpError) {
        return sendJson(res, err.status, { errors: [{ message: err.message, ...(err.code ? { extensions: { code: err.code } } : {}) }] }, requestId);
      }
      if (err instanceof TokenRefused) {
        res.setHeader('www-authenticate', 'Bearer');
        return sendJson(res, 401, { errors: [{ message: err.message, extensions: { code: 'UNAUTHENTICATED' } }] }, requestId);
      }
      console.error(JSON.stringify({ level: 'error', requestId, message: String((err as Error)?.stack ?? err) }));
      if (!res.headersSent) sendJson(res, 500, { errors: [{ message: `Internal server error (request id ${requestId})` }] }, requestId);
    }
  };

  const server = createServer((req, res) => void handle(req, res));
  // Subscriptions: graphql-ws on the same path; the token, if any, comes in the connection parameters.
  const wsServer = new WebSocketServer({ server, path: '/graphql' });
  const ws = useServer({
    schema,
    onConnect: async (ctx) => {
      try {
        await wsCaller(ctx.connectionParams, tokens);
        return true;
      } catch {
        return false;
      }
    },
    context: async (ctx) => createContext(orm.em as EntityManager, randomUUID(), await wsCaller(ctx.connectionParams, tokens), options.events),
  }, wsServer);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    server,
    heavyQueries: heavyGate,
    executions,
    url: `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}/graphql`,
    async stop() {
      await ws.dispose();
      await new Promise<void>((resolve) => wsServer.close(() => resolve()));
      // In-flight requests finish, then their connections close; idle keep-alive connections close now.
      closing = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await closed;
      await apollo.stop();
      await cache?.close();
    },
  };
}

/**
 * Apollo's answer (see `stringifyResult`) as the bytes sent: UTF-8 with the final newline, encoded once
 * into a buffer outside the JS heap. Writing the string itself had Node measure it, then encode it.
 */
function answerBytes(json: string): Buffer {
  const length = Buffer.byteLength(json);
  const bytes = Buffer.allocUnsafe(length + 1);
  bytes.write(json, 0, length, 'utf8');
  bytes[length] = 0x0a;
  return bytes;
}
