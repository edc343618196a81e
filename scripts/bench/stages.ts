/**
 * `node <project>/scripts/bench/stages.ts` in a site view: the stages of
 * scripts/build.ts (prepare → astro build → Pagefind index) with the same
 * output lines, but without the final route check. The bench uses it only
 * when scripts/build.ts fails on that check alone (a project whose routes are
 * still being written), and says so in the report.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { prepareAndReport } from '../prepare.ts';
import { writeSearchIndex } from '../lib/search-index.ts';
import { since } from '../lib/cli.ts';
import type { IndexEntry } from '../lib/search-data.ts';

const DIST = process.env.OUT_DIR || 'dist';
const total = performance.now();
rmSync(DIST, { recursive: true, force: true });
let start = performance.now();
if (prepareAndReport(false) !== 0) process.exit(1);
console.log(`build: prepare ${since(start)}`);
start = performance.now();
const astro = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], { encoding: 'utf8', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' }, maxBuffer: 1 << 28 });
if (astro.status !== 0) {
  console.error(astro.stdout.split('\n').slice(-40).join('\n'), astro.stderr);
  process.exit(1);
}
console.log(`build: astro ${/(\d+) page\(s\) built/.exec(astro.stdout)?.[1] ?? '?'} pages in ${since(start)}`);
start = performance.now();
const records = JSON.parse(readFileSync('src/generated/search/records.json', 'utf8')) as IndexEntry[];
const counts = await writeSearchIndex(records, DIST);
console.log(`build: search index ${Object.entries(counts).map(([l, n]) => `${l} ${n}`).join(', ')} records in ${since(start)}`);
console.log(`build: dist/ complete (base ${process.env.BASE_PATH || '/'}) in ${since(total)}`);
