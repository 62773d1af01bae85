import { chromium, Browser } from 'playwright-core';
import { startRegistry, TestRegistry } from '../support/registry';
import { tinyNetwork } from '../support/tiny-network';

const CHROMIUM = process.env.TEST_CHROMIUM ?? '';
/** The flags a machine with no internet needs: no background connections, no component updates. */
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

const get = async (url: string, init: RequestInit = {}) => {
  const res = await fetch(url, { redirect: 'manual', ...init });
  return { status: res.status, headers: res.headers, text: await res.text() };
};

describe('the self-hosted explorer', () => {
  let dev: TestRegistry;
  let origin: string;
  beforeAll(async () => {
    dev = await startRegistry('sqlite', { network: tinyNetwork() });
    origin = new URL(dev.url).origin;
  });
  afterAll(async () => dev?.stop());

  it('is served by the registry itself in development, every file from its own origin', async () => {
    const page = await get(`${origin}/explorer`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'self'.*script-src 'self';/);
    const sources = [...page.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(sources).toEqual(['data:,', '/explorer/graphiql.css', '/explorer/react.js', '/explorer/react-dom.js', '/explorer/graphiql.js', '/explorer/boot.js']);
    for (const source of sources.slice(1)) {
      const file = await get(`${origin}${source}`);
      expect([source, file.status]).toEqual([source, 200]);
      expect(file.text.length).toBeGreaterThan(source.endsWith('boot.js') ? 100 : 10_000);
    }
    expect((await get(`${origin}/`)).headers.get('location')).toBe('/explorer');
    expect((await get(`${origin}/explorer/nothing.js`)).status).toBe(404);
    expect((await get(`${origin}/explorer`, { method: 'POST', body: 'x' })).status).toBe(405);
  });

  it('is off in production unless configured, and on when configured', async () => {
    const production = await startRegistry('sqlite', { network: tinyNetwork() }, { mode: 'production' });
    try {
      const base = new URL(production.url).origin;
      for (const path of ['/explorer', '/explorer/graphiql.js', '/explorer/boot.js', '/']) expect([path, (await get(`${base}${path}`)).status]).toEqual([path, 404]);
    } finally {
      await production.stop();
    }
    const publicDeployment = await startRegistry('sqlite', { network: tinyNetwork() }, { mode: 'production', explorer: true, introspection: true });
    try {
      expect((await get(`${new URL(publicDeployment.url).origin}/explorer`)).status).toBe(200);
    } finally {
      await publicDeployment.stop();
    }
  });

  (CHROMIUM ? describe : describe.skip)(`in headless Chromium (${CHROMIUM || 'not installed: SKIPPED'})`, () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
    });
    afterAll(async () => browser?.close());

    it('loads the page, runs a query and shows the result, asking nothing of any other host', async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      const requested: string[] = [];
      const problems: string[] = [];
      page.on('request', (request) => requested.push(request.url()));
      page.on('console', (message) => { if (message.type() === 'error') problems.push(message.text()); });
      page.on('pageerror', (error) => problems.push(error.message));
      page.on('response', (response) => { if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`); });

      const query = '{ organizations(filter: { kinds: [MISSION_LOCALE] }) { totalCount nodes { name } } }';
      await page.goto(`${origin}/explorer?query=${encodeURIComponent(query)}`);
      await page.locator('.graphiql-execute-button').click();
      const result = page.locator('.result-window');
      await result.getByText('Mission Locale du Pays de Fougères').waitFor({ timeout: 30_000 });
      const shown = await result.innerText();
      expect(shown).toContain('"totalCount": 2');
      expect(shown).toContain('Mission Locale du Bassin d’emploi de Rennes');

      // The schema was fetched by introspection for the documentation pane and the editor's completion.
      await page.locator('button[aria-label="Show Documentation Explorer"]').click();
      await page.getByText('A GraphQL schema provides a root type for each kind of operation.').waitFor({ timeout: 10_000 });

      expect(requested.length).toBeGreaterThan(5);
      expect(requested.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('data:'))).toEqual([]);
      expect(problems).toEqual([]);
      await context.close();
    });
  });
});
