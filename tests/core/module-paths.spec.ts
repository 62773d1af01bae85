import Module, { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { recordModulePaths, useModulePaths } from '../../src/module-paths';

const ROOT = resolve(__dirname, '../..');
type Resolve = (request: string, parent: unknown, isMain: boolean, options?: unknown) => string;
const loader = Module as unknown as { _resolveFilename: Resolve; _nodeModulePaths(folder: string): string[] };

/** A module of the project's folder `folder` (relative), as `require` passes its parent. */
const parentIn = (folder: string) => ({ path: ROOT + folder, filename: join(ROOT + folder, 'index.js'), paths: loader._nodeModulePaths(ROOT + folder) });

/**
 * The build records where the service's `require`s resolve (`npm run build`: dist/src/module-paths.json)
 * and the service looks them up at start. `npm test` builds before running this.
 */
describe('module paths', () => {
  const built = join(ROOT, 'dist/src', 'module-paths.json');
  const original = loader._resolveFilename;
  afterEach(() => {
    loader._resolveFilename = original;
  });

  it('written by the build are where Node resolves each request from each folder', () => {
    const { files } = JSON.parse(readFileSync(built, 'utf8')) as { files: Record<string, string> };
    const entries = Object.entries(files);
    expect(entries.length).toBeGreaterThan(2500);
    expect(entries.map(([key]) => key)).toContain('/dist/src\0./service');
    const wrong = entries.filter(([key, file]) => {
      const [folder, request] = key.split('\0');
      return createRequire(join(ROOT + folder, 'index.js')).resolve(request) !== ROOT + file;
    });
    expect(wrong).toEqual([]);
  });

  it('are looked up by folder and request; requests not seen are left to Node', () => {
    const dir = mkdtempSync(join(tmpdir(), 'module-paths-'));
    const recorded = recordModulePaths(() => loader._resolveFilename('graphql', parentIn('/src'), false));
    expect(recorded.files['/src\0graphql']).toBe('/node_modules/graphql/index.js');
    // A made-up request, to see the lookup answer it.
    recorded.files['/src\0no-such-package'] = '/package.json';
    writeFileSync(join(dir, 'paths.json'), JSON.stringify(recorded));
    expect(useModulePaths(join(dir, 'paths.json'))).toBe(true);
    expect(loader._resolveFilename('no-such-package', parentIn('/src'), false)).toBe(join(ROOT, 'package.json'));
    expect(() => loader._resolveFilename('no-such-package', parentIn('/tests'), false)).toThrow(/Cannot find module/);
    expect(loader._resolveFilename('graphql-scalars', parentIn('/src'), false)).toBe(join(ROOT, 'node_modules/graphql-scalars/cjs/index.js'));
  });

  it('are not used once the service is compiled again without them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'module-paths-'));
    // The compiler writes every file again: here, the module itself gets a later time (whole
    // seconds, which setting a time keeps exactly).
    const compiled = require.resolve('../../src/module-paths');
    const { atime } = statSync(compiled);
    const second = Math.floor(Date.now() / 1000) - 10;
    utimesSync(compiled, atime, second);
    writeFileSync(join(dir, 'paths.json'), JSON.stringify(recordModulePaths(() => undefined)));
    try {
      utimesSync(compiled, atime, second + 1);
      expect(useModulePaths(join(dir, 'paths.json'))).toBe(false);
    } finally {
      utimesSync(compiled, atime, second);
    }
    expect(useModulePaths(join(dir, 'paths.json'))).toBe(true);
  });

  it('are not used after node_modules is installed again, nor when the build wrote none', () => {
    const dir = mkdtempSync(join(tmpdir(), 'module-paths-'));
    const recorded = recordModulePaths(() => undefined);
    writeFileSync(join(dir, 'paths.json'), JSON.stringify({ ...recorded, installation: `${recorded.installation}0`, files: { '/src\0no-such-package': '/package.json' } }));
    expect(useModulePaths(join(dir, 'paths.json'))).toBe(false);
    expect(useModulePaths(join(dir, 'absent.json'))).toBe(false);
    expect(loader._resolveFilename).toBe(original);
  });
});
