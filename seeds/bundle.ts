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
