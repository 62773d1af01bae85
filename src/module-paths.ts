import Module from 'node:module';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';

/**
 * The files the service's `require`s resolve to, found once by the build (`npm run build`, by
 * src/write-module-paths.ts) and looked up at start. Node otherwise searches for each of ~3,000
 * requests (1,960 modules) through node_modules folders and package.json files: 0.17 s of the
 * 0.69 s the service's modules take to load. A request the build did not see is resolved by Node.
 */

/** The project's folder (holding node_modules), from dist/src or src. */
const ROOT = resolve(__dirname, __dirname.endsWith(join('dist', 'src')) ? '../..' : '..');

/** Where the build writes the paths, next to the compiled service. */
export const MODULE_PATHS_FILE = join(__dirname, 'module-paths.json');

/** npm rewrites this file at every install: the paths hold for the installation they were found in. */
const INSTALLATION_FILE = join(ROOT, 'node_modules', '.package-lock.json');

/** What the build wrote: the installation and compilation it saw, and the file of each request by folder. */
interface ModulePaths {
  installation: string;
  /** `folder of the requiring module` NUL `request` → file; both relative to the project's folder. */
  files: Record<string, string>;
}

type Resolve = (request: string, parent: Module | undefined, isMain: boolean, options?: unknown) => string;
const loader = Module as unknown as { _resolveFilename: Resolve };

/**
 * The stamp of the installation and of the compilation: the size and time of npm's record of
 * node_modules, and the time of this file (the compiler writes every file again, so a compilation
 * without the build's record of paths, whose files may have moved, makes the record stale).
 */
function installation(): string {
  const { size, mtimeMs } = statSync(INSTALLATION_FILE);
  return `${size}:${mtimeMs}:${statSync(__filename).mtimeMs}`;
}

/** Where a request from a module's folder is looked up: relative to the project's folder. */
function keyOf(parent: Module, request: string): string | undefined {
  return parent.path?.startsWith(ROOT + sep) ? `${parent.path.slice(ROOT.length)}\0${request}` : undefined;
}

/** Runs `load` and returns where each of its `require`s resolved, for `useModulePaths`. */
export function recordModulePaths(load: () => void): ModulePaths {
  const files: Record<string, string> = {};
  const resolveFilename = loader._resolveFilename;
  loader._resolveFilename = function recording(request, parent, isMain, options) {
    const file = resolveFilename.call(this, request, parent, isMain, options);
    // Built-in modules and calls with options (require.resolve's search paths) are left to Node.
    const key = parent && !options ? keyOf(parent, request) : undefined;
    if (key !== undefined && file.startsWith(ROOT + sep)) files[key] = file.slice(ROOT.length);
    return file;
  };
  try {
    load();
  } finally {
    loader._resolveFilename = resolveFilename;
  }
  return { installation: installation(), files };
}

/** Writes recorded paths where `useModulePaths` reads them. */
export function writeModulePaths(paths: ModulePaths, file = MODULE_PATHS_FILE): void {
  writeFileSync(file, JSON.stringify(paths));
}

/**
 * From now on, `require` takes the file the build found for a request it saw from the same folder.
 * Does nothing, and returns false, when there is no such record, or node_modules was installed or the
 * service compiled again since (files may have moved).
 */
export function useModulePaths(file = MODULE_PATHS_FILE): boolean {
  if (!existsSync(file) || !existsSync(INSTALLATION_FILE)) return false;
  const paths: ModulePaths = JSON.parse(readFileSync(file, 'utf8'));
  if (paths.installation !== installation()) return false;
  const files = new Map(Object.entries(paths.files));
  const resolveFilename = loader._resolveFilename;
  loader._resolveFilename = function lookingUp(request, parent, isMain, options) {
    const found = parent && !options ? files.get(keyOf(parent, request) ?? '') : undefined;
    return found !== undefined ? ROOT + found : resolveFilename.call(this, request, parent, isMain, options);
  };
  return true;
}
