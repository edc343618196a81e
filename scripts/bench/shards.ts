/**
 * Two shard sites searched as one (issue #13, point 6): a demo and a
 * measurement of how a large archive would be split into independent sites
 * (per year or issuer), each built and deployed alone, with one search across
 * them through Pagefind's index merging (content/site.yaml `searchShards`).
 *
 *   node scripts/bench/shards.ts [--replies 4] [--work .scratch/shards] [--no-browser] [--reuse]
 *
 * Writes 2N bench replies (scripts/bench/corpus.ts), gives replies 1…N to
 * shard A and N+1…2N to shard B (different numbers, addressees and real
 * replies), each with a site.yaml naming the other shard, and builds each in
 * a project view of its own (scripts/bench/site.ts) with the project's
 * `node scripts/build.ts` under its own base path, /shard-a/ and /shard-b/,
 * into one folder that a static server serves as one host. Then, in
 * Chromium, searches shard A's search page for words that occur in both
 * shards and for words only shard B's replies contain, and counts what the
 * first search fetched from each shard (`--reuse`: search the shards built by
 * the previous run again, without building). Prints a summary and writes
 * `<work>/shards.json`. Exits 1 when shard A's search does not list results
 * of both shards.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { stringify } from 'yaml';
import { findTemplates, writeCorpus } from './corpus.ts';
import { makeSiteView } from './site.ts';
import { runMeasured } from './measure.ts';
import { routeSizes } from './route-sizes.ts';
import { launch, summarize, trackServer, type Transfer } from './browser.ts';
import { serveStatic } from '../lib/static-server.ts';
import { parseYaml } from '../lib/yaml-file.ts';

const ROOT = process.cwd();
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : process.argv[i + 1]!;
};
const perShard = Number(arg('replies', '4'));
const WORK = resolve(arg('work', '.scratch/shards'));
const SITE = join(WORK, 'site');
const SHARDS = [
  { id: 'a', base: '/shard-a/', name: { en: 'Shard A', 'zh-hans': '分站甲' } },
  { id: 'b', base: '/shard-b/', name: { en: 'Shard B', 'zh-hans': '分站乙' } },
] as const;

/** What the demo measured, written to shards.json. */
export interface ShardsResult {
  repliesPerShard: number;
  shards: { id: string; base: string; replies: string[]; wallMs: number; cpuS: number | null; peakTreeMB: number; files: number; bytes: number; pagefindFiles: number; pagefindBytes: number }[];
  searches: { query: string; page: string; results: number; fromA: number; fromB: number; firstB?: string; transfer: { gzip: number; requests: number; shardB: { gzip: number; requests: number; files: { path: string; gzip: number }[] } } }[];
}

const log = (s: string) => console.log(`[shards] ${s}`);

function writeShardContent(all: string, dir: string, slugs: string[], shard: (typeof SHARDS)[number], other: (typeof SHARDS)[number]): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'replies'), { recursive: true });
  for (const name of readdirSync(all)) if (name !== 'replies') cpSync(join(all, name), join(dir, name), { recursive: true });
  for (const slug of slugs) cpSync(join(all, 'replies', slug), join(dir, 'replies', slug), { recursive: true });
  const site = parseYaml(readFileSync(join(all, 'site.yaml'), 'utf8'), 'site.yaml') as Record<string, Record<string, string>>;
  site.name = { en: `${site.name!.en} (${shard.name.en})`, 'zh-hans': `${site.name!['zh-hans']}（${shard.name['zh-hans']}）` };
  writeFileSync(join(dir, 'site.yaml'), stringify({ ...site, searchShards: [{ name: other.name, url: other.base }] }));
}

/** Writes the corpus, splits it between the shards and builds each under its base path into one folder. */
async function buildShards(result: ShardsResult): Promise<void> {
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(SITE, { recursive: true });
  const { templates, untranslated } = findTemplates(ROOT);
  const all = join(WORK, 'content-all');
  writeCorpus(all, templates, 2 * perShard, join(ROOT, 'content', 'glossary.yaml'), untranslated);
  const slugs = readdirSync(join(all, 'replies')).sort();
  for (const [i, shard] of SHARDS.entries()) {
    const mine = slugs.slice(i * perShard, (i + 1) * perShard);
    const content = join(WORK, `content-${shard.id}`);
    writeShardContent(all, content, mine, shard, SHARDS[1 - i]!);
    const view = join(WORK, `view-${shard.id}`);
    makeSiteView(ROOT, ROOT, view, content);
    const out = join(SITE, shard.base.replace(/\//g, ''));
    log(`shard ${shard.id}: ${mine.join(', ')} → ${shard.base}`);
    const run = await runMeasured(process.execPath, ['scripts/build.ts'], { cwd: view, env: { ...process.env, OUT_DIR: out, BASE_PATH: shard.base, ASTRO_TELEMETRY_DISABLED: '1' } });
    if (run.code !== 0) {
      console.error(run.stdout.split('\n').slice(-15).join('\n'), run.stderr);
      throw new Error(`shard ${shard.id} failed to build`);
    }
    const sizes = routeSizes(out);
    const pf = sizes.byKind.pagefind ?? { files: 0, bytes: 0 };
    result.shards.push({ id: shard.id, base: shard.base, replies: mine, wallMs: Math.round(run.wallMs), cpuS: run.cpuS, peakTreeMB: Math.round(run.peakTreeKb / 1024), files: sizes.total.files, bytes: sizes.total.bytes, pagefindFiles: pf.files, pagefindBytes: pf.bytes });
    log(`shard ${shard.id}: built in ${(run.wallMs / 1000).toFixed(1)} s (CPU ${run.cpuS} s), ${sizes.total.files} files, ${(sizes.total.bytes / 1e6).toFixed(1)} MB`);
  }
}

async function main(): Promise<number> {
  const reuse = process.argv.includes('--reuse') && existsSync(join(WORK, 'shards.json'));
  const result: ShardsResult = reuse ? { ...(JSON.parse(readFileSync(join(WORK, 'shards.json'), 'utf8')) as ShardsResult), searches: [] } : { repliesPerShard: perShard, shards: [], searches: [] };
  if (!reuse) await buildShards(result);
  // A word only shard B's replies contain: the issuer of B's first real reply, when no reply of A names it.
  const issuers = (id: string) => (JSON.parse(readFileSync(join(WORK, `view-${id}`, 'src/generated/site.json'), 'utf8')) as { replies: { meta: { issuingBody?: { zh?: string } } }[] }).replies.map((r) => r.meta.issuingBody?.zh ?? '');
  const onlyB = issuers('b').find((zh) => zh && !issuers('a').some((a) => a.includes(zh) || zh.includes(a)));
  const queries = ['亩均论英雄', ...(onlyB ? [onlyB] : [])];
  if (process.argv.includes('--no-browser')) return report(result);

  const server = await serveStatic(SITE, '/');
  const tracker = trackServer(server.server, SITE, '/');
  const browser = await launch();
  try {
    for (const query of queries) {
      const page = `${server.url}shard-a/zh-hans/search/?q=${encodeURIComponent(query)}`;
      await tracker.idle(200);
      tracker.reset();
      const context = await browser.newContext({ serviceWorkers: 'block' });
      const tab = await context.newPage();
      const problems: string[] = [];
      tab.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
      tab.on('request', (r) => !r.url().startsWith(server.url) && problems.push(`off-host request ${r.url()}`));
      await tab.goto(page);
      await tab.waitForSelector('#search-results[data-state="done"]', { timeout: 60_000 });
      // "Show more" until every result is listed, so that both shards' results are counted.
      for (let k = 0; k < 20 && (await tab.locator('#search-more:not([hidden])').count()); k++) {
        const before = await tab.locator('#search-results li').count();
        await tab.locator('#search-more').click();
        await tab.waitForFunction((n) => document.querySelectorAll('#search-results li').length > n || document.getElementById('search-more')!.hidden, before);
      }
      await tracker.idle();
      const hrefs = await tab.locator('#search-results li > a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
      await context.close();
      if (problems.length) throw new Error(`search page of shard A: ${problems.join('; ')}`);
      const files = tracker.done.slice(1);
      const b: Transfer = summarize(files.filter((f) => f.path.startsWith('/shard-b/')));
      const all: Transfer = summarize(files);
      const firstB = hrefs.find((h) => h.startsWith('/shard-b/'));
      result.searches.push({ query, page: `/shard-a/zh-hans/search/?q=${query}`, results: hrefs.length, fromA: hrefs.filter((h) => h.startsWith('/shard-a/')).length, fromB: hrefs.filter((h) => h.startsWith('/shard-b/')).length, ...(firstB ? { firstB } : {}), transfer: { gzip: all.gzip, requests: all.requests, shardB: { gzip: b.gzip, requests: b.requests, files: files.filter((f) => f.path.startsWith('/shard-b/')).map((f) => ({ path: f.path, gzip: f.gzip })) } } });
      log(`search ${query} on shard A: ${hrefs.length} results, ${hrefs.filter((h) => h.startsWith('/shard-a/')).length} from A, ${hrefs.filter((h) => h.startsWith('/shard-b/')).length} from B (first: ${firstB ?? '–'}); first search ${(all.gzip / 1000).toFixed(1)} KB gzip in ${all.requests} requests, of which shard B's index ${(b.gzip / 1000).toFixed(1)} KB in ${b.requests}`);
    }
    // A result of shard B opens on shard B, at its block.
    const firstB = result.searches.find((s) => s.firstB)?.firstB;
    if (firstB) {
      const context = await browser.newContext();
      const tab = await context.newPage();
      const response = await tab.goto(`${server.url.replace(/\/$/, '')}${firstB}`);
      log(`opening ${firstB}: HTTP ${response?.status()}, title “${await tab.title()}”`);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return report(result);
}

function report(result: ShardsResult): number {
  writeFileSync(join(WORK, 'shards.json'), `${JSON.stringify(result, null, 1)}\n`);
  log(`written ${join(WORK, 'shards.json')}`);
  if (process.argv.includes('--no-browser')) return 0;
  const both = result.searches.some((s) => s.fromA > 0 && s.fromB > 0);
  const onlyB = result.searches.slice(1).every((s) => s.fromB > 0);
  if (!both || !onlyB) {
    console.error(`error: shard A's search did not list results of both shards (${result.searches.map((s) => `${s.query}: A ${s.fromA}, B ${s.fromB}`).join('; ')})`);
    return 1;
  }
  log("ok: shard A's search lists results of both shards, linked to each shard's own pages");
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exit(await main());
