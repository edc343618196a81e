/**
 * `npm run build [-- --strict]`: the whole site with search into dist/.
 *
 * Steps: prepare content (parse, QA, page data; a content error stops here) → astro
 * build → Pagefind index → check that every route of the public contract was
 * written. Any failure removes dist/, so a half-built site is never left behind.
 * BASE_PATH=/sub/ builds for a sub-path; SITE=https://… adds absolute URLs;
 * OUT_DIR=… writes somewhere other than dist/ (the tests build twice).
 *
 * Each heavy stage runs in a process of its own (prepare, astro, one Pagefind
 * service per locale), so the memory one stage held is returned before the
 * next starts: at 500 replies prepare alone holds about 1 GB. The Pagefind
 * index is built from prepare's records, not from the pages, so it runs side
 * by side with astro build (each mostly on one core) into a staging folder
 * next to dist/, and moves into dist/ once astro has written the pages.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { writeSearchIndex } from './lib/search-index.ts';
import { expectedRoutes } from './lib/routes.ts';
import { runCli, since } from './lib/cli.ts';
import { BuildError } from './lib/errors.ts';
import type { SiteData } from './lib/pipeline.ts';
import type { IndexEntry } from './lib/search-data.ts';

const DIST = process.env.OUT_DIR || 'dist';
/** Where the Pagefind index waits while astro build writes DIST (which it empties first): next to DIST, same filesystem. */
const STAGING = join(dirname(resolve(DIST)), `.${basename(resolve(DIST))}.pagefind`);

await runCli(async () => {
  const strict = process.argv.includes('--strict') || process.env.STRICT === '1';
  const total = performance.now();
  rmSync(DIST, { recursive: true, force: true });
  try {
    const start = performance.now();
    // prepare prints its report, or one line for a content error, itself.
    const prepare = spawnSync(process.execPath, [join(import.meta.dirname, 'prepare.ts'), ...(strict ? ['--strict'] : [])], { stdio: 'inherit' });
    if (prepare.signal) throw new BuildError(`prepare was stopped by ${prepare.signal} (out of memory?); dist/ was removed`);
    if (prepare.status !== 0) return prepare.status ?? 1;
    console.log(`build: prepare ${since(start)}`);

    // Both stages start now; the index waits in the staging folder, since astro build empties dist/ first.
    rmSync(STAGING, { recursive: true, force: true });
    const indexStart = performance.now();
    const index = (async () => {
      const records = JSON.parse(readFileSync('src/generated/search/records.json', 'utf8')) as IndexEntry[];
      const counts = await writeSearchIndex(records, STAGING);
      console.log(`build: search index ${Object.entries(counts).map(([l, n]) => `${l} ${n}`).join(', ')} records in ${since(indexStart)}`);
    })();
    // Never left unhandled while astro runs: its error is thrown below, after astro has finished.
    index.catch(() => undefined);
    const astroStart = performance.now();
    const astro = await run(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' });
    if (astro.status !== 0) {
      await index.catch(() => undefined);
      console.error(astro.stdout.split('\n').slice(-40).join('\n'), astro.stderr);
      throw new BuildError('astro build failed (output above); dist/ was removed');
    }
    const pages = /(\d+) page\(s\) built/.exec(astro.stdout)?.[1] ?? '?';
    console.log(`build: astro ${pages} pages in ${since(astroStart)}`);
    await index;
    renameSync(join(STAGING, 'pagefind'), join(DIST, 'pagefind'));
    rmSync(STAGING, { recursive: true, force: true });

    const site = JSON.parse(readFileSync('src/generated/site.json', 'utf8')) as SiteData;
    const missing = expectedRoutes(site).filter((p) => !existsSync(join(DIST, p)));
    if (missing.length) throw new BuildError(`the build lacks ${missing.length} routes of the public contract (e.g. ${missing.slice(0, 5).join(', ')}); dist/ was removed`);
    console.log(`build: dist/ complete (base ${process.env.BASE_PATH || '/'}) in ${since(total)}`);
    return 0;
  } catch (error) {
    rmSync(DIST, { recursive: true, force: true });
    rmSync(STAGING, { recursive: true, force: true });
    throw error;
  }
});

/** Runs a command without blocking the event loop (the Pagefind stage runs meanwhile); resolves with its status and output. */
function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', fail);
    child.on('close', (status) => done({ status, stdout, stderr }));
  });
}
