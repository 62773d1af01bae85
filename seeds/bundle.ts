import { join } from 'node:path';
import { type LoadDialect, readRecordedLoad } from '../src/seed/recorded-load';
import type { SeedSource } from '../src/seed/seed-registry';
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
}

/** The bundled data (scale 1), or a generated network `scale` times larger with the same regional data. */
export function bundledData(scale = 1): SeedBundle {
  const network = generateNetwork({ scale });
  return { network, governance: generateGovernance(network), conventions: generateConventions(network) };
}

/** Where the build writes the bundled data's load recorded for `dialect` (seeds/write-bundle.ts), next to the compiled seeds. */
export function builtLoadBase(dialect: LoadDialect): string {
  return join(__dirname, `bundle-${dialect}`);
}

/**
 * The bundled data's load as the build recorded it for `dialect`: a first start reads its statements
 * and rows' text (9-11 MB) and sends them, instead of making the rows from the sources and the official
 * geography and encoding them. The bundled data itself when the files are not there (the sources run
 * without a build).
 */
export function builtBundle(dialect: LoadDialect): SeedSource {
  return readRecordedLoad(builtLoadBase(dialect)) ?? bundledData();
}
