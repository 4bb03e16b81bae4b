// Bundles the command line into one file, dist/bundle/cli.cjs, with a V8 code cache beside it
// (run by `npm run build` and `prepare`, after tsc, and by the tests' global setup).
//
// `handlingar check` runs on every save and in CI. Unbundled, Node resolves, reads and compiles
// some 160 ES modules (our files, and zod's) before the check starts, and then compiles each
// function the first time it runs: cold, a check takes several times as long as warm. Bundled,
// Node reads one file; with the code cache (what V8 compiled during a check of the example
// meeting, made here), most of that compiling is skipped. Node 20 caches compiled code only for
// scripts (vm.Script), not for ES modules: hence CommonJS, loaded by bin/handlingar.js. The
// other commands' code is in the same file, run only when they run (esbuild turns their
// `await import` into lazy initialisation), and so are their dependencies (docx, exceljs …),
// required from node_modules only then.
//
// dist/engine/ and dist/schemas/ stay exactly as tsc emits them: they are the library
// (package.json "main") and the files that workers and tests load.
import { build, type BuildOptions, type Plugin } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BUNDLE_DIR = path.join(ROOT, 'dist', 'bundle');
/** bin/handlingar.js reads these two; it writes the cache when HANDLINGAR_WRITE_CODE_CACHE is set. */
export const BUNDLE = path.join(BUNDLE_DIR, 'cli.cjs');
export const CODE_CACHE = path.join(BUNDLE_DIR, 'cli.code-cache');
/** The worker thread of check (engine/check/pool.ts starts it when it is there and current). */
export const WORKER_BUNDLE = path.join(BUNDLE_DIR, 'worker.cjs');

// Small, pure JavaScript and on the path of check: bundled. Every other dependency (docx,
// exceljs, pdf-lib …) is large, only needed by the commands that write documents, and is
// required from node_modules as usual.
const BUNDLED_PACKAGES = new Set(['commander', 'fastest-levenshtein', 'marked', 'yaml', 'zod']);

/**
 * In the bundle, `import.meta.url` of each source file is the URL of the file tsc emits for it
 * (dist/engine/…/x.js), so that everything found relative to a module (the built-in templates,
 * the package root, a worker started with `new Worker(new URL('./worker.js', import.meta.url))`)
 * is found as in the unbundled build: a worker runs tsc's output.
 */
const tscLocation: Plugin = {
  name: 'import-meta-url-of-tsc-output',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      if (!source.includes('import.meta')) return undefined;
      const emitted = path.join(ROOT, 'dist', path.relative(ROOT, args.path)).replace(/\.ts$/, '.js');
      const relative = path.relative(BUNDLE_DIR, emitted).split(path.sep).join('/');
      // __filename is the bundle's own path (CommonJS).
      const url = `new URL(${JSON.stringify(relative)}, require('node:url').pathToFileURL(__filename)).href`;
      const contents = source.replaceAll('import.meta.url', url);
      // A CommonJS bundle has no import.meta: anything else of it (dirname, resolve) would be undefined.
      if (contents.includes('import.meta'))
        return { errors: [{ text: `${args.path}: only import.meta.url works in the bundle` }] };
      return { contents, loader: 'ts' };
    });
  },
};

/**
 * zod's index of locales imports all of its 60-odd languages; the engine uses only Swedish
 * (engine/load/validate.ts; zod's English default is imported on its own). A quarter of the
 * code check would otherwise load.
 */
const swedishOnly: Plugin = {
  name: 'zod-swedish-locale-only',
  setup(build) {
    build.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, () => ({
      contents: "export { default as sv } from './sv.js';",
      loader: 'js',
    }));
  },
};

export async function bundle(): Promise<void> {
  const { dependencies } = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
  };
  // A code cache must never outlive its bundle.
  await rm(BUNDLE_DIR, { recursive: true, force: true });
  const common: BuildOptions = {
    absWorkingDir: ROOT,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    // A marked package is external with its subpaths (pizzip/utils …).
    external: Object.keys(dependencies).filter((name) => !BUNDLED_PACKAGES.has(name)),
    plugins: [tscLocation, swedishOnly],
    logLevel: 'warning',
  };
  await build({ ...common, entryPoints: ['engine/cli.ts'], outfile: BUNDLE });
  // Each worker of a parallel check loads its code anew: one file instead of some 160 modules.
  await build({ ...common, entryPoints: ['engine/check/worker.ts'], outfile: WORKER_BUNDLE });
  // The code cache: what V8 compiles during a check of the example meeting, in a process of
  // its own, started as the command is. A cache made under other V8 flags or by another Node
  // version is rejected by V8 (and then everything is compiled as without it). The check's own
  // cache is empty, as after an edit: every file is read and checked.
  const checkCache = await mkdtemp(path.join(tmpdir(), 'handlingar-bundle-'));
  try {
    spawnSync(process.execPath, ['bin/handlingar.js', 'check', 'content/moten/2024-09-12', '--cache', checkCache], {
      cwd: ROOT,
      env: { ...process.env, HANDLINGAR_WRITE_CODE_CACHE: '1' },
      stdio: 'ignore',
    });
  } finally {
    await rm(checkCache, { recursive: true, force: true });
  }
  if (!existsSync(CODE_CACHE)) console.warn(`bundle: no code cache was written (${CODE_CACHE}); check starts slower`);
}

if (process.argv[1] && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url) await bundle();
