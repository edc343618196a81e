/**
 * Builds the site twice before the site tests, as a user would with the README's
 * command: at the root (.test-dist/root) and under a sub-path (.test-dist/sub, base
 * /policy/), never into the user's dist/. Strict mode: any translation or glossary
 * finding fails the run. Only the site project runs this.
 *
 * SKIP_SITE_BUILD=1 reuses the builds of an earlier run for quick local reruns,
 * but only when they were made from the same inputs (a hash of content/, scripts/,
 * src/ without src/generated/, astro.config.mjs and package-lock.json, stored next
 * to the builds); otherwise it builds anyway and says why.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where the two builds live and their base paths; read by tests/site/helpers.ts. */
export const BUILDS = {
  root: { dir: process.env.TEST_DIST_ROOT || '.test-dist/root', base: '/' },
  sub: { dir: process.env.TEST_DIST_SUB || '.test-dist/sub', base: '/policy/' },
} as const;

const STAMP = '.test-dist/inputs.sha256';

/** The environment a user's shell would give the build: without what Vitest and Vite put into process.env (BASE_URL, NODE_ENV=test, MODE…), which Astro would otherwise pick up. */
function userEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(VITEST|VITE_|BASE_URL$|NODE_ENV$|MODE$|DEV$|PROD$|SSR$|TEST$|CONTENT_DIR$)/.test(k)));
}

/** A hash of everything a build is made from, so a reused build is known to be current. */
function inputsHash(): string {
  const hash = createHash('sha256');
  const walk = (path: string) => {
    if (!existsSync(path) || path === join('src', 'generated')) return;
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path).sort()) walk(join(path, name));
    } else {
      hash.update(`${path}\0`).update(readFileSync(path)).update('\0');
    }
  };
  for (const path of ['content', 'scripts', 'src', 'astro.config.mjs', 'package-lock.json']) walk(path);
  return hash.digest('hex');
}

function build(dir: string, base: string): void {
  execFileSync(process.execPath, ['scripts/build.ts', '--strict'], { stdio: 'inherit', env: { ...userEnv(), OUT_DIR: dir, BASE_PATH: base, ASTRO_TELEMETRY_DISABLED: '1' } });
}

export default function setup(): void {
  const inputs = inputsHash();
  if (process.env.SKIP_SITE_BUILD === '1') {
    const current = existsSync(BUILDS.root.dir) && existsSync(BUILDS.sub.dir) && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === inputs;
    if (current) return;
    console.warn('SKIP_SITE_BUILD=1: the test builds are missing or were made from other inputs; building them again.');
  }
  build(BUILDS.sub.dir, BUILDS.sub.base);
  build(BUILDS.root.dir, BUILDS.root.base);
  writeFileSync(STAMP, inputs);
}
