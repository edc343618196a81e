// Two projects. `unit` (tests/unit) runs the pipeline modules, the CLIs on scratch folders and Astro components
// through the Container API, its files in parallel. `site` (tests/site) runs on the two builds made by
// tests/global-setup.ts in real Chromium, one file at a time and after the unit tests (sequence.groupOrder), so
// no two browsers or a browser and the unit workers compete for the CPU and push a wait past its limit.
// (groupOrder 0 is avoided: Vitest puts single-worker projects of order 0, the unit project on a 2-core machine,
// into a group of its own that runs last.)
import { getViteConfig } from 'astro/config';

export default getViteConfig({
  test: {
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 600_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], fileParallelism: true, sequence: { groupOrder: 1 } } },
      {
        extends: true,
        test: { name: 'site', include: ['tests/site/**/*.test.ts'], fileParallelism: false, sequence: { groupOrder: 2 }, globalSetup: ['tests/global-setup.ts'] },
      },
    ],
  },
});
