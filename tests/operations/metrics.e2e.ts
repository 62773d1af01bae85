import { startRegistry, TestRegistry } from '../support/registry';
import { tinyNetwork } from '../support/tiny-network';

/** Reads one sample of the exposition text: the value of `name{labels}` (0 when absent). */
function sample(text: string, name: string, labels: Record<string, string>): number {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    const m = /^([a-z_]+)\{([^}]*)\} (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const present = m[2].split(',');
    if (present.length === wanted.length && wanted.every((w) => present.includes(w))) return Number(m[3]);
  }
  return 0;
}

describe('Prometheus metrics', () => {
  let r: TestRegistry;
  let origin: string;
  const scrape = async () => {
    const res = await fetch(`${origin}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return res.text();
  };
  beforeAll(async () => {
    r = await startRegistry('sqlite', { network: tinyNetwork() });
    origin = new URL(r.url).origin;
  });
  afterAll(async () => r?.stop());

  it('count requests, latency and errors per operation name, and HTTP answers per route and status', async () => {
    const before = await scrape();
    const lookup = 'query CommuneLookup($code: String!) { commune(code: $code) { name } }';
    for (let i = 0; i < 3; i++) expect((await r.query(lookup, { code: '35115' })).data.commune.name).toBe('Fougères');
    expect((await r.query('{ unml { name } }')).status).toBe(200);
    expect((await r.query('query Broken { organizatons { totalCount } }')).status).toBe(400);
    const refused = await r.query('mutation Forbidden { endMembership(input: { id: "x", endDate: "2026-01-01" }) { __typename } }');
    expect(refused.errors?.length).toBeGreaterThan(0);
    await fetch(`${origin}/health`);
    await fetch(`${origin}/no/such/page`);
    const after = await scrape();

    const delta = (name: string, labels: Record<string, string>) => sample(after, name, labels) - sample(before, name, labels);
    expect(delta('registry_graphql_requests_total', { operation: 'CommuneLookup', type: 'query' })).toBe(3);
    expect(delta('registry_graphql_request_duration_seconds_count', { operation: 'CommuneLookup', type: 'query' })).toBe(3);
    expect(delta('registry_graphql_request_duration_seconds_bucket', { operation: 'CommuneLookup', type: 'query', le: '+Inf' })).toBe(3);
    expect(delta('registry_graphql_request_duration_seconds_sum', { operation: 'CommuneLookup', type: 'query' })).toBeGreaterThan(0);
    expect(delta('registry_graphql_requests_total', { operation: '(anonymous)', type: 'query' })).toBe(1);
    // A document that does not validate has no operation, but its name is known from the text.
    expect(delta('registry_graphql_requests_total', { operation: 'Broken', type: 'unknown' })).toBe(1);
    expect(delta('registry_graphql_errors_total', { operation: 'Broken', code: 'GRAPHQL_VALIDATION_FAILED' })).toBe(1);
    const forbiddenErrors = refused.errors!.map((e) => String(e.extensions?.code));
    expect(delta('registry_graphql_errors_total', { operation: 'Forbidden', code: forbiddenErrors[0] })).toBe(forbiddenErrors.filter((c) => c === forbiddenErrors[0]).length);
    expect(delta('registry_graphql_errors_total', { operation: 'CommuneLookup', code: 'UNKNOWN' })).toBe(0);
    expect(delta('registry_http_requests_total', { route: '/graphql', status: '200' })).toBeGreaterThanOrEqual(4);
    expect(delta('registry_http_requests_total', { route: '/graphql', status: '400' })).toBe(1);
    expect(delta('registry_http_requests_total', { route: '/health', status: '200' })).toBe(1);
    expect(delta('registry_http_requests_total', { route: 'other', status: '404' })).toBe(1);
    expect((await fetch(`${origin}/metrics`, { method: 'POST', body: 'x' })).status).toBe(405);
    // Node.js process metrics come along.
    expect(after).toMatch(/^process_resident_memory_bytes \d+/m);
    expect(after).toMatch(/^# HELP registry_graphql_request_duration_seconds /m);
  });

  it('keep client-chosen operation names from growing the label set without bound', async () => {
    for (let i = 0; i < 210; i++) await r.query(`query Name${i} { __typename }`);
    const text = await scrape();
    const names = new Set([...text.matchAll(/^registry_graphql_requests_total\{operation="([^"]+)"/gm)].map((m) => m[1]));
    expect(names.size).toBeLessThanOrEqual(200 + 3);
    expect(sample(text, 'registry_graphql_requests_total', { operation: '(other)', type: 'query' })).toBeGreaterThanOrEqual(10);
  });

  it('can be turned off', async () => {
    const quiet = await startRegistry('sqlite', { network: tinyNetwork() }, { metrics: false });
    try {
      expect((await fetch(`${new URL(quiet.url).origin}/metrics`)).status).toBe(404);
    } finally {
      await quiet.stop();
    }
  });
});
