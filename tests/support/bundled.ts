import type { SeedNetwork } from '../../seeds/network.types';
import { generateNetwork } from '../../seeds/generate-network';

const cache = new Map<number, SeedNetwork>();

/** The bundled network (scale 1) or a generated one `scale` times larger, built once per test file. */
export function bundledNetwork(scale = 1): SeedNetwork {
  const network = cache.get(scale) ?? generateNetwork({ scale });
  cache.set(scale, network);
  return network;
}
