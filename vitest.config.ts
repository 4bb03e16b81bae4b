import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    // Tests spawn the CLI and read files; a loaded 2-core machine needs generous limits.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
