// Reading content/: the exact error for each broken reply folder, and a second reply that needs no code change.
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent, type LoadedContent } from '../../scripts/lib/load.ts';
import { runPipeline, type PipelineResult } from '../../scripts/lib/pipeline.ts';
import { LOCALES } from '../../scripts/lib/page-data.ts';
import { copy, errorLine, fixtureDir, ROOT, tempDir } from './helpers.ts';

const DIR = fixtureDir('replies');
/** Loads a fixture content folder, printing paths relative to the repository root. */
const loadCase = (name: string) => loadContent(join(DIR, name), ROOT);
const SCHEMA_FIX = 'so that it matches the schema described in README.md';

describe('broken reply folders stop the build with one line', () => {
  it('a reply folder without source.txt', () => {
    expect(errorLine(() => loadCase('missing-source'))).toBe('tests/fixtures/replies/missing-source/replies/no-source-txt: the reply folder has no source.txt. Fix: put the plain text of the reply in source.txt, or remove the folder');
  });

  it('a folder name that is not a slug', () => {
    expect(errorLine(() => loadCase('invalid-slug'))).toBe('tests/fixtures/replies/invalid-slug/replies/Zhengzhou_2021: the folder name "Zhengzhou_2021" is not a valid slug. Fix: rename it to lower-case letters, digits and hyphens, e.g. zhengzhou-2021-20210574');
  });

  it('meta.yaml with an unknown key', () => {
    expect(errorLine(() => loadCase('bad-meta'))).toBe(`tests/fixtures/replies/bad-meta/replies/bad-meta-2021/meta.yaml [author]: reply metadata: Unrecognized key: "author". Fix: remove or rename \`author\` (see the schema described in README.md)`);
  });

  it('en.yaml with an empty text', () => {
    expect(errorLine(() => loadCase('empty-translation'))).toBe(
      `tests/fixtures/replies/empty-translation/replies/empty-translation-2021/en.yaml [blocks.s1.text]: translation file: empty translation: delete the entry to mark the block as pending. Fix: correct \`blocks.s1.text\` ${SCHEMA_FIX}`,
    );
  });

  it('en.yaml that is not valid YAML names the line', () => {
    // Regression (fixed): scripts/lib/yaml-file.ts parseYaml() never prints the line: it parses with `prettyErrors: false`, so the
    // yaml package leaves error.linePos undefined. Actual: "…/en.yaml: invalid YAML (…)"; expected "…/en.yaml:6: …".
    expect(errorLine(() => loadCase('bad-yaml'))).toBe(
      'tests/fixtures/replies/bad-yaml/replies/bad-yaml-2021/en.yaml:6: invalid YAML (Nested mappings are not allowed in compact mappings). Fix: fix the indentation or quoting on that line (a YAML linter helps)',
    );
  });

  it('a content folder without replies, or with an empty replies folder', () => {
    const { dir, cleanup } = tempDir('no-replies');
    try {
      expect(errorLine(() => loadContent(dir, dir))).toBe('replies: there is no replies folder. Fix: create content/replies/<slug>/source.txt for each reply');
      mkdirSync(join(dir, 'replies'));
      expect(errorLine(() => loadContent(dir, dir))).toBe('replies: there are no replies. Fix: add a folder content/replies/<slug>/ with the reply text in source.txt');
    } finally {
      cleanup();
    }
  });
});

describe('a second reply, added as a folder only', () => {
  const SLUG = 'example-2022-0001';
  const SEED = 'zhengzhou-2021-20210574';
  const { dir, cleanup } = tempDir('two-replies');
  let content: LoadedContent;
  let result: PipelineResult;
  beforeAll(() => {
    // A content folder as an editor would make it: the real glossary and seed reply, plus one new reply folder.
    copy(join(ROOT, 'content', 'glossary.yaml'), join(dir, 'glossary.yaml'));
    copy(join(ROOT, 'content', 'replies', SEED), join(dir, 'replies', SEED));
    copy(join(DIR, 'second-reply', 'replies', SLUG), join(dir, 'replies', SLUG));
    content = loadContent(dir, dir);
    result = runPipeline(content);
  });
  afterAll(cleanup);

  it('loads next to the seed reply, without warnings', () => {
    expect(readdirSync(join(dir, 'replies')).sort()).toEqual([SLUG, SEED]);
    expect(content.replies.map((r) => r.doc.slug)).toEqual([SLUG, SEED]);
    expect(content.warnings).toEqual([]);
    const reply = content.replies.find((r) => r.doc.slug === SLUG)!;
    expect(reply.files).toEqual({ source: `replies/${SLUG}/source.txt`, meta: `replies/${SLUG}/meta.yaml`, translation: `replies/${SLUG}/en.yaml` });
    expect(reply.doc.meta).toMatchObject({ proposalNumber: '20220001', date: '2022-06-30', addressee: '张委员', title: { zh: '郑州市工业和信息化局关于市政协第20220001号提案的答复' } });
  });

  it('gets page data in all three locales: an overview and one page per section', () => {
    const pages = [...result.files.keys()].filter((p) => p.includes(`/${SLUG}/`)).sort();
    expect(pages).toEqual(LOCALES.flatMap((l) => ['index', 's1', 's2'].map((page) => `pages/${l.id}/${SLUG}/${page}.json`)).sort());
    expect(result.files.get(`pages/zh-hant/${SLUG}/s1.json`)).toContain('專精特新');
    expect(JSON.parse(result.files.get(`pages/en/${SLUG}/s2.json`)!)).toMatchObject({ locale: 'en', reply: SLUG, page: 's2', pending: 4 });
  });

  it('gets its public document, with pending blocks marked and never filled', () => {
    const doc = result.publicDocs.get(SLUG) as { slug: string; blocks: { id: string; zh: string; en: string | null; translationStatus: string }[] };
    expect(doc.slug).toBe(SLUG);
    expect(doc.blocks.map((b) => `${b.id} ${b.translationStatus}`)).toEqual([
      'title-1 translated',
      'title-2 translated',
      'salutation translated',
      'intro-p1 translated',
      's1 translated',
      's1-p1 translated',
      's2 translated',
      's2-1 pending',
      's2-1-p1-pt1 pending',
      's2-1-p1-pt2 pending',
      's2-2 pending',
      'closing pending',
      'signature pending',
      'date pending',
    ]);
    expect(doc.blocks.filter((b) => b.translationStatus === 'pending').every((b) => b.en === null)).toBe(true);
    expect(result.site.replies.map((r) => [r.slug, r.counts])).toEqual([
      [SLUG, { translated: 7, stale: 0, pending: 7 }],
      [SEED, expect.objectContaining({ stale: 0, pending: 0 })],
    ]);
  });

  it('reports its pending blocks as missing translations and nothing else in strict kinds', () => {
    const mine = result.findings.filter((f) => f.file === `replies/${SLUG}/en.yaml` && ['missing', 'stale', 'orphaned', 'number-missing', 'number-extra'].includes(f.kind));
    expect(mine.map((f) => `${f.kind} ${f.block}`)).toEqual(['s2-1', 's2-1-p1-pt1', 's2-1-p1-pt2', 's2-2', 'closing', 'signature', 'date'].map((id) => `missing ${id}`));
  });

  it('leaves the seed reply\'s pages exactly as they are without it', () => {
    const alone = runPipeline(loadContent(join(ROOT, 'content'), ROOT));
    const seedPages = [...alone.files.keys()].filter((p) => p.includes(`/${SEED}/`));
    expect(seedPages.length).toBeGreaterThan(0);
    for (const path of seedPages) expect(result.files.get(path)).toBe(alone.files.get(path));
    expect(result.publicDocs.get(SEED)).toEqual(alone.publicDocs.get(SEED));
  });
});
