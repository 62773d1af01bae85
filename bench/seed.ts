/**
 * Bench-only seeding: loads the bundled data `scale` times larger (`bundledData(scale)` of
 * seeds/bundle.ts, which the service itself loads at scale 1) into the empty database named by the
 * environment (SQLITE_PATH or DATABASE_URL), through the service's own `openDatabase`, so the server
 * can then start with SEED_ON_START=false.
 *
 * Usage: node dist/bench/seed.js <scale>. Prints one JSON line: what was loaded and how long it took.
 *
 * When the network generator cannot build the requested scale, the largest scale it can build is
 * used and the reason is reported.
 */
import 'reflect-metadata';
import { bundledData } from '../seeds/bundle';
import { generateNetwork } from '../seeds/generate-network';
import { loadSettings } from '../src/config';
import { openDatabase } from '../src/db/database';

export interface SeedReport {
  requestedScale: number;
  scale: number;
  fallbackReason?: string;
  missionsLocales: number;
  sites: number;
  governance: string;
  conventions: string;
  generateMs: number;
  seedMs: number;
}

/** The largest scale ≤ `requested` the network generator accepts (it needs a commune per Mission Locale). */
export function largestScale(requested: number): { scale: number; fallbackReason?: string } {
  try {
    generateNetwork({ scale: requested });
    return { scale: requested };
  } catch (err) {
    let lo = 1;
    let hi = requested - 1;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      try {
        generateNetwork({ scale: mid });
        lo = mid;
      } catch {
        hi = mid - 1;
      }
    }
    return { scale: lo, fallbackReason: `generateNetwork({ scale: ${requested} }) fails: ${(err as Error).message}; used the largest scale it builds, ${lo}` };
  }
}

async function main() {
  const requested = Number(process.argv[2] ?? 1);
  const t0 = Date.now();
  const { scale, fallbackReason } = largestScale(requested);
  const bundle = bundledData(scale);
  const t1 = Date.now();
  const { orm, seeded } = await openDatabase(loadSettings(), () => bundle);
  await orm.close(true);
  if (!seeded) throw new Error('the database was not empty: nothing seeded');
  const mls = bundle.network.organizations.filter((o) => o.kind === 'MISSION_LOCALE');
  const report: SeedReport = {
    requestedScale: requested, scale, fallbackReason,
    missionsLocales: mls.length,
    sites: mls.reduce((n, o) => n + (o.sites?.length ?? 0), 0),
    governance: bundle.governance ? `${bundle.governance.mandates.length} mandates` : 'absent',
    conventions: bundle.conventions ? `${bundle.conventions.conventions.length} conventions` : 'absent',
    generateMs: t1 - t0, seedMs: Date.now() - t1,
  };
  console.log(JSON.stringify(report));
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
