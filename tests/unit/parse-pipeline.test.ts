// Real replies through load and the pipeline: meta.yaml overrides what the text says; furniture and metadata stay in
// data/replies/<slug>.json but never reach pages, search records, figures, translation counts or QA.
import { isSearchPage, type IndexEntry } from '../../scripts/lib/search-data.ts';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent, loadReply, type LoadedContent } from '../../scripts/lib/load.ts';
import { runPipeline, type PipelineResult } from '../../scripts/lib/pipeline.ts';
import { checkQuotedPhrases, checkTranslation } from '../../scripts/lib/qa.ts';
import type { PageData } from '../../scripts/lib/page-data.ts';
import { copy, errorLine, fixtureDir, ROOT, tempDir } from './helpers.ts';

const REAL = fixtureDir('real-replies');
const REPLIES = { 'mee-2021-0867': 'mee-changjiang-2021-partial', 'maguan-2023-64': 'maguan-transport-2023', 'xifeng-2017': 'xifeng-edu-2017', 'baoji-2019-225': 'baoji-env-2019-partial' };

describe('meta.yaml overrides what the text says', () => {
  const { dir, cleanup } = tempDir('meta-override');
  afterAll(cleanup);
  const folder = (slug: string, meta: string) => {
    copy(join(REAL, 'gaoping-health-2023', 'source.txt'), join(dir, slug, 'source.txt'));
    writeFileSync(join(dir, slug, 'meta.yaml'), meta);
    return join(dir, slug);
  };

  it('type, number as written, document number, outcome, issuer, date and title from meta.yaml win', () => {
    const path = folder('override', 'type: proposal\nproposalNumber: "2025D048"\ndocumentNumber: 高卫体发〔2023〕149号\noutcome: A\ndate: 2023-07-01\nissuingBody: { zh: 高平市卫生健康和体育局, en: Gaoping Municipal Health and Sports Bureau }\ntitle: { en: Reply to Suggestion No. 71 }\n');
    const { doc } = loadReply(path, dir).reply;
    expect(doc.meta).toMatchObject({ type: 'proposal', proposalNumber: '2025D048', documentNumber: '高卫体发〔2023〕149号', outcome: 'A', date: '2023-07-01', issuingBody: { en: 'Gaoping Municipal Health and Sports Bureau' } });
    // What meta.yaml leaves out is still read from the text.
    expect(doc.meta).toMatchObject({ session: '市七届人大五次会议', addressee: '王爱珍代表', title: { zh: '关于对市七届人大五次会议第71号建议的答复', en: 'Reply to Suggestion No. 71' } });
  });

  it('an outcome class other than A, B, C, or an unknown type, is one line naming the key', () => {
    expect(errorLine(() => loadReply(folder('bad-outcome', 'outcome: D\n'), dir))).toBe('bad-outcome/meta.yaml [outcome]: reply metadata: A, B or C (the 办复类别 the reply states). Fix: correct `outcome` so that it matches the schema described in README.md');
    expect(errorLine(() => loadReply(folder('bad-type', 'type: motion\n'), dir))).toBe('bad-type/meta.yaml [type]: reply metadata: suggestion (人大代表建议) or proposal (政协委员提案). Fix: correct `type` so that it matches the schema described in README.md');
    expect(errorLine(() => loadReply(folder('bad-number', 'proposalNumber: 第71号\n'), dir))).toBe('bad-number/meta.yaml [proposalNumber]: reply metadata: the number as written, without 第 and 号 (e.g. 71, 03154, 2025D048). Fix: correct `proposalNumber` so that it matches the schema described in README.md');
  });
});

describe('real replies through the pipeline', () => {
  const { dir, cleanup } = tempDir('real-pipeline');
  let content: LoadedContent;
  let result: PipelineResult;
  beforeAll(() => {
    copy(join(ROOT, 'content', 'glossary.yaml'), join(dir, 'glossary.yaml'));
    copy(join(ROOT, 'content', 'replies', 'zhengzhou-2021-20210574'), join(dir, 'replies', 'zhengzhou-2021-20210574'));
    for (const [slug, name] of Object.entries(REPLIES)) copy(join(REAL, name, 'source.txt'), join(dir, 'replies', slug, 'source.txt'));
    content = loadContent(dir, dir);
    result = runPipeline(content);
  });
  afterAll(cleanup);

  const outside = (slug: string) => content.replies.find((r) => r.doc.slug === slug)!.doc.blocks.filter((b) => b.kind === 'furniture' || b.kind === 'metadata');

  it('the real replies have furniture and metadata to hide', () => {
    expect(Object.keys(REPLIES).map((slug) => outside(slug).length)).toEqual([7, 8, 5, 6]);
  });

  it('no page shows a furniture or metadata block', () => {
    for (const slug of Object.keys(REPLIES)) {
      const ids = new Set(outside(slug).map((b) => b.id));
      const pages = [...result.files].filter(([path]) => path.includes(`/${slug}/`)).map(([, text]) => JSON.parse(text) as PageData);
      expect(pages.length).toBeGreaterThan(0);
      for (const page of pages) expect([...page.blocks, ...(page.closing ?? [])].filter((b) => ids.has(b.id))).toEqual([]);
    }
  });

  it('no search record, figure or pending count comes from them', () => {
    for (const slug of Object.keys(REPLIES)) {
      const ids = new Set(outside(slug).map((b) => b.id));
      // Search indexes pages whose blocks carry their ids (and custom records linking to #id): none of them may hold furniture or metadata.
      expect(result.search.records.filter((r) => r.url.includes(`/${slug}/`) && [...ids].some((id) => (isSearchPage(r) ? r.html.includes(`id="${id}"`) : r.url.split('#')[1] === id)))).toEqual([]);
      expect((result.figures.get(slug) ?? []).filter((f) => ids.has(f.block))).toEqual([]);
      const info = result.site.replies.find((r) => r.slug === slug)!;
      const letter = content.replies.find((r) => r.doc.slug === slug)!.doc.blocks.length - ids.size;
      expect([info.counts.pending, info.blockCount]).toEqual([letter, letter]);
    }
    // The page footer's view count and the metadata's dates would otherwise be figures and search hits.
    const indexed = (r: IndexEntry) => (isSearchPage(r) ? r.html : r.content);
    expect(result.search.records.some((r) => indexed(r).includes('更新时间') || indexed(r).includes('责任编辑'))).toBe(false);
  });

  it('no translation is required for them, and their quoted words need no glossary entry', () => {
    const reply = content.replies.find((r) => r.doc.slug === 'xifeng-2017')!;
    const missing = checkTranslation(reply.doc, undefined, 'en.yaml').filter((f) => f.kind === 'missing').map((f) => f.block);
    expect(missing).not.toContain('meta-1');
    // Every letter block, and the addressee of the English metadata table.
    expect(missing.filter((id) => id !== 'meta.addressee')).toHaveLength(reply.doc.blocks.length - outside('xifeng-2017').length);
    expect(missing).toContain('meta.addressee');
    // 注:“主动公开”。 is a metadata line: its quoted phrase is not a term of the letter.
    expect(checkQuotedPhrases(reply.doc, content.glossary, 'source.txt').map((f) => f.message)).not.toContain('the quoted phrase “主动公开” is neither a glossary term nor excluded');
  });

  it('data/replies/<slug>.json keeps every block, in order, with metadataIds, furnitureIds and fields', () => {
    const doc = result.publicDocs.get('baoji-2019-225') as { metadataIds: string[]; furnitureIds: string[]; blocks: { id: string; kind: string; field?: string; zh: string }[] };
    const source = content.replies.find((r) => r.doc.slug === 'baoji-2019-225')!.doc;
    expect(doc.blocks.map((b) => b.zh)).toEqual(source.blocks.map((b) => b.zh));
    expect(doc.metadataIds).toEqual(['meta-1', 'meta-2', 'meta-3', 'meta-4', 'meta-5', 'meta-6']);
    expect(doc.blocks.filter((b) => b.kind === 'metadata').map((b) => b.field)).toEqual(['indexNumber', 'publishDate', 'disclosure', 'outcome', 'signer', 'documentNumber']);
    expect(doc.furnitureIds).toEqual([]);
  });

  it('the site data lists each reply\'s metadata lines, verbatim and in Traditional, for the metadata table', () => {
    const info = result.site.replies.find((r) => r.slug === 'maguan-2023-64')!;
    expect(info.metadata).toEqual([{ id: 'meta-1', field: 'publisher', zh: '来源: 更新时间:2024/01/03', hant: '來源: 更新時間:2024/01/03' }]);
    expect(info.meta).toMatchObject({ type: 'suggestion', proposalNumber: '64', issuingBody: { zh: '马关县交通运输局' } });
  });

  it('the seed reply is unchanged: no furniture, no metadata, its translation complete', () => {
    const seed = result.site.replies.find((r) => r.slug === 'zhengzhou-2021-20210574')!;
    expect([seed.metadata, seed.counts.pending, seed.blockCount]).toEqual([[], 0, 49]);
  });
});
