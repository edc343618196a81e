// Stage 4 (document → page data → HTML): whatever the text holds, the page shows exactly that text, as text.
// Pages are rendered by the real component (src/components/Blocks.astro) through Astro's Container API.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import Blocks from '../../src/components/Blocks.astro';
import { annotate, termMatcher } from '../../scripts/lib/annotate.ts';
import { loadGlossary } from '../../scripts/lib/glossary.ts';
import { blockData, runsText, segmentsToRuns, type BlockData, type PageData } from '../../scripts/lib/page-data.ts';
import { normalizedSource, parseReply } from '../../scripts/lib/parse.ts';
import { loadContent } from '../../scripts/lib/load.ts';
import { runPipeline } from '../../scripts/lib/pipeline.ts';
import { toTraditional } from '../../scripts/lib/hant.ts';
import type { ReplyDocument } from '../../scripts/lib/model.ts';
import { fixtureDir, readSource, ROOT } from './helpers.ts';

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

/** Renders blocks as a page would, without the note markers and notes (BlockNote, tested in notes.test.ts): what is left is the reply's text. */
const renderBlocks = async (blocks: BlockData[]) =>
  (await container.renderToString(Blocks, { props: { blocks } })).replace(/<a [^>]*class="note-ref[^"]*"[^>]*><\/a>/g, '').replace(/<div class="block-notes"[^>]*>[^]*?<\/div>/g, '');

const unescapeHtml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/**
 * The text of each text element, in order, with its language (number labels and status marks left out). The first text
 * of a block is in the page's language and has no lang of its own (the page's <html lang> gives it): `pageLang`.
 */
function textsOf(html: string, pageLang = 'en'): { lang: string; text: string }[] {
  const bare = html.replace(/<span class="(?:label|mark)">[^<]*<\/span>/g, '');
  return [...bare.matchAll(/<(p|span)(?: lang="([^"]+)")?(?: class="(?:pending|stale)")?>((?:[^<]|<button [^>]*>[^<]*<\/button>)*)<\/\1>/g)].map((m) => ({ lang: m[2] ?? pageLang, text: unescapeHtml(m[3]!.replace(/<\/?button\b[^>]*>/g, '')) }));
}

/** Asserts that nothing but the component's own markup made it into the HTML: term buttons, and one cite link per block to its own id. */
function expectInert(html: string): void {
  expect(html).not.toMatch(/<script/i);
  expect([...html.matchAll(/<a [^>]*>/g)].map((m) => m[0]).filter((a) => !/^<a href="#[a-z0-9-]+">$/.test(a))).toEqual([]);
  expect([...html.matchAll(/<button [^>]*>/g)].map((m) => m[0]).filter((b) => !/^<button type="button" popovertarget="g\d+">$/.test(b))).toEqual([]);
  expect([...new Set([...html.matchAll(/<([a-zA-Z][\w-]*)/g)].map((m) => m[1]))].filter((t) => !['div', 'h1', 'h2', 'p', 'span', 'a', 'button'].includes(t!))).toEqual([]);
  for (const m of html.matchAll(/<div id="([^"]+)"[^>]*>[^]*?<a href="#([^"]+)">([^<]*)<\/a><\/div>/g)) expect([m[2], m[3]]).toEqual([m[1], m[1]]);
}

const glossary = loadGlossary(readFileSync(join(ROOT, 'content', 'glossary.yaml'), 'utf8'), 'content/glossary.yaml');
const zhMatcher = termMatcher(glossary.terms, 'zh-Hans');
const enMatcher = termMatcher(glossary.terms, 'en');

/** Every block of a document as English-page data, each with the given English. */
const docBlocks = (doc: ReplyDocument, en: string): BlockData[] =>
  doc.blocks.map((block) => blockData({ block, zh: annotate(block.zh, zhMatcher), en: annotate(en, enMatcher), translation: { status: 'translated', en } }, 'en'));

// Random text: MDX/HTML/Markdown syntax, quotes, backslashes, line separators, emoji, Chinese and glossary terms.
const special = fc.constantFrom(...'{}<>*_`#[]()&|"\'\\/!:=-+~^$%@;,.?0123456789aZ \t\n\r\u2028\u2029\u00a0\u3000😀👍🏽中文的一二是、，。：“”（）');
const snippet = fc.constantFrom('专精特新', '三送一强', '亩均论英雄', 'SRDI', 'per-mu output evaluation', '一是', '二是', '一、', '（一）', '1、', '&amp;', '&lt;', '<script>alert(1)</script>', '</p>', '<a href="x">', '{1+1}', '${x}', '\\u007b', '[link](http://x)', 'http://example.com', '\nimport x from "y"\n', '\n# ', '\n> ', '\n- ', '\n|a|b|\n', '\n---\n', '<!-- c -->', '\\n');
const randomText = fc.array(fc.oneof({ weight: 5, arbitrary: special }, { weight: 2, arbitrary: snippet }, { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 2 }) }), { minLength: 1, maxLength: 40 }).map((parts) => parts.join(''));

describe('round trip (fast-check): parse → page data → HTML gives the text back', () => {
  it("every block's Chinese and English come back unchanged, and nothing becomes markup", async () => {
    await fc.assert(
      fc.asyncProperty(randomText, randomText, async (source, en) => {
        fc.pre(normalizedSource(source) !== '');
        const doc = parseReply(source, { slug: 'random', file: 'random.txt' });
        // Through JSON, as the build writes and reads it.
        const blocks = JSON.parse(JSON.stringify(docBlocks(doc, en))) as BlockData[];
        const html = await renderBlocks(blocks);
        const texts = textsOf(html);
        expect(texts.filter((t) => t.lang === 'zh-Hans').map((t) => t.text)).toEqual(doc.blocks.map((b) => b.zh));
        expect(texts.filter((t) => t.lang === 'zh-Hans').map((t) => t.text).join('')).toBe(normalizedSource(source));
        expect(texts.filter((t) => t.lang === 'en').map((t) => t.text)).toEqual(doc.blocks.map(() => en));
        expectInert(html);
      }),
      { numRuns: 150 },
    );
  });

  it('segmentsToRuns keeps the text and links each term at most once', () => {
    fc.assert(
      fc.property(randomText, (text) => {
        const segments = annotate(text, zhMatcher);
        const runs = segmentsToRuns(segments, new Set());
        expect(runsText(runs)).toBe(text);
        const linked = runs.flatMap((r) => (typeof r === 'string' ? [] : [r[1]]));
        expect(new Set(linked).size).toBe(linked.length);
        expect(new Set(linked)).toEqual(new Set(segments.flatMap((s) => (s.term ? [s.term] : []))));
        // Plain runs are merged: no two strings in a row.
        expect(runs.some((r, i) => i > 0 && typeof r === 'string' && typeof runs[i - 1] === 'string')).toBe(false);
        expect(segmentsToRuns(segments, null).every((r) => typeof r === 'string')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('blocks as a reader sees them', () => {
  const doc = parseReply('尊敬的委员：\n一、关于专精特新\n（一）亩均论英雄。\n加快专精特新企业培育。\n', { slug: 'x', file: 'x.txt' });
  const views = doc.blocks.map((block) => ({ block, zh: annotate(block.zh, zhMatcher), translation: { status: 'pending' as const } }));

  it('a pending translation shows the pending mark and no English text', async () => {
    const html = await renderBlocks(views.map((v) => blockData(v, 'zh-hans')));
    expect(textsOf(html, 'zh-Hans').filter((t) => t.lang === 'en').map((t) => t.text)).toEqual(doc.blocks.map(() => ''));
    expect(html.match(/lang="en" class="pending"><span class="mark">/g)).toHaveLength(doc.blocks.length);
    expect(html.match(/<div id="[^"]+" class="b pending">/g)).toHaveLength(doc.blocks.length);
  });

  it('a stale translation is shown with its mark; headings link no terms; Chinese comes first on Chinese pages', async () => {
    const blocks = views.map((v) => blockData({ ...v, en: annotate('SRDI enterprises', enMatcher), translation: { status: 'stale', en: 'SRDI enterprises' } }, 'zh-hant'));
    const html = await renderBlocks(blocks);
    expect(html.match(/<span class="mark">/g)).toHaveLength(doc.blocks.length);
    // The page's language needs no lang of its own; the English beside it does.
    expect(html).toMatch(/^<div id="salutation" class="b stale"><p>[^<]*<\/p><p lang="en" class="stale">/);
    const heading = /<div id="s1"[^>]*><h1>[^]*?<\/h1><a href="#s1">s1<\/a><\/div>/.exec(html)![0];
    expect(heading).not.toContain('<button');
    // The term is a button in the page's language only: the English beside it has the same term as plain text.
    const paragraph = /<div id="s1-1-p1"[^]*?<\/div>/.exec(html)![0];
    expect(paragraph).toMatch(/^<div id="s1-1-p1" class="b stale"><p>加快<button type="button" popovertarget="g\d+">专精特新企业<\/button>培育。<\/p><p lang="en" class="stale"><span class="mark">[^<]*<\/span>SRDI enterprises<\/p><a href="#s1-1-p1">s1-1-p1<\/a><\/div>$/);
  });

  it('numbers term buttons by the term\'s place in the site\'s glossary, and links the other language where the page\'s has no terms', async () => {
    const pendingEn = views.map((v) => blockData(v, 'en'));
    const html = await container.renderToString(Blocks, { props: { blocks: pendingEn } });
    // English pending: the Chinese carries the buttons, numbered as the site-wide hover rules (term-tips.css) number them.
    const site = JSON.parse(readFileSync(join(ROOT, 'src', 'generated', 'site.json'), 'utf8')) as { glossary: { id: string }[] };
    const n = site.glossary.findIndex((g) => g.id === 'zhuan-jing-te-xin');
    expect(n).toBeGreaterThan(0);
    const paragraph = /<div id="s1-1-p1"[^]*?<\/div>/.exec(html)![0];
    expect(paragraph).toContain(`<p lang="zh-Hans">加快<button type="button" popovertarget="g${n}">专精特新企业</button>培育。</p>`);
    const css = readFileSync(join(ROOT, 'src', 'generated', 'term-tips.css'), 'utf8');
    expect(css).toContain(`:root:has([popovertarget=g${n}]:is(:hover,:focus)) #g${n}`);
  });
});

describe('hostile fixture text and the real site pages', () => {
  it('the mdx-syntax parse fixture renders as plain text', async () => {
    const source = readSource(join(fixtureDir('parse'), 'mdx-syntax', 'input.txt'));
    const doc = parseReply(source, { slug: 'mdx-syntax', file: 'input.txt' });
    const html = await renderBlocks(docBlocks(doc, '<script>alert(1)</script> {1+1} [link](http://x)'));
    expect(textsOf(html).filter((t) => t.lang === 'zh-Hans').map((t) => t.text)).toEqual(doc.blocks.map((b) => b.zh));
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expectInert(html);
  });

  it("every page runPipeline writes for the seed content shows each block's text, in order", async () => {
    const content = loadContent(join(ROOT, 'content'), ROOT);
    const { files } = runPipeline(content);
    const reply = content.replies.find((r) => r.doc.slug === 'zhengzhou-2021-20210574')!;
    const pages = [...files.keys()].filter((p) => p.startsWith('pages/') && p.includes(`/${reply.doc.slug}/`));
    expect(pages).toHaveLength(3 * (1 + reply.doc.sections.length));
    const entries = reply.translation?.blocks ?? {};
    for (const path of pages) {
      const data = JSON.parse(files.get(path)!) as PageData;
      const html = await renderBlocks([...data.blocks, ...(data.closing ?? [])]);
      expectInert(html);
      const ids = data.page === 'index' ? [...reply.doc.frontIds, ...reply.doc.backIds] : reply.doc.sections.find((s) => s.id === data.page)!.blockIds;
      expect([...data.blocks, ...(data.closing ?? [])].map((b) => b.id)).toEqual(ids);
      const texts = textsOf(html, { en: 'en', 'zh-hans': 'zh-Hans', 'zh-hant': 'zh-Hant' }[data.locale]);
      if (data.locale === 'zh-hans') expect(texts.filter((t) => t.lang === 'zh-Hans').map((t) => t.text)).toEqual(ids.map((id) => reply.doc.blocks.find((b) => b.id === id)!.zh));
      if (data.locale === 'en') expect(texts.filter((t) => t.lang === 'en').map((t) => t.text)).toEqual(ids.map((id) => entries[id]?.text ?? ''));
      if (data.locale === 'zh-hant') expect(texts.filter((t) => t.lang === 'zh-Hant').map((t) => t.text)).toEqual(ids.map((id) => toTraditional(reply.doc.blocks.find((b) => b.id === id)!.zh)));
    }
  });
});
