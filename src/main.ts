import { useModulePaths } from './module-paths';

/**
 * The service's entry point. The module paths the build found come first: every `require` after them
 * is quicker (see module-paths.ts). Then the registry runs (service.ts).
 */
useModulePaths();
const { runService }: typeof import('./service') = require('./service');

runService().catch((err) => {
  console.error(JSON.stringify({ level: 'fatal', message: String(err?.message ?? err) }));
  process.exit(1);
});
