import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import type { EntityManager } from '@mikro-orm/knex';
import { loadSettings } from '../config';
import { openDatabase } from '../db/database';
import type { ExportOptions } from '../modules/exports/dated-rows';
import { EXPORT_NAMES, ExportName, exportOptions, ExportRequestError, EXPORTS } from '../modules/exports/export-catalog';

const USAGE = `Usage: export <${EXPORT_NAMES.join('|')}> [--as-of YYYY-MM-DD] [--history] [--out file]

Writes an open-data export of the configured database (DATABASE_URL, or SQLITE_PATH), the same
file the service serves under /exports/:

  popolo        the network in Popolo JSON: organizations, persons (names only), posts, memberships
  sites         every reception site with known coordinates, as GeoJSON
  head-offices  the head office of each Mission Locale with known coordinates, as GeoJSON
  coverage      the communes covered, in UNML's coverage-file format (what import:coverage reads)

  --as-of     the day described (default: today)
  --history   Popolo only: every record, ended or not, instead of those in effect on the day
  --out       write to this file instead of standard output

Exit status: 0 written, 2 arguments refused, 3 unexpected failure.`;

/** Where the command writes. */
export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  env: NodeJS.ProcessEnv;
}

interface CliArgs {
  name: ExportName;
  options: ExportOptions;
  out?: string;
}

/** Reads the arguments; returns an error message for anything it does not understand. */
export function parseArgs(argv: string[]): CliArgs | string {
  let name: string | undefined;
  let asOf: string | undefined;
  let history = false;
  let out: string | undefined;
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i];
    if (a === '--history') history = true;
    else if (a === '--as-of' && argv[i + 1]) asOf = argv[(i += 1)];
    else if (a.startsWith('--as-of=')) asOf = a.slice('--as-of='.length);
    else if (a === '--out' && argv[i + 1]) out = argv[(i += 1)];
    else if (a.startsWith('--out=')) out = a.slice('--out='.length);
    else if (!a.startsWith('--') && name === undefined) name = a;
    else return `Unexpected argument: ${a}`;
  }
  if (name === undefined) return 'Missing the export to write';
  if (!(EXPORT_NAMES as readonly string[]).includes(name)) return `Unknown export "${name}": one of ${EXPORT_NAMES.join(', ')}`;
  try {
    return { name: name as ExportName, options: exportOptions(name as ExportName, asOf, history), out };
  } catch (err) {
    if (err instanceof ExportRequestError) return err.message;
    throw err;
  }
}

/** Runs the command; returns its exit status. */
export async function runExport(argv: string[], io: CliIo): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    io.stderr.write(`${args}\n\n${USAGE}\n`);
    return 2;
  }
  const { orm } = await openDatabase(loadSettings(io.env));
  try {
    const text = await EXPORTS[args.name].build((orm.em as EntityManager).getKnex(), args.options);
    if (args.out) {
      writeFileSync(args.out, text, 'utf8');
      io.stderr.write(`Wrote ${args.name} on ${args.options.asOf}${args.options.history ? ' (whole history)' : ''} to ${args.out} (${Buffer.byteLength(text)} bytes)\n`);
    } else {
      io.stdout.write(text);
    }
    return 0;
  } finally {
    await orm.close();
  }
}

if (require.main === module) {
  runExport(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env })
    .then((status) => {
      process.exitCode = status;
    })
    .catch((err) => {
      console.error('Export failed:', err);
      process.exitCode = 3;
    });
}
