/** Shared plumbing for tests over the built site: serving a build and driving Debian's Chromium. */
import { chromium, type Browser, type Page } from 'playwright-core';
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
