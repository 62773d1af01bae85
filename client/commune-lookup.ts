import { Client, fetchExchange } from '@urql/core';
import { CommunesByPostalCodeDocument } from './generated/graphql';

/**
 * A typed query from the generated client: which Mission Locale serves the communes of a postal code.
 * `npm run client:example -- 35300` against a running registry (REGISTRY_URL, default http://127.0.0.1:4000/graphql).
 */
export async function missionsLocalesOfPostalCode(url: string, postalCode: string): Promise<string[]> {
  const client = new Client({ url, exchanges: [fetchExchange], requestPolicy: 'network-only' });
  const { data, error } = await client.query(CommunesByPostalCodeDocument, { postalCode }).toPromise();
  if (error) throw error;
  // `data` is typed from the schema: communes → nodes → missionsLocales → parent.
  return data!.communes.nodes.flatMap((commune) =>
    commune.missionsLocales.map((ml) => `${commune.code} ${commune.name}: ${ml.name} (${ml.parent?.name ?? 'no ARML'})`));
}

if (require.main === module) {
  const url = process.env.REGISTRY_URL ?? 'http://127.0.0.1:4000/graphql';
  missionsLocalesOfPostalCode(url, process.argv[2] ?? '35300').then(
    (lines) => console.log(lines.join('\n') || 'No commune has this postal code.'),
    (err) => { console.error(String(err?.message ?? err)); process.exit(1); },
  );
}
