/**
 * The not-found page in Chromium, at the root and under /policy/, as a static host serves it (one 404.html,
 * status 404, for any missing path): without JavaScript it is readable in all three languages, English first,
 * each part with its lang; with JavaScript a mistyped path under zh-hant/ or zh-hans/ shows only that language
 * (anything else English), with links to that language's home, replies list and search, the search prefilled
 * with the last path segment when it looks like a word, all under the build's base path.
 */
import { describe, it, expect } from 'vitest';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { BUILDS, searchDone, useSiteBrowser } from './helpers.ts';

/** Each visible part of the page's main content: its lang and heading. */
const visibleParts = (page: Page) =>
  page.$$eval('.notfound section', (sections) => sections.filter((s) => (s as HTMLElement).offsetParent !== null).map((s) => `${s.getAttribute('lang')}: ${s.querySelector('h2')?.textContent}`));

/** The links of the visible part: text and href. */
const visibleLinks = (page: Page) => page.$$eval('.notfound section:not([hidden]) a', (as) => as.map((a) => [a.textContent ?? '', a.getAttribute('href') ?? '']));

describe.each(['root', 'sub'] as const)('the not-found page of the %s build', (which) => {
  const base = BUILDS[which].base;
  const browsing = useSiteBrowser(which, { requireVisit: true });
  /** The not-found page arrives with status 404, which Chromium also logs as a console error: expected here, in this test only. */
  const expectNotFound = () => browsing.allow(/HTTP 404 for |status of 404 \(Not Found\)/);

  it('is served with status 404 for a missing path at any depth, and outside the base path', async () => {
    for (const path of ['zh-hant/replies/xyz', 'en/nothing-here/', 'zh-hans/replies/zhengzhou-2021-20210574/s9/']) {
      const response = await fetch(browsing.url(path));
      expect(response.status, path).toBe(404);
      expect(await response.text(), path).toContain('class="notfound"');
    }
    const outside = await fetch(new URL('/elsewhere/page', browsing.url()).href);
    expect(outside.status).toBe(404);
    const page = await browsing.newPage();
    expectNotFound();
    await page.goto(browsing.url('en/nothing-here/'));
    await page.close();
  });

  it('without JavaScript shows all three languages, English first, each with its lang', async () => {
    const page = await browsing.newPage({ javaScriptEnabled: false });
    expectNotFound();
    const response = await page.goto(browsing.url('zh-hant/replies/xyz'));
    expect(response?.status()).toBe(404);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await visibleParts(page)).toEqual(['en: English', 'zh-Hans: 简体中文', 'zh-Hant: 繁體中文']);
    expect(await page.locator('h1').innerText()).toBe('Page not found · 页面不存在 · 頁面不存在');
    expect(await page.$$eval('h1 [data-locale]', (spans) => spans.map((s) => s.getAttribute('lang')))).toEqual(['en', 'zh-Hans', 'zh-Hant']);
    // Links work without the script: each language's home, replies list and (empty) search.
    const hrefs = await page.$$eval('.notfound section a', (as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual(['en', 'zh-hans', 'zh-hant'].flatMap((l) => [`${base}${l}/`, `${base}${l}/replies/`, `${base}${l}/search/`]));
    await page.close();
  });

  describe.each([
    ['zh-hant', 'zh-hant/replies/xyz', 'zh-Hant', '頁面不存在', 'xyz', '搜索“xyz”'],
    ['zh-hans', 'zh-hans/replies/专精特新', 'zh-Hans', '页面不存在', '专精特新', '搜索“专精特新”'],
    ['en', 'en/replies/missing-reply/', 'en', 'Page not found', 'missing reply', 'Search for “missing reply”'],
    ['en', 'no-locale/shenzhen.html', 'en', 'Page not found', 'shenzhen', 'Search for “shenzhen”'],
  ])('a mistyped %s path (%s)', (locale, path, lang, title, query, searchText) => {
    it('shows only that language, with its home, replies and a search for the last path segment', async () => {
      const page = await browsing.newPage();
      expectNotFound();
      const response = await page.goto(browsing.url(path));
      expect(response?.status()).toBe(404);
      expect(await visibleParts(page)).toEqual([`${lang}: ${{ en: 'English', 'zh-hans': '简体中文', 'zh-hant': '繁體中文' }[locale]}`]);
      expect(await page.locator('h1').innerText()).toBe(title);
      expect(await page.title()).toMatch(new RegExp(`^${title} · `));
      const links = await visibleLinks(page);
      expect(links.map(([, href]) => href)).toEqual([`${base}${locale}/`, `${base}${locale}/replies/`, `${base}${locale}/search/?q=${encodeURIComponent(query)}`]);
      expect(links[2]![0]).toBe(searchText);
      // The search link leads to the search page of that language, with the query in its box.
      await Promise.all([page.waitForURL((u) => u.pathname === `${base}${locale}/search/`), page.locator('.notfound section:not([hidden]) a').nth(2).click()]);
      await searchDone(page);
      expect(await page.inputValue('#search-q')).toBe(query);
      await page.close();
    });
  });

  it('offers no search words for a last segment that is no word, and axe finds nothing on the Traditional page', async () => {
    const page = await browsing.newPage();
    expectNotFound();
    await page.goto(browsing.url('zh-hant/replies/%3Cb%3E!!/'));
    const links = await visibleLinks(page);
    expect(links[2]).toEqual(['站內搜索', `${base}zh-hant/search/`]);
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).setLegacyMode(true).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    // The home link of the visible part leads to a page that exists.
    const [home] = await Promise.all([page.waitForEvent('response', (r) => r.url().endsWith(`${base}zh-hant/`)), page.locator('.notfound section:not([hidden]) a').first().click()]);
    expect(home.status()).toBe(200);
    await page.close();
  });
});
