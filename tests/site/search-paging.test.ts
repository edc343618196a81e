/**
 * The search page's weight-saving behaviour in real Chromium, on the root
 * build: a search loads one batch of result pages (one fragment each, every
 * block of a section in it) and the fragments of the glossary terms it lists,
 * "Show more results" is a keyboard-reachable button that lists the next ones
 * and moves focus to the first of them, and the "Paragraphs with figures"
 * filter lists blocks that state key figures, each linking to its rows on the
 * figures page. No Pagefind web worker is fetched, and one small filter chunk
 * (kind) at most.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { launchBrowser, serveBuild, BUILDS } from './helpers.ts';
import type { RunningServer } from '../../scripts/lib/static-server.ts';
import { PAGE_BATCH } from '../../src/scripts/search.ts';

let browser: Browser;
let server: RunningServer;

beforeAll(async () => {
  browser = await launchBrowser();
  server = await serveBuild('root');
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens a search and records every Pagefind file the page (or a worker) fetched. */
async function search(path: string): Promise<{ page: Page; fetched: string[]; errors: string[] }> {
  const page = await browser.newPage();
  const fetched: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => {
    const p = new URL(r.url()).pathname;
    if (p.includes('/pagefind/')) fetched.push(p);
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(`${server.url}${path}`);
  await page.waitForSelector('#search-results[data-state="done"]', { timeout: 20_000 });
  return { page, fetched, errors };
}

const hrefs = (page: Page) => page.$$eval('#search-results > li', (lis) => lis.map((li) => li.querySelector('a')?.getAttribute('href') ?? ''));
const fragments = (fetched: string[]) => fetched.filter((p) => p.includes('/fragment/'));

describe('search results load in pages of 10', () => {
  it('lists 10 results from one batch of result pages; the button lists the rest from the keyboard, focus following', async () => {
    const { page, fetched, errors } = await search(`zh-hans/search/?q=${encodeURIComponent('企业')}`);
    const status = await page.textContent('#search-status');
    const total = Number(/共 (\d+) 条/.exec(status ?? '')?.[1]);
    expect(total, `status: ${status}`).toBeGreaterThan(10);
    expect(status).toContain('已显示 10 条');
    const first = await hrefs(page);
    expect(first).toHaveLength(10);
    // One fragment per result page of the batch, plus one per glossary term listed.
    const terms = first.filter((h) => h.includes('/glossary/')).length;
    expect(fragments(fetched).length).toBeLessThanOrEqual(PAGE_BATCH + terms);
    expect(first.filter((h) => h.includes('/replies/')).length, 'blocks of the loaded pages').toBeGreaterThan(new Set(fragments(fetched)).size - terms);
    expect(fetched.some((p) => p.includes('pagefind-worker')), 'no web worker').toBe(false);
    expect(await page.isVisible('#search-more')).toBe(true);
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice']).setLegacyMode(true).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), 'axe, with the button shown').toEqual([]);

    let shown = 10;
    while (await page.isVisible('#search-more')) {
      await page.focus('#search-more');
      await page.keyboard.press('Enter');
      await page.waitForFunction((n) => document.querySelectorAll('#search-results > li').length > n, shown, { timeout: 10_000 });
      const now = (await hrefs(page)).length;
      expect(now - shown).toBeLessThanOrEqual(10);
      const focused = await page.evaluate(() => document.activeElement?.getAttribute('href'));
      expect(focused, 'focus on the first new result').toBe((await hrefs(page))[shown]);
      shown = now;
    }
    const all = await hrefs(page);
    expect(all).toHaveLength(total);
    expect(new Set(all).size, 'no result twice').toBe(total);
    expect(fragments(fetched)).toHaveLength(new Set(fragments(fetched)).size);
    expect(await page.textContent('#search-status')).toBe(`“企业”共 ${total} 条结果`);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a query naming a term lists the term page first, then its blocks, with one small filter chunk at most', async () => {
    const { page, fetched, errors } = await search(`zh-hans/search/?q=${encodeURIComponent('亩均论英雄')}`);
    const list = await hrefs(page);
    expect(list[0]).toBe('/zh-hans/glossary/mu-jun-lun-ying-xiong/');
    expect(list[1]).toMatch(/^\/zh-hans\/replies\/[^/]+\/s\d+\/\?hl=[^#]+#s\d/);
    expect(fetched.filter((p) => p.includes('/filter/')).length, 'the kind filter chunk, once').toBeLessThanOrEqual(1);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the "paragraphs with figures" filter', () => {
  it.each(['en', 'zh-hans'])('%s: every result is a block with a link to its rows on the figures page', async (locale) => {
    const q = locale === 'en' ? 'enterprises' : '企业';
    const { page, errors } = await search(`${locale}/search/?q=${encodeURIComponent(q)}&kind=figure`);
    const rows = await page.$$eval('#search-results > li', (lis) => lis.map((li) => [...li.querySelectorAll('a')].map((a) => a.getAttribute('href') ?? '')));
    expect(rows.length).toBeGreaterThan(0);
    for (const [block, figures] of rows) {
      expect(block, 'a block of a reply').toMatch(new RegExp(`^/${locale}/replies/[^/]+/(s\\d+/)?\\?hl=[^#]+#.+`));
      expect(figures, `figures link of ${block}`).toMatch(new RegExp(`^/${locale}/figures/[^/]+/#fig-\\d+$`));
      const [path, id] = figures!.split('#');
      const html = readFileSync(join(BUILDS.root.dir, path!, 'index.html'), 'utf8');
      expect(html.includes(`id="${id}"`), `${figures} exists`).toBe(true);
    }
    expect(await page.isChecked('input[name=kind][value=figure]')).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('blocks with figures still count as paragraphs', async () => {
    const { page } = await search(`en/search/?q=${encodeURIComponent('enterprises')}&kind=paragraph`);
    const withFigures = await page.$$eval('#search-results > li', (lis) => lis.filter((li) => li.querySelectorAll('a').length > 1).length);
    expect(withFigures).toBeGreaterThan(0);
    await page.close();
  });
});
