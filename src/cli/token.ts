import 'reflect-metadata';
import type { EntityManager } from '@mikro-orm/knex';
import { loadSettings } from '../config';
import { openDatabase } from '../db/database';
import { AccessRole } from '../modules/access/caller';
import { TokenService } from '../modules/access/token.service';
import { fromGlobalId } from '../graphql/node';

const USAGE = `Usage:
  token mint --role NATIONAL|ARML|MISSION_LOCALE [--organization <id>] [--label <text>] [--expires YYYY-MM-DD]
  token revoke <token id>
  token list

Mints, revokes or lists the API tokens of the configured database. TOKEN_SECRET must be set (the
same value as the server's): the database keeps only an HMAC of each token, and the token itself is
printed once, at minting. --organization (required for ARML and MISSION_LOCALE) takes the
organization's global id, its UNML code, SIREN or SIRET.

Exit status: 0 done, 2 arguments refused or unknown token.`;

export interface TokenCliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  env: NodeJS.ProcessEnv;
}

/** The organization id behind what the operator typed: a global id or a business identifier. */
async function resolveOrganization(em: EntityManager, ref: string): Promise<number | null> {
  const global = fromGlobalId(ref);
  if (global?.typename === 'Organization' && /^\d+$/.test(global.key)) return Number(global.key);
  const row = await em.getKnex()('organization_identifier').select('organization_id').where('value', ref.replace(/\s+/g, '').toUpperCase()).first();
  return row ? Number(row.organization_id) : null;
}

/** Runs the command; returns its exit status. */
export async function runTokenCli(argv: string[], io: TokenCliIo): Promise<number> {
  const [command, ...rest] = argv;
  const option = (name: string) => {
    const i = rest.indexOf(`--${name}`);
    return i >= 0 ? rest[i + 1] : undefined;
  };
  if (!['mint', 'revoke', 'list'].includes(command ?? '')) {
    io.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const settings = loadSettings(io.env);
  if (!settings.tokenSecret) {
    io.stderr.write('TOKEN_SECRET is not set: tokens cannot be minted or checked\n');
    return 2;
  }
  const { orm } = await openDatabase(settings);
  try {
    const em = orm.em.fork() as EntityManager;
    const tokens = new TokenService(em.getKnex(), settings.tokenSecret);
    if (command === 'list') {
      for (const t of await tokens.list()) {
        io.stdout.write(`${t.id}\t${t.role}\t${t.organization_id ?? '-'}\t${t.revoked_at ? `revoked ${t.revoked_at}` : t.expires_at ? `expires ${t.expires_at}` : 'active'}\t${t.label}\n`);
      }
      return 0;
    }
    if (command === 'revoke') {
      const id = Number(rest[0]);
      if (!Number.isInteger(id) || !(await tokens.revoke(id))) {
        io.stderr.write(`No active token with id ${rest[0]}\n`);
        return 2;
      }
      io.stdout.write(`Token ${id} revoked\n`);
      return 0;
    }
    const role = option('role') as AccessRole | undefined;
    if (!role || !Object.values(AccessRole).includes(role)) {
      io.stderr.write(`--role must be one of ${Object.values(AccessRole).join(', ')}\n`);
      return 2;
    }
    const ref = option('organization');
    const organizationId = ref ? await resolveOrganization(em, ref) : null;
    if (ref && organizationId === null) {
      io.stderr.write(`No organization matches ${ref}\n`);
      return 2;
    }
    const expires = option('expires');
    if (expires && !/^\d{4}-\d{2}-\d{2}$/.test(expires)) {
      io.stderr.write('--expires must be a date written YYYY-MM-DD\n');
      return 2;
    }
    try {
      const minted = await tokens.mint({ role, organizationId, label: option('label') ?? `${role} token`, expiresAt: expires });
      io.stdout.write(`Token ${minted.id} (${role}${organizationId ? `, organization ${organizationId}` : ''}). Keep it secret; it is shown only now:\n${minted.token}\n`);
      return 0;
    } catch (err) {
      io.stderr.write(`${(err as Error).message}\n`);
      return 2;
    }
  } finally {
    await orm.close();
  }
}

if (require.main === module) {
  runTokenCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env })
    .then((code) => process.exit(code))
    .catch((err) => {
      console.error(err);
      process.exit(3);
    });
}
