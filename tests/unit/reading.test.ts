// Reading aids over page data: one-line definitions, section contents, which text carries the term buttons, and the
// page-to-text ratio the lighter-markup work is measured with.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buttonTerms, contentsOf, firstSentence, linkedText, type BlockData } from '../../scripts/lib/page-data.ts';
import { pageTextRatio, visibleText } from '../../scripts/bench/page-ratio.ts';
import { fixtureDir } from './helpers.ts';

const sentences = JSON.parse(readFileSync(join(fixtureDir('reading'), 'first-sentences.json'), 'utf8')) as { case: string; text: string; first: string }[];

describe('firstSentence: the one-line definition of a term', () => {
  it.each(sentences)('$case', ({ text, first }) => {
    expect(firstSentence(text)).toBe(first);
  });

  it('every glossary explanation gives a non-empty first sentence that starts the explanation', () => {
    for (const { text } of sentences.filter((s) => s.text.trim())) {
      const first = firstSentence(text);
      expect(first.length).toBeGreaterThan(0);
      expect(text.trim().startsWith(first)).toBe(true);
    }
  });
});

const text = (lang: 'en' | 'zh-Hans', runs: BlockData['texts'][number]['runs'], extra: Partial<BlockData['texts'][number]> = {}) => ({ lang, runs, ...extra });
const block = (id: string, kind: BlockData['kind'], texts: BlockData['texts']): BlockData => ({ id, kind, level: 1, status: 'translated', texts });

describe('contentsOf: the subsections a section page lists', () => {
  const blocks: BlockData[] = [
    block('s2', 'heading', [text('en', ['Strengthen manufacturing'], { label: 'II.', inline: true }), text('zh-Hans', ['二、强化主攻方向'], { inline: true })]),
    block('s2-1', 'subheading', [text('en', ['Strengthen top-level design.'], { label: '(1)', inline: true }), text('zh-Hans', ['(一)加强顶层设计。'], { inline: true })]),
    block('s2-1-p1', 'paragraph', [text('en', ['Text.']), text('zh-Hans', ['正文。'])]),
    block('s2-2', 'subheading', [text('en', [], { status: 'pending', label: '(2)', inline: true }), text('zh-Hans', ['(二)抓好运行调度。'], { inline: true })]),
  ];

  it('lists subheadings only, with the English label and no final stop', () => {
    expect(contentsOf(blocks)).toEqual([
      { id: 's2-1', label: '(1)', title: 'Strengthen top-level design', lang: 'en' },
      { id: 's2-2', title: '(二)抓好运行调度', lang: 'zh-Hans' },
    ]);
  });

  it('a section without subsections has no contents', () => {
    expect(contentsOf(blocks.filter((b) => b.kind !== 'subheading'))).toEqual([]);
  });

  it('on a Chinese page the Chinese title keeps its own label', () => {
    const zhFirst = blocks.map((b) => ({ ...b, texts: [...b.texts].reverse() }));
    expect(contentsOf(zhFirst).map((e) => `${e.label ?? ''}${e.title}`)).toEqual(['(一)加强顶层设计', '(二)抓好运行调度']);
  });
});

describe('linkedText and buttonTerms: one text per block carries the term buttons', () => {
  it("the page's language when it links a term, else the other text, else none", () => {
    const both = block('a', 'paragraph', [text('en', ['The ', ['SRDI', 'zhuan-jing-te-xin'], ' firms']), text('zh-Hans', [['专精特新', 'zhuan-jing-te-xin'], '企业'])]);
    const pendingEn = block('b', 'paragraph', [text('en', [], { status: 'pending' }), text('zh-Hans', [['亩均论英雄', 'mu-jun-lun-ying-xiong']])]);
    const none = block('c', 'paragraph', [text('en', ['Plain.']), text('zh-Hans', ['无术语。'])]);
    expect([both, pendingEn, none].map(linkedText)).toEqual([0, 1, -1]);
    expect([...buttonTerms([both, pendingEn, none])]).toEqual(['zhuan-jing-te-xin', 'mu-jun-lun-ying-xiong']);
  });
});

describe('visibleText and pageTextRatio', () => {
  const html = readFileSync(join(fixtureDir('reading'), 'page.html'), 'utf8');

  it('keeps the text of the body, drops head, scripts, styles, templates, comments and markup, decodes entities', () => {
    expect(visibleText(html)).toBe('Site Tax & fee cuts of 10.3 billion yuan. 减税降费103亿元。 s1 Terms 亩均论英雄 Graded A–D. quoted > in an attribute');
  });

  it('a page without <body> is read whole; an unclosed script hides the rest', () => {
    expect(visibleText('<p>a</p><p>b</p>')).toBe('a b');
    expect(visibleText('<body><p>a</p><script>never closed <p>b</p></body>')).toBe('a');
  });

  it('the ratio is page gzip over text gzip, and markup makes it grow', () => {
    const r = pageTextRatio(html);
    expect(r.ratio).toBeCloseTo(r.pageGzip / r.textGzip, 2);
    const heavier = html.replace(/<p>/g, '<p class="text text-en" data-status="translated" data-extra="one two three">');
    expect(pageTextRatio(heavier).ratio).toBeGreaterThan(r.ratio);
    expect(pageTextRatio(heavier).textBytes).toBe(r.textBytes);
  });
});

describe('public/reading.js: the cite wording', () => {
  it('is the UI strings cite.block, cite.accessed, cite.copied and cite.failed of each locale, keyed by <html lang>', async () => {
    const { en, zhHans } = await import('../../scripts/lib/ui-strings.ts');
    const { toTraditional } = await import('../../scripts/lib/hant.ts');
    const script = readFileSync(join(import.meta.dirname, '../../public/reading.js'), 'utf8');
    const table = /var CITE = (\{[\s\S]*?\n {2}\});/.exec(script)?.[1];
    expect(table, 'the CITE table of reading.js').toBeTruthy();
    const cite = new Function(`return ${table}`)() as Record<string, string>;
    const keys = ['cite.block', 'cite.accessed', 'cite.copied', 'cite.failed'] as const;
    const hant = (s: string) => toTraditional(s);
    expect(cite).toEqual({
      en: keys.map((k) => en[k]).join('|'),
      'zh-Hans': keys.map((k) => zhHans[k]).join('|'),
      'zh-Hant': keys.map((k) => hant(zhHans[k])).join('|'),
    });
    expect(keys.filter((k) => en[k].includes('|') || zhHans[k].includes('|')), 'wording that holds the separator |').toEqual([]);
  });
});
