// Unit tests (tests/unit) run on the pipeline modules and render Astro components with the Container API; site tests (tests/site) run on a built dist/ in real Chromium.
import { getViteConfig } from 'astro/config';

export default getViteConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 600_000,
    fileParallelism: true,
    globalSetup: ['tests/global-setup.ts'],
  },
});
