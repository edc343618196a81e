// Stage 4 (document → MDX): whatever the text holds, compiling the MDX gives back exactly that text, as text.
// The MDX is compiled with @mdx-js/mdx and rendered by a tiny hand-written JSX runtime to HTML strings.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluate } from '@mdx-js/mdx';
import fc from 'fast-check';
import { parse as parseYamlText } from 'yaml';
import { describe, expect, it } from 'vitest';
import { annotate, termMatcher } from '../../scripts/lib/annotate.ts';
import { loadGlossary } from '../../scripts/lib/glossary.ts';
import { blockToMdx, jsString, pageToMdx, segmentsToMdx, type TermLink } from '../../scripts/lib/mdx.ts';
import { normalizedSource, parseReply } from '../../scripts/lib/parse.ts';
import { loadContent } from '../../scripts/lib/load.ts';
import { runPipeline } from '../../scripts/lib/pipeline.ts';
import type { ReplyDocument } from '../../scripts/lib/model.ts';
import { fixtureDir, readSource, ROOT } from './helpers.ts';

// --- A tiny JSX runtime: elements render to HTML strings; strings are always escaped. ---
interface Html {
  html: string;
}
type Props = Record<string, unknown> & { children?: unknown };
const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const unescapeHtml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
const isHtml = (v: unknown): v is Html => typeof v === 'object' && v !== null && 'html' in v;
function render(children: unknown): string {
  if (children === null || children === undefined || typeof children === 'boolean') return '';
  if (Array.isArray(children)) return children.map(render).join('');
  if (isHtml(children)) return children.html;
  return escapeHtml(String(children));
}
const Fragment = (props: Props): Html => ({ html: render(props.children) });
function jsx(type: unknown, props: Props): Html {
  if (typeof type === 'function') return type(props) as Html;
  const attrs = Object.entries(props)
    .filter(([k]) => k !== 'children')
    .map(([k, v]) => ` ${k}="${escapeHtml(String(v))}"`)
    .join('');
  return { html: `<${String(type)}${attrs}>${render(props.children)}</${String(type)}>` };
}
const components = {
  Block: (p: Props): Html => ({ html: `<section id="${escapeHtml(String(p.id))}" data-kind="${escapeHtml(String(p.kind))}">${render(p.children)}</section>` }),
  Text: (p: Props): Html => ({ html: `<span class="text" lang="${escapeHtml(String(p.lang))}">${render(p.children)}</span>` }),
  Term: (p: Props): Html => ({ html: `<a class="term" href="${escapeHtml(String(p.href))}" title="${escapeHtml(String(p.tip))}">${render(p.children)}</a>` }),
  SectionList: (): Html => ({ html: '<nav class="sections"></nav>' }),
};

/** Splits off the frontmatter the way Astro's MDX integration does, compiles the body and renders it. */
async function renderPage(mdx: string): Promise<{ frontmatter: unknown; html: string }> {
  const match = /^---([\s\S]*?\n)---/.exec(mdx);
  if (!match) throw new Error('no frontmatter');
  const { default: Content } = await evaluate(mdx.slice(match[0].length), { Fragment, jsx, jsxs: jsx } as unknown as Parameters<typeof evaluate>[1]);
  return { frontmatter: parseYamlText(match[1]!), html: render((Content as (p: object) => unknown)({ components })) };
}

/** The text of each <Text> element, in order, with its language. */
function textsOf(html: string): { lang: string; text: string }[] {
  return [...html.matchAll(/<span class="text" lang="([^"]+)">([\s\S]*?)<\/span>/g)].map((m) => ({ lang: m[1]!, text: unescapeHtml(m[2]!.replace(/<\/?a\b[^>]*>/g, '')) }));
}

/** Asserts that nothing but our components' markup made it into the HTML. */
function expectInert(html: string): void {
  expect(html).not.toMatch(/<script/i);
  expect([...html.matchAll(/<a [^>]*>/g)].map((m) => m[0]).filter((a) => !a.startsWith('<a class="term" href="'))).toEqual([]);
  expect([...new Set([...html.matchAll(/<([a-zA-Z][\w-]*)/g)].map((m) => m[1]))].filter((t) => !['section', 'span', 'a', 'nav'].includes(t!))).toEqual([]);
}

const glossaryFile = join(ROOT, 'content', 'glossary.yaml');
const glossary = loadGlossary(readFileSync(glossaryFile, 'utf8'), 'content/glossary.yaml');
const zhMatcher = termMatcher(glossary.terms, 'zh-Hans');
const enMatcher = termMatcher(glossary.terms, 'en');
const termLink: TermLink = (id) => ({ href: `../../glossary/${id}/`, tip: `${id}: {tip} with <b>"quotes"</b> & \\ backslash` });

/** Writes a whole document as one English page, each block with the given English. */
function docToMdx(doc: ReplyDocument, en: string, titleZh: string): { mdx: string; frontmatter: Record<string, unknown> } {
  const frontmatter = { locale: 'en', reply: doc.slug, page: 'body', titleZh, sourceHash: doc.sourceHash, terms: [] };
  const blocks = doc.blocks.map((block) =>
    blockToMdx({ block, zh: annotate(block.zh, zhMatcher), en: annotate(en, enMatcher), translation: { status: 'translated', en } }, 'en', { zh: new Set(), en: new Set() }, termLink),
  );
  return { mdx: pageToMdx(frontmatter, [...blocks, `<SectionList reply=${jsString(doc.slug)} locale="en" />`]), frontmatter };
}

// Random text: MDX/HTML/Markdown syntax, quotes, backslashes, line separators, emoji, Chinese and glossary terms.
const special = fc.constantFrom(...'{}<>*_`#[]()&|"\'\\/!:=-+~^$%@;,.?0123456789aZ \t\n\r\u2028\u2029\u00a0\u3000😀👍🏽中文的一二是、，。：“”（）');
const snippet = fc.constantFrom('专精特新', '三送一强', '亩均论英雄', 'SRDI', 'per-mu output evaluation', '一是', '二是', '一、', '（一）', '1、', '&amp;', '&lt;', '<script>alert(1)</script>', '</Text>', '<Term slug="x">', '{1+1}', '${x}', '\\u007b', '[link](http://x)', 'http://example.com', '\nimport x from "y"\n', '\nexport const a = 1\n', '\n# ', '\n> ', '\n- ', '\n|a|b|\n', '\n---\n', '<!-- c -->', '\\n');
const randomText = fc.array(fc.oneof({ weight: 5, arbitrary: special }, { weight: 2, arbitrary: snippet }, { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 2 }) }), { minLength: 1, maxLength: 40 }).map((parts) => parts.join(''));

describe('MDX round trip (fast-check): parse → MDX → HTML gives the text back', () => {
  it('every block\'s Chinese and English come back unchanged, and nothing becomes markup', async () => {
    await fc.assert(
      fc.asyncProperty(randomText, randomText, async (source, en) => {
        fc.pre(normalizedSource(source) !== '');
        const doc = parseReply(source, { slug: 'random', file: 'random.txt' });
        const { mdx, frontmatter } = docToMdx(doc, en, source);
        const page = await renderPage(mdx);
        const texts = textsOf(page.html);
        expect(texts.filter((t) => t.lang === 'zh-Hans').map((t) => t.text)).toEqual(doc.blocks.map((b) => b.zh));
        expect(texts.filter((t) => t.lang === 'zh-Hans').map((t) => t.text).join('')).toBe(normalizedSource(source));
        expect(texts.filter((t) => t.lang === 'en').map((t) => t.text)).toEqual(doc.blocks.map(() => en));
        expect(page.frontmatter).toEqual(frontmatter);
        expectInert(page.html);
      }),
      { numRuns: 150 },
    );
  });

  it('segmentsToMdx keeps the text of plain runs and terms, linking each term once', async () => {
    await fc.assert(
      fc.asyncProperty(randomText, async (text) => {
        const linked = new Set<string>();
        const segments = annotate(text, zhMatcher);
        const mdx = `<Text lang="zh-Hans">${segmentsToMdx(segments, linked, termLink)}</Text>`;
        const { default: Content } = await evaluate(mdx, { Fragment, jsx, jsxs: jsx } as unknown as Parameters<typeof evaluate>[1]);
        const html = render((Content as (p: object) => unknown)({ components }));
        expect(textsOf(html).map((t) => t.text)).toEqual([text]);
        expect([...html.matchAll(/<a class="term"/g)].length).toBe(linked.size);
        expectInert(html);
      }),
      { numRuns: 150 },
    );
  });
});

describe('jsString', () => {
  it('never leaves a raw { } < > or line separator, and is still the same JS string', () => {
    fc.assert(
      fc.property(fc.oneof(randomText, fc.string({ unit: 'binary' })), (text) => {
        const literal = jsString(text);
        expect(literal).not.toMatch(/[{}<>\u2028\u2029]/);
        expect(JSON.parse(literal)).toBe(text);
      }),
      { numRuns: 1000 },
    );
  });

  it('escapes as \\u escapes', () => {
    expect(jsString('{<a>}')).toBe('"\\u007b\\u003ca\\u003e\\u007d"');
  });
});

describe('hostile fixture text and the real site pages', () => {
  it('the mdx-syntax parse fixture renders as plain text', async () => {
    const source = readSource(join(fixtureDir('parse'), 'mdx-syntax', 'input.txt'));
    const doc = parseReply(source, { slug: 'mdx-syntax', file: 'input.txt' });
    const { mdx } = docToMdx(doc, '<script>alert(1)</script> {1+1} [link](http://x)', '{标题}');
    const { html } = await renderPage(mdx);
    expect(textsOf(html).filter((t) => t.lang === 'zh-Hans').map((t) => t.text)).toEqual(doc.blocks.map((b) => b.zh));
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expectInert(html);
  });

  it('every MDX page runPipeline writes for the seed content compiles and shows each block\'s text', async () => {
    const content = loadContent(join(ROOT, 'content'), ROOT);
    const { files } = runPipeline(content);
    const reply = content.replies[0]!;
    const pages = [...files.keys()].filter((p) => p.startsWith(`mdx/`) && p.includes(`/${reply.doc.slug}/`));
    expect(pages).toHaveLength(3 * (1 + reply.doc.sections.length));
    const entries = reply.translation?.blocks ?? {};
    for (const path of pages) {
      const { html, frontmatter } = await renderPage(files.get(path)!);
      expectInert(html);
      const page = (frontmatter as { page: string }).page;
      const ids = page === 'index' ? [...reply.doc.frontIds, ...reply.doc.backIds] : reply.doc.sections.find((s) => s.id === page)!.blockIds;
      const texts = textsOf(html);
      if (path.startsWith('mdx/zh-hans/')) {
        expect(texts.filter((t) => t.lang === 'zh-Hans').map((t) => t.text)).toEqual(ids.map((id) => reply.doc.blocks.find((b) => b.id === id)!.zh));
      }
      if (path.startsWith('mdx/en/')) {
        expect(texts.filter((t) => t.lang === 'en').map((t) => t.text)).toEqual(ids.map((id) => entries[id]?.text ?? ''));
      }
    }
  });
});
