/**
 * Transfer measurements in Chromium: what a page and a first search fetch,
 * counted where the bytes leave the static server (scripts/lib/static-server.ts),
 * which also sees the requests of Pagefind's web worker. The server does not
 * compress, so every response is mapped back to its file in dist/ and gzipped
 * here (default level) for the figure a compressing host would send.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { chromium, type Browser, type Page } from 'playwright-core';
import { gzipBytes } from './measure.ts';

export const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** One response the page received. */
export interface Fetched {
  path: string;
  type: 'html' | 'css' | 'js' | 'wasm' | 'json' | 'pagefind' | 'other';
  status: number;
  /** Content-Length the server sent (uncompressed). */
  wire: number;
  /** Body bytes of the file served. */
  raw: number;
  /** The same file gzipped. */
  gzip: number;
}

/** Sums of a list of responses. */
export interface Transfer {
  requests: number;
  wire: number;
  raw: number;
  gzip: number;
  byType: Record<string, { raw: number; gzip: number; requests: number }>;
  files?: Fetched[];
}

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
}

/** What kind of file a response is, from its path (the static server's Content-Type is not readable back from the response object). */
export function typeOf(path: string, mime = ''): Fetched['type'] {
  const p = path.split('?')[0]!;
  if (p.includes('/pagefind/')) return /\.m?js$/.test(p) ? 'js' : p.includes('wasm') ? 'wasm' : 'pagefind';
  if (p.endsWith('/') || p.endsWith('.html') || mime.includes('html')) return 'html';
  if (p.endsWith('.css') || mime.includes('css')) return 'css';
  if (/\.m?js$/.test(p) || mime.includes('javascript')) return 'js';
  if (p.endsWith('.wasm') || mime.includes('wasm')) return 'wasm';
  if (p.endsWith('.json') || mime.includes('json')) return 'json';
  return 'other';
}

/** The file in `dist` a URL path is served from (directory → index.html). */
export function fileFor(dist: string, base: string, path: string): string | undefined {
  if (!path.startsWith(base)) return undefined;
  let file = join(dist, decodeURIComponent(path.slice(base.length)));
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  return existsSync(file) ? file : undefined;
}

/**
 * Records every request the static server answers (server side, so requests
 * from Pagefind's web worker count too: CDP on the page does not see them).
 */
export function trackServer(server: Server, dist: string, base: string) {
  const done: Fetched[] = [];
  let inflight = 0;
  let lastActivity = performance.now();
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    inflight++;
    lastActivity = performance.now();
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    let counted = false;
    const end = () => {
      if (counted) return;
      counted = true;
      inflight = Math.max(0, inflight - 1);
      lastActivity = performance.now();
      const file = res.statusCode === 200 ? fileFor(dist, base, path) : res.statusCode === 404 && existsSync(join(dist, '404.html')) ? join(dist, '404.html') : undefined;
      const body = file ? readFileSync(file) : Buffer.alloc(0);
      const mime = String(res.getHeader('Content-Type') ?? '');
      done.push({ path: new URL(req.url ?? '/', 'http://x').pathname + new URL(req.url ?? '/', 'http://x').search, type: typeOf(path, mime), status: res.statusCode, wire: Number(res.getHeader('Content-Length') ?? body.length), raw: body.length, gzip: body.length ? gzipBytes(body) : 0 });
    };
    res.on('finish', end);
    res.on('close', end);
  });
  return {
    done,
    /** Waits until no request has been in flight for `quietMs`. */
    async idle(quietMs = 800, maxMs = 30_000) {
      const start = performance.now();
      while (performance.now() - start < maxMs) {
        if (inflight === 0 && performance.now() - lastActivity > quietMs) return;
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    /** Forgets what was recorded so far. */
    reset() {
      done.length = 0;
    },
  };
}

export type Tracker = ReturnType<typeof trackServer>;

export function summarize(files: Fetched[], keepFiles = false): Transfer {
  const byType: Transfer['byType'] = {};
  for (const f of files) {
    const t = (byType[f.type] ??= { raw: 0, gzip: 0, requests: 0 });
    t.raw += f.raw;
    t.gzip += f.gzip;
    t.requests++;
  }
  const sum = (k: 'wire' | 'raw' | 'gzip') => files.reduce((n, f) => n + f[k], 0);
  return { requests: files.length, wire: sum('wire'), raw: sum('raw'), gzip: sum('gzip'), byType, ...(keepFiles ? { files: files.map((f) => ({ ...f })) } : {}) };
}

async function freshPage(browser: Browser): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  return { page, close: () => context.close() };
}

/** Loads a page in a fresh context and returns everything the server sent until the network is idle (the page before any interaction). */
export async function pageLoad(browser: Browser, tracker: Tracker, url: string): Promise<Transfer> {
  await tracker.idle(200);
  tracker.reset();
  const { page, close } = await freshPage(browser);
  await page.goto(url, { waitUntil: 'load' });
  await tracker.idle();
  const files = [...tracker.done];
  await close();
  return summarize(files, true);
}

/** The site's own search page with ?q=: everything sent after the HTML until the first results are listed and the network is idle. */
export async function siteSearch(browser: Browser, tracker: Tracker, url: string): Promise<SearchRun> {
  await tracker.idle(200);
  tracker.reset();
  const { page, close } = await freshPage(browser);
  const start = performance.now();
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await page.waitForSelector('#search-results li', { timeout: 60_000 });
  const ms = performance.now() - start;
  await tracker.idle();
  const results = await page.locator('#search-results li').count();
  const firstResult = (await page.locator('#search-results li a').first().getAttribute('href')) ?? '';
  const files = [...tracker.done];
  await close();
  const after = files.slice(1);
  // The search proper: lexicon and Pagefind (script, worker, wasm, index, fragments), not the page's own CSS/JS bundle.
  const searchOnly = after.filter((f) => f.path.includes('/pagefind/') || f.path.includes('/search/lexicon.'));
  return { afterHtml: summarize(after, true), searchOnly: summarize(searchOnly, true), results, firstResult, ms: Math.round(ms) };
}

/** Starlight: load a page, open its search dialog, type the query and wait for Pagefind UI results. */
export async function starlightSearch(browser: Browser, tracker: Tracker, url: string, query: string): Promise<SearchRun> {
  await tracker.idle(200);
  tracker.reset();
  const { page, close } = await freshPage(browser);
  await page.goto(url, { waitUntil: 'load' });
  await tracker.idle();
  const loaded = tracker.done.length;
  const start = performance.now();
  await page.locator('button[data-open-modal]').first().click();
  const input = page.locator('.pagefind-ui__search-input').first();
  await input.waitFor({ timeout: 30_000 });
  await input.fill(query);
  await page.waitForSelector('.pagefind-ui__result', { timeout: 60_000 });
  const ms = performance.now() - start;
  await tracker.idle();
  const results = await page.locator('.pagefind-ui__result').count();
  const firstResult = (await page.locator('.pagefind-ui__result-link').first().getAttribute('href')) ?? '';
  const files = [...tracker.done];
  await close();
  return { afterHtml: summarize(files.slice(1), true), searchOnly: summarize(files.slice(loaded), true), results, firstResult, ms: Math.round(ms) };
}

/** What a first search measured. */
export interface SearchRun { afterHtml: Transfer; searchOnly: Transfer; results: number; firstResult: string; ms: number }

/** Static weight of a page: its HTML plus the stylesheets and scripts it references (module imports followed; dynamic imports not). */
export function staticWeight(dist: string, base: string, pagePath: string): { html: { raw: number; gzip: number }; css: { raw: number; gzip: number }; js: { raw: number; gzip: number }; total: { raw: number; gzip: number }; assets: string[] } | undefined {
  const htmlFile = fileFor(dist, base, pagePath);
  if (!htmlFile) return undefined;
  const html = readFileSync(htmlFile);
  const text = html.toString('utf8');
  const css = new Set<string>();
  const js = new Set<string>();
  for (const m of text.matchAll(/<link\b[^>]*>/g)) {
    const tag = m[0];
    const href = /href="([^"]+)"/.exec(tag)?.[1];
    if (!href) continue;
    if (/rel="?stylesheet/.test(tag)) css.add(href);
    else if (/rel="?modulepreload/.test(tag)) js.add(href);
  }
  for (const m of text.matchAll(/<script\b[^>]*\bsrc="([^"]+)"[^>]*>/g)) js.add(m[1]!);
  // Inline module scripts may import bundles.
  for (const m of text.matchAll(/<script\b[^>]*type="module"[^>]*>([\s\S]*?)<\/script>/g)) for (const i of m[1]!.matchAll(/(?:import|from)\s*["']([^"']+)["']/g)) js.add(i[1]!);
  const resolveUrl = (ref: string, from: string) => new URL(ref, `http://x${from}`).pathname;
  const queue = [...js].map((r) => resolveUrl(r, pagePath));
  const seenJs = new Set<string>();
  while (queue.length) {
    const p = queue.shift()!;
    if (seenJs.has(p)) continue;
    seenJs.add(p);
    const f = fileFor(dist, base, p);
    if (!f) continue;
    const code = readFileSync(f, 'utf8');
    for (const m of code.matchAll(/(?:^|[;\s}])(?:import\s*(?:[\w*{}\s,$]+from\s*)?|export\s*(?:[\w*{}\s,$]+)?from\s*)["']([^"']+\.m?js)["']/g)) queue.push(resolveUrl(m[1]!, p));
  }
  const sizeOf = (paths: Iterable<string>) => {
    let raw = 0;
    let gzip = 0;
    for (const p of paths) {
      const f = fileFor(dist, base, p);
      if (!f) continue;
      const b = readFileSync(f);
      raw += b.length;
      gzip += gzipBytes(b);
    }
    return { raw, gzip };
  };
  const cssPaths = [...css].map((r) => resolveUrl(r, pagePath));
  const h = { raw: html.length, gzip: gzipBytes(html) };
  const c = sizeOf(cssPaths);
  const j = sizeOf(seenJs);
  return { html: h, css: c, js: j, total: { raw: h.raw + c.raw + j.raw, gzip: h.gzip + c.gzip + j.gzip }, assets: [...cssPaths, ...seenJs] };
}
