/**
 * `npm run bench [-- --sizes 1,10,100,500] [--no-baseline] [--no-browser]
 * [--no-detail] [--no-rebuild] [--timeout-min 25] [--out bench/results]`
 *
 * For each size N: generate a corpus of N replies (scripts/bench/corpus.ts),
 * build it with `node scripts/build.ts` in a project view under bench/work/,
 * and measure wall time, stages, peak memory, dist and index sizes, a rebuild
 * after one translation edit, page weights and the first search in Chromium;
 * then the same replies as a Starlight site (the baseline). Writes
 * report.md and report.json (see bench/README.md). No timed assertions: the
 * targets are checked and stated in the report, never enforced.
 */
import { execFileSync } from 'node:child_process';
import { cpus, totalmem, release } from 'node:os';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { findTemplates, writeCorpus, benchSlug } from './bench/corpus.ts';
import { makeSiteView, snapshotDigest, snapshotProject } from './bench/site.ts';
import { dirSize, hasGnuTime, listFiles, runMeasured, stageMs, type RunResult } from './bench/measure.ts';
import { parseAstroLog, type AstroDetail } from './bench/astro-detail.ts';
import { launch, pageLoad, siteSearch, starlightSearch, staticWeight, trackServer, CHROMIUM } from './bench/browser.ts';
import { ensureStarlight, writeStarlightSite } from './bench/starlight-baseline.ts';
import { diagnose, diagnosePagefind } from './bench/diagnose.ts';
import { writeReport, type BenchReport, type BuildFigures, type PageRatio, type PageWeight, type SizeResult } from './bench/report.ts';
import { routeSizes } from './bench/route-sizes.ts';
import { pageTextRatio } from './bench/page-ratio.ts';
import { serveStatic } from './lib/static-server.ts';

const ROOT = process.cwd();
const WORK = resolve('bench/work');
const SNAPSHOT = join(WORK, 'project');
const NODE = process.execPath;
const QUERY = '亩均论英雄';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  if (i !== -1) return process.argv[i + 1];
  return process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}
const flag = (name: string) => process.argv.includes(`--${name}`);

const sizes = (arg('sizes') ?? '1,10,100,500').split(',').map((s) => Number(s.trim())).filter((n) => Number.isInteger(n) && n > 0);
const timeoutMs = Number(arg('timeout-min') ?? 25) * 60_000;
// A build whose process tree outgrows this is stopped: the machine is shared, and a 24 GB box must not run out of memory.
const memLimitKb = Number(arg('mem-limit-gb') ?? 14) * 1024 * 1024;
// An experiment: the same builds with a larger V8 heap for every Node process of the build (NODE_OPTIONS), reported apart from the default results.
const heapMb = arg('heap-mb') ? Number(arg('heap-mb')) : undefined;
const variant = arg('label') ?? (heapMb ? `heap ${heapMb} MB` : undefined);
const outDir = resolve(arg('out') ?? 'bench/results');
const options = { baseline: !flag('no-baseline'), browser: !flag('no-browser'), detail: !flag('no-detail'), rebuild: !flag('no-rebuild') };
// The size at which to run the Astro ablations (scripts/bench/diagnose.ts); 0 = none.
const diagnoseAt = flag('no-diagnose') ? 0 : Number(arg('diagnose') ?? (sizes.includes(100) ? 100 : 0));

const log = (s: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${s}`);
const mb = (kb: number | null) => (kb === null ? null : Math.round(kb / 102.4) / 10);

function machine(): BenchReport['machine'] {
  const sh = (cmd: string, args: string[]) => {
    try {
      return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return '?';
    }
  };
  const version = (p: string) => {
    try {
      return JSON.parse(readFileSync(join(ROOT, 'node_modules', p, 'package.json'), 'utf8')).version as string;
    } catch {
      return '?';
    }
  };
  return {
    nproc: Number(sh('nproc', [])) || cpus().length,
    cpu: cpus()[0]?.model ?? '?',
    memoryGB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    kernel: release(),
    node: process.version,
    chromium: sh(CHROMIUM, ['--version']),
    gnuTime: hasGnuTime(),
    versions: { astro: version('astro'), pagefind: version('pagefind'), 'playwright-core': version('playwright-core') },
  };
}

/** The most telling line of a failed build's output: a V8 fatal error, else the last `error:` line, else the last lines. */
function buildError(run: RunResult): string {
  const all = `${run.stdout}\n${run.stderr}`;
  const fatal = /FATAL ERROR: [^\n]*/.exec(all)?.[0];
  if (fatal) return fatal;
  if (run.memKilled) return 'stopped by the bench: memory limit';
  if (run.timedOut) return 'stopped by the bench: time limit';
  const err = all.split('\n').filter((l) => /error/i.test(l)).pop();
  return (err ?? all.trim().split('\n').slice(-3).join(' ')).trim().slice(0, 600);
}

/** Build figures from a measured run of scripts/build.ts (or stages.ts). */
function buildFigures(run: RunResult, runner: string): BuildFigures {
  const out = run.stdout;
  const records: Record<string, number> = {};
  const rec = /build: search index (.*) records in/.exec(out)?.[1];
  for (const m of rec?.matchAll(/([\w-]+) (\d+)/g) ?? []) records[m[1]!] = Number(m[2]);
  return {
    runner,
    ok: run.code === 0 && !run.timedOut && !run.memKilled,
    timedOut: run.timedOut,
    memKilled: run.memKilled,
    reachedStage: run.marks.indexed !== undefined ? 'route check' : run.marks.astro !== undefined ? 'pagefind' : run.marks.prepared !== undefined ? 'astro' : 'prepare',
    stageStartsMs: Object.fromEntries(Object.entries(run.marks).map(([k, v]) => [k, Math.round(v)])),
    wallMs: Math.round(run.wallMs),
    prepareMs: stageMs(out, /build: prepare (\d+) ms/),
    astroMs: stageMs(out, /build: astro \S+ pages in (\d+) ms/),
    pagefindMs: stageMs(out, /build: search index .* in (\d+) ms/),
    totalMs: stageMs(out, /build: dist\/ complete .* in (\d+) ms/),
    astroPages: Number(/build: astro (\d+) pages/.exec(out)?.[1] ?? NaN) || null,
    records,
    peakTreeMB: mb(run.peakTreeKb),
    maxProcessMB: mb(run.maxProcessKb),
    maxProcesses: run.maxProcesses,
    peakByProcessMB: Object.fromEntries(Object.entries(run.peakByProcessKb).map(([k, v]) => [k, mb(v)!])),
    cpuS: run.cpuS,
    otherCores: run.otherCores,
    load: run.load,
    error: run.code === 0 ? undefined : buildError(run),
  };
}

/** Builds a site view with scripts/build.ts; if only the route check fails, re-runs the stages without it (and says so). */
async function buildSite(siteDir: string, dist: string, label: string): Promise<{ run: RunResult; figures: BuildFigures }> {
  const env = { ...process.env, OUT_DIR: dist, BASE_PATH: '/', ASTRO_TELEMETRY_DISABLED: '1', PATH: `${resolve(ROOT, 'node_modules/.bin')}:${process.env.PATH}`, ...(heapMb ? { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --max-old-space-size=${heapMb}`.trim() } : {}) };
  const marks = { prepared: /^build: prepare /, astro: /^build: astro /, indexed: /^build: search index / };
  log(`${label}: node scripts/build.ts (OUT_DIR=${dist})`);
  let run = await runMeasured(NODE, ['scripts/build.ts'], { cwd: siteDir, env, timeoutMs, memLimitKb, marks });
  const logFile = join(WORK, `build-${label.replace(/\W+/g, '-')}.log`);
  writeFileSync(logFile, `${run.stdout}\n--- stderr ---\n${run.stderr}`);
  let figures = buildFigures(run, 'scripts/build.ts');
  const routeCheck = /the build lacks \d+ routes[^\n]*/.exec(run.stderr)?.[0];
  if (!figures.ok && routeCheck && !run.timedOut && !run.memKilled) {
    log(`${label}: the project's route check failed (${routeCheck.slice(0, 160)}); re-running the same stages without it`);
    run = await runMeasured(NODE, [join(siteDir, 'scripts/bench/stages.ts')], { cwd: siteDir, env, timeoutMs, memLimitKb, marks });
    figures = { ...buildFigures(run, 'scripts/bench/stages.ts (route check skipped)'), routeCheckError: routeCheck };
  }
  log(`${label}: ${figures.ok ? 'ok' : figures.timedOut ? 'STOPPED (time limit)' : figures.memKilled ? 'STOPPED (memory limit)' : 'FAILED'} in ${(figures.wallMs / 1000).toFixed(1)} s (prepare ${figures.prepareMs} ms, astro ${figures.astroMs} ms, pagefind ${figures.pagefindMs} ms), CPU ${figures.cpuS?.toFixed(1)} s, peak ${figures.peakTreeMB} MiB, other processes ${figures.otherCores} cores`);
  if (!figures.ok && figures.error) log(`${label}: ${figures.error}`);
  return { run, figures };
}

/** The Pagefind ablation script: the site's copy when the snapshot has it, else the project's. */
function pagefindScript(siteDir: string): string {
  const own = join(siteDir, 'scripts/bench/pagefind-variant.ts');
  return existsSync(own) ? own : join(ROOT, 'scripts/bench/pagefind-variant.ts');
}

function prepareTiming(siteDir: string, size: number): SizeResult['prepare'] {
  try {
    const out = execFileSync(NODE, [join(siteDir, 'scripts/bench/prepare-timing.ts'), 'content', join(WORK, `prep-${size}`)], { cwd: siteDir, encoding: 'utf8', maxBuffer: 1 << 26 });
    return JSON.parse(out.trim().split('\n').pop()!);
  } catch (error) {
    log(`prepare timing failed: ${(error as Error).message.split('\n')[0]}`);
    return null;
  }
}

async function astroDetail(siteDir: string, size: number): Promise<AstroDetail | null> {
  const dist = join(WORK, `astro-detail-${size}`);
  const run = await runMeasured(NODE, ['node_modules/astro/bin/astro.mjs', 'build'], { cwd: siteDir, env: { ...process.env, OUT_DIR: dist, ASTRO_TELEMETRY_DISABLED: '1' }, timeoutMs, memLimitKb });
  rmSync(dist, { recursive: true, force: true });
  writeFileSync(join(WORK, `astro-${size}.log`), run.stdout + run.stderr);
  if (run.code !== 0) return null;
  return { ...parseAstroLog(run.stdout), wallMs: Math.round(run.wallMs), peakTreeMB: mb(run.peakTreeKb) } as AstroDetail;
}

/** Edits one English text of reply 1, rebuilds, restores the file. */
async function rebuild(siteDir: string, contentDir: string, dist: string, label: string): Promise<SizeResult['rebuild']> {
  const file = join(contentDir, 'replies', benchSlug(1), 'en.yaml');
  const original = readFileSync(file, 'utf8');
  const edited = original.replace(/(\n  s1-p1:\n    source: [0-9a-f]{12}\n    text: )(.*)/, (_, head: string, text: string) => `${head}${text.replace(/\.?"?$/, (end) => ` (Revised by the benchmark.)${end.includes('"') ? '"' : ''}`)}`);
  if (edited === original) return null;
  writeFileSync(file, edited);
  try {
    const { figures } = await buildSite(siteDir, dist, `${label} rebuild`);
    return { edit: `${benchSlug(1)}/en.yaml blocks.s1-p1.text`, ...figures };
  } finally {
    writeFileSync(file, original);
  }
}

function typeWeights(dist: string, paths: Record<string, string>): Record<string, PageWeight> {
  const out: Record<string, PageWeight> = {};
  for (const [type, path] of Object.entries(paths)) {
    const w = staticWeight(dist, '/', path);
    if (w) out[type] = { path, static: { html: w.html, css: w.css, js: w.js, total: w.total } };
  }
  return out;
}

/** The page-to-text ratio of the measured section page in English and Simplified Chinese (the Traditional page has the Simplified page's shape). */
function sectionRatios(dist: string, zhPath: string): Record<string, PageRatio> {
  const out: Record<string, PageRatio> = {};
  for (const locale of ['en', 'zh-hans']) {
    const path = zhPath.replace(/^\/zh-hans\//, `/${locale}/`);
    const file = join(dist, path, 'index.html');
    if (existsSync(file)) out[locale] = { path, ...pageTextRatio(readFileSync(file, 'utf8')) };
  }
  return out;
}

/** The pages measured per type (zh-hans), those that exist in this build. */
function pagePaths(dist: string): Record<string, string> {
  const site = JSON.parse(readFileSync(join(WORK, 'last-site.json'), 'utf8')) as { replies: { slug: string; sections: { id: string }[] }[]; glossary: { id: string; zh: string }[] };
  const reply = site.replies[0]!;
  const term = site.glossary.find((t) => t.zh === QUERY) ?? site.glossary[0];
  const files = listFiles(join(dist, 'zh-hans', 'glossary'));
  const largestTerm = files
    .filter((f) => /^[^/]+\/index\.html$/.test(f))
    .map((f) => ({ f, size: readFileSync(join(dist, 'zh-hans', 'glossary', f)).length }))
    .sort((a, b) => b.size - a.size)[0];
  const sections = reply.sections.map((s) => ({ id: s.id, size: existsSync(join(dist, 'zh-hans/replies', reply.slug, s.id, 'index.html')) ? readFileSync(join(dist, 'zh-hans/replies', reply.slug, s.id, 'index.html')).length : 0 }));
  const section = sections.sort((a, b) => b.size - a.size)[0]!;
  return {
    home: '/zh-hans/',
    overview: `/zh-hans/replies/${reply.slug}/`,
    section: `/zh-hans/replies/${reply.slug}/${section.id}/`,
    'glossary index': '/zh-hans/glossary/',
    'term page': `/zh-hans/glossary/${term?.id}/`,
    ...(largestTerm ? { 'term page (largest)': `/zh-hans/glossary/${largestTerm.f.replace(/index\.html$/, '')}` } : {}),
    'figures index': '/zh-hans/figures/',
    'reply figures': `/zh-hans/figures/${reply.slug}/`,
    'search page': '/zh-hans/search/',
  };
}

async function browserFigures(dist: string, paths: Record<string, string>, weights: Record<string, PageWeight>): Promise<SizeResult['search']> {
  return twice('browser measurement', async () => {
    const server = await serveStatic(dist, '/');
    const tracker = trackServer(server.server, dist, '/');
    const browser = await launch();
    try {
      for (const [type, path] of Object.entries(paths)) {
        if (!weights[type]) continue;
        const { files, ...load } = await pageLoad(browser, tracker, new URL(path.slice(1), server.url).href);
        weights[type]!.load = load;
      }
      return { query: QUERY, ...(await siteSearch(browser, tracker, `${server.url}zh-hans/search/?q=${encodeURIComponent(QUERY)}`)) };
    } finally {
      await browser.close();
      await server.close();
    }
  });
}

async function baselineFor(size: number, contentDir: string, sectionId: string): Promise<SizeResult['baseline']> {
  const dir = join(WORK, 'starlight');
  const versions = ensureStarlight(dir, ROOT, log);
  const { pages } = writeStarlightSite(dir, contentDir);
  for (const cache of ['.astro', 'node_modules/.astro', 'node_modules/.vite']) rmSync(join(dir, cache), { recursive: true, force: true });
  const dist = join(dir, `dist-${size}`);
  rmSync(dist, { recursive: true, force: true });
  log(`baseline ${size}: astro build (Starlight, ${pages} pages)`);
  const run = await runMeasured(NODE, ['node_modules/astro/bin/astro.mjs', 'build'], { cwd: dir, env: { ...process.env, OUT_DIR: dist, ASTRO_TELEMETRY_DISABLED: '1', PATH: `${resolve(ROOT, 'node_modules/.bin')}:${process.env.PATH}` }, timeoutMs, memLimitKb });
  writeFileSync(join(WORK, `starlight-${size}.log`), run.stdout + run.stderr);
  const detail = parseAstroLog(run.stdout);
  const ok = run.code === 0 && !run.timedOut && !run.memKilled;
  log(`baseline ${size}: ${ok ? 'ok' : 'FAILED'} in ${(run.wallMs / 1000).toFixed(1)} s, CPU ${run.cpuS?.toFixed(1)} s, peak ${mb(run.peakTreeKb)} MiB`);
  const result: NonNullable<SizeResult['baseline']> = {
    versions,
    ok,
    timedOut: run.timedOut,
    wallMs: Math.round(run.wallMs),
    astroTotalMs: detail.totalMs,
    pagefindMs: detail.pagefindMs ?? null,
    pages: detail.pages,
    sourcePages: pages,
    peakTreeMB: mb(run.peakTreeKb),
    maxProcessMB: mb(run.maxProcessKb),
    cpuS: run.cpuS,
    otherCores: run.otherCores,
    dist: dirSize(dist),
    pagefind: dirSize(join(dist, 'pagefind')),
    detail,
    section: null,
    search: null,
  };
  if (!ok) return result;
  const path = `/replies/${benchSlug(1)}/${sectionId}/`;
  const w = staticWeight(dist, '/', path);
  if (w) result.section = { path, static: { html: w.html, css: w.css, js: w.js, total: w.total } };
  if (options.browser) await baselineBrowser(dist, result);
  return result;
}

/** Runs `fn` and retries it once (a fresh browser each time): a browser that crashes under load should not lose a size's figures. */
async function twice<T>(what: string, fn: () => Promise<T>): Promise<T | null> {
  for (const attempt of [1, 2]) {
    try {
      return await fn();
    } catch (error) {
      log(`${what} failed (attempt ${attempt}): ${(error as Error).message.split('\n')[0]}`);
    }
  }
  return null;
}

/** Section page load and first search of a Starlight build, into `result`. */
async function baselineBrowser(dist: string, result: NonNullable<SizeResult['baseline']>): Promise<void> {
  const path = result.section?.path ?? `/replies/${benchSlug(1)}/s1/`;
  await twice('baseline browser measurement', async () => {
    const server = await serveStatic(dist, '/');
    const tracker = trackServer(server.server, dist, '/');
    const browser = await launch();
    try {
      if (result.section) {
        const { files, ...load } = await pageLoad(browser, tracker, new URL(path.slice(1), server.url).href);
        result.section.load = load;
      }
      result.search = { query: QUERY, ...(await starlightSearch(browser, tracker, new URL(path.slice(1), server.url).href, QUERY)) };
    } finally {
      await browser.close();
      await server.close();
    }
  });
}

async function runSize(size: number, { templates, untranslated }: Pick<ReturnType<typeof findTemplates>, 'templates' | 'untranslated'>): Promise<SizeResult> {
  const label = `size ${size}`;
  const contentDir = join(WORK, `content-${size}`);
  const siteDir = join(WORK, `site-${size}`);
  const dist = join(WORK, `dist-${size}`);
  const corpus = writeCorpus(contentDir, templates, size, join(SNAPSHOT, 'content', 'glossary.yaml'), untranslated);
  log(`${label}: corpus ${corpus.replies} replies, ${(corpus.bytes / 1024).toFixed(0)} KiB, digest ${corpus.digest}`);
  makeSiteView(SNAPSHOT, ROOT, siteDir, contentDir);
  const { figures: build } = await buildSite(siteDir, dist, label);
  const result: SizeResult = { size, projectDigest, corpus, build, prepare: null, astro: null, dist: null, pagefind: null, htmlPages: null, rebuild: null, weights: {}, search: null, baseline: null };
  if (build.ok) {
    writeFileSync(join(WORK, 'last-site.json'), readFileSync(join(siteDir, 'src/generated/site.json')));
    result.dist = dirSize(dist);
    result.pagefind = dirSize(join(dist, 'pagefind'));
    result.htmlPages = listFiles(dist).filter((f) => f.endsWith('.html')).length;
    result.routes = routeSizes(dist);
    const paths = pagePaths(dist);
    result.weights = typeWeights(dist, paths);
    result.pageRatio = sectionRatios(dist, paths.section!);
    if (options.browser) {
      log(`${label}: page weights and first search in Chromium`);
      result.search = await browserFigures(dist, paths, result.weights);
    }
  }
  log(`${label}: prepare breakdown`);
  result.prepare = prepareTiming(siteDir, size);
  if (options.detail && build.ok) {
    log(`${label}: astro build alone, for its phase and per-route log`);
    result.astro = await astroDetail(siteDir, size);
  }
  if (diagnoseAt === size && build.ok) {
    result.diagnosis = await diagnose(siteDir, WORK, NODE, { timeoutMs, memLimitKb, log });
    result.pagefindDiagnosis = await diagnosePagefind(siteDir, WORK, NODE, pagefindScript(siteDir), { timeoutMs, memLimitKb, log });
  }
  if (options.rebuild && build.ok) result.rebuild = await rebuild(siteDir, contentDir, dist, label);
  if (options.baseline) {
    try {
      const section = result.weights.section?.path.split('/').filter(Boolean).pop() ?? 's1';
      result.baseline = await baselineFor(size, contentDir, section);
    } catch (error) {
      log(`baseline failed: ${(error as Error).message.split('\n')[0]}`);
    }
  }
  return result;
}

mkdirSync(WORK, { recursive: true });
mkdirSync(outDir, { recursive: true });
// One bench at a time: two runs would rebuild each other's site views and overwrite each other's report.
const LOCK = join(WORK, '.bench-lock');
if (existsSync(LOCK)) {
  const holder = Number(readFileSync(LOCK, 'utf8').trim());
  let alive = false;
  try {
    process.kill(holder, 0);
    alive = holder !== process.pid;
  } catch {
    alive = false;
  }
  if (alive) {
    console.error(`error: another bench run (pid ${holder}) is using bench/work/; wait for it to finish (or delete ${LOCK} if that process is not a bench).`);
    process.exit(1);
  }
}
writeFileSync(LOCK, String(process.pid));
process.on('exit', () => {
  try {
    if (readFileSync(LOCK, 'utf8').trim() === String(process.pid)) rmSync(LOCK);
  } catch {
    // Already gone.
  }
});
if (arg('browser-only')) {
  // Repeats only the Chromium measurements of one size (site and baseline) on its existing builds, e.g. after a browser crash.
  const n = Number(arg('browser-only'));
  const saved = JSON.parse(readFileSync(join(outDir, 'report.json'), 'utf8')) as BenchReport;
  const r = saved.results.find((x) => x.size === n);
  if (!r) throw new Error(`size ${n} is not in ${join(outDir, 'report.json')}`);
  const dist = join(WORK, `dist-${n}`);
  if (r.build.ok && existsSync(dist)) {
    const paths = Object.fromEntries(Object.entries(r.weights).map(([k, w]) => [k, w.path]));
    r.search = (await browserFigures(dist, paths, r.weights)) ?? r.search;
  }
  const slDist = join(WORK, 'starlight', `dist-${n}`);
  if (r.baseline?.ok && existsSync(slDist)) await baselineBrowser(slDist, r.baseline);
  writeReport(saved, outDir);
  log(`browser figures of size ${n} measured again`);
  process.exit(0);
}
if (arg('diagnose-only')) {
  // Runs only the ablations at one size, in its existing site view, and adds them to report.json.
  const n = Number(arg('diagnose-only'));
  const saved = JSON.parse(readFileSync(join(outDir, 'report.json'), 'utf8')) as BenchReport;
  const r = saved.results.find((x) => x.size === n);
  const siteDir = join(WORK, `site-${n}`);
  if (!r || !existsSync(join(siteDir, 'src/generated/site.json'))) throw new Error(`no built size ${n} to diagnose (run it first)`);
  if (!r.diagnosis?.length || flag('astro')) r.diagnosis = await diagnose(siteDir, WORK, NODE, { timeoutMs, memLimitKb, log });
  r.pagefindDiagnosis = await diagnosePagefind(siteDir, WORK, NODE, pagefindScript(siteDir), { timeoutMs, memLimitKb, log });
  saved.runs = [...(saved.runs ?? [{ generated: saved.generated, command: saved.command, sizes: saved.sizes }]), { generated: new Date().toISOString(), command: `npm run bench -- ${process.argv.slice(2).join(' ')}`, sizes: [n] }];
  writeReport(saved, outDir);
  log(`ablations at ${n} added to ${join(outDir, 'report.json')}`);
  process.exit(0);
}
if (flag('report-only')) {
  // Re-renders report.md (and the derived targets) from an existing report.json, re-reading the saved Astro logs of bench/work/.
  const saved = JSON.parse(readFileSync(join(outDir, 'report.json'), 'utf8')) as BenchReport;
  for (const r of saved.results) {
    const astroLog = join(WORK, `astro-${r.size}.log`);
    if (r.astro && existsSync(astroLog)) r.astro = { ...parseAstroLog(readFileSync(astroLog, 'utf8')), wallMs: r.astro.wallMs, peakTreeMB: r.astro.peakTreeMB };
    const slLog = join(WORK, `starlight-${r.size}.log`);
    if (r.baseline && existsSync(slLog)) {
      r.baseline.detail = parseAstroLog(readFileSync(slLog, 'utf8'));
      r.baseline.astroTotalMs = r.baseline.detail.totalMs;
      r.baseline.pagefindMs = r.baseline.detail.pagefindMs ?? null;
    }
  }
  writeReport(saved, outDir);
  log(`report re-rendered: ${join(outDir, 'report.md')}`);
  process.exit(0);
}
// --keep-snapshot builds from the copy of an earlier run (so a resumed run builds the same code).
const projectDigest = flag('keep-snapshot') && existsSync(SNAPSHOT) ? snapshotDigest(SNAPSHOT) : snapshotProject(ROOT, SNAPSHOT);
log(`project snapshot ${projectDigest} in ${SNAPSHOT}${flag('keep-snapshot') ? ' (kept)' : ''}`);
const { templates, untranslated, skipped } = findTemplates(ROOT, join(SNAPSHOT, 'content'));
log(`templates: ${templates.map((t) => t.name).join(', ')}; untranslated real replies: ${untranslated.length}${skipped.length ? `; skipped: ${skipped.map((s) => `${s.name} (${s.reason})`).join(', ')}` : ''}`);
const report: BenchReport = {
  generated: new Date().toISOString(),
  command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
  machine: machine(),
  sizes,
  options: { ...options, timeoutMin: timeoutMs / 60000, memLimitGB: memLimitKb / 1024 / 1024 } as unknown as BenchReport['options'],
  query: QUERY,
  templates: [...templates, ...untranslated].map((t) => t.name),
  skippedTemplates: skipped,
  results: [],
};
if (flag('resume') && existsSync(join(outDir, 'report.json'))) {
  // Keeps the sizes of an earlier run that this run does not measure again (e.g. after a stopped 500).
  const earlier = JSON.parse(readFileSync(join(outDir, 'report.json'), 'utf8')) as BenchReport;
  report.results = variant ? earlier.results : earlier.results.filter((r) => !sizes.includes(r.size) && !r.skipped);
  report.experiments = (earlier.experiments ?? []).filter((r) => !(variant && r.variant === variant && sizes.includes(r.size)));
  report.sizes = variant ? earlier.sizes : [...new Set([...report.results.map((r) => r.size), ...sizes])].sort((a, b) => a - b);
  report.resumedFrom = earlier.generated;
  report.runs = [...(earlier.runs ?? [{ generated: earlier.generated, command: earlier.command, sizes: earlier.sizes }]), { generated: report.generated, command: report.command, sizes, ...(variant ? { variant } : {}) }];
  if (variant) {
    // An experiment adds to the report; the default results keep their own date, command and options.
    report.generated = earlier.generated;
    report.command = earlier.command;
    report.options = earlier.options;
  }
  log(`resuming: keeping sizes ${report.results.map((r) => r.size).join(', ')} from ${earlier.generated}`);
}
const keep = (r: SizeResult) => {
  if (variant) {
    report.experiments = [...(report.experiments ?? []).filter((x) => !(x.size === r.size && x.variant === variant)), { ...r, variant }].sort((a, b) => a.size - b.size);
    return;
  }
  report.results = [...report.results.filter((x) => x.size !== r.size), r].sort((a, b) => a.size - b.size);
};
for (const size of [...sizes].sort((a, b) => a - b)) {
  const r = await runSize(size, { templates, untranslated });
  keep(r);
  writeReport(report, outDir);
  log(`size ${size}: report written to ${outDir}`);
  if (r.build.timedOut || r.build.memKilled) {
    const why = r.build.timedOut ? `exceeded the ${timeoutMs / 60000}-minute limit` : `exceeded the ${memLimitKb / 1024 / 1024} GiB memory limit`;
    log(`size ${size}: the build ${why} and was stopped; larger sizes are extrapolated, not run`);
    for (const rest of sizes.filter((s) => s > size)) keep({ size: rest, skipped: `not run: size ${size} ${why}` } as SizeResult);
    writeReport(report, outDir);
    break;
  }
}
writeReport(report, outDir);
log(`done: ${join(outDir, 'report.md')}`);
