import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, OperationDefinitionNode } from 'graphql';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/** Where Prometheus scrapes the registry's metrics. */
export const METRICS_PATH = '/metrics';

/** Operation names are chosen by clients: past this many distinct ones, new names are counted as "(other)". */
const MAX_OPERATION_NAMES = 200;
const OPERATION_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,63}$/;

/** The HTTP routes, as metric labels (a fixed set, whatever path a client asks for). */
export function routeLabel(pathname: string): string {
  if (pathname === '/graphql' || pathname === '/health' || pathname === '/ready' || pathname === METRICS_PATH) return pathname;
  if (pathname.startsWith('/exports/')) return '/exports';
  if (pathname === '/' || pathname === '/explorer' || pathname.startsWith('/explorer/')) return '/explorer';
  return 'other';
}

/**
 * One server's metrics, in its own registry (several servers may share a process): HTTP requests by route and
 * status; GraphQL requests, latency and errors per operation name and type; Node.js process metrics.
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly operationNames = new Set<string>();
  private readonly httpRequests = new Counter({
    name: 'registry_http_requests_total',
    help: 'HTTP requests answered, by route and status code.',
    labelNames: ['route', 'status'] as const,
    registers: [this.registry],
  });
  private readonly graphqlRequests = new Counter({
    name: 'registry_graphql_requests_total',
    help: 'GraphQL requests, by operation name and type (query, mutation, subscription; unknown when the document did not resolve to an operation).',
    labelNames: ['operation', 'type'] as const,
    registers: [this.registry],
  });
  private readonly graphqlDuration = new Histogram({
    name: 'registry_graphql_request_duration_seconds',
    help: 'GraphQL request latency from parsing to the response, by operation name and type.',
    labelNames: ['operation', 'type'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  private readonly graphqlErrors = new Counter({
    name: 'registry_graphql_errors_total',
    help: 'Errors returned in GraphQL responses, by operation name and error code.',
    labelNames: ['operation', 'code'] as const,
    registers: [this.registry],
  });

  private readonly cachedAnswers = new Counter({
    name: 'registry_graphql_cached_answers_total',
    help: 'Anonymous queries answered from the response cache (not counted in registry_graphql_requests_total), by operation name.',
    labelNames: ['operation'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  /** Counts one answered HTTP request. */
  countHttp(pathname: string, status: number) {
    this.httpRequests.inc({ route: routeLabel(pathname), status: String(status) });
  }

  /** Counts one query answered from the response cache. */
  countCachedAnswer(operationName: string | null) {
    this.cachedAnswers.inc({ operation: this.operationLabel(operationName) });
  }

  /** The Apollo plugin that times every GraphQL request and counts its errors. */
  plugin(): ApolloServerPlugin {
    return {
      requestDidStart: async () => {
        const started = process.hrtime.bigint();
        return {
          willSendResponse: async ({ document, operation, operationName, request, response }) => {
            // A document that parsed but did not validate still names its operation.
            const named = document?.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
            const name = this.operationLabel(operationName ?? request.operationName ?? named?.name?.value);
            const type = operation?.operation ?? 'unknown';
            this.graphqlRequests.inc({ operation: name, type });
            this.graphqlDuration.observe({ operation: name, type }, Number(process.hrtime.bigint() - started) / 1e9);
            const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
            for (const error of errors ?? []) {
              this.graphqlErrors.inc({ operation: name, code: String(error.extensions?.code ?? 'UNKNOWN') });
            }
          },
        };
      },
    };
  }

  /** The exposition text Prometheus reads. */
  scrape(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  private operationLabel(name: string | null | undefined): string {
    if (!name) return '(anonymous)';
    if (!OPERATION_NAME.test(name)) return '(invalid)';
    if (this.operationNames.has(name)) return name;
    if (this.operationNames.size >= MAX_OPERATION_NAMES) return '(other)';
    this.operationNames.add(name);
    return name;
  }
}
