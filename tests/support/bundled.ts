import type { SeedNetwork } from '../../seeds/network.types';
import type { SeedBundle } from '../../src/seed/seed-registry';
import { generateNetwork } from '../../seeds/generate-network';

const cache = new Map<number, SeedNetwork>();

/** The bundled network (scale 1) or a generated one `scale` times larger, built once per test file. */
export function bundledNetwork(scale = 1): SeedNetwork {
  const network = cache.get(scale) ?? generateNetwork({ scale });
  cache.set(scale, network);
  return network;
}

/** The bundled data as loaded on first start (network and governance), `scale` times larger when asked. */
export function bundle(scale = 1): SeedBundle {
  return { network: bundledNetwork(scale) };
}
