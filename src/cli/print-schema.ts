import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildRegistrySchema, printRegistrySchema } from '../graphql/schema';

/** Writes schema/schema.graphql from the code (npm run schema). */
async function main() {
  const target = resolve(__dirname, '../../../schema/schema.graphql');
  writeFileSync(target, printRegistrySchema(await buildRegistrySchema()));
  console.log(`Wrote ${target}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
