import { spawnSync } from 'node:child_process';

/**
 * MikroORM's migrator runs on umzug, whose index loaded its command-line interface
 * (@rushstack/ts-command-line) at once: ~150 ms of every start on a 2-core host, for a CLI the
 * service never uses (patches/umzug+3.8.2.patch loads it on first use).
 */
describe("umzug's command-line interface", () => {
  const loaded = (script: string) => {
    const run = spawnSync(process.execPath, ['-e', `${script}; console.log(JSON.stringify(Object.keys(require.cache).filter((k) => /ts-command-line/.test(k)).length))`], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    return Number(run.stdout.trim());
  };

  it('is not loaded with the migrator', () => {
    expect(loaded("require('@mikro-orm/migrations')")).toBe(0);
  });

  it('is still there for whoever asks for it', () => {
    expect(loaded("const { UmzugCLI, Umzug } = require('umzug'); if (typeof UmzugCLI !== 'function' || typeof Umzug !== 'function') process.exit(1)")).toBeGreaterThan(0);
  });
});
