/**
 * Relevance suite, in real Chromium against both test builds (at `/` and
 * under `/policy/`): every query of tests/site/relevance-queries.ts must rank
 * its expected result first (known misses are listed there, not hidden by the
 * threshold), no query whose answer is on the site may find nothing (unless it
 * is a listed known miss, counted in the report's zero-result column), negative
 * queries must say what was not found, and precision@1 must stay ≥ 0.95.
 * Writes nothing: `npm run relevance` writes bench/results/relevance.md.
 */
import { describe, it, expect } from 'vitest';
import { BUILDS, launchBrowser, searchDone, serveBuild } from './helpers.ts';
import { CASES, KNOWN_MISSES } from './relevance-queries.ts';
import { failures, precision, RULES, runRelevance, scored, type Answer } from './relevance-run.ts';

describe('relevance suite', () => {
  it('has at least 100 queries over three locales and every kind, more block answers than term answers', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(100);
    for (const kind of ['term', 'hant', 'pinyin', 'rendering', 'paraphrase', 'phrase', 'name', 'number', 'cross', 'missing', 'negative']) expect(CASES.filter((c) => c.kind === kind).length, kind).toBeGreaterThan(0);
    for (const locale of ['en', 'zh-hans', 'zh-hant']) expect(CASES.filter((c) => c.locale === locale).length, locale).toBeGreaterThanOrEqual(20);
    const withAnswer = CASES.filter((c) => c.expect.length);
    const blocks = withAnswer.filter((c) => c.expect.every((e) => e.includes('#'))).length;
    expect(blocks).toBeGreaterThan(withAnswer.length - blocks);
    expect(new Set(CASES.map((c) => `${c.locale} ${c.q}`)).size, 'no query twice').toBe(CASES.length);
    for (const key of Object.keys(KNOWN_MISSES)) expect(CASES.some((c) => `${c.locale} ${c.q}` === key), `known miss ${key} is a query of the suite`).toBe(true);
  });

  it.each(Object.keys(BUILDS) as (keyof typeof BUILDS)[])('%s build: every query ranks its answer first (or is a listed known miss), none finds nothing, p@1 ≥ 0.95', async (which) => {
    const answers: Answer[] = await runRelevance(BUILDS[which]);
    expect(failures(answers)).toEqual([]);
    expect(scored(answers).length).toBeGreaterThan(90);
    expect(precision(answers, RULES.oursExact)).toBeGreaterThanOrEqual(0.95);
  }, 1_200_000);

  it.each(Object.keys(BUILDS) as (keyof typeof BUILDS)[])('%s build: a query nothing answers lists no loose match, names the words not found and suggests (glossary terms when one is close, the glossary always)', async (which) => {
    const server = await serveBuild(which);
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      for (const [locale, q, term] of [
        ['zh-hans', '量子计算机', ''],
        ['zh-hant', '量子計算機', ''],
        ['en', 'zhuanjingtexing', 'zhuan-jing-te-xin'],
      ] as const) {
        await page.goto(`${server.url}${locale}/search/?q=${encodeURIComponent(q)}`);
        expect(await searchDone(page), `${locale} ${q}`).toBe(0);
        const status = page.locator('#search-status');
        expect(await status.getAttribute('data-notice')).toBe('not-found');
        expect(await status.textContent()).toContain(`“${q}”`);
        const box = page.locator('#search-suggestions');
        expect(await box.isVisible()).toBe(true);
        expect(await box.locator(`a[href="${BUILDS[which].base}${locale}/glossary/"]`).count()).toBe(1);
        if (term) expect(await box.locator(`a[href="${BUILDS[which].base}${locale}/glossary/${term}/"]`).count()).toBe(1);
      }
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
      await server.close();
    }
  }, 120_000);
});
