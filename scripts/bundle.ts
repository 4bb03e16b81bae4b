// Bundles the command line into dist/bundle/ (run by `npm run build` and `prepare`, after tsc,
// and by the tests' global setup). `handlingar check` runs on every save and in CI; unbundled,
// Node resolves, reads and compiles some 160 ES modules (our files, and zod's) before the
// check starts. Bundled, it reads a few files. The other commands' code stays behind their
// `await import` as chunks of the same bundle, loaded when they run.
//
// dist/engine/ and dist/schemas/ stay exactly as tsc emits them: they are the library
// (package.json "main") and the files that workers and tests load.
import { build, type Plugin } from 'esbuild';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BUNDLE_DIR = path.join(ROOT, 'dist', 'bundle');

/** Each entry becomes dist/bundle/<name>.js. */
const ENTRIES = ['engine/cli.ts'];

// Small, pure JavaScript and on the path of check: bundled. Every other dependency (docx,
// exceljs, pdf-lib …) is large, only needed by the commands that write documents, and is
// loaded from node_modules as usual.
const BUNDLED_PACKAGES = new Set(['commander', 'fastest-levenshtein', 'marked', 'yaml', 'zod']);

/**
 * In the bundle, `import.meta.url` of each source file is the URL of the file tsc emits for it
 * (dist/engine/…/x.js), so that everything found relative to a module (the built-in templates,
 * the package root, a worker started with `new Worker(new URL('./worker.js', import.meta.url))`)
 * is found as in the unbundled build. Every bundle file lies directly in dist/bundle/.
 */
const tscLocation: Plugin = {
  name: 'import-meta-url-of-tsc-output',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      if (!source.includes('import.meta.url')) return undefined;
      const emitted = path.join(ROOT, 'dist', path.relative(ROOT, args.path)).replace(/\.ts$/, '.js');
      const relative = path.relative(BUNDLE_DIR, emitted).split(path.sep).join('/');
      return {
        contents: source.replaceAll('import.meta.url', `new URL(${JSON.stringify(relative)}, import.meta.url).href`),
        loader: 'ts',
      };
    });
  },
};

/**
 * zod's index of locales imports all of its 60-odd languages; the engine uses only Swedish
 * (engine/load/validate.ts; zod's English default is imported on its own). A quarter of the
 * code check would otherwise compile.
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
  // Chunk names carry a hash of their content: the last build's would stay behind.
  await rm(BUNDLE_DIR, { recursive: true, force: true });
  await build({
    absWorkingDir: ROOT,
    entryPoints: ENTRIES,
    outdir: BUNDLE_DIR,
    entryNames: '[name]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // A marked package is external with its subpaths (pizzip/utils …).
    external: Object.keys(dependencies).filter((name) => !BUNDLED_PACKAGES.has(name)),
    // yaml's Node build is CommonJS and requires node: modules; a bundle in ES module format
    // needs a `require` for that.
    banner: {
      js: "import { createRequire as bundleCreateRequire } from 'node:module'; const require = bundleCreateRequire(import.meta.url);",
    },
    plugins: [tscLocation, swedishOnly],
    logLevel: 'warning',
  });
}

if (process.argv[1] && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url) await bundle();
