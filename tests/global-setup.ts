/**
 * Builds the site twice before the site tests, as a user would with the README's
 * command: at the root (.test-dist/root) and under a sub-path (.test-dist/sub, base
 * /policy/), never into the user's dist/. Strict over this repository's content:
 * any translation or glossary finding in content/ fails the run (`check --strict`
 * first; the builds themselves are not strict, because the added real replies are
 * untranslated, as a reply just added is). Only the site project runs this.
 *
 * The content is this repository's content/ plus a few real published replies
 * (TEST_REPLIES, from tests/fixtures/real-replies, source.txt only, as
 * `npm run add-reply` would add them: untranslated), assembled into
 * .test-dist/content and given to the build as CONTENT_DIR, so the site tests and
 * the relevance suite run over other vocabularies and structures than the seed's.
 *
 * SKIP_SITE_BUILD=1 reuses the builds of an earlier run for quick local reruns,
 * but only when they were made from the same inputs (a hash of content/, scripts/,
 * src/ without src/generated/, astro.config.mjs and package-lock.json, stored next
 * to the builds); otherwise it builds anyway and says why.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where the two builds live and their base paths; read by tests/site/helpers.ts. */
export const BUILDS = {
  root: { dir: process.env.TEST_DIST_ROOT || '.test-dist/root', base: '/' },
  sub: { dir: process.env.TEST_DIST_SUB || '.test-dist/sub', base: '/policy/' },
} as const;

const STAMP = '.test-dist/inputs.sha256';

/**
 * The real replies the test builds add to content/, chosen for variety: a
 * suggestion and proposals, four provinces, transport, housing, environment
 * and industry departments, with and without page metadata and 文号. Each is
 * a folder of tests/fixtures/real-replies; the slug is the folder name.
 */
export const TEST_REPLIES = ['huainan-transport-2023', 'xinmi-housing-2022', 'baoji-env-2019-partial', 'yunnan-gxw-2017'] as const;

/** The content folder of the test builds: content/ plus TEST_REPLIES. */
export const TEST_CONTENT = '.test-dist/content';
const REAL = join('tests', 'fixtures', 'real-replies');

/** Copies content/ and the chosen real replies (their source.txt) into TEST_CONTENT; `npm run relevance` builds from it too. */
export function assembleContent(): void {
  rmSync(TEST_CONTENT, { recursive: true, force: true });
  cpSync('content', TEST_CONTENT, { recursive: true });
  for (const slug of TEST_REPLIES) {
    const dir = join(TEST_CONTENT, 'replies', slug);
    mkdirSync(dir, { recursive: true });
    cpSync(join(REAL, slug, 'source.txt'), join(dir, 'source.txt'));
  }
}

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
  for (const path of ['content', ...TEST_REPLIES.map((slug) => join(REAL, slug, 'source.txt')), 'scripts', 'src', 'astro.config.mjs', 'package-lock.json']) walk(path);
  return hash.digest('hex');
}

/** `npm run check -- --strict` over content/: the repository's own content has no finding. */
export function checkContent(): void {
  execFileSync(process.execPath, ['scripts/check.ts', '--strict'], { stdio: 'inherit', env: { ...userEnv(), CONTENT_DIR: 'content' } });
}

function build(dir: string, base: string): void {
  execFileSync(process.execPath, ['scripts/build.ts'], { stdio: 'inherit', env: { ...userEnv(), CONTENT_DIR: TEST_CONTENT, OUT_DIR: dir, BASE_PATH: base, ASTRO_TELEMETRY_DISABLED: '1' } });
}

export default function setup(): void {
  const inputs = inputsHash();
  if (process.env.SKIP_SITE_BUILD === '1') {
    const current = existsSync(BUILDS.root.dir) && existsSync(BUILDS.sub.dir) && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === inputs;
    if (current) return;
    console.warn('SKIP_SITE_BUILD=1: the test builds are missing or were made from other inputs; building them again.');
  }
  checkContent();
  assembleContent();
  build(BUILDS.sub.dir, BUILDS.sub.base);
  build(BUILDS.root.dir, BUILDS.root.base);
  writeFileSync(STAMP, inputs);
}
