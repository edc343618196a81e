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
 * next starts: at 500 replies prepare alone holds about 1 GB.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeSearchIndex } from './lib/search-index.ts';
import { expectedRoutes } from './lib/routes.ts';
import { runCli, since } from './lib/cli.ts';
import { BuildError } from './lib/errors.ts';
import type { SiteData } from './lib/pipeline.ts';
import type { IndexEntry } from './lib/search-data.ts';

const DIST = process.env.OUT_DIR || 'dist';

await runCli(async () => {
  const strict = process.argv.includes('--strict') || process.env.STRICT === '1';
  const total = performance.now();
  rmSync(DIST, { recursive: true, force: true });
  try {
    let start = performance.now();
    // prepare prints its report, or one line for a content error, itself.
    const prepare = spawnSync(process.execPath, [join(import.meta.dirname, 'prepare.ts'), ...(strict ? ['--strict'] : [])], { stdio: 'inherit' });
    if (prepare.signal) throw new BuildError(`prepare was stopped by ${prepare.signal} (out of memory?); dist/ was removed`);
    if (prepare.status !== 0) return prepare.status ?? 1;
    console.log(`build: prepare ${since(start)}`);

    start = performance.now();
    const astro = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], { encoding: 'utf8', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' }, maxBuffer: 1 << 28 });
    if (astro.status !== 0) {
      console.error(astro.stdout.split('\n').slice(-40).join('\n'), astro.stderr);
      throw new BuildError('astro build failed (output above); dist/ was removed');
    }
    const pages = /(\d+) page\(s\) built/.exec(astro.stdout)?.[1] ?? '?';
    console.log(`build: astro ${pages} pages in ${since(start)}`);

    start = performance.now();
    const records = JSON.parse(readFileSync('src/generated/search/records.json', 'utf8')) as IndexEntry[];
    const counts = await writeSearchIndex(records, DIST);
    console.log(`build: search index ${Object.entries(counts).map(([l, n]) => `${l} ${n}`).join(', ')} records in ${since(start)}`);

    const site = JSON.parse(readFileSync('src/generated/site.json', 'utf8')) as SiteData;
    const missing = expectedRoutes(site).filter((p) => !existsSync(join(DIST, p)));
    if (missing.length) throw new BuildError(`the build lacks ${missing.length} routes of the public contract (e.g. ${missing.slice(0, 5).join(', ')}); dist/ was removed`);
    console.log(`build: dist/ complete (base ${process.env.BASE_PATH || '/'}) in ${since(total)}`);
    return 0;
  } catch (error) {
    rmSync(DIST, { recursive: true, force: true });
    throw error;
  }
});
