/** Records where the service's modules are (`useModulePaths`); run by `npm run build`. */
import { recordModulePaths, writeModulePaths } from './module-paths';

writeModulePaths(recordModulePaths(() => {
  require('./service');
  // Loaded on demand: the configured database's driver, Redis for events across instances.
  require('@mikro-orm/postgresql');
  require('@mikro-orm/sqlite');
  require('ioredis');
  require('@graphql-yoga/redis-event-target');
}));
