/**
 * `npm run dev [-- --strict]`: live preview for editors and translators.
 *
 * Steps: prepare all content into src/generated/ → start Astro's dev server
 * (http://127.0.0.1:4321, `PORT` and `BASE_PATH` honoured) → watch the content
 * folder (`CONTENT_DIR`, default content/). A save re-prepares only what it
 * affects (scripts/lib/dev-prepare.ts), writes the generated files whose bytes
 * changed and reloads the open page. A content mistake (or, with --strict, a QA
 * finding) is shown in a banner on every page, naming file, line and fix; the
 * last good pages stay; the next good save clears it. Search uses the last
 * built index (dist/pagefind) or says it is unavailable.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isRunnableDevEnvironment, type FSWatcher, type Plugin, type ViteDevServer } from 'vite';
import { IncrementalPrepare, type DevUpdate } from './lib/dev-prepare.ts';
import { contentDirFromEnv } from './lib/load.ts';
import { formatProblem } from './lib/errors.ts';
import { GENERATED_NOTICE } from './lib/page-data.ts';

process.env.ASTRO_TELEMETRY_DISABLED = '1';
const GENERATED = 'src/generated';
/** What the dev banner reads (src/components/DevBanner.astro). */
const STATE_FILE = join(GENERATED, 'dev-state.json');
const strict = process.argv.includes('--strict');
const contentDir = contentDirFromEnv();
const port = Number(process.env.PORT || 4321);
const base = `/${(process.env.BASE_PATH || '/').replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
const searchDir = join(process.env.OUT_DIR || 'dist', 'pagefind');

const preparer = new IncrementalPrepare(contentDir, GENERATED, { strict, searchEveryUpdate: false });
let server: ViteDevServer | undefined;

/** Records the problems for the banner and prints them as the build would. */
function report(update: DevUpdate, label: string, ms: number): void {
  const state = { generated: GENERATED_NOTICE, problems: update.problems, findings: update.findings.length, search: existsSync(join(searchDir, 'pagefind.js')) ? 'built' : 'unavailable', at: new Date().toISOString() };
  mkdirSync(GENERATED, { recursive: true });
  writeFileSync(STATE_FILE, JSON.stringify(state));
  for (const p of update.problems) console.error(`error: ${formatProblem({ file: p.file, line: p.line, block: p.block }, p.message, p.hint)}`);
  if (update.problems.length) console.error(`dev: ${label}: the pages keep the last good content; fix the file above and save again`);
  else console.log(`dev: ${label}: ${update.replies.length} repl${update.replies.length === 1 ? 'y' : 'ies'} re-prepared, ${update.written.length} files written, ${update.removed.length} removed in ${Math.round(ms)} ms${update.findings.length ? ` (${update.findings.length} QA findings: npm run check)` : ''}`);
}

/** Makes the dev server forget generated data it has loaded (site.json and every module importing it, the route cache) and reloads open pages. */
function reload(written: string[]): void {
  if (!server) return;
  const timestamp = Date.now();
  const files = [...written, 'dev-state.json'].map((p) => resolve(GENERATED, p));
  for (const name of ['ssr', 'prerender', 'astro']) {
    const env = server.environments[name];
    if (!env) continue;
    const seen = new Set<Parameters<typeof env.moduleGraph.invalidateModule>[0]>();
    for (const file of files) for (const mod of env.moduleGraph.getModulesByFile(file) ?? []) env.moduleGraph.invalidateModule(mod, seen, timestamp, true);
    if (isRunnableDevEnvironment(env)) {
      for (const mod of seen) {
        const evaluated = mod.id ? env.runner.evaluatedModules.getModuleById(mod.id) : undefined;
        if (evaluated) env.runner.evaluatedModules.invalidateModule(evaluated);
      }
    }
    // Astro keeps getStaticPaths results until this event (a reply may have gained a section).
    env.hot.send('astro:content-changed', {});
  }
  server.environments.client.hot.send({ type: 'full-reload', path: '*' });
}

const TYPES: Record<string, string> = { '.js': 'text/javascript; charset=utf-8', '.json': 'application/json; charset=utf-8', '.wasm': 'application/wasm', '.css': 'text/css; charset=utf-8' };
/** Stands in for pagefind.js when no index was built: the search page loads, finds nothing, and the banner says why. */
const NO_INDEX = `// npm run dev: no search index has been built (run npm run build once).\nexport async function options() {}\nexport async function search() { return { results: [], unfilteredResultCount: 0, filters: {}, totalFilters: {}, timings: {} }; }\nexport async function filters() { return {}; }\nexport async function init() {}\nexport async function mergeIndex() {}\n`;

/** Serves <base>pagefind/ from the last build's index, so search works in dev with the data of that build. */
function serveSearchIndex(req: IncomingMessage, res: ServerResponse, next: () => void): void {
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  // Under a BASE_PATH, Astro's middleware may already have removed the base from the URL.
  const prefix = [`${base}pagefind/`, '/pagefind/'].find((p) => path.startsWith(p));
  if (!prefix) return next();
  const rel = normalize(path.slice(prefix.length));
  const file = join(searchDir, rel);
  if (rel.startsWith('..') || rel.includes(`${sep}..`)) return next();
  if (existsSync(file)) {
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
    res.end(readFileSync(file));
  } else if (rel === 'pagefind.js') {
    res.writeHead(200, { 'Content-Type': TYPES['.js']!, 'Cache-Control': 'no-store' });
    res.end(NO_INDEX);
  } else {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('no search index: run npm run build');
  }
}

/** The Vite plugin that connects this script to Astro's dev server. */
const bridge: Plugin = {
  name: 'policy-replies:dev',
  configureServer(vite) {
    server = vite;
    vite.middlewares.use(serveSearchIndex);
  },
};

/** Applies saved files one batch at a time (Astro's own file watcher reports them); saves during an update wait for the next batch. */
function watchContent(watcher: FSWatcher): void {
  const root = resolve(contentDir);
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let busy = false;
  const flush = () => {
    if (busy || pending.size === 0) return;
    const batch = [...pending];
    pending = new Set();
    busy = true;
    const start = performance.now();
    try {
      const update = preparer.update(batch);
      report(update, batch.map((p) => p.replace(root + sep, '')).join(', '), performance.now() - start);
      reload(update.written);
    } catch (error) {
      // A bug, not a content mistake: print it whole, keep serving the last good pages.
      console.error(error);
    } finally {
      busy = false;
      if (pending.size) timer = setTimeout(flush, 0);
    }
  };
  watcher.add(root);
  watcher.on('all', (_event, path) => {
    const abs = resolve(path);
    if (abs !== root && !abs.startsWith(root + sep)) return;
    pending.add(abs);
    clearTimeout(timer);
    // Editors write a file in more than one step; 30 ms collects them into one update.
    timer = setTimeout(flush, 30);
  });
}

const start = performance.now();
let first = preparer.full();
report(first, 'prepared', performance.now() - start);
// Without any generated site the pages cannot render: try again each second until the content loads.
if (first.problems.length && !existsSync(join(GENERATED, 'site.json'))) {
  console.error('dev: nothing prepared yet; the server starts once the content loads (fix the error above and save)');
  const shown = JSON.stringify(first.problems);
  while (!existsSync(join(GENERATED, 'site.json'))) {
    await new Promise((r) => setTimeout(r, 1000));
    first = preparer.full();
    if (JSON.stringify(first.problems) !== shown) report(first, 'prepared', 0);
  }
}

const { dev } = await import('astro');
const astro = await dev({ root: process.cwd(), logLevel: 'warn', server: { host: '127.0.0.1', port }, vite: { plugins: [bridge] } });
watchContent(astro.watcher);
console.log(`dev: http://127.0.0.1:${astro.address.port}${base}en/ (content from ${contentDir}/${strict ? ', strict' : ''}; Ctrl+C stops)`);

const stop = async () => {
  await astro.stop();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
