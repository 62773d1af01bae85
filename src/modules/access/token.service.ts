import { createHmac, randomBytes } from 'node:crypto';
import type { Knex } from '@mikro-orm/knex';
import { AccessRole, Caller } from './caller';

const TOKEN_PREFIX = 'mlr_';

/** Why a presented token is refused (the message a client sees). */
export class TokenRefused extends Error {}

/**
 * API tokens: the secret is shown once at minting; the database keeps only its HMAC, keyed by
 * TOKEN_SECRET from the environment, so a copy of the database alone cannot forge or replay one.
 */
export class TokenService {
  constructor(private readonly knex: Knex, private readonly secret: string | undefined) {}

  private hash(token: string): string {
    if (!this.secret) throw new TokenRefused('Token authentication is not configured on this server (TOKEN_SECRET is unset)');
    return createHmac('sha256', this.secret).update(token).digest('hex');
  }

  /** Creates a token for a role and scope; returns the secret to hand over (it cannot be shown again). */
  async mint(input: { role: AccessRole; organizationId: number | null; label: string; expiresAt?: string }): Promise<{ id: number; token: string }> {
    if ((input.role === AccessRole.NATIONAL) !== (input.organizationId === null)) {
      throw new Error('A NATIONAL token has no organization; ARML and MISSION_LOCALE tokens need theirs');
    }
    const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
    const [row] = await this.knex('api_token').insert({
      token_hash: this.hash(token), role: input.role, organization_id: input.organizationId, label: input.label,
      created_at: new Date().toISOString(), expires_at: input.expiresAt ?? null, revoked_at: null,
    }).returning('id');
    return { id: Number(typeof row === 'object' ? row.id : row), token };
  }

  /** Revokes a token; true when it existed and was active. */
  async revoke(id: number): Promise<boolean> {
    const changed = await this.knex('api_token').where({ id }).whereNull('revoked_at').update({ revoked_at: new Date().toISOString() });
    return Number(changed) > 0;
  }

  list(): Promise<{ id: number; role: string; organization_id: number | null; label: string; created_at: string; expires_at: string | null; revoked_at: string | null }[]> {
    return this.knex('api_token').select('id', 'role', 'organization_id', 'label', 'created_at', 'expires_at', 'revoked_at').orderBy('id');
  }

  /** The caller a bearer token stands for; refuses unknown, revoked and expired tokens. */
  async verify(token: string): Promise<Caller> {
    if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) throw new TokenRefused('Malformed token');
    const row = await this.knex('api_token').where({ token_hash: this.hash(token) }).first();
    if (!row) throw new TokenRefused('Unknown token');
    if (row.revoked_at) throw new TokenRefused('Revoked token');
    if (row.expires_at && row.expires_at <= new Date().toISOString()) throw new TokenRefused('Expired token');
    return { kind: 'token', tokenId: Number(row.id), role: row.role as AccessRole, organizationId: row.organization_id === null ? null : Number(row.organization_id) };
  }
}
