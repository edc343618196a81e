// Traditional Chinese pinned to a reviewed rendering (tests/fixtures/hant/, see its README): the converter, the
// glossary's Traditional forms and the zh-hant page data of the seed reply, plus the fallback for a conversion
// that changes the length of a text.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as OpenCC from 'opencc-js';
import { CORRECTIONS, toTraditional } from '../../scripts/lib/hant.ts';
import { explanationIn, loadGlossary } from '../../scripts/lib/glossary.ts';
import { loadContent } from '../../scripts/lib/load.ts';
import { runPipeline, traditionalSegments } from '../../scripts/lib/pipeline.ts';
import { annotate, termMatcher } from '../../scripts/lib/annotate.ts';
import { runsText, type PageData } from '../../scripts/lib/page-data.ts';
import { fixtureDir, makeTerm, ROOT } from './helpers.ts';

const SEED = 'zhengzhou-2021-20210574';
const DIR = fixtureDir('hant');
const seedSource = readFileSync(join(ROOT, 'content', 'replies', SEED, 'source.txt'), 'utf8');
const reviewed = readFileSync(join(DIR, `${SEED}.txt`), 'utf8');
const rows = readFileSync(join(DIR, 'glossary.tsv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t') as [string, string, string]);

describe('the seed reply in Traditional', () => {
  it('toTraditional gives the reviewed text, character for character', () => {
    expect(reviewed.length).toBe(seedSource.length);
    const converted = toTraditional(seedSource);
    const diffs = [...converted].flatMap((c, i) => (c === reviewed[i] ? [] : [`${seedSource.slice(Math.max(0, i - 4), i + 5)}: ${c}, reviewed ${reviewed[i]}`]));
    expect(diffs).toEqual([]);
  });

  it('pins the characters with several Traditional forms in their contexts', () => {
    for (const [zh, hant] of [
      ['3000万只', '3000萬隻'], ['若干政策', '若干政策'], ['落后产能', '落後產能'], ['安全生产工', '安全生產工'], ['管理体系', '管理體系'], ['系列对接', '系列對接'],
      ['出台实施', '出臺實施'], ['台账管理', '臺賬管理'], ['郑州市制造业', '鄭州市製造業'], ['月例会制度', '月例會制度'], ['链长制', '鏈長制'], ['答复如下', '答覆如下'],
      ['复工复产', '復工復產'], ['5000余车次', '5000餘車次'], ['1300余张', '1300餘張'], ['周例会', '週例會'], ['每周召开', '每週召開'], ['政策汇编', '政策彙編'],
      ['应急征用', '應急徵用'], ['上下游', '上下游'], ['综采煤矿', '綜採煤礦'], ['企业上云', '企業上雲'],
    ]) {
      expect(seedSource, `the seed contains ${zh}`).toContain(zh);
      expect(reviewed, `the reviewed text has ${hant} for ${zh}`).toContain(hant);
      expect(toTraditional(zh)).toBe(hant);
    }
  });

  it('each correction keeps the length and changes something opencc alone gets wrong in the seed', () => {
    const openccAlone = OpenCC.Converter({ from: 'cn', to: 'tw' })(seedSource);
    for (const c of CORRECTIONS) {
      const corrected = openccAlone.replace(c.find, c.replace);
      expect(corrected, `${c.find} corrects opencc's output of the seed (${c.why}); if opencc now gets it right, remove the correction`).not.toBe(openccAlone);
      expect(corrected.length).toBe(openccAlone.length);
    }
    const sample = '郑州市制造业5000余车次周例会';
    expect(toTraditional(sample).length).toBe(sample.length);
  });

  it('the zh-hant pages of the seed show exactly the reviewed text', () => {
    const content = loadContent(join(ROOT, 'content'), ROOT);
    const reply = content.replies.find((r) => r.doc.slug === SEED)!;
    const { files } = runPipeline(content);
    const shown = new Map<string, string>();
    for (const [path, text] of files) {
      if (!path.startsWith('pages/') || !path.includes(`/${SEED}/`)) continue;
      const data = JSON.parse(text) as PageData;
      if (data.locale !== 'zh-hant') continue;
      for (const b of [...data.blocks, ...(data.closing ?? [])]) shown.set(b.id, runsText(b.texts.find((t) => t.lang === 'zh-Hant')!.runs));
    }
    const pageBlocks = reply.doc.blocks.filter((b) => shown.has(b.id));
    expect(pageBlocks.length, 'blocks shown on the zh-hant pages').toBeGreaterThan(40);
    // Every shown block is the reviewed text at the block's place in the source.
    let at = 0;
    for (const block of reply.doc.blocks) {
      const start = seedSource.indexOf(block.zh, at);
      expect(start, `${block.id} found in the source`).toBeGreaterThanOrEqual(0);
      if (shown.has(block.id)) expect(shown.get(block.id), block.id).toBe(reviewed.slice(start, start + block.zh.length));
      at = start + block.zh.length;
    }
  });
});

describe('glossary terms in Traditional', () => {
  const glossary = loadGlossary(readFileSync(join(ROOT, 'content', 'glossary.yaml'), 'utf8'), 'content/glossary.yaml');
  const published = new Map(glossary.terms.flatMap((t) => [[t.zh, t.hant], ...t.aliases.map((a, i): [string, string] => [a, t.aliasesHant[i]!])]));

  it('the reviewed list is not empty and converts as reviewed', () => {
    expect(rows.length).toBeGreaterThan(100);
    expect(rows.filter(([, zh, hant]) => toTraditional(zh) !== hant && !glossary.terms.some((t) => t.zh === zh && t.hant === hant))).toEqual([]);
  });

  it('every term and alias of the glossary has the reviewed Traditional form', () => {
    const reviewedHant = new Map(rows.map(([, zh, hant]) => [zh, hant]));
    const unreviewed = [...published.keys()].filter((zh) => !reviewedHant.has(zh));
    expect(unreviewed, 'terms without a reviewed line in tests/fixtures/hant/glossary.tsv: check their Traditional form and add them').toEqual([]);
    expect([...published].filter(([zh, hant]) => reviewedHant.get(zh) !== hant)).toEqual([]);
  });
});

describe('traditionalSegments', () => {
  const terms = [makeTerm({ id: 'zhi-zao', zh: '制造', en: 'manufacturing', hant: '製造' })];
  const zhMatcher = termMatcher(terms, 'zh-Hans');
  const hantMatcher = termMatcher(terms, 'zh-Hant');
  const zh = '发展制造业';
  const segments = annotate(zh, zhMatcher);

  it('maps the Simplified segments character for character when the length is kept', () => {
    expect(segments.map((s) => s.text)).toEqual(['发展', '制造', '业']);
    expect(traditionalSegments(zh, segments, hantMatcher)).toEqual([{ text: '發展' }, { text: '製造', term: 'zhi-zao' }, { text: '業' }]);
  });

  it('annotates the converted text afresh when a conversion changes the length, so no term is cut or shifted', () => {
    const longer = (text: string) => text.replace('发展', '發展進步');
    const result = traditionalSegments(zh, segments, hantMatcher, longer);
    expect(result.map((s) => s.text).join('')).toBe('發展進步制造业');
    // The stub leaves 制造 unconverted, so the Traditional term is not found: nothing is linked at a wrong offset.
    expect(result.filter((s) => s.term)).toEqual([]);
    const longerAndConverted = (text: string) => `前言${toTraditional(text)}`;
    expect(traditionalSegments(zh, segments, hantMatcher, longerAndConverted)).toEqual([{ text: '前言發展' }, { text: '製造', term: 'zhi-zao' }, { text: '業' }]);
  });
});

describe('glossary explanations in Traditional (tests/fixtures/hant/explanations.tsv)', () => {
  const glossary = loadGlossary(readFileSync(join(ROOT, 'content', 'glossary.yaml'), 'utf8'), 'content/glossary.yaml');
  const reviewedExplanations = new Map(
    readFileSync(join(DIR, 'explanations.tsv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t') as [string, string]),
  );

  it('every Chinese explanation shows on zh-hant exactly as reviewed (面向 not 麵向, 改制 not 改製)', () => {
    const withZh = glossary.terms.filter((t) => t.explanationZh);
    expect(withZh.length).toBe(glossary.terms.length);
    const unreviewed = withZh.filter((t) => !reviewedExplanations.has(t.id)).map((t) => t.id);
    expect(unreviewed, 'explanations without a reviewed line in tests/fixtures/hant/explanations.tsv: check their Traditional form and add them').toEqual([]);
    expect(withZh.filter((t) => explanationIn(t, 'zh-hant') !== reviewedExplanations.get(t.id)).map((t) => t.id)).toEqual([]);
    for (const [zh, hant] of [['面向制造企业', '面向製造企業'], ['改制成为股份有限公司', '改制成為股份有限公司'], ['了解企业经营情况', '瞭解企業經營情況'], ['全生命周期', '全生命週期']]) {
      expect(glossary.terms.some((t) => t.explanationZh!.includes(zh)), `an explanation says ${zh}`).toBe(true);
      expect(toTraditional(zh)).toBe(hant);
    }
  });
});
