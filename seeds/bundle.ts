import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GeographyRows } from '../src/seed/load-geography';
import type { SeedConventions } from './conventions.types';
import { generateConventions } from './generate-conventions';
import { generateGovernance } from './generate-governance';
import { generateNetwork } from './generate-network';
import type { SeedGovernance } from './governance.types';
import type { SeedNetwork } from './network.types';

/** Everything the registry is loaded with on first start. */
export interface SeedBundle {
  network: SeedNetwork;
  governance?: SeedGovernance;
  conventions?: SeedConventions;
  /** The official geography's rows, as `geographyRows(network)` makes them; made when loading when absent. */
  geography?: GeographyRows;
}

/** The bundled data (scale 1), or a generated network `scale` times larger with the same regional data. */
export function bundledData(scale = 1): SeedBundle {
  const network = generateNetwork({ scale });
  return { network, governance: generateGovernance(network), conventions: generateConventions(network) };
}

/** Where the build writes the bundled data (`npm run build`, by seeds/write-bundle.ts), next to the compiled seeds. */
export const BUNDLE_FILE = join(__dirname, 'bundle.json');

/**
 * The bundled data and its geography's rows as the build wrote them: a first start reads 14 MB of
 * JSON in 0.2-0.3 s instead of making them from the sources and the official geography in 0.7-0.85 s.
 * Made when the file is not there (the sources run without a build).
 */
export function builtBundle(): SeedBundle {
  return existsSync(BUNDLE_FILE) ? JSON.parse(readFileSync(BUNDLE_FILE, 'utf8')) : bundledData();
}
