/**
 * Runs the relevance suite in real Chromium against a built site: this
 * project's search page, and plain Pagefind indexing the same pages the way
 * Starlight ships it. Shared by the test (tests/site/relevance.test.ts, which
 * asserts and writes nothing) and `npm run relevance` (scripts/relevance.ts,
 * which writes bench/results/relevance.md).
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import type { Page } from 'playwright-core';
import { htmlFiles, launchBrowser } from './helpers.ts';
import { serveStatic } from '../../scripts/lib/static-server.ts';
import { CASES, KNOWN_MISSES, nearestHeading, type Kind, type RelevanceCase } from './relevance-queries.ts';

/** What one query gave: this project's first result (and whether the page said what it did instead), plain Pagefind's first page and best heading. */
export interface Answer {
  c: RelevanceCase;
  ours: string;
  /** The first results listed by this project (up to 10, in order), for the top-3 measures. */
  top: string[];
  /** For each of `top`: whether the result shows what was typed (a glossary term, or a snippet marking more than one character). */
  shows: boolean[];
  /** Results listed by this project. */
  count: number;
  /** The page named the words not found, or suggested terms: not a silent dead end. */
  explained: boolean;
  plainPage: string;
  plainHeading: string;
  /** A script error or a search that never finished. */
  error?: string;
}

const clean = (href: string, base: string) => decodeURI(href.replace(/^https?:\/\/[^/]+/, '').replace(base, '').replace(/^\/+/, '').replace(/\?[^#]*/, ''));

/**
 * Indexes the built reply and glossary term pages with Pagefind's defaults
 * (whole `<main>`, one index per `<html lang>`), as Starlight does, with the
 * glossary concordance left out (this project's index leaves it out too).
 */
export async function buildPlainIndex(siteDir: string, outDir: string): Promise<void> {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  cpSync(siteDir, outDir, { recursive: true, filter: (src) => !src.startsWith(join(siteDir, 'pagefind')) });
  const { index, errors } = await pagefind.createIndex({ rootSelector: 'main' });
  if (errors.length || !index) throw new Error(errors.join('; '));
  try {
    for (const file of htmlFiles(outDir).filter((f) => /^[^/]+\/(replies|glossary)\/[^/]+\//.test(f))) {
      const html = readFileSync(join(outDir, file), 'utf8').replace(/ data-pagefind-body/g, '').replace(/<section class="concordance"/g, '<section data-pagefind-ignore class="concordance"');
      const res = await index.addHTMLFile({ sourcePath: file, content: html });
      if (res.errors.length) throw new Error(res.errors.join('; '));
    }
    const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
    if (written.errors.length) throw new Error(written.errors.join('; '));
  } finally {
    await pagefind.close();
  }
}

async function askOurs(page: Page, url: string, base: string, c: RelevanceCase): Promise<Pick<Answer, 'ours' | 'top' | 'shows' | 'count' | 'explained' | 'error'>> {
  const errors: string[] = [];
  const onError = (e: Error) => errors.push(e.message);
  page.on('pageerror', onError);
  await page.goto(`${url}${c.locale}/search/?q=${encodeURIComponent(c.q)}`);
  const done = await page.waitForSelector('#search-results[data-state]', { state: 'attached', timeout: 20_000 }).then(() => true, () => false);
  page.off('pageerror', onError);
  if (!done || errors.length) return { ours: '', top: [], shows: [], count: 0, explained: false, error: errors.join('; ') || 'the search did not finish in 20 s' };
  return page.evaluate((b) => {
    const items = [...document.querySelectorAll<HTMLElement>('#search-results > li')];
    const links = items.map((li) => li.querySelector(':scope > a')?.getAttribute('href') ?? '');
    const shows = items.slice(0, 10).map((li) => li.dataset.kind === 'term' || [...li.querySelectorAll('mark')].some((m) => [...(m.textContent ?? '').trim()].length > 1));
    const suggestions = document.getElementById('search-suggestions');
    const notice = document.getElementById('search-status')?.dataset.notice;
    return { links: links.slice(0, 10), shows, count: links.length, explained: (!!suggestions && !suggestions.hidden) || !!notice, base: b };
  }, base).then((r) => ({ ours: r.links[0] ? clean(r.links[0], base) : '', top: r.links.map((l) => clean(l, base)), shows: r.shows, count: r.count, explained: r.explained }));
}

async function askPlain(page: Page, url: string, base: string, c: RelevanceCase): Promise<Pick<Answer, 'plainPage' | 'plainHeading'>> {
  await page.goto(`${url}${c.locale}/`);
  // A string, not a function: vitest would rewrite a dynamic import() inside a function body.
  const r = (await page.evaluate(`(async () => {
    const pf = await import(${JSON.stringify(`${base}pagefind/pagefind.js`)});
    const r = await pf.search(${JSON.stringify(c.q)});
    if (!r.results.length) return { page: '', heading: '' };
    const d = await r.results[0].data();
    // Sub-results come in page order; the one with the most matched words is plain Pagefind's best heading.
    const best = [...(d.sub_results || [])].sort((a, b) => b.locations.length - a.locations.length)[0];
    return { page: d.url, heading: (best && best.url) || d.url };
  })()`)) as { page: string; heading: string };
  return { plainPage: clean(r.page, base), plainHeading: clean(r.heading, base) };
}

/** Runs every query against this project's build (and, with `plainDir`, against plain Pagefind over the same pages). */
export async function runRelevance(build: { dir: string; base: string }, plainDir?: string, cases: RelevanceCase[] = CASES): Promise<Answer[]> {
  if (plainDir && !existsSync(join(plainDir, 'pagefind'))) await buildPlainIndex(build.dir, plainDir);
  const ours = await serveStatic(build.dir, build.base);
  const plain = plainDir ? await serveStatic(plainDir, build.base) : undefined;
  const browser = await launchBrowser();
  const answers: Answer[] = [];
  try {
    const page = await browser.newPage();
    for (const c of cases) {
      const mine = await askOurs(page, ours.url, build.base, c);
      const theirs = plain ? await askPlain(page, plain.url, build.base, c) : { plainPage: '', plainHeading: '' };
      answers.push({ c, ...mine, ...theirs });
    }
  } finally {
    await browser.close();
    await ours.close();
    await plain?.close();
  }
  return answers;
}

/** Whether this project's first result is one of the expected. */
export const hit = (a: Answer) => a.c.expect.includes(a.ours);
/** Scored queries: negative queries have no right answer. */
export const scored = (answers: Answer[]) => answers.filter((a) => a.c.kind !== 'negative');
/** The rank (1-based) of the first expected result among this project's first results, or 0. */
export const rank = (a: Answer) => a.top.findIndex((u) => a.c.expect.includes(u)) + 1;
/** Whether an expected result is among the first three. */
export const hit3 = (a: Answer) => rank(a) > 0 && rank(a) <= 3;
/**
 * Whether the 2nd and 3rd results (those listed) are relevant: an expected
 * answer, or a result that shows what was typed (a glossary term, or a block
 * whose snippet marks the phrase, a whole word or a synonym, never a single
 * character of a Chinese query).
 */
export const nextRelevant = (a: Answer) => a.top.slice(1, 3).every((u, i) => a.c.expect.includes(u) || a.shows[i + 1]);
/** Mean reciprocal rank over the first 10 results. */
export function mrr(answers: Answer[]): number {
  const list = scored(answers);
  return list.length ? list.reduce((n, a) => n + (rank(a) ? 1 / rank(a) : 0), 0) / list.length : 0;
}
/** Precision@1 of a scoring rule over the scored queries. */
export function precision(answers: Answer[], rule: (a: Answer) => boolean): number {
  const list = scored(answers);
  return list.length ? list.filter(rule).length / list.length : 0;
}
const page = (u: string) => u.split('#')[0]!;
/** The rules the report compares: exact block or term page, the heading above it, the page. */
export const RULES = {
  oursExact: hit,
  oursTop3: hit3,
  oursHeading: (a: Answer) => a.c.expect.some((e) => nearestHeading(e) === nearestHeading(a.ours)),
  oursPage: (a: Answer) => a.c.expect.some((e) => page(e) === page(a.ours)),
  plainHeading: (a: Answer) => a.c.expect.some((e) => nearestHeading(e) === nearestHeading(a.plainHeading)),
  plainPage: (a: Answer) => a.c.expect.some((e) => page(e) === page(a.plainPage)),
};

/** The failures the test reports: unexpected misses, zero-result queries whose answer is on the site, and silent dead ends. */
export function failures(answers: Answer[]): string[] {
  const out: string[] = [];
  for (const a of answers) {
    const key = `${a.c.locale} ${a.c.q}`;
    if (a.error) {
      out.push(`${key}: ${a.error}`);
      continue;
    }
    if (a.c.kind === 'negative') {
      // Nothing on the site answers: results may be listed only with a word the page says it did not find (never loose matches passed off as answers).
      if (!a.explained) out.push(`${key}: ${a.count ? `${a.count} results (first ${a.ours}) and nothing said about words not found` : 'nothing found and nothing said (no missing words, no suggestions)'}`);
      continue;
    }
    // A known miss is listed with its reason (and counted in the report's zero-result column when it finds nothing); any other fails.
    if (key in KNOWN_MISSES) continue;
    if (!a.count) out.push(`${key}: no result, but the answer ${a.c.expect[0]} is on the site`);
    else if (!hit(a)) out.push(`${key}: first result ${a.ours}, expected ${a.c.expect.join(' or ')}`);
  }
  return out;
}

/** bench/results/relevance.md. */
export function relevanceReport(answers: Answer[], note = ''): string {
  const kinds = [...new Set(answers.map((a) => a.c.kind))] as Kind[];
  const f = (n: number) => n.toFixed(2);
  const mark = (ok: boolean, got: string) => (ok ? '✓' : `✗ \`${got || '(none)'}\``);
  const list = scored(answers);
  const blockAnswers = list.filter((a) => a.c.expect.some((e) => e.includes('#'))).length;
  return [
    '# Search relevance (precision@1 and the top 3)',
    '',
    'Written by `npm run relevance` (scripts/relevance.ts) from tests/site/relevance-queries.ts, against the built site in headless Chromium; `npm test` runs the same queries and asserts, but writes nothing.',
    note,
    '',
    `${answers.length} queries in three locales (${['en', 'zh-hans', 'zh-hant'].map((l) => `${l} ${answers.filter((a) => a.c.locale === l).length}`).join(', ')}); ${list.length} have a right answer: ${blockAnswers} a block of a reply, ${list.length - blockAnswers} a glossary term page. The ${answers.length - list.length} negative queries have none: they pass when the page says which words it did not find or suggests terms.`,
    '',
    '**Plain Pagefind** indexes the same reply and glossary pages as built (Pagefind defaults: whole `<main>`, one index per `<html lang>`, the concordance of term pages left out, as this project leaves it out), as Starlight ships it. It cannot return a paragraph: Pagefind makes sub-results only at headings (`h1`–`h6`) with an id, so it is scored at page level and at the heading above the expected block (its sub-result with the most matched words), never at the block.',
    '',
    '| | this project | plain Pagefind |',
    '|---|---|---|',
    `| precision@1, exact block or term page | **${f(precision(answers, RULES.oursExact))}** | cannot return blocks |`,
    `| precision@1, the heading above the block (or the term page) | ${f(precision(answers, RULES.oursHeading))} | ${f(precision(answers, RULES.plainHeading))} |`,
    `| precision@1, right page | ${f(precision(answers, RULES.oursPage))} | ${f(precision(answers, RULES.plainPage))} |`,
    `| queries with no result (of ${list.length}) | ${list.filter((a) => !a.count).length} | ${list.filter((a) => !a.plainPage).length} |`,
    `| expected answer among the first 3 (exact block or term page) | ${f(precision(answers, hit3))} | |`,
    `| mean reciprocal rank of the expected answer (first 10 results) | ${f(mrr(answers))} | |`,
    `| 2nd and 3rd results relevant | ${f(precision(answers, nextRelevant))} | |`,
    '',
    'Top 3: a query scores when its expected block or term page is among the first three results. The 2nd and 3rd results (those listed) are relevant when each is an expected answer, a glossary term, or a block whose snippet marks what was typed (the phrase, a whole word, a word of two or more characters of a Chinese query, a synonym), never a single character.',
    '',
    '| kind | queries | this project: exact | in top 3 | 2nd–3rd relevant | zero results | plain Pagefind: heading | page | zero results |',
    '|---|---|---|---|---|---|---|---|---|',
    ...kinds.map((k) => {
      const mine = answers.filter((a) => a.c.kind === k);
      if (k === 'negative') return `| ${k} | ${mine.length} | ${mine.filter((a) => a.explained).length} explained | | | ${mine.filter((a) => !a.count).length} | | | ${mine.filter((a) => !a.plainPage).length} |`;
      return `| ${k} | ${mine.length} | ${mine.filter(RULES.oursExact).length} | ${mine.filter(hit3).length} | ${mine.filter(nextRelevant).length} | ${mine.filter((a) => !a.count).length} | ${mine.filter(RULES.plainHeading).length} | ${mine.filter(RULES.plainPage).length} | ${mine.filter((a) => !a.plainPage).length} |`;
    }),
    '',
    `Known misses (listed in tests/site/relevance-queries.ts, not hidden by the threshold): ${Object.keys(KNOWN_MISSES).length ? Object.entries(KNOWN_MISSES).map(([k, why]) => `\`${k}\` (${why})`).join('; ') : 'none'}.`,
    '',
    '| locale | kind | query | expected | this project | rank of the answer | plain Pagefind (heading) |',
    '|---|---|---|---|---|---|---|',
    ...answers.map((a) => `| ${a.c.locale} | ${a.c.kind} | ${a.c.q} | ${a.c.expect.length ? a.c.expect.map((e) => `\`${e}\``).join(' or ') : '(none)'} | ${a.c.kind === 'negative' ? `${a.count ? `${a.count} results, ` : ''}${a.explained ? 'explained' : '✗ silent'}` : mark(hit(a), a.ours)} | ${a.c.kind === 'negative' ? '' : rank(a) || '–'} | ${a.c.kind === 'negative' ? '' : mark(RULES.plainHeading(a), a.plainHeading)} |`),
    '',
  ].join('\n');
}
