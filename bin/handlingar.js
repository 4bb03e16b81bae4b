#!/usr/bin/env node
// Entry point of the `handlingar` command; the code lives in engine/cli.ts.
import { Buffer } from 'node:buffer';
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const BUNDLE = fileURLToPath(new URL('../dist/bundle/cli.cjs', import.meta.url));
const CODE_CACHE = fileURLToPath(new URL('../dist/bundle/cli.code-cache', import.meta.url));
const TSC_OUTPUT = new URL('../dist/engine/cli.js', import.meta.url);

// V8 checks a code cache only against its own version and flags and the length of the source,
// and a cache damaged on disk would crash it: the file starts with a hash of the bundle and of
// the cache, and a cache that does not match is not used.
const HASH_BYTES = 20;
const hashOf = (source, cache) => createHash('sha1').update(source).update(cache).digest();

function readCodeCache(source) {
  let file;
  try {
    file = readFileSync(CODE_CACHE);
  } catch {
    return undefined; // No cache: V8 compiles as it goes.
  }
  const cache = file.subarray(HASH_BYTES);
  return hashOf(source, cache).equals(file.subarray(0, HASH_BYTES)) ? cache : undefined;
}

/**
 * The CLI from the bundle that `npm run build` makes after tsc (scripts/bundle.ts), with the code
 * V8 compiled for it during a check: `check`, run on every save and in CI, starts without
 * loading some 160 modules and compiling their functions. (Node 20 reuses compiled code only
 * for a vm.Script.)
 */
function loadBundle() {
  const source = readFileSync(BUNDLE);
  const writeCache = Boolean(process.env.HANDLINGAR_WRITE_CODE_CACHE);
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: BUNDLE,
    cachedData: writeCache ? undefined : readCodeCache(source),
  });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(BUNDLE), module, BUNDLE, path.dirname(BUNDLE));
  // For scripts/bundle.ts: after the check of the example meeting, the cache holds all it compiled.
  if (writeCache)
    process.on('beforeExit', () => {
      const cache = script.createCachedData();
      writeFileSync(`${CODE_CACHE}.tmp`, Buffer.concat([hashOf(source, cache), cache]));
      renameSync(`${CODE_CACHE}.tmp`, CODE_CACHE);
    });
  return module.exports;
}

// After a bare `tsc` (which rewrites every file in dist/engine/) the bundle is older than its
// sources: then tsc's output runs, never older code.
const modified = (file) => statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0;
const { installInterruptHandlers, run } =
  modified(BUNDLE) >= modified(TSC_OUTPUT) ? loadBundle() : await import(TSC_OUTPUT.href);

// A reader that stops early (`handlingar check … | head`) is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
// Ctrl+C and SIGTERM leave nothing half-done behind (exit 130).
await installInterruptHandlers();
process.exitCode = await run(process.argv.slice(2));
