/** Records the bundled data's load for each dialect where a first start reads it (`builtBundle`); run by `npm run build`. */
import { recordLoad, writeRecordedLoad } from '../src/seed/recorded-load';
import { loadBundle } from '../src/seed/seed-registry';
import { builtLoadBase, bundledData } from './bundle';

async function writeBundle() {
  const bundle = bundledData();
  for (const dialect of ['postgresql', 'sqlite3'] as const) {
    writeRecordedLoad(builtLoadBase(dialect), await recordLoad(dialect, (load) => loadBundle(load, bundle)));
  }
}

writeBundle().catch((err) => {
  console.error(err);
  process.exit(1);
});
