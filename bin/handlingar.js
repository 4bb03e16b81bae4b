#!/usr/bin/env node
// Entry point of the `handlingar` command; the code lives in engine/cli.ts.
import { statSync } from 'node:fs';

// It runs from the bundle that `npm run build` makes after tsc (scripts/bundle.ts): check,
// run on every save and in CI, then loads a few files instead of some 160 modules. After a bare
// `tsc` (which rewrites every file in dist/engine/) the bundle is older than its sources: then
// tsc's output runs, never older code.
const modified = (file) => statSync(new URL(file, import.meta.url), { throwIfNoEntry: false })?.mtimeMs ?? 0;
const bundled = modified('../dist/bundle/cli.js') >= modified('../dist/engine/cli.js');
const { installInterruptHandlers, run } = await import(bundled ? '../dist/bundle/cli.js' : '../dist/engine/cli.js');

// A reader that stops early (`handlingar check … | head`) is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
// Ctrl+C and SIGTERM leave nothing half-done behind (exit 130).
await installInterruptHandlers();
process.exitCode = await run(process.argv.slice(2));
