// Unit tests (tests/unit) run on the pipeline modules; site tests (tests/site) run on a built dist/ in real Chromium.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 600_000,
    fileParallelism: true,
    globalSetup: ['tests/global-setup.ts'],
  },
});
