#!/usr/bin/env node
// Entry point of the `handlingar` command; the code lives in engine/cli.ts (compiled to dist/).
import { installInterruptHandlers, run } from '../dist/engine/cli.js';

// A reader that stops early (`handlingar check … | head`) is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
// Ctrl+C and SIGTERM leave nothing half-done behind (exit 130).
await installInterruptHandlers();
process.exitCode = await run(process.argv.slice(2));
