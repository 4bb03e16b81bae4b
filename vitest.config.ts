import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    // Tests spawn the CLI and read files; a loaded 2-core machine needs generous limits.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // `handlingar check` keeps a cache; the tests' runs keep theirs apart from the user's.
    env: { HANDLINGAR_CACHE: path.join(tmpdir(), `handlingar-test-cache-${process.pid}`) },
  },
});
