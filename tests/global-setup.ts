/**
 * Builds the site twice before the site tests, as a user would with the README's
 * command: at the root (.test-dist/root) and under a sub-path (.test-dist/sub, base
 * /policy/), never into the user's dist/. Strict mode: any translation or glossary
 * finding fails the run. SKIP_SITE_BUILD=1 reuses existing builds (for quick local
 * reruns; they are not checked for freshness). Only the site project runs this.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Where the two builds live and their base paths; read by tests/site/helpers.ts. */
export const BUILDS = {
  root: { dir: process.env.TEST_DIST_ROOT || '.test-dist/root', base: '/' },
  sub: { dir: process.env.TEST_DIST_SUB || '.test-dist/sub', base: '/policy/' },
} as const;

/** The environment a user's shell would give the build: without what Vitest and Vite put into process.env (BASE_URL, NODE_ENV=test, MODE…), which Astro would otherwise pick up. */
function userEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(VITEST|VITE_|BASE_URL$|NODE_ENV$|MODE$|DEV$|PROD$|SSR$|TEST$)/.test(k)));
}

function build(dir: string, base: string): void {
  execFileSync(process.execPath, ['scripts/build.ts', '--strict'], { stdio: 'inherit', env: { ...userEnv(), OUT_DIR: dir, BASE_PATH: base, ASTRO_TELEMETRY_DISABLED: '1' } });
}

export default function setup(): void {
  if (process.env.SKIP_SITE_BUILD === '1' && existsSync(BUILDS.root.dir) && existsSync(BUILDS.sub.dir)) return;
  build(BUILDS.sub.dir, BUILDS.sub.base);
  build(BUILDS.root.dir, BUILDS.root.base);
}
