#!/usr/bin/env node
// Entry point of the `handlingar` command; the code lives in engine/cli.ts (compiled to dist/).
import { run } from '../dist/engine/cli.js';

process.exitCode = run(process.argv.slice(2));
