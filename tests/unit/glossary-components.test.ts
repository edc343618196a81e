// The glossary's explanation and example components (src/components/TermExplanation.astro, TermExample.astro,
// TermsHere.astro, rendered with Astro's Container API): the explanation in the page's language, Traditional
// converted, a pending mark and tagged English when a term has no Chinese explanation; examples in both languages
// with the English marked pending, never filled with Chinese, while the block is untranslated.
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import TermExplanation from '../../src/components/TermExplanation.astro';
import TermExample from '../../src/components/TermExample.astro';
import TermsHere from '../../src/components/TermsHere.astro';
import { toTraditional } from '../../scripts/lib/hant.ts';
import type { TermExample as Example } from '../../scripts/lib/glossary.ts';

const term = { explanation: 'A national category of SMEs. Recognition brings subsidies.', explanationZh: '国家设立的一类中小企业称号。获得认定的企业可获得补贴。' };
const pendingTerm = { explanation: term.explanation };
const example: Example = {
  slug: 'r', page: 's2', block: 's2-5-p1-pt1',
  zh: '新增“专精特新”中小企业143家。', hant: '新增“專精特新”中小企業143家。', zhForm: '专精特新', hantForm: '專精特新',
  en: 'We added 143 SRDI SMEs.', enForm: 'SRDI',
};
/** The elements carrying Han characters, with their lang (the page's own language has none). */
const hanIn = (html: string, lang: string) => new RegExp(`<[^>]+lang="${lang}"[^>]*>[^<]*\\p{Script=Han}`, 'u').test(html);

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});
const render = (component: Parameters<AstroContainer['renderToString']>[0], props: Record<string, unknown>) => container.renderToString(component, { props });

describe('TermExplanation', () => {
  it('shows the explanation in the page language, with no lang of its own: English, Chinese, Traditional', async () => {
    expect(await render(TermExplanation, { term, locale: 'en' })).toBe(`<p class="explanation">${term.explanation}</p>`);
    expect(await render(TermExplanation, { term, locale: 'zh-hans' })).toBe(`<p class="explanation">${term.explanationZh}</p>`);
    expect(await render(TermExplanation, { term, locale: 'zh-hant' })).toBe(`<p class="explanation">${toTraditional(term.explanationZh)}</p>`);
    expect(await render(TermExplanation, { term, locale: 'zh-hant', short: true })).toBe('<p class="explanation">國家設立的一類中小企業稱號。</p>');
  });

  it('without a Chinese explanation, a Chinese page marks it pending and tags the English as English', async () => {
    const html = await render(TermExplanation, { term: pendingTerm, locale: 'zh-hans' });
    expect(html).toBe(`<p class="explanation pending"><span class="mark">中文释义待补；英文释义如下：</span> <span lang="en">${term.explanation}</span></p>`);
    const short = await render(TermExplanation, { term: pendingTerm, locale: 'zh-hant', short: true });
    expect(short).toContain('中文釋義待補');
    expect(short).toContain('<span lang="en">A national category of SMEs.</span>');
    expect(await render(TermExplanation, { term: pendingTerm, locale: 'en' })).toBe(`<p class="explanation">${term.explanation}</p>`);
  });
});

describe('TermExample', () => {
  it('on a Chinese page: the Chinese first (the page language), the English tagged, the term marked in both, a link to the block', async () => {
    const html = await render(TermExample, { example, locale: 'zh-hant' });
    expect(html).toContain('<p>新增“<mark>專精特新</mark>”中小企業143家。</p><p lang="en">We added 143 <mark>SRDI</mark> SMEs.</p>');
    expect(html).toMatch(/href="[^"]*zh-hant\/replies\/r\/s2\/#s2-5-p1-pt1"/);
  });

  it('on the English page: the English first, the Chinese tagged zh-Hans', async () => {
    const html = await render(TermExample, { example, locale: 'en' });
    expect(html).toContain('<p>We added 143 <mark>SRDI</mark> SMEs.</p><p lang="zh-Hans">新增“<mark>专精特新</mark>”中小企业143家。</p>');
  });

  it('an untranslated block: the English says Translation pending, never the Chinese in its place', async () => {
    const untranslated = { ...example, en: null, enForm: '' };
    const zh = await render(TermExample, { example: untranslated, locale: 'zh-hans' });
    expect(zh).toContain('<p lang="en" class="pending"><span class="mark">Translation pending</span></p>');
    expect(hanIn(zh, 'en')).toBe(false);
    const en = await render(TermExample, { example: untranslated, locale: 'en' });
    expect(en).toContain('<p class="pending"><span class="mark">Translation pending</span></p><p lang="zh-Hans">');
  });
});

describe('TermsHere (the popovers of a reply page)', () => {
  it('gives each term its Chinese definition on the Chinese pages (no English explanation there) and the English one on the English page', async () => {
    const zh = await render(TermsHere, { terms: ['mu-jun-lun-ying-xiong'], locale: 'zh-hans' });
    expect(zh).toContain('<b lang="en">per-mu output evaluation</b><br>按每亩土地上的税收、增加值和能耗对工业企业进行的综合评价（1亩约合667平方米）。<span class="more">企业按评价结果分为若干类');
    expect(zh).not.toContain('A comprehensive evaluation');
    const hant = await render(TermsHere, { terms: ['mu-jun-lun-ying-xiong'], locale: 'zh-hant' });
    expect(hant).toContain('</b><br>按每畝土地上的稅收');
    const en = await render(TermsHere, { terms: ['mu-jun-lun-ying-xiong'], locale: 'en' });
    expect(en).toContain('</a><br>A comprehensive evaluation of industrial enterprises by tax paid, value added and energy use per mu of land (1 mu is about 667 square meters).<span class="more">');
    expect(hanIn(zh, 'en')).toBe(false);
  });

  it('links the term page from the name in the page\'s language, numbers the popover by the site\'s glossary, and tags the other language', async () => {
    const site = JSON.parse(readFileSync(join(process.cwd(), 'src', 'generated', 'site.json'), 'utf8')) as { glossary: { id: string }[] };
    const n = site.glossary.findIndex((g) => g.id === 'mu-jun-lun-ying-xiong');
    const en = await render(TermsHere, { terms: ['mu-jun-lun-ying-xiong'], locale: 'en' });
    expect(en).toContain(`<div popover id="g${n}"><b lang="zh-Hans">亩均论英雄</b> <i lang="zh-Latn">mǔ jūn lùn yīng xióng</i> <a href="/en/glossary/mu-jun-lun-ying-xiong/">per-mu output evaluation</a><br>`);
    const hant = await render(TermsHere, { terms: ['mu-jun-lun-ying-xiong'], locale: 'zh-hant' });
    expect(hant).toContain(`<div popover id="g${n}"><a href="/zh-hant/glossary/mu-jun-lun-ying-xiong/">畝均論英雄</a> <i lang="zh-Latn">mǔ jūn lùn yīng xióng</i> <b lang="en">per-mu output evaluation</b><br>`);
  });
});
