/** Shared plumbing for tests over the built site: serving a build and driving Debian's Chromium. */
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { serveStatic, type RunningServer } from '../../scripts/lib/static-server.ts';
import { BUILDS } from '../global-setup.ts';

export { BUILDS };

/** The Chromium the machine has (apt package `chromium`); tests never download a browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Launches headless Chromium with the flags this closed network needs. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/** Serves one of the two test builds under its base path. */
export function serveBuild(which: keyof typeof BUILDS): Promise<RunningServer> {
  return serveStatic(BUILDS[which].dir, BUILDS[which].base);
}

/** What a test file gets from useSiteBrowser: the browser and server of the file, and watched contexts and pages. */
export interface SiteBrowser {
  /** The file's Chromium (launched in beforeAll). */
  browser(): Browser;
  /** The file's static server for the build. */
  server(): RunningServer;
  /** The URL of a path below the build's base: `url('en/')` → `http://127.0.0.1:<port>/policy/en/`. */
  url(path?: string): string;
  /** A fresh context (own storage) whose pages are watched: requests off 127.0.0.1, console and page errors, failed requests and HTTP errors fail the test. */
  newContext(options?: Parameters<Browser['newContext']>[0]): Promise<BrowserContext>;
  /** A page in a fresh watched context (closed with the page). */
  newPage(options?: Parameters<Browser['newContext']>[0]): Promise<Page>;
  /** Lets the current test accept problems matching `pattern` (e.g. the HTTP 404 of a page that tests the not-found page). */
  allow(pattern: RegExp): void;
}

/**
 * The launch-browser, serve-build, close setup of a browser test file, registered as Vitest hooks: Chromium
 * and a static server for one build in beforeAll, both closed in afterAll. Every test checks its own pages:
 * after each test, no request of a watched page left 127.0.0.1, and no page logged a console error, threw,
 * failed a request or got an HTTP error (an assertion in afterEach fails the test it follows, so this holds
 * under -t filtering and in any order). `requireVisit` also fails a test that opened no page.
 */
export function useSiteBrowser(which: keyof typeof BUILDS, { requireVisit = false } = {}): SiteBrowser {
  let browser: Browser | undefined;
  let server: RunningServer | undefined;
  let offHost: string[] = [];
  let problems: string[] = [];
  let allowed: RegExp[] = [];
  let visited = new Set<string>();

  beforeAll(async () => {
    browser = await launchBrowser();
    server = await serveBuild(which);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  beforeEach(() => {
    offHost = [];
    problems = [];
    allowed = [];
    visited = new Set();
  });
  afterEach(() => {
    if (requireVisit) expect(visited.size, 'pages visited by this test').toBeGreaterThan(0);
    expect(offHost, `requests off 127.0.0.1:\n${offHost.join('\n')}`).toEqual([]);
    const errors = problems.filter((p) => !allowed.some((a) => a.test(p)));
    expect(errors, `console errors:\n${errors.join('\n')}`).toEqual([]);
  });

  const watch = (page: Page) => {
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`${page.url()}: console.error ${message.text()} ${message.location().url ?? ''}`);
    });
    page.on('pageerror', (error) => problems.push(`${page.url()}: uncaught ${error.message}`));
    page.on('requestfailed', (request) => {
      // ERR_ABORTED is the browser cancelling a pending request (e.g. the favicon) because the page navigated away: not a failure of the site.
      if (request.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`${page.url()}: request failed ${request.url()} (${request.failure()?.errorText})`);
    });
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`${page.url()}: HTTP ${response.status()} for ${response.url()}`);
    });
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) visited.add(frame.url());
    });
  };
  const newContext = async (options: Parameters<Browser['newContext']>[0] = {}) => {
    if (!browser) throw new Error('useSiteBrowser: the browser is not running yet (call newContext inside a test)');
    const context = await browser.newContext(options);
    context.on('request', (request) => {
      const url = new URL(request.url());
      if (url.protocol === 'data:' || url.protocol === 'blob:') return;
      if (url.hostname !== '127.0.0.1') offHost.push(`${request.url()} (from ${request.frame().url()})`);
    });
    context.on('page', watch);
    return context;
  };
  return {
    browser: () => browser!,
    server: () => server!,
    url: (path = '') => server!.url + path,
    newContext,
    newPage: async (options) => {
      const context = await newContext(options);
      const page = await context.newPage();
      page.on('close', () => void context.close());
      return page;
    },
    allow: (pattern) => allowed.push(pattern),
  };
}

/** Every HTML file of a build, relative to its folder. */
export function htmlFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.html')) out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out.sort();
}

/** One page of each type in each locale: what the accessibility and browser tests visit. */
export function pageTypes(slug = 'zhengzhou-2021-20210574', term = 'mu-jun-lun-ying-xiong'): string[] {
  return ['en', 'zh-hans', 'zh-hant'].flatMap((l) => [
    `${l}/`,
    `${l}/replies/${slug}/`,
    `${l}/replies/${slug}/s2/`,
    `${l}/glossary/`,
    `${l}/glossary/${term}/`,
    `${l}/figures/`,
    `${l}/figures/${slug}/`,
    `${l}/about/`,
    `${l}/status/`,
    `${l}/search/?q=${encodeURIComponent('专精特新')}`,
  ]);
}

/** How long a page may take to finish a search: most of the test timeout (60 s), so a slow run fails here with the page's status rather than as a bare test timeout. */
export const SEARCH_WAIT = 45_000;

/**
 * Waits until the search page has finished (`#search-results[data-state="done"]`, set by
 * src/scripts/search.ts after the results are listed) and returns how many results it lists.
 * A search that fails or never finishes fails the test with the status the page shows.
 */
export async function searchDone(page: Page): Promise<number> {
  try {
    await page.waitForSelector('#search-results[data-state="done"]', { state: 'attached', timeout: SEARCH_WAIT });
  } catch (error) {
    const status = await page.locator('#search-status').textContent().catch(() => null);
    throw new Error(`the search on ${page.url()} did not finish within ${SEARCH_WAIT / 1000} s (status: ${JSON.stringify(status)})`, { cause: error });
  }
  return page.locator('#search-results > li').count();
}
