/**
 * Reading aids in real Chromium, under the /policy/ sub-path: a section's
 * contents (tap on a phone, keyboard on a desktop), term definitions in
 * popovers (tap, keyboard, hover; copying a paragraph copies only its text),
 * and the cite links (click, keyboard, tap; without JavaScript a permalink;
 * in print the URL and the block ids).
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { useSiteBrowser, BUILDS } from './helpers.ts';
import { firstSentence } from '../../scripts/lib/page-data.ts';

const SLUG = 'zhengzhou-2021-20210574';
const BASE = BUILDS.sub.base;
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

// Chromium and the /policy/ build; every test fails on a request off 127.0.0.1 or a console error of its pages.
const { newContext, url: site } = useSiteBrowser('sub', { requireVisit: true });
const section = (locale: string, id = 's2') => site(`${locale}/replies/${SLUG}/${id}/`);

interface PublicBlock { id: string; kind: string; zh: string; en: string | null }
const reply = (): { meta: { title: { zh: string; en?: string }; proposalNumber?: string }; blocks: PublicBlock[] } =>
  JSON.parse(readFileSync(join(BUILDS.sub.dir, 'data', 'replies', `${SLUG}.json`), 'utf8'));
const glossary = (): { id: string; explanation: string }[] => {
  const data = JSON.parse(readFileSync(join(BUILDS.sub.dir, 'data', 'glossary.json'), 'utf8'));
  return Array.isArray(data) ? data : data.terms;
};

/** Where an element is relative to the viewport. */
const place = (page: Page, selector: string) =>
  page.evaluate((sel) => {
    const r = document.querySelector(sel)!.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, height: innerHeight, width: r.width, pageWidth: document.documentElement.scrollWidth, viewWidth: innerWidth };
  }, selector);

async function open(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  return page;
}

describe('contents of a section', () => {
  it('on a 390 px phone, tapping a subsection in the contents brings it to the top of the screen', async () => {
    const context = await newContext(PHONE);
    const page = await open(context, section('en'));
    const subheadings = reply().blocks.filter((b) => b.kind === 'subheading' && b.id.startsWith('s2-'));
    expect(subheadings.length, 'section II has subsections').toBeGreaterThan(1);
    expect(await page.locator('#contents a').count(), 'one contents entry per subsection').toBe(subheadings.length);
    const last = subheadings.at(-2)!; // (7) in the seed: a subsection deep in the page
    const entry = page.locator(`#contents a[href="#${last.id}"]`);
    expect(await entry.isVisible(), 'the contents are open on arrival').toBe(true);
    await entry.tap();
    await page.waitForFunction((id) => location.hash === `#${id}`, last.id);
    const at = await place(page, `#${last.id}`);
    expect(at.top, `#${last.id} starts within the first screen after the tap`).toBeGreaterThanOrEqual(-1);
    expect(at.top).toBeLessThan(at.height / 2);
    expect(at.pageWidth, 'no sideways scroll').toBeLessThanOrEqual(at.viewWidth);

    // The way back: a link to the contents, kept in view while reading.
    const back = page.locator('a.to-top');
    expect(await back.isVisible(), 'the back-to-contents link is on screen in the middle of the text').toBe(true);
    await back.tap();
    await page.waitForFunction(() => location.hash === '#contents');
    const contents = await place(page, '#contents');
    expect(contents.top).toBeGreaterThanOrEqual(-1);
    expect(contents.top).toBeLessThan(contents.height);
    await context.close();
  });

  it('by keyboard, a subsection is a few Tabs and an Enter away, and focus continues from there', async () => {
    const context = await newContext();
    const page = await open(context, section('en'));
    const target = reply().blocks.filter((b) => b.kind === 'subheading' && b.id.startsWith('s2-')).at(-2)!;
    let tabs = 0;
    while (tabs < 40 && !(await page.evaluate((id) => document.activeElement?.getAttribute('href') === `#${id}` && !!document.activeElement.closest('#contents'), target.id))) {
      await page.keyboard.press('Tab');
      tabs++;
    }
    expect(tabs, 'Tabs from the top of the page to the contents entry').toBeLessThan(25);
    await page.keyboard.press('Enter');
    await page.waitForFunction((id) => location.hash === `#${id}`, target.id);
    await page.keyboard.press('Tab');
    const next = await page.evaluate((id) => {
      const el = document.activeElement!;
      const block = document.getElementById(id)!;
      return block.contains(el) || !!(block.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
    }, target.id);
    expect(next, 'the next Tab lands in or after the subsection, not back at the top').toBe(true);
    await context.close();
  });

  it('the overview lists every subsection under its section, linked to its anchor', async () => {
    const context = await newContext();
    const page = await open(context, site(`en/replies/${SLUG}/`));
    const hrefs = await page.locator('nav.toc .toc-sub a').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname + new URL((a as HTMLAnchorElement).href).hash));
    const expected = reply().blocks.filter((b) => b.kind === 'subheading').map((b) => `${BASE}en/replies/${SLUG}/${b.id.split('-')[0]}/#${b.id}`);
    expect(hrefs).toEqual(expected);
    await context.close();
  });
});

describe('term definitions where the term stands', () => {
  it('a tap opens the one-line definition with a link to the term page, on the page, without sideways scroll', async () => {
    const context = await newContext(PHONE);
    const page = await open(context, `${section('en')}#s2-7`);
    const button = page.locator('#s2-7-p1-pt1 button[popovertarget]').first();
    const popoverId = (await button.getAttribute('popovertarget'))!;
    const termHref = await page.locator(`[id="${popoverId}"] a`).getAttribute('href');
    const term = glossary().find((g) => termHref!.endsWith(`/glossary/${g.id}/`))!;
    expect(term, `the popover links a glossary term (${termHref})`).toBeTruthy();
    await button.tap();
    const pop = page.locator(`[id="${popoverId}"]`);
    expect(await pop.evaluate((el) => el.matches(':popover-open')), 'the popover is open').toBe(true);
    expect(await pop.isVisible()).toBe(true);
    const text = (await pop.innerText()).replace(/\s+/g, ' ');
    expect(text).toContain(firstSentence(term.explanation));
    const rest = term.explanation.trim().slice(firstSentence(term.explanation).length).trim();
    if (rest) expect(text, 'only the first sentence in the popover').not.toContain(rest);
    expect(new URL(page.url()).pathname, 'the tap did not leave the page').toBe(`${BASE}en/replies/${SLUG}/s2/`);
    const box = (await pop.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // Its link leads to the term page.
    await Promise.all([page.waitForURL(`**${BASE}en/glossary/${term.id}/`), pop.locator('a').tap()]);
    await context.close();
  });

  it('by keyboard: focus shows it, Enter opens it, Tab reaches its link, Escape closes it', async () => {
    const context = await newContext();
    const page = await open(context, `${section('en')}#s2-7`);
    const button = page.locator('#s2-7-p1-pt1 button[popovertarget]').first();
    const id = (await button.getAttribute('popovertarget'))!;
    const pop = page.locator(`[id="${id}"]`);
    await page.mouse.move(0, 0);
    expect(await pop.isVisible(), 'hidden at first').toBe(false);
    await button.focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    expect(await pop.isVisible(), 'shown on keyboard focus').toBe(true);
    await page.keyboard.press('Enter');
    expect(await pop.evaluate((el) => el.matches(':popover-open'))).toBe(true);
    await page.keyboard.press('Tab');
    expect(await page.evaluate((pid) => document.activeElement?.closest('[popover]')?.id, id), 'Tab moves into the popover').toBe(id);
    await page.keyboard.press('Escape');
    expect(await pop.evaluate((el) => el.matches(':popover-open'))).toBe(false);
    await context.close();
  });

  it('hover shows the definition without opening it; copying a paragraph copies exactly its text', async () => {
    const context = await newContext({ viewport: { width: 1280, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const page = await open(context, `${section('en')}#s2-7`);
    const button = page.locator('#s2-7-p1-pt1 > p button[popovertarget]').first();
    const pop = page.locator(`[id="${await button.getAttribute('popovertarget')}"]`);
    await button.hover();
    expect(await pop.isVisible(), 'shown on hover').toBe(true);
    expect(await pop.evaluate((el) => el.matches(':popover-open')), 'but not opened').toBe(false);
    await page.mouse.move(5, 5);
    expect(await pop.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);

    const block = reply().blocks.find((b) => b.id === 's2-7-p1-pt1')!;
    const paragraph = page.locator('#s2-7-p1-pt1 > p').first();
    const box = (await paragraph.boundingBox())!;
    await page.mouse.click(box.x + 3, box.y + box.height / 2, { clickCount: 3 });
    await page.keyboard.press('Control+C');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied.trim()).toBe(block.en);
    await context.close();
  });

  it('the terms of the section are listed collapsed; opened, each shows its whole explanation', async () => {
    const context = await newContext(PHONE);
    const page = await open(context, section('en'));
    const list = page.locator('.terms-here details');
    expect(await list.evaluate((d) => (d as HTMLDetailsElement).open), 'collapsed by default').toBe(false);
    const tips = page.locator('.terms-here .tips > [popover]');
    const n = await tips.count();
    expect(n).toBeGreaterThan(5);
    expect(await tips.first().isVisible()).toBe(false);
    await page.locator('.terms-here summary').tap();
    for (let i = 0; i < n; i++) expect(await tips.nth(i).isVisible(), `term ${i} listed`).toBe(true);
    const href = (await tips.first().locator('a').getAttribute('href'))!;
    const term = glossary().find((g) => href.endsWith(`/glossary/${g.id}/`))!;
    expect((await tips.first().innerText()).replace(/\s+/g, ' ')).toContain(term.explanation.trim());
    await context.close();
  });
});

describe('citing a block', () => {
  it('a click copies a citation in the page language: title, issuer, number, block id, URL', async () => {
    for (const locale of ['en', 'zh-hans'] as const) {
      const context = await newContext({ viewport: { width: 1280, height: 900 } });
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      const page = await open(context, section(locale));
      const cite = page.locator('[id="s2-7-p1-pt1"] > a');
      await cite.click();
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      const { meta } = reply();
      expect(copied).toContain(locale === 'en' ? meta.title.en! : meta.title.zh);
      expect(copied).toContain(`${BASE}${locale}/replies/${SLUG}/s2/#s2-7-p1-pt1`);
      expect(copied).toContain(locale === 'en' ? 'Paragraph s2-7-p1-pt1.' : '段落 s2-7-p1-pt1。');
      if (meta.proposalNumber) expect(copied).toContain(meta.proposalNumber);
      expect(await page.locator('#cite-status').innerText()).toContain(copied);
      expect(new URL(page.url()).hash, 'the address bar holds the permalink').toBe('#s2-7-p1-pt1');
      await context.close();
    }
  });

  it('is visible, at least 24×24 px, with contrast of at least 4.5:1, and works by keyboard and by touch', async () => {
    const context = await newContext(PHONE);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const page = await open(context, section('en'));
    const [one, two] = reply().blocks.filter((b) => b.id.startsWith('s2-') && b.kind !== 'subheading').map((b) => b.id);
    const cite = page.locator(`[id="${one}"] > a`);
    expect(await cite.isVisible()).toBe(true);
    const box = (await cite.boundingBox())!;
    expect(box.width).toBeGreaterThanOrEqual(24);
    expect(box.height).toBeGreaterThanOrEqual(24);
    const contrast = await cite.evaluate((el) => {
      const rgb = (c: string) => c.match(/\d+(\.\d+)?/g)!.slice(0, 3).map(Number);
      const lum = (c: number[]) => { const [r, g, b] = c.map((v) => { const s = v / 255; return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; }); return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!; };
      const fg = lum(rgb(getComputedStyle(el).color));
      const bg = lum(rgb(getComputedStyle(el).backgroundColor));
      return (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
    });
    expect(contrast).toBeGreaterThanOrEqual(4.5);
    expect(await cite.evaluate((el) => getComputedStyle(el, '::before').content), 'labelled as a cite action').toContain('Cite');
    await cite.tap();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(`#${one}`);
    await page.locator(`[id="${two}"] > a`).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction((id) => location.hash === `#${id}`, two);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(`#${two}`);
    await context.close();
  });

  it('without JavaScript it is a visible permalink to its block', async () => {
    const context = await newContext({ javaScriptEnabled: false });
    const page = await open(context, section('en'));
    const cite = page.locator('[id="s2-7-p1-pt1"] > a');
    expect(await cite.isVisible()).toBe(true);
    await cite.click();
    expect(new URL(page.url()).hash).toBe('#s2-7-p1-pt1');
    expect(await page.evaluate(() => document.getElementById('s2-7-p1-pt1')!.matches(':target'))).toBe(true);
    await context.close();
  });

  it('the page title names the reply number; print shows the page URL and the block ids', async () => {
    const context = await newContext();
    const page = await open(context, section('en'));
    const { meta } = reply();
    if (meta.proposalNumber) expect(await page.title()).toContain(meta.proposalNumber);
    await page.emulateMedia({ media: 'print' });
    const printed = page.locator('.print-url');
    expect(await printed.isVisible()).toBe(true);
    expect(await printed.innerText()).toContain(`${BASE}en/replies/${SLUG}/s2/`);
    expect(await page.locator('[id="s2-7-p1-pt1"] > a').isVisible()).toBe(true);
    expect(await page.locator('[id="s2-7-p1-pt1"] > a').innerText()).toContain('s2-7-p1-pt1');
    await context.close();
  });
});

describe('English term pages', () => {
  it('show, for each occurrence, the English sentence with the rendering marked beside the Chinese', async () => {
    const context = await newContext();
    const page = await open(context, site('en/glossary/mu-jun-lun-ying-xiong/'));
    const items = page.locator('.kwic > li');
    const n = await items.count();
    expect(n).toBeGreaterThan(0);
    for (let i = 0; i < n; i++) {
      const en = items.nth(i).locator('p[lang="en"] mark');
      const zh = items.nth(i).locator('p[lang="zh-Hans"] mark');
      expect(await en.count(), `occurrence ${i}: a marked English rendering`).toBeGreaterThan(0);
      expect((await en.first().innerText()).toLowerCase()).toBe('per-mu output evaluation');
      expect(await zh.first().innerText()).toBe('亩均论英雄');
    }
    await context.close();
  });
});
