// Stage 1 (text → document model): one fixture folder per case, input.txt → expected.json (UPDATE=1 rewrites and fails, for review).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeDate, parseReply } from '../../scripts/lib/parse.ts';
import type { ReplyDocument } from '../../scripts/lib/model.ts';
import { caseNames, expectJsonFile, fixtureDir, readSource, rel, ROOT } from './helpers.ts';

const DIR = fixtureDir('parse');
const CASES = caseNames(DIR);
const inputPath = (name: string) => join(DIR, name, 'input.txt');
const parseText = (text: string, name = 'case') => parseReply(text, { slug: name, file: rel(inputPath(name)) });
const parseCase = (name: string) => parseText(readSource(inputPath(name)), name);
/** What a reader sees of the structure: ids, kinds and levels in order. */
const shape = (doc: ReplyDocument) => doc.blocks.map((b) => `${b.id} ${b.kind} ${b.level}`);
/**
 * The part of a parsed document a person reviews in expected.json: the metadata read from the text, the page
 * structure (front and back matter, metadata and furniture lines, sections) and per block its id, kind, level,
 * number label, Chinese text and metadata field, plus the warnings. Derived values (hashes, source lines, heading
 * titles, which repeat label and text, the section each block names, which the section lists repeat) are left
 * out, so a golden file stays small enough to read and its diff shows what the parser decided.
 */
const REVIEWED_BLOCK_KEYS = new Set(['id', 'kind', 'level', 'label', 'zh', 'field']);
const reviewed = (doc: ReplyDocument) => ({
  ...Object.fromEntries(Object.entries(doc).filter(([key]) => key !== 'sourceHash' && key !== 'blocks' && key !== 'warnings')),
  blocks: doc.blocks.map((b) => Object.fromEntries(Object.entries(b).filter(([key]) => REVIEWED_BLOCK_KEYS.has(key)))),
  warnings: doc.warnings,
});
const byId = (doc: ReplyDocument, id: string) => {
  const block = doc.blocks.find((b) => b.id === id);
  if (!block) throw new Error(`no block ${id} in ${doc.slug}`);
  return block;
};

describe('parse fixtures (tests/fixtures/parse/<case>/input.txt → expected.json)', () => {
  it('covers every case of the parser conventions', () => {
    expect(CASES).toEqual([
      'ascii-punctuation',
      'crlf-bom',
      'duplicate-section',
      'front-back-arabic-date',
      'front-back-chinese-date',
      'fullwidth-punctuation',
      'inline-enumerations',
      'letter-closing-after-items',
      'letter-colonless-salutation',
      'letter-dates-contacts',
      'letter-furniture-metadata',
      'letter-garbled-dates',
      'letter-letterhead-sections',
      'letter-menu-numbers',
      'letter-page-heading-outcome',
      'letter-wrapped-back-matter',
      'mdx-syntax',
      'no-headings',
      'numbered-items',
      'seed',
    ]);
  });

  it.each(CASES)('%s parses to its expected document (reviewed fields)', (name) => {
    expectJsonFile(join(DIR, name, 'expected.json'), reviewed(parseCase(name)));
  });

  it.each(CASES.filter((name) => name !== 'duplicate-section'))('%s: every block of a page says it belongs to that page', (name) => {
    // duplicate-section used to break this; see the regression test in "repeated numbering" below.
    const doc = parseCase(name);
    for (const section of doc.sections) {
      for (const id of section.blockIds) expect(`${id} in ${byId(doc, id).section}`).toBe(`${id} in ${section.id}`);
    }
    expect(doc.frontIds.map((id) => byId(doc, id).section).every((s) => s === 'front' || s === 'intro')).toBe(true);
    expect(doc.backIds.map((id) => byId(doc, id).section).every((s) => s === 'back')).toBe(true);
  });
});

describe('the seed reply', () => {
  const doc = parseCase('seed');

  it('is a verbatim copy of content/replies/zhengzhou-2021-20210574/source.txt', () => {
    expect(readFileSync(inputPath('seed'), 'utf8')).toBe(readFileSync(join(ROOT, 'content/replies/zhengzhou-2021-20210574/source.txt'), 'utf8'));
  });

  it('has three pages (一、二、三、), a salutation and preamble in front, the thanks at the back', () => {
    expect(doc.sections.map((s) => `${s.label}${s.titleZh}`)).toEqual(['一、我市工业发展现状', '二、强化主攻方向,制造业高质量发展实现新突破', '三、下步工作计划']);
    expect(doc.frontIds).toEqual(['salutation', 'intro-p1']);
    expect(doc.backIds).toEqual(['closing']);
    expect(doc.blocks).toHaveLength(49);
  });

  it('splits the 一是…四是 paragraph of section 一 into four points', () => {
    const points = doc.blocks.filter((b) => b.id.startsWith('s1-p2-pt'));
    expect(points.map((b) => `${b.label} ${b.zh.slice(0, 8)}`)).toEqual(['一是 一是工业运行稳步', '二是 二是工业投资快速', '三是 三是结构调整强力', '四是 四是数字化转型持']);
    expect(points.every((b) => b.kind === 'point' && b.level === 3 && b.line === 5)).toBe(true);
  });

  it('reads the proposal number and addressee from the text', () => {
    expect(doc.meta.proposalNumber).toBe('20210574');
    expect(doc.meta.addressee).toBe('省同良委员');
  });
});

describe('punctuation: full-width and ASCII forms give the same structure', () => {
  it('（一）、：， and (一) : , produce the same ids, kinds and levels', () => {
    const full = parseCase('fullwidth-punctuation');
    const ascii = parseCase('ascii-punctuation');
    expect(shape(ascii)).toEqual(shape(full));
    expect(full.sections.map((s) => s.label)).toEqual(['一、', '二、', '三．']);
    expect(ascii.sections.map((s) => s.label)).toEqual(['一、', '二,', '三.']);
    expect(byId(full, 's1-1').label).toBe('（一）');
    expect(byId(ascii, 's1-1').label).toBe('(一)');
  });

  it('splits a subheading line at its first full stop into the heading and a paragraph', () => {
    const full = parseCase('fullwidth-punctuation');
    expect([byId(full, 's1-1').zh, byId(full, 's1-1').title, byId(full, 's1-1-p1').zh]).toEqual(['（一）加强顶层设计。', '加强顶层设计。', '出台《三年行动计划》，研究制定配套方案30余个。']);
  });

  it('drops the ideographic spaces that indent paragraphs', () => {
    expect(byId(parseCase('fullwidth-punctuation'), 's1-p1').zh).toBe('2020年，全市规模以上工业增加值增长6.1%。');
  });
});

describe('a reply with no headings', () => {
  it('is one page, "body", of numbered paragraphs', () => {
    const doc = parseCase('no-headings');
    expect(doc.sections).toEqual([{ id: 'body', label: '', number: 1, titleZh: '', blockIds: ['body-p1', 'body-p2', 'body-p3'] }]);
    expect(doc.frontIds).toEqual(['salutation']);
    expect(doc.backIds).toEqual(['closing']);
  });
});

describe('numbered items', () => {
  const doc = parseCase('numbered-items');

  it('reads 1、 1. 1． as items, （1） (1) ① as sub-items, each with its label as written', () => {
    expect(doc.blocks.filter((b) => b.kind === 'item' || b.kind === 'subitem').map((b) => `${b.id} ${b.kind} ${b.label}`)).toEqual([
      's1-1-i1 item 1、',
      's1-1-i2 item 2.',
      's1-1-i2-n1 subitem （1）',
      's1-1-i2-n2 subitem (2)',
      's1-1-i3 item 3．',
      's1-1-i3-n1 subitem ①',
      's1-1-i3-n2 subitem ②',
      's2-i1 item 1、',
      's2-i2 item 2、',
    ]);
  });

  it('does not take a decimal figure at the start of a line (1.6万家) for item 1', () => {
    expect(byId(doc, 's1-1-i3-p1')).toMatchObject({ kind: 'paragraph', zh: '1.6万家企业受益于以上政策。' });
  });

  it('nests items one level below their parent: under (一) at 3, directly under 一、 at 2', () => {
    expect([byId(doc, 's1-1-i1').level, byId(doc, 's1-1-i2-n1').level, byId(doc, 's2-i1').level]).toEqual([3, 4, 2]);
  });
});

describe('inline enumerations (一是…二是…)', () => {
  const doc = parseCase('inline-enumerations');

  it('splits after a lead-in, keeping the lead-in as a paragraph', () => {
    expect(['s1-p1', 's1-p1-pt1', 's1-p1-pt2', 's1-p1-pt3'].map((id) => byId(doc, id).zh)).toEqual(['全年重点抓了三项工作：', '一是加强运行监测，', '二是推进复工复产，', '三是强化要素保障。']);
  });

  it('splits 第一，第二，and 其一，其二，with labels 第一/其一', () => {
    expect(doc.blocks.filter((b) => b.id.startsWith('s1-p5') || b.id.startsWith('s1-p6')).map((b) => b.label)).toEqual(['第一', '第二', '第三', '其一', '其二']);
  });

  it('does not split at 统一是 (一是 inside a word)', () => {
    expect(byId(doc, 's1-p3').zh).toBe('全市统一是前提。');
    expect(byId(doc, 's1-p3-pt1').zh).toBe('一是加强领导，');
    expect(byId(doc, 's1-p4')).toMatchObject({ kind: 'paragraph', zh: '我们认为标准统一是关键，二是指第二阶段。' });
    expect(doc.blocks.some((b) => b.id.startsWith('s1-p4-pt'))).toBe(false);
  });

  it('ends a subheading title at a colon that introduces points (no full stop before them)', () => {
    const full = parseCase('fullwidth-punctuation');
    expect(byId(full, 's1-2')).toMatchObject({ kind: 'subheading', title: '强化要素保障：', zh: '（二）强化要素保障：' });
    expect(['s1-2-p1-pt1', 's1-2-p1-pt2'].map((id) => byId(full, id).zh)).toEqual(['一是加强运行监测；', '二是推进复工复产。']);
    // A space after the colon stays with the title; an earlier colon (a time) does not stop the search.
    const spaced = parseReply('一、情况\n（一）加强服务: 一是成立专班；二是定期调度。\n（二）时间10:30：一是签到；二是开会。\n', { slug: 'x', file: 'x.txt' });
    expect(spaced.blocks.filter((b) => b.kind === 'subheading').map((b) => b.zh)).toEqual(['（一）加强服务: ', '（二）时间10:30：']);
    expect(spaced.blocks.filter((b) => b.kind === 'point').map((b) => b.zh)).toEqual(['一是成立专班；', '二是定期调度。', '一是签到；', '二是开会。']);
    // A colon that does not introduce points stays in the title.
    const plain = parseReply('一、情况\n（一）总体情况：稳中有进\n', { slug: 'x', file: 'x.txt' });
    expect(plain.blocks.find((b) => b.kind === 'subheading')).toMatchObject({ zh: '（一）总体情况：稳中有进' });
  });

  it('splits the body of a subheading line, one level below the subheading', () => {
    expect(['s2-1-p1-pt1', 's2-1-p1-pt2'].map((id) => [byId(doc, id).zh, byId(doc, id).level])).toEqual([
      ['一是成立专班；', 4],
      ['二是定期调度。', 4],
    ]);
  });
});

describe('front and back matter', () => {
  const arabic = parseCase('front-back-arabic-date');
  const chinese = parseCase('front-back-chinese-date');

  it('reads title lines, salutation, closing formula, signature, date and contact line', () => {
    for (const doc of [arabic, chinese]) {
      expect(doc.frontIds).toEqual(['title-1', 'title-2', 'salutation', 'intro-p1']);
      expect(doc.backIds).toEqual(['closing', 'signature', 'date', 'contact']);
      expect(doc.backIds.map((id) => byId(doc, id).kind)).toEqual(['closing', 'signature', 'date', 'contact']);
    }
    expect(byId(arabic, 'contact').zh).toBe('（联系人：张三，联系电话：0371-12345678）');
    expect(byId(chinese, 'contact').zh).toBe('联系人：李四　联系电话：0371-87654321');
  });

  it('reads 2021年7月19日 and 二〇二一年七月十九日 as the same date', () => {
    expect(arabic.meta.date).toBe('2021-07-19');
    expect(chinese.meta.date).toBe('2021-07-19');
    expect([normalizeDate('2021年7月19日'), normalizeDate('二〇二一年七月十九日'), normalizeDate('2021 年 12 月 1 日'), normalizeDate('2021年13月1日')]).toEqual(['2021-07-19', '2021-07-19', '2021-12-01', undefined]);
  });

  it('reads proposal number, addressee and issuing body from the text', () => {
    expect(arabic.meta).toMatchObject({ proposalNumber: '20210574', addressee: '省同良委员', issuingBody: { zh: '郑州市工业和信息化局' } });
  });

  it('takes the 关于…的答复 line as the title, not the issuing body printed above it', () => {
    // Regression (fixed): scripts/lib/parse.ts readMeta() takes the first `title` block as meta.title.zh. For the usual header
    // "郑州市工业和信息化局 / 关于市政协第20210574号提案的答复" that is the issuing body (the same text as the signature),
    // so the reply's page title becomes "郑州市工业和信息化局".
    expect(arabic.meta.title.zh).toBe('关于市政协第20210574号提案的答复');
  });
});

describe('CRLF line ends and a BOM', () => {
  it('parse exactly like the same text with LF and no BOM (line numbers included)', () => {
    const raw = readFileSync(inputPath('crlf-bom'));
    expect(Array.from(raw.subarray(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
    expect(raw.includes('\r\n')).toBe(true);
    const text = readSource(inputPath('crlf-bom'));
    const lf = text.replaceAll('\r\n', '\n');
    expect(parseText(text)).toEqual(parseText(lf));
    expect(parseText(text).blocks.some((b) => /[\r\n\uFEFF]/.test(b.zh))).toBe(false);
  });

  it('counts the blank line, so lines are the editor\'s line numbers', () => {
    expect(parseCase('crlf-bom').blocks.map((b) => b.line)).toEqual([1, 2, 4, 5, 6, 6, 6, 7, 8, 9]);
  });
});

describe('text full of MDX, HTML and Markdown syntax', () => {
  const doc = parseCase('mdx-syntax');

  it('keeps every line as plain text, character for character', () => {
    const lines = readSource(inputPath('mdx-syntax')).split('\n').filter(Boolean);
    expect(doc.blocks.map((b) => b.zh)).toEqual(lines);
  });

  it('treats # > - | --- import export as paragraph text, not as structure', () => {
    expect(doc.blocks.filter((b) => /^(#|>|-|\||import|export|<)/.test(b.zh)).map((b) => b.kind)).toEqual(Array(8).fill('paragraph'));
    expect(doc.sections.map((s) => s.titleZh)).toEqual(['关于{ } < > * _ ` # [ ] ( ) & |等符号的说明', '其他']);
  });
});

describe('repeated numbering', () => {
  const doc = parseCase('duplicate-section');

  it('gives the repeated heading a fresh id and warns with file, line and the fix', () => {
    expect(doc.sections.map((s) => s.id)).toEqual(['s1', 's2', 's2-3', 's3']);
    expect(doc.warnings).toEqual([
      'tests/fixtures/parse/duplicate-section/input.txt:6 [s2]: the numbering repeats, so this block was given the id s2-3. Fix: correct the numbering in the source if it is a typo',
    ]);
    expect(new Set(doc.blocks.map((b) => b.id)).size).toBe(doc.blocks.length);
  });

  it('puts the renamed heading block in its own section', () => {
    // Regression (fixed): scripts/lib/parse.ts parseReply() builds the heading block with `section: sectionId` before addBlock()
    // renames a repeated id, so the heading "二、下一步工作" (block s2-3, listed in section s2-3) says section "s2".
    // pipeline.ts pageOf() then sends its glossary occurrences to the page of the first 二、.
    expect(byId(doc, 's2-3').section).toBe('s2-3');
  });
});

describe('ids are stable across edits', () => {
  const source = readSource(inputPath('seed'));
  const seed = parseText(source);
  const ids = (doc: ReplyDocument, section?: string) => doc.blocks.filter((b) => !section || b.section === section).map((b) => b.id);

  it('changing the text of one paragraph keeps every id (and changes only that block\'s hash)', () => {
    const edited = parseText(source.replace('工业是实体经济的主体', '工业是实体经济的根基'));
    expect(ids(edited)).toEqual(ids(seed));
    const changed = edited.blocks.filter((b, i) => b.hash !== seed.blocks[i]!.hash).map((b) => b.id);
    expect(changed).toEqual(['s1-p1']);
  });

  it('inserting a paragraph in section 二 keeps the ids of the front matter and sections 一 and 三', () => {
    const lines = source.split('\n');
    const at = lines.findIndex((l) => l.startsWith('(一)加强顶层设计'));
    lines.splice(at + 1, 0, '新增的一段说明文字,用于检验编号的稳定性。');
    const edited = parseText(lines.join('\n'));
    expect(ids(edited)).toHaveLength(ids(seed).length + 1);
    expect(ids(edited, 's2')).toContain('s2-1-p2');
    for (const section of ['front', 'intro', 's1', 's3', 'back']) expect(ids(edited, section)).toEqual(ids(seed, section));
    expect(ids(edited, 's2').filter((id) => id !== 's2-1-p2')).toEqual(ids(seed, 's2'));
  });
});
