// Builds the engine once (tsc, then the CLI's bundle, as `npm run build` does), so the tests
// that run the real `handlingar` command use this code.
import { execFileSync } from 'node:child_process';
import { bundle } from '../scripts/bundle.js';

export default async function setup(): Promise<void> {
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], {
    stdio: 'inherit',
  });
  await bundle();
}
