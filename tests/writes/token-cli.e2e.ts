import { runTokenCli } from '../../src/cli/token';
import { openDatabase } from '../../src/db/database';
import { TokenService } from '../../src/modules/access/token.service';
import { startRegistry } from '../support/registry';
import { tinyNetwork } from '../support/tiny-network';
import { createTestDatabase } from '../support/databases';

/** What the secretariat types to hand out and withdraw access. */
describe('the token command', () => {
  const capture = () => {
    const out: string[] = [];
    const err: string[] = [];
    return { out, err, io: (env: NodeJS.ProcessEnv) => ({ stdout: { write: (t: string) => out.push(t) }, stderr: { write: (t: string) => err.push(t) }, env }) };
  };

  it('mints a token for an organization found by its SIRET, lists it, revokes it once, and refuses bad arguments', async () => {
    const db = await createTestDatabase('sqlite');
    const secret = 'test-secret-of-at-least-thirty-two-characters';
    const env = { ...process.env, SQLITE_PATH: db.settings.sqlitePath, DATABASE_URL: '', TOKEN_SECRET: secret };
    // Seed the database the command will work on, through the registry itself.
    const { orm } = await openDatabase(db.settings, () => ({ network: tinyNetwork() }));
    await orm.close();

    const mint = capture();
    expect(await runTokenCli(['mint', '--role', 'MISSION_LOCALE', '--organization', '32970535400036', '--label', 'ML Rennes'], mint.io(env))).toBe(0);
    const token = mint.out.join('').trim().split('\n').pop()!;
    expect(token).toMatch(/^mlr_/);

    const list = capture();
    expect(await runTokenCli(['list'], list.io(env))).toBe(0);
    expect(list.out.join('')).toMatch(/^1\tMISSION_LOCALE\t\d+\tactive\tML Rennes/);

    const bad = capture();
    expect(await runTokenCli(['mint', '--role', 'ARML', '--organization', '99999999999999'], bad.io(env))).toBe(2);
    expect(await runTokenCli(['mint', '--role', 'KING'], bad.io(env))).toBe(2);
    expect(await runTokenCli(['mint', '--role', 'NATIONAL'], bad.io({ ...env, TOKEN_SECRET: '' }))).toBe(2);
    expect(bad.err.join('')).toMatch(/No organization matches 99999999999999/);

    const revoke = capture();
    expect(await runTokenCli(['revoke', '1'], revoke.io(env))).toBe(0);
    expect(await runTokenCli(['revoke', '1'], revoke.io(env))).toBe(2);
  });

  it('gives tokens the server verifies against the same secret only', async () => {
    const r = await startRegistry('sqlite', { network: tinyNetwork() });
    try {
      const { token } = await r.mintToken('NATIONAL' as never, null);
      const ok = await r.query('{ __typename }', {}, token);
      expect(ok.status).toBe(200);
      const other = new TokenService((r.orm.em as any).getKnex(), 'another-secret-of-at-least-thirty-two-chars');
      await expect(other.verify(token)).rejects.toThrow('Unknown token');
    } finally {
      await r.stop();
    }
  });
});
