// Source discrepancies (notes.yaml) and translator's notes: loaded and checked against the reply (tests/fixtures/notes/<case>/
// → expected.txt: the one line an editor sees, or the findings), carried into page data in every locale, and rendered by
// BlockNote through Blocks.astro as linked, language-tagged notes.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, it } from 'vitest';
import Blocks from '../../src/components/Blocks.astro';
import { checkNotes, loadNotes } from '../../scripts/lib/notes.ts';
import { parseReply } from '../../scripts/lib/parse.ts';
import { formatFindings } from '../../scripts/lib/qa.ts';
import { loadContent } from '../../scripts/lib/load.ts';
import { runPipeline } from '../../scripts/lib/pipeline.ts';
import type { PageData } from '../../scripts/lib/page-data.ts';
import { caseNames, contentError, expectFile, fixtureDir, readSource, rel, ROOT } from './helpers.ts';

const DIR = fixtureDir('notes');

/** Loads and checks one fixture case: the error line, or the findings (empty for a clean case). */
function runCase(name: string): string {
  const sourcePath = join(DIR, name, 'source.txt');
  const notesPath = join(DIR, name, 'notes.yaml');
  const doc = parseReply(readSource(sourcePath), { slug: name, file: rel(sourcePath) });
  let notes;
  try {
    notes = loadNotes(readFileSync(notesPath, 'utf8'), rel(notesPath), doc);
  } catch {
    return `${contentError(() => loadNotes(readFileSync(notesPath, 'utf8'), rel(notesPath), doc)).toLine()}\n`;
  }
  const findings = checkNotes(doc, notes, rel(notesPath));
  return findings.length ? `${formatFindings(findings)}\n` : '';
}

describe('notes.yaml fixtures (tests/fixtures/notes/<case>/ → expected.txt)', () => {
  it('has a valid case and one case per kind of mistake', () => {
    expect(caseNames(DIR)).toEqual(['bad-yaml', 'missing-zh', 'stale', 'unknown-block', 'unknown-see', 'valid']);
  });

  it.each(caseNames(DIR))('%s', (name) => {
    const out = runCase(name);
    expect(out === '').toBe(name === 'valid');
    expectFile(join(DIR, name, 'expected.txt'), out);
  });
});

describe('notes in page data and on the page', () => {
  let pages: Map<string, PageData>;
  let container: AstroContainer;
  beforeAll(async () => {
    const content = loadContent(join(ROOT, 'content'), ROOT);
    const files = runPipeline(content).files;
    pages = new Map([...files].filter(([p]) => p.startsWith('pages/')).map(([p, text]) => [p, JSON.parse(text) as PageData]));
    container = await AstroContainer.create();
  });
  const block = (locale: string, page: string, id: string) => pages.get(`pages/${locale}/zhengzhou-2021-20210574/${page}.json`)!.blocks.find((b) => b.id === id)!;

  it('the seed has a notes file, and strict QA finds nothing in it', () => {
    expect(existsSync(join(ROOT, 'content/replies/zhengzhou-2021-20210574/notes.yaml'))).toBe(true);
    const content = loadContent(join(ROOT, 'content'), ROOT);
    expect(content.replies.flatMap((r) => checkNotes(r.doc, r.notes, r.files.notes ?? ''))).toEqual([]);
  });

  it('the 38 % / 32 % discrepancy is on s1-p2-pt4 in all three locales, in the page language, linking to the other statement', () => {
    const en = block('en', 's1', 's1-p2-pt4').notes!;
    expect(en[0]).toMatchObject({ kind: 'discrepancy', lang: 'en', marks: ['en', 'zh'], ref: 'en', see: [{ id: 's2-5-p1-pt2', href: 'replies/zhengzhou-2021-20210574/s2/#s2-5-p1-pt2' }] });
    expect(en[0]!.text).toMatch(/38%.*32%/);
    expect(block('zh-hans', 's1', 's1-p2-pt4').notes![0]).toMatchObject({ kind: 'discrepancy', lang: 'zh-Hans', ref: 'zh' });
    expect(block('zh-hans', 's1', 's1-p2-pt4').notes![0]!.text).toMatch(/38%.*32%/);
    expect(block('zh-hant', 's1', 's1-p2-pt4').notes![0]!.text).toMatch(/上雲企業.*38%.*32%/);
    expect(block('zh-hans', 's3', 's3-p1').notes!.map((n) => n.kind)).toEqual(['discrepancy']);
  });

  it("translator's notes appear on the English pages only", () => {
    expect(block('en', 's1', 's1-p2-pt4').notes!.map((n) => n.kind)).toEqual(['discrepancy', 'translator']);
    expect(block('en', 'index', 'salutation').notes!.map((n) => n.kind)).toEqual(['translator']);
    expect(block('zh-hans', 'index', 'salutation').notes).toBeUndefined();
    expect(block('en', 's1', 's1-p2-pt1').notes).toBeUndefined();
  });

  it('renders markers that link to the notes and notes that link back, with the lang of each fragment', async () => {
    const html = await container.renderToString(Blocks, { props: { blocks: [block('en', 's1', 's1-p2-pt4')] } });
    // The markers: one per marked text, each a link to its note with an accessible name in the note's language.
    // The text in the page's language carries no lang of its own (the page's <html lang> applies); the other text does.
    expect(html).toMatch(/<p>[^]*?<a href="#s1-p2-pt4-note-1" id="s1-p2-pt4-note-1-ref-en" data-n="1" lang="en" aria-label="Note 1: Source discrepancy"[^>]*><\/a>[^]*?<a href="#s1-p2-pt4-note-2" id="s1-p2-pt4-note-2-ref-en" data-n="2" lang="en" aria-label="Note 2: Translator(?:'|&#39;)s note"[^>]*><\/a>[^]*?<\/p>/);
    expect(html).toMatch(/<p lang="zh-Hans">[^]*?<a href="#s1-p2-pt4-note-1" id="s1-p2-pt4-note-1-ref-zh"[^>]*><\/a>[^]*?<\/p>/);
    // The notes: after the block, linking back to the first marker and on to the other block.
    expect(html).toMatch(/<\/div><div class="block-notes"[^>]*><p id="s1-p2-pt4-note-1" class="block-note-discrepancy" lang="en"><a href="#s1-p2-pt4-note-1-ref-en" aria-label="Back to the text \(Note 1\)">1<\/a>/);
    // A translator's note carries no class: CSS reaches it as `.block-notes > p`.
    expect(html).toMatch(/<p id="s1-p2-pt4-note-2" lang="en"><a href="#s1-p2-pt4-note-2-ref-en"/);
    expect(html).toMatch(/<a href="#s1-p2-pt4-note-2" [^>]*class="note-ref">/);
    expect(html).toContain('href="#s1-p2-pt4-note-1-ref-en"');
    // Links to the other block go from the locale's root under the base path (BASE_URL is / here).
    expect(html).toContain('href="/en/replies/zhengzhou-2021-20210574/s2/#s2-5-p1-pt2"');
    expect(html).toMatch(/<strong[^>]*>Source discrepancy: <\/strong>/);
  });

  it('keeps a note as text: markup in a note is escaped, never rendered', async () => {
    const b = block('en', 's1', 's1-p2-pt4');
    const hostile = { ...b, notes: [{ ...b.notes![1]!, text: '<script>alert(1)</script> **bold** [x](http://e.org)' }] };
    const html = await container.renderToString(Blocks, { props: { blocks: [hostile] } });
    expect(html).not.toMatch(/<script/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; **bold** [x](http://e.org)');
  });

  it('wraps Chinese quoted in an English note in its own lang', async () => {
    const html = await container.renderToString(Blocks, { props: { blocks: [block('en', 's3', 's3-p1')] } });
    expect(html).toMatch(/<span lang="zh-Hans"[^>]*>提升国家化<\/span>/);
    expect(html).not.toMatch(/<span lang="zh-Hans"[^>]*>[^<]*[A-Za-z]/);
    const zh = await container.renderToString(Blocks, { props: { blocks: [block('zh-hant', 's3', 's3-p1')] } });
    expect(zh).toMatch(/<p id="s3-p1-note-1" class="block-note-discrepancy"[^>]*lang="zh-Hant"/);
    expect(zh).toMatch(/<strong[^>]*>原文出入：<\/strong>原文“提升國家化”/);
  });
});
