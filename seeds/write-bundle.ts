/** Writes the bundled data and its geography's rows where a first start reads them (`builtBundle`); run by `npm run build`. */
import { writeFileSync } from 'node:fs';
import { geographyRows } from '../src/seed/load-geography';
import { BUNDLE_FILE, bundledData } from './bundle';

const bundle = bundledData();
writeFileSync(BUNDLE_FILE, JSON.stringify({ ...bundle, geography: geographyRows(bundle.network) }));
