import type { SeedNetwork } from '../../seeds/network.types';
import { bundledData, SeedBundle } from '../../seeds/bundle';
import { generateNetwork } from '../../seeds/generate-network';

const cache = new Map<number, SeedNetwork>();

/** The bundled network (scale 1) or a generated one `scale` times larger, built once per test file. */
export function bundledNetwork(scale = 1): SeedNetwork {
  const network = cache.get(scale) ?? generateNetwork({ scale });
  cache.set(scale, network);
  return network;
}

const bundles = new Map<number, SeedBundle>();

/** The bundled data as loaded on first start, `scale` times larger when asked, built once per test file. */
export function bundle(scale = 1): SeedBundle {
  const data = bundles.get(scale) ?? { ...bundledData(scale), network: bundledNetwork(scale) };
  bundles.set(scale, data);
  return data;
}
