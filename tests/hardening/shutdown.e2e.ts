import { spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { freePort } from '../../bench/processes';
import { createTestDatabase } from '../support/databases';

const MAP = '{ unml { members(first: 100) { nodes { name members(first: 100) { nodes { name communes { totalCount } sites { totalCount } } } } } } }';

function post(port: number, agent: Agent, body: string): Promise<{ status: number; requestId: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/graphql', method: 'POST', agent, headers: { 'content-type': 'application/json' } }, (res) => {
      let data = '';
      res.on('data', (c) => (data += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, requestId: String(res.headers['x-request-id']), body: data }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** SIGTERM while requests are in flight: they finish, keep-alive connections do not hold the exit, every request is logged. */
describe('a graceful shutdown', () => {
  it('lets in-flight requests finish, then exits 0, with one JSON log line per request', async () => {
    const db = await createTestDatabase('sqlite');
    const port = await freePort();
    const child = spawn(process.execPath, [join(__dirname, '..', '..', 'dist', 'src', 'main.js')], {
      env: { ...process.env, SQLITE_PATH: db.settings.sqlitePath, PORT: String(port), HOST: '127.0.0.1' }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
    child.stderr.resume();
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    while (!out.includes('Registry ready')) await new Promise((r) => setTimeout(r, 50));

    const agent = new Agent({ keepAlive: true, maxSockets: 4 });
    await post(port, agent, JSON.stringify({ query: '{ __typename }' })); // leaves an idle keep-alive connection
    const inFlight = Array.from({ length: 4 }, () => post(port, agent, JSON.stringify({ query: MAP })));
    await new Promise((r) => setTimeout(r, 30));
    const signalled = Date.now();
    child.kill('SIGTERM');
    const answers = await Promise.all(inFlight);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    expect(answers.every((a) => JSON.parse(a.body).data.unml.members.nodes.length === 15)).toBe(true);
    expect(await exited).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(4000); // the idle keep-alive connection (5 s timeout) did not hold the exit
    agent.destroy();

    const logged = out.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l)).filter((l) => l.path === '/graphql');
    expect(logged).toHaveLength(5);
    for (const a of answers) expect(logged).toContainEqual(expect.objectContaining({ level: 'info', requestId: a.requestId, method: 'POST', status: 200 }));
  });
});
