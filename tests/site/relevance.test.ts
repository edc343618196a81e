/**
 * Relevance suite, in real Chromium against both test builds (at `/` and
 * under `/policy/`): every query of tests/site/relevance-queries.ts must rank
 * its expected result first (known misses are listed there, not hidden by the
 * threshold), no query whose answer is on the site may find nothing, negative
 * queries must say what was not found, and precision@1 must stay ≥ 0.95.
 * Writes nothing: `npm run relevance` writes bench/results/relevance.md.
 */
import { describe, it, expect } from 'vitest';
import { BUILDS } from './helpers.ts';
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
});
