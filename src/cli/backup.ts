/**
 * `npm run backup -- <file>`: an online, consistent copy of the embedded SQLite database while the
 * service keeps running and writing (SQLite's `VACUUM INTO`, one read transaction: the copy is the
 * database as of one instant). Restoring is stopping the service and putting the copy in place of
 * SQLITE_PATH. With DATABASE_URL (PostgreSQL), use `pg_dump`: this command says so and exits 2.
 */
import 'reflect-metadata';
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import sqlite3 from 'sqlite3';
import { loadSettings } from '../config';

export async function backup(target: string, env: NodeJS.ProcessEnv = process.env): Promise<{ bytes: number; file: string }> {
  const settings = loadSettings(env);
  if (settings.databaseUrl) throw new Error('The registry runs on PostgreSQL (DATABASE_URL): back it up with pg_dump');
  const file = resolve(target);
  if (existsSync(file)) throw new Error(`${file} exists: give a new file name`);
  const db = new sqlite3.Database(settings.sqlitePath, sqlite3.OPEN_READONLY);
  try {
    await new Promise<void>((res, rej) => db.run('PRAGMA busy_timeout = 5000', (err) => (err ? rej(err) : res())));
    await new Promise<void>((res, rej) => db.run('VACUUM INTO ?', [file], (err) => (err ? rej(err) : res())));
  } finally {
    await new Promise<void>((res) => db.close(() => res()));
  }
  return { bytes: statSync(file).size, file };
}

if (require.main === module) {
  const target = process.argv[2];
  if (!target) {
    process.stderr.write('usage: npm run backup -- <file>\n');
    process.exit(2);
  }
  backup(target).then(
    ({ bytes, file }) => process.stdout.write(`Backup written to ${file} (${bytes} bytes)\n`),
    (err: Error) => {
      process.stderr.write(`${err.message}\n`);
      process.exit(2);
    },
  );
}
