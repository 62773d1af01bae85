import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { EntityManager } from '@mikro-orm/knex';
import { loadSettings } from '../config';
import { openDatabase } from '../db/database';
import { MalformedCoverageFileError, readCoverageFile } from '../modules/coverage-import/coverage-file';
import { CoverageImportError, CoverageImportSummary, importCoverage } from '../modules/coverage-import/coverage-import.service';
import { today } from '../shared/dates';

const USAGE = `Usage: import-coverage <file> [--date YYYY-MM-DD] [--strict] [--dry-run]

Imports UNML's commune-coverage file into the configured database (DATABASE_URL, or SQLITE_PATH),
in one transaction. Each Code ML becomes (or updates) a Mission Locale, member of its region's ARML,
with its head office; it then covers exactly the communes the file gives it, from the import date.
Illustrative Missions Locales lose the communes the file gives to others, and are dissolved when left
with none; official ones are only reported.

  --date      import date: start of new records, end of those that stop (default: today)
  --strict    abort, writing nothing, if any row is rejected (default: rejected rows are reported
              and left out, the valid rows are imported)
  --dry-run   do everything, print the summary, then roll back

A head office whose commune cannot be found (postal code + town) is reported as a warning: the
Mission Locale and its coverage are imported, its head office is not created or changed.

Exit status: 0 imported (or dry run), 1 aborted by --strict, 2 file, date or arguments refused
(nothing written), 3 unexpected failure (nothing written).`;

/** Where the command writes; `isTTY` on stderr turns the progress bar on. */
export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  env: NodeJS.ProcessEnv;
}

interface CliArgs {
  file: string;
  date: string;
  strict: boolean;
  dryRun: boolean;
}

/** Exit statuses of the command. */
const EXIT = { OK: 0, STRICT_ABORT: 1, REFUSED: 2 } as const;

/** Reads the arguments; returns an error message for anything it does not understand. */
export function parseArgs(argv: string[]): CliArgs | string {
  const args: CliArgs = { file: '', date: today(), strict: false, dryRun: false };
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i];
    if (a === '--strict') args.strict = true;
    else if (a === '--dry-run') args.dryRun = true;
    else if (a === '--date' && argv[i + 1]) args.date = argv[(i += 1)];
    else if (a.startsWith('--date=')) args.date = a.slice('--date='.length);
    else if (!a.startsWith('--') && !args.file) args.file = a;
    else return `Unexpected argument: ${a}`;
  }
  return args.file ? args : 'Missing the file to import';
}

/** Runs the command; returns its exit status. */
export async function runImportCoverage(argv: string[], io: CliIo): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout.write(`${USAGE}\n`);
    return EXIT.OK;
  }
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    io.stderr.write(`${args}\n\n${USAGE}\n`);
    return EXIT.REFUSED;
  }
  let content: Buffer;
  try {
    content = readFileSync(args.file);
  } catch (err) {
    io.stderr.write(`Nothing imported: cannot read ${args.file} (${(err as Error).message})\n`);
    return EXIT.REFUSED;
  }
  try {
    // The file is checked before the database is opened: a malformed file must not even migrate it.
    readCoverageFile(content);
  } catch (err) {
    return refused(err, io);
  }
  const { orm } = await openDatabase(loadSettings(io.env));
  try {
    const summary = await importCoverage((orm.em as EntityManager).getKnex(), content, {
      date: args.date,
      fileName: basename(args.file),
      strict: args.strict,
      dryRun: args.dryRun,
      onProgress: io.stderr.isTTY ? progressBar(io.stderr) : undefined,
    });
    io.stdout.write(formatSummary(summary));
    return summary.status === 'ABORTED_STRICT' ? EXIT.STRICT_ABORT : EXIT.OK;
  } catch (err) {
    return refused(err, io);
  } finally {
    await orm.close();
  }
}

/** Reports a file or date the import refuses; anything else is unexpected and rethrown. */
function refused(err: unknown, io: CliIo): number {
  if (err instanceof MalformedCoverageFileError || err instanceof CoverageImportError) {
    io.stderr.write(`Nothing imported: ${err.message} (${err.code})\n`);
    return EXIT.REFUSED;
  }
  throw err;
}

/** A one-line text progress bar, redrawn only when the percentage changes. */
export function progressBar(out: { write(text: string): unknown }, width = 30): (done: number, total: number) => void {
  let shown = -1;
  return (done, total) => {
    const pct = total === 0 ? 100 : Math.floor((done * 100) / total);
    if (pct === shown) return;
    shown = pct;
    const filled = Math.round((pct * width) / 100);
    out.write(`\rMissions Locales [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(pct).padStart(3)}% (${done}/${total})`);
    if (done === total) out.write('\n');
  };
}

/** The summary printed at the end: counts, then every rejected row and warning with its line number. */
export function formatSummary(s: CoverageImportSummary): string {
  const heading = {
    IMPORTED: `Imported ${s.fileName} on ${s.date}`,
    DRY_RUN: `Dry run of ${s.fileName} on ${s.date}: nothing written`,
    ABORTED_STRICT: `Aborted (--strict): ${s.rows.rejected} rejected row(s) in ${s.fileName}, nothing written`,
  }[s.status];
  const ml = s.missionsLocales;
  const lines = [
    heading,
    `Rows: ${s.rows.read} read, ${s.rows.accepted} accepted, ${s.rows.rejected} rejected`,
    `Missions Locales: ${ml.inFile} in the file, ${ml.created} created, ${ml.updated} updated, ${ml.unchanged} unchanged, ${ml.dissolved} dissolved`,
    `Communes covered: ${s.communesCovered} (coverage rows: ${s.coverage.opened} opened, ${s.coverage.ended} ended)`,
    `Memberships: ${s.memberships.opened} opened, ${s.memberships.ended} ended; head offices: ${s.headOffices.created} created, ${s.headOffices.updated} updated`,
    ...s.dissolved.map((o) => `  dissolved: ${o.name} (id ${o.id})`),
    ...(s.realLeftWithoutCoverage.length ? [`Real Missions Locales left without any commune (not dissolved, to check): ${s.realLeftWithoutCoverage.length}`] : []),
    ...s.realLeftWithoutCoverage.map((o) => `  ${o.name} (id ${o.id}, ${o.provenance})`),
    ...(s.rejections.length ? [`Rejected rows: ${s.rejections.length}`] : []),
    ...s.rejections.map((r) => `  line ${r.line}: ${r.code} ${r.message}`),
    ...(s.warnings.length ? [`Warnings: ${s.warnings.length}`] : []),
    ...s.warnings.map((w) => `  line ${w.line}: ${w.code} ${w.message}`),
  ];
  return `${lines.join('\n')}\n`;
}

if (require.main === module) {
  runImportCoverage(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env })
    .then((status) => {
      process.exitCode = status;
    })
    .catch((err) => {
      console.error('Import failed, nothing written:', err);
      process.exitCode = 3;
    });
}
