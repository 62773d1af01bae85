import { readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { dirname, join } from 'node:path';

/**
 * The GraphQL explorer (GraphiQL) served by the registry itself, from the installed packages: no CDN, so it works
 * on a machine with no internet. Everything it loads comes from /explorer/, under a content security policy that
 * allows this origin only (fonts are inlined in GraphiQL's stylesheet).
 */
export const EXPLORER_PATH = '/explorer';

const ASSETS: Record<string, { pkg: string; file: string; type: string }> = {
  'react.js': { pkg: 'react', file: 'umd/react.production.min.js', type: 'text/javascript' },
  'react-dom.js': { pkg: 'react-dom', file: 'umd/react-dom.production.min.js', type: 'text/javascript' },
  'graphiql.js': { pkg: 'graphiql', file: 'graphiql.min.js', type: 'text/javascript' },
  'graphiql.css': { pkg: 'graphiql', file: 'graphiql.min.css', type: 'text/css' },
};

/** Starts GraphiQL on /graphql; `?query=` and `?variables=` prefill the editors (links to a ready-made query). */
const BOOT_SCRIPT = `
const params = new URLSearchParams(location.search);
const fetcher = async (request, options) => {
  const response = await fetch(${JSON.stringify('/graphql')}, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...(options && options.headers) },
    body: JSON.stringify(request),
  });
  return response.json();
};
ReactDOM.createRoot(document.getElementById('explorer')).render(React.createElement(GraphiQL, {
  fetcher,
  defaultQuery: '# Registre des Missions Locales\\n{\\n  unml { name }\\n  regions { nodes { code name } }\\n}\\n',
  query: params.get('query') || undefined,
  variables: params.get('variables') || undefined,
  shouldPersistHeaders: false,
}));
`;

const PAGE = `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Registre des Missions Locales — explorateur GraphQL</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${EXPLORER_PATH}/graphiql.css">
<style>html, body, #explorer { height: 100%; margin: 0; }</style>
</head>
<body>
<div id="explorer">Chargement de l'explorateur…</div>
<script src="${EXPLORER_PATH}/react.js"></script>
<script src="${EXPLORER_PATH}/react-dom.js"></script>
<script src="${EXPLORER_PATH}/graphiql.js"></script>
<script src="${EXPLORER_PATH}/boot.js"></script>
</body>
</html>
`;

// Scripts from this origin only; styles may be inline (the page's own, and those GraphiQL's components set at run time).
const POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const cache = new Map<string, Buffer>();

function asset(name: string): { body: Buffer; type: string } | undefined {
  if (name === 'boot.js') return { body: Buffer.from(BOOT_SCRIPT), type: 'text/javascript' };
  const entry = ASSETS[name];
  if (!entry) return undefined;
  let body = cache.get(name);
  if (!body) {
    // Through package.json: the packages' export maps do not list their browser builds.
    body = readFileSync(join(dirname(require.resolve(`${entry.pkg}/package.json`)), entry.file));
    cache.set(name, body);
  }
  return { body, type: entry.type };
}

/** True when the path belongs to the explorer (the page or one of its files). */
export function isExplorerPath(pathname: string): boolean {
  return pathname === EXPLORER_PATH || pathname.startsWith(`${EXPLORER_PATH}/`);
}

/** Answers GET/HEAD for the page or one of its files; false when the path names nothing the explorer has. */
export function serveExplorer(method: string, pathname: string, res: ServerResponse, requestId: string): boolean {
  const found = pathname === EXPLORER_PATH
    ? { body: Buffer.from(PAGE), type: 'text/html' }
    : asset(pathname.slice(EXPLORER_PATH.length + 1));
  if (!found) return false;
  res.writeHead(200, {
    'content-type': `${found.type}; charset=utf-8`,
    'content-length': found.body.length,
    'content-security-policy': POLICY,
    'x-content-type-options': 'nosniff',
    'cache-control': pathname === EXPLORER_PATH ? 'no-cache' : 'public, max-age=3600',
    'x-request-id': requestId,
  });
  res.end(method === 'HEAD' ? undefined : found.body);
  return true;
}
