/**
 * The bench's peer: PostGraphile 4 (with the connection-filter plugin, for date windows) serving the
 * registry's PostgreSQL database read-only, as a user might run it instead of the registry.
 * Environment: DATABASE_URL, PORT. Prints "PostGraphile ready" when listening.
 */
const { createServer } = require('node:http');
const { postgraphile } = require('postgraphile');
const ConnectionFilterPlugin = require('postgraphile-plugin-connection-filter');

const handler = postgraphile(process.env.DATABASE_URL, 'public', {
  appendPlugins: [ConnectionFilterPlugin],
  graphqlRoute: '/graphql',
  disableDefaultMutations: true,
  disableQueryLog: true,
  enableQueryBatching: false,
  ignoreRBAC: true,
  retryOnInitFail: false,
  setofFunctionsContainNulls: false,
});
const server = createServer(handler);
server.listen(Number(process.env.PORT || 0), '127.0.0.1', () => {
  console.log(`PostGraphile ready on ${server.address().port}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
