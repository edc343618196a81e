/**
 * Accessibility in real Chromium: axe-core (WCAG 2.0/2.1/2.2 A and AA, plus
 * best practices) finds nothing on one page of each type in each locale, in
 * both builds; and every text is marked with its language: <html lang> per
 * locale, every block of the reading text holds one English text and one
 * Chinese text in the locale's script (zh-Hant on the Traditional pages), each
 * in its language by its own lang or the page's, and no Chinese text sits in an English
 * context (or English prose in a Chinese one) without a lang attribute.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, serveBuild, pageTypes, searchDone, BUILDS } from './helpers.ts';
import type { RunningServer } from '../../scripts/lib/static-server.ts';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice'];
const LANG: Record<string, string> = { en: 'en', 'zh-hans': 'zh-Hans', 'zh-hant': 'zh-Hant' };

let browser: Browser;
const servers: Partial<Record<keyof typeof BUILDS, RunningServer>> = {};
const contexts: Partial<Record<keyof typeof BUILDS, BrowserContext>> = {};

beforeAll(async () => {
  browser = await launchBrowser();
  for (const which of Object.keys(BUILDS) as (keyof typeof BUILDS)[]) {
    servers[which] = await serveBuild(which);
    contexts[which] = await browser.newContext();
  }
});

afterAll(async () => {
  await browser?.close();
  await Promise.all(Object.values(servers).map((s) => s?.close()));
});

/** Opens a page of a build and waits until it is complete (for the search page: until the results are listed). */
async function open(which: keyof typeof BUILDS, path: string): Promise<Page> {
  const page = await contexts[which]!.newPage();
  const response = await page.goto(servers[which]!.url + path, { waitUntil: 'load' });
  expect(response?.status(), `HTTP status of ${path}`).toBe(200);
  // The search page is audited with its results listed: a search that failed or found nothing fails here.
  if (path.includes('/search/')) expect(await searchDone(page), `results listed on ${path}`).toBeGreaterThan(0);
  return page;
}

/** The axe violations of a page, one readable line per element. */
async function axeViolations(page: Page): Promise<string[]> {
  // Legacy mode runs axe.run in the page itself instead of runPartial per frame plus finishRun in an extra blank page:
  // the same rules and results for pages without iframes (none of this site's pages has one), in about half the time.
  const results = await new AxeBuilder({ page }).withTags(TAGS).setLegacyMode(true).analyze();
  expect(await page.locator('iframe, frame').count(), 'pages without frames (legacy mode does not enter frames)').toBe(0);
  return results.violations.flatMap((v) => v.nodes.map((n) => `[${v.id}] (${v.impact}) ${v.help} — ${n.target.join(' ')}: ${n.failureSummary?.replace(/\s+/g, ' ')} ${n.html.slice(0, 160)}`));
}

/** Every language-marking problem of a page (run in the browser). */
function langProblems(page: Page, locale: string): Promise<string[]> {
  return page.evaluate(({ locale, expected }) => {
    const problems: string[] = [];
    const htmlLang = document.documentElement.getAttribute('lang');
    if (htmlLang !== expected) problems.push(`<html lang="${htmlLang}">, expected "${expected}"`);
    const zhLang = locale === 'zh-hant' ? 'zh-Hant' : 'zh-Hans';
    const describe = (el: Element) => `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} class="${el.className}" lang="${el.getAttribute('lang')}"> ${(el.textContent ?? '').trim().slice(0, 40)}`;
    // Block texts: the first is in the page's language (no lang of its own), the other carries its lang.
    for (const block of document.querySelectorAll('.reply-text .b')) {
      const texts = [...block.querySelectorAll(':scope > p, :scope > :is(h1, h2) > span')];
      const langs = texts.map((el) => el.closest('[lang]')?.getAttribute('lang'));
      if (langs.length !== 2 || !langs.includes('en') || !langs.includes(zhLang)) problems.push(`block #${block.id} has texts in ${JSON.stringify(langs)}, expected en and ${zhLang}: ${describe(block)}`);
    }
    // Any text node: Han characters need a Chinese language context, English prose (three words or more) an English one.
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const seen = new Set<Element>();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || seen.has(parent) || parent.closest('script, style, noscript, template')) continue;
      const text = node.nodeValue ?? '';
      if (!text.trim()) continue;
      const lang = (parent.closest('[lang]')?.getAttribute('lang') ?? '').toLowerCase();
      const han = /\p{Script=Han}/u.test(text);
      const englishProse = /[A-Za-z]{2,}(?:[\s,;:.'’-]+[A-Za-z]{2,}){2,}/.test(text);
      if (han && !lang.startsWith('zh')) { seen.add(parent); problems.push(`Chinese text in a lang="${lang}" context: <${parent.tagName.toLowerCase()} class="${parent.className}"> “${text.trim().slice(0, 50)}”`); }
      else if (englishProse && lang.startsWith('zh') && !han) { seen.add(parent); problems.push(`English text in a lang="${lang}" context: <${parent.tagName.toLowerCase()} class="${parent.className}"> “${text.trim().slice(0, 50)}”`); }
    }
    return problems;
  }, { locale, expected: LANG[locale]! });
}

const localeOf = (path: string) => path.split('/')[0]!;

/** Every page type in every locale of the root build; the English ones again under /policy/ (the markup differs only in its URLs). */
const PAGES: Record<keyof typeof BUILDS, string[]> = {
  root: pageTypes(),
  sub: pageTypes().filter((p) => p.startsWith('en/')),
};

describe.each(Object.keys(BUILDS) as (keyof typeof BUILDS)[])('accessibility of the %s build', (which) => {
  // axe on the largest pages (the figures page, with its charts and tables) takes up to a minute on a loaded 2-core machine: the limit is generous, the result is what is tested.
  it.each(PAGES[which])(`${BUILDS[which].base}%s: no axe violations, every text marked with its language`, { timeout: 180_000 }, async (path) => {
    const page = await open(which, path);
    try {
      const violations = await axeViolations(page);
      const lang = await langProblems(page, localeOf(path));
      expect({ violations, lang }, `${violations.length} axe violations and ${lang.length} language problems on ${BUILDS[which].base}${path}:\n${[...violations, ...lang].join('\n')}`).toEqual({ violations: [], lang: [] });
    } finally {
      await page.close();
    }
  });
});
