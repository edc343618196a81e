/**
 * The site in real Chromium, served under the /policy/ sub-path as a static
 * host would: navigation, the language switcher keeping the block anchor, the
 * reading mode (remembered), glossary definitions on keyboard focus, the
 * figures page, search in all three locales, and no horizontal scroll at
 * 360 px; after every test, no request left 127.0.0.1 and no console error.
 */
import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { searchDone, useSiteBrowser, BUILDS } from './helpers.ts';

const SLUG = 'zhengzhou-2021-20210574';
const BASE = BUILDS.sub.base; // '/policy/'

// Chromium and the /policy/ build, and per test: no request off 127.0.0.1, no console error, at least one page visited.
const { newContext, url: site } = useSiteBrowser('sub', { requireVisit: true });
const pathOf = (url: string) => new URL(url).pathname;

/** Whether a URL path of the sub-path build names a file of the build (a folder → its index.html). */
function existsInBuild(path: string): boolean {
  if (!path.startsWith(BASE)) return false;
  const rel = decodeURIComponent(path.slice(BASE.length));
  return existsSync(join(BUILDS.sub.dir, rel.endsWith('/') || rel === '' ? `${rel}index.html` : rel));
}

/** The reply's blocks, from the build's public data file. */
function replyData(): { meta: { title: { zh?: string; en?: string } }; blocks: { id: string; zh: string; en?: string; translationStatus?: string }[] } {
  return JSON.parse(readFileSync(join(BUILDS.sub.dir, 'data', 'replies', `${SLUG}.json`), 'utf8'));
}

describe(`the site in Chromium under ${BASE}`, () => {
  it('(a) navigation: root → English home → reply → section II → next section', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await page.goto(site());
    await page.waitForURL(site('en/'));
    expect(await page.getAttribute('html', 'lang')).toBe('en');

    // The home lists the latest replies (the test builds add real ones): the seed's link among them.
    const reply = page.locator(`.reply-list a[href="${BASE}en/replies/${SLUG}/"]`).first();
    expect(await reply.count(), 'the home lists the seed reply').toBe(1);
    await Promise.all([page.waitForURL(site(`en/replies/${SLUG}/`)), reply.click()]);
    expect((await page.locator('h1').first().textContent())?.trim(), 'the overview is headed by the reply\'s English title').toBe(replyData().meta.title.en);

    const toSection2 = page.locator('nav.toc a').filter({ hasText: /^\s*II\.\s/ });
    expect(await toSection2.count(), 'one contents link labelled "II."').toBe(1);
    await Promise.all([page.waitForURL(site(`en/replies/${SLUG}/s2/`)), toSection2.click()]);
    expect(await page.locator('#s2 > h1').count(), 'the section heading block').toBe(1);

    const next = page.getByRole('link', { name: /Next section/ });
    expect(await next.count()).toBe(1);
    await Promise.all([page.waitForURL(site(`en/replies/${SLUG}/s3/`)), next.click()]);
    expect(await page.locator('#s3 > h1').count()).toBe(1);
    await context.close();
  });

  it('(b) the language switcher keeps the section and the block anchor', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await page.goto(site(`en/replies/${SLUG}/s2/#s2-3-p1-pt2`));
    const link = page.locator('nav.languages a', { hasText: '简体中文' });
    expect(await link.count()).toBe(1);
    await Promise.all([page.waitForURL(`**${BASE}zh-hans/replies/${SLUG}/s2/**`), link.click()]);
    const url = new URL(page.url());
    expect(url.pathname).toBe(`${BASE}zh-hans/replies/${SLUG}/s2/`);
    expect(url.hash).toBe('#s2-3-p1-pt2');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-Hans');
    const target = await page.evaluate(() => {
      const el = document.getElementById('s2-3-p1-pt2');
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, height: innerHeight, targeted: el.matches(':target') };
    });
    expect(target, 'the block exists on the zh-hans page').not.toBeNull();
    expect(target!.targeted, 'the block is the :target').toBe(true);
    expect(target!.top < target!.height && target!.bottom > 0, `the block is scrolled into view (${JSON.stringify(target)})`).toBe(true);
    await context.close();
  });

  it('(c) reading mode: English only / Chinese only, remembered across a reload', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await page.goto(site(`en/replies/${SLUG}/s2/`));
    const block = replyData().blocks.find((b) => b.id.startsWith('s2-') && b.translationStatus === 'translated' && b.en)!;
    expect(block, 'a translated block of section II').toBeTruthy();
    // A block's texts: paragraphs, or spans in a heading; English is the page's language, without a lang of its own.
    const zh = page.locator(`[id="${block.id}"] > p[lang^="zh"], [id="${block.id}"] > :is(h1, h2) > span[lang^="zh"]`);
    const en = page.locator(`[id="${block.id}"] > p:not([lang]), [id="${block.id}"] > :is(h1, h2) > span:not([lang])`);
    expect(await zh.isVisible() && await en.isVisible(), 'side by side by default').toBe(true);

    await page.getByLabel('English only').check();
    expect(await zh.isHidden(), 'Chinese hidden in English only').toBe(true);
    expect(await en.isVisible(), 'English visible in English only').toBe(true);
    await page.reload();
    expect(await page.getByLabel('English only').isChecked(), 'the choice is still selected after a reload').toBe(true);
    expect(await zh.isHidden(), 'Chinese still hidden after a reload').toBe(true);
    expect(await en.isVisible()).toBe(true);

    await page.getByLabel('Chinese only').check();
    expect(await en.isHidden(), 'English hidden in Chinese only').toBe(true);
    expect(await zh.isVisible(), 'Chinese visible in Chinese only').toBe(true);
    await page.reload();
    expect(await page.getByLabel('Chinese only').isChecked()).toBe(true);
    expect(await en.isHidden(), 'English still hidden after a reload').toBe(true);
    expect(await zh.isVisible()).toBe(true);
    await context.close();
  });

  it('(d) a glossary term shows its one-line definition on keyboard focus only, and the definition is not in the copied text', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await page.goto(site(`zh-hans/replies/${SLUG}/s2/`));
    await page.mouse.move(5, 700);
    const term = '.reply-text button[popovertarget]';
    const tip = () => page.evaluate((sel) => {
      const el = document.querySelector(sel)!;
      const pop = document.getElementById(el.getAttribute('popovertarget')!)!;
      return { display: getComputedStyle(pop).display, text: pop.textContent ?? '', focused: document.activeElement === el };
    }, term);
    expect((await tip()).display, 'definition hidden without focus or hover').toBe('none');

    let reached = false;
    for (let i = 0; i < 60 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate((sel) => !!document.activeElement?.matches(sel), term);
    }
    expect(reached, 'Tab reaches a term of the reading text').toBe(true);
    const focused = await page.evaluate((sel) => {
      const el = document.activeElement as HTMLElement;
      const pop = document.getElementById(el.getAttribute('popovertarget')!);
      return {
        first: el === document.querySelector(sel),
        more: (pop?.querySelector('a') as HTMLAnchorElement | null)?.href ?? null,
        blockId: el.closest('.b')?.id ?? null,
        paragraph: el.closest('p')?.textContent ?? null,
        paragraphIsChinese: !!el.closest('p')?.matches(':lang(zh)'),
      };
    }, term);
    expect(focused.first, 'the first term of the reading text gets focus first').toBe(true);
    expect(pathOf(focused.more!)).toMatch(new RegExp(`^${BASE}zh-hans/glossary/[^/]+/$`));
    const shown = await tip();
    expect(shown.focused).toBe(true);
    expect(shown.display, 'definition displayed on focus').not.toBe('none');

    // The paragraph's text is exactly the Chinese of the block: the definition lives outside it.
    const block = replyData().blocks.find((b) => b.id === focused.blockId);
    expect(block, `block ${focused.blockId} in the reply data`).toBeTruthy();
    expect(focused.paragraphIsChinese, 'the first term of a zh-hans page is in its Chinese text').toBe(true);
    expect(focused.paragraph).toBe(block!.zh);
    expect(block!.zh).not.toContain(shown.text.trim().slice(-20));

    await page.keyboard.press('Shift+Tab');
    const after = await tip();
    expect(after.focused).toBe(false);
    expect(after.display, 'definition hidden again once focus moves on').toBe('none');
    await context.close();
  });

  it('(e) the figures page of the reply has a table of figures and an inline SVG chart with a title', async () => {
    const context = await newContext();
    const page = await context.newPage();
    const response = await page.goto(site(`en/figures/${SLUG}/`));
    expect(response?.status()).toBe(200);
    expect(await page.locator('table').count(), 'a table').toBeGreaterThan(0);
    expect(await page.locator('table tbody tr').count(), 'rows in the table').toBeGreaterThan(0);
    const charts = await page.evaluate(() => [...document.querySelectorAll('svg[role="img"]')].map((svg) => svg.querySelector(':scope > title')?.textContent?.trim() ?? ''));
    expect(charts.length, 'inline svg[role=img] charts').toBeGreaterThan(0);
    expect(charts.filter(Boolean).length, 'a chart with a non-empty <title>').toBeGreaterThan(0);
    await context.close();
  });

  describe('(f) search under the base path', () => {
    const cases = [
      ['zh-hans', '亩均论英雄', 'mu-jun-lun-ying-xiong'],
      ['zh-hant', '畝均論英雄', 'mu-jun-lun-ying-xiong'],
      ['en', 'zhuanjingtexin', 'zhuan-jing-te-xin'],
    ] as const;
    it.each(cases)('%s: %s → the glossary term first, then a highlighted block', async (locale, query, term) => {
      const context = await newContext();
      const page = await context.newPage();
      await page.goto(site(`${locale}/search/?q=${encodeURIComponent(query)}`));
      await searchDone(page);
      const hrefs = await page.$$eval('#search-results a', (as) => as.map((a) => a.getAttribute('href') ?? ''));
      expect(hrefs.length, `results for ${query}: ${hrefs.join(', ')}`).toBeGreaterThanOrEqual(2);
      expect(hrefs[0], 'the first result is the term page under the base path').toMatch(new RegExp(`^${BASE}`));
      expect(pathOf(new URL(hrefs[0]!, page.url()).href)).toBe(`${BASE}${locale}/glossary/${term}/`);
      expect(hrefs.every((h) => h.startsWith(BASE)), `every result stays under ${BASE}: ${hrefs.join(', ')}`).toBe(true);
      const missing = hrefs.filter((h) => !existsInBuild(pathOf(new URL(h, page.url()).href)));
      // Soft: the test goes on to follow the second result, so that the landing page is checked (and reported) too.
      expect.soft(missing, `result links to pages that do not exist in the build`).toEqual([]);

      const second = page.locator('#search-results a').nth(1);
      await Promise.all([page.waitForURL((u) => u.pathname !== `${BASE}${locale}/search/`), second.click()]);
      const landed = new URL(page.url());
      expect(landed.pathname.startsWith(`${BASE}${locale}/`), `landed on ${landed.href}`).toBe(true);
      expect(landed.hash.length, `the result URL ${landed.href} names a block`).toBeGreaterThan(1);
      const hit = await page.evaluate(() => {
        const id = decodeURIComponent(location.hash.slice(1));
        const el = document.getElementById(id);
        return { id, found: !!el, block: !!el?.classList.contains('b'), marks: el ? [...el.querySelectorAll('mark.search-hit')].map((m) => m.textContent) : [] };
      });
      expect(hit.found, `an element with id "${hit.id}"`).toBe(true);
      expect(hit.block, `#${hit.id} is a block`).toBe(true);
      expect(hit.marks.length, `mark.search-hit inside #${hit.id}`).toBeGreaterThan(0);
      await context.close();
    });
  });

  it('(h) at 360 px wide a section page has no horizontal scroll', async () => {
    const context = await newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    const widths: Record<string, number> = {};
    for (const locale of ['en', 'zh-hans', 'zh-hant']) {
      await page.goto(site(`${locale}/replies/${SLUG}/s2/`));
      widths[locale] = await page.evaluate(() => document.documentElement.scrollWidth);
    }
    const wide = Object.entries(widths).filter(([, w]) => w > 360);
    expect(wide, `document.documentElement.scrollWidth at 360 px: ${JSON.stringify(widths)}`).toEqual([]);
    await context.close();
  });
});
