/**
 * Transfer measurements in Chromium: what a page and a first search fetch.
 * The static server does not compress, so every response is also mapped back
 * to its file in dist/ and gzipped here (default level) for the figure a
 * compressing host would send. CDP's Network.loadingFinished gives the bytes
 * actually received (body + headers, uncompressed here).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { gzipBytes } from './measure.ts';

export const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** One response the page received. */
export interface Fetched {
  path: string;
  type: 'html' | 'css' | 'js' | 'wasm' | 'json' | 'pagefind' | 'other';
  status: number;
  /** Bytes on the wire (CDP encodedDataLength: headers + body, uncompressed server). */
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

function typeOf(path: string, mime: string): Fetched['type'] {
  if (path.includes('/pagefind/')) return path.endsWith('.js') ? 'js' : path.includes('wasm') ? 'wasm' : 'pagefind';
  if (mime.includes('html')) return 'html';
  if (mime.includes('css') || path.endsWith('.css')) return 'css';
  if (mime.includes('javascript') || /\.m?js$/.test(path)) return 'js';
  if (mime.includes('wasm')) return 'wasm';
  if (mime.includes('json')) return 'json';
  return 'other';
}

/** The file in `dist` a URL path is served from (directory → index.html). */
export function fileFor(dist: string, base: string, path: string): string | undefined {
  if (!path.startsWith(base)) return undefined;
  let file = join(dist, decodeURIComponent(path.slice(base.length)));
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  return existsSync(file) ? file : undefined;
}

/** Records every response of a page (from creation on) with its sizes. */
async function recorder(page: Page, dist: string, base: string) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const meta = new Map<string, { url: string; status: number; mime: string }>();
  const done: (Fetched & { at: number })[] = [];
  let lastActivity = performance.now();
  let inflight = 0;
  cdp.on('Network.requestWillBeSent', () => {
    inflight++;
    lastActivity = performance.now();
  });
  cdp.on('Network.responseReceived', (e: any) => meta.set(e.requestId, { url: e.response.url, status: e.response.status, mime: e.response.mimeType ?? '' }));
  const finish = (e: any, ok: boolean) => {
    inflight = Math.max(0, inflight - 1);
    lastActivity = performance.now();
    const m = meta.get(e.requestId);
    if (!m || !ok) return;
    const u = new URL(m.url);
    if (u.protocol === 'data:') return;
    const file = fileFor(dist, base, u.pathname);
    const body = file ? readFileSync(file) : Buffer.alloc(0);
    done.push({ path: u.pathname + u.search, type: typeOf(u.pathname, m.mime), status: m.status, wire: e.encodedDataLength ?? 0, raw: body.length, gzip: body.length ? gzipBytes(body) : 0, at: performance.now() });
  };
  cdp.on('Network.loadingFinished', (e: any) => finish(e, true));
  cdp.on('Network.loadingFailed', (e: any) => finish(e, false));
  /** Waits until no request has been in flight for `quietMs`. */
  const idle = async (quietMs = 600, maxMs = 20_000) => {
    const start = performance.now();
    while (performance.now() - start < maxMs) {
      if (inflight === 0 && performance.now() - lastActivity > quietMs) return;
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  return { done, idle, cdp };
}

export function summarize(files: Fetched[], keepFiles = false): Transfer {
  const byType: Transfer['byType'] = {};
  for (const f of files) {
    const t = (byType[f.type] ??= { raw: 0, gzip: 0, requests: 0 });
    t.raw += f.raw;
    t.gzip += f.gzip;
    t.requests++;
  }
  const sum = (k: 'wire' | 'raw' | 'gzip') => files.reduce((n, f) => n + f[k], 0);
  return { requests: files.length, wire: sum('wire'), raw: sum('raw'), gzip: sum('gzip'), byType, ...(keepFiles ? { files: files.map(({ ...f }) => f) } : {}) };
}

/** Loads a page and returns everything it fetched until the network is idle (the page before any interaction). */
export async function pageLoad(browser: Browser, url: string, dist: string, base: string): Promise<Transfer> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const rec = await recorder(page, dist, base);
  await page.goto(url, { waitUntil: 'load' });
  await rec.idle();
  await context.close();
  return summarize(rec.done.map(({ at, ...f }) => f), true);
}

/** The site's own search page with ?q=: everything fetched after the HTML until the first results are listed and the network is idle. */
export async function siteSearch(browser: Browser, url: string, dist: string, base: string): Promise<{ afterHtml: Transfer; searchOnly: Transfer; results: number; firstResult: string; ms: number }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const rec = await recorder(page, dist, base);
  const start = performance.now();
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await page.waitForSelector('#search-results li', { timeout: 60_000 });
  const ms = performance.now() - start;
  await rec.idle();
  const results = await page.locator('#search-results li').count();
  const firstResult = (await page.locator('#search-results li a').first().getAttribute('href')) ?? '';
  await context.close();
  const files = rec.done.map(({ at, ...f }) => f);
  const htmlIndex = files.findIndex((f) => f.type === 'html');
  const after = files.filter((_, i) => i !== htmlIndex);
  // The search proper: lexicon, Pagefind (script, worker, wasm, index, fragments), not the page's own CSS/JS bundle.
  const searchOnly = after.filter((f) => f.path.includes('/pagefind/') || f.path.includes('/search/lexicon.'));
  return { afterHtml: summarize(after, true), searchOnly: summarize(searchOnly), results, firstResult, ms };
}

/** Starlight: load a page, open its search dialog, type the query and wait for Pagefind UI results. */
export async function starlightSearch(browser: Browser, url: string, query: string, dist: string, base: string): Promise<{ afterHtml: Transfer; searchOnly: Transfer; results: number; firstResult: string; ms: number }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const rec = await recorder(page, dist, base);
  await page.goto(url, { waitUntil: 'load' });
  await rec.idle();
  const loaded = rec.done.length;
  const start = performance.now();
  await page.locator('button[data-open-modal]').first().click();
  const input = page.locator('.pagefind-ui__search-input').first();
  await input.waitFor({ timeout: 30_000 });
  await input.fill(query);
  await page.waitForSelector('.pagefind-ui__result', { timeout: 60_000 });
  const ms = performance.now() - start;
  await rec.idle();
  const results = await page.locator('.pagefind-ui__result').count();
  const firstResult = (await page.locator('.pagefind-ui__result-link').first().getAttribute('href')) ?? '';
  await context.close();
  const files = rec.done.map(({ at, ...f }) => f);
  const htmlIndex = files.findIndex((f) => f.type === 'html');
  return { afterHtml: summarize(files.filter((_, i) => i !== htmlIndex), true), searchOnly: summarize(files.slice(loaded)), results, firstResult, ms };
}

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
