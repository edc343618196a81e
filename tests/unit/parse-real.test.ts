// Real replies as published (copied from government web pages, unedited): tests/fixtures/real-replies/<name>/source.txt
// parses to the structure written by hand in expected.yaml beside it (kinds per line, title, salutation, meta), and so do
// their full-width variants (，：（）！； restored, as the live pages very likely had them).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { normalizedSource, parseReply } from '../../scripts/lib/parse.ts';
import { isLetterBlock, type ReplyDocument } from '../../scripts/lib/model.ts';
import { caseNames, fixtureDir, readSource, rel } from './helpers.ts';

const DIR = fixtureDir('real-replies');
const CASES = caseNames(DIR);
const source = (name: string, variant = 'source.txt') => readSource(join(DIR, name, variant));
const parse = (text: string, name: string) => parseReply(text, { slug: name, file: rel(join(DIR, name, 'source.txt')) });

/** ASCII punctuation → the full-width forms the live pages used. */
const fullWidth = (text: string) => text.replace(/[,:()!;]/g, (c) => ({ ',': '，', ':': '：', '(': '（', ')': '）', '!': '！', ';': '；' })[c]!);

/** The same value with every string in it passed through `f`. */
function mapStrings<T>(value: T, f: (s: string) => string): T {
  if (typeof value === 'string') return f(value) as T;
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, f)) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, f)])) as T;
  return value;
}

/** What expected.yaml records of a parsed reply. */
function structure(doc: ReplyDocument) {
  const lines: Record<string, string> = {};
  for (const b of doc.blocks) lines[b.line] = [lines[b.line], b.kind === 'metadata' ? `metadata:${b.field}` : b.kind].filter(Boolean).join(' ');
  const m = doc.meta;
  return {
    title: doc.blocks.some((b) => b.kind === 'title') ? m.title.zh : null,
    salutation: doc.blocks.find((b) => b.kind === 'salutation')?.zh ?? null,
    meta: {
      type: m.type ?? null,
      proposalNumber: m.proposalNumber ?? null,
      session: m.session ?? null,
      documentNumber: m.documentNumber ?? null,
      outcome: m.outcome ?? null,
      issuingBody: m.issuingBody?.zh ?? null,
      date: m.date ?? null,
      year: m.year ?? null,
      addressee: m.addressee ?? null,
    },
    sections: doc.sections.map((s) => `${s.id} ${s.label}${s.titleZh}`),
    lines,
  };
}

const expected = (name: string) => {
  const data = parseYaml(readFileSync(join(DIR, name, 'expected.yaml'), 'utf8'), { schema: 'core' }) as ReturnType<typeof structure>;
  return { ...data, lines: Object.fromEntries(Object.entries(data.lines).map(([k, v]) => [k, String(v)])) };
};

describe('the real corpus (tests/fixtures/real-replies)', () => {
  it('has all fourteen replies, each with its source and its expected structure', () => {
    expect(CASES).toEqual([
      'baoji-env-2019-partial',
      'changchun-housing-2025-collective',
      'gaoping-health-2023',
      'guangdong-gxt-zjtx-2024-partial',
      'huainan-transport-2023',
      'jincheng-chengqu-fgj-2025-nosig',
      'lantian-edu-partial',
      'maguan-transport-2023',
      'mee-changjiang-2021-partial',
      'neijiang-edu-2025',
      'xifeng-edu-2017',
      'xinmi-housing-2022',
      'xundian-env-2022-partial',
      'yunnan-gxw-2017',
    ]);
    for (const name of CASES) expect([existsSync(join(DIR, name, 'source.txt')), existsSync(join(DIR, name, 'expected.yaml'))]).toEqual([true, true]);
  });

  it.each(CASES)('%s parses to its expected structure', (name) => {
    expect(structure(parse(source(name), name))).toEqual(expected(name));
  });

  it.each(CASES)('%s keeps every character, and shows no furniture or metadata as letter text', (name) => {
    const text = source(name);
    const doc = parse(text, name);
    expect(doc.blocks.map((b) => b.zh).join('')).toBe(normalizedSource(text));
    const shown = new Set([...doc.frontIds, ...doc.backIds, ...doc.sections.flatMap((s) => s.blockIds)]);
    expect(doc.blocks.filter((b) => !isLetterBlock(b)).filter((b) => shown.has(b.id))).toEqual([]);
    expect(doc.blocks.filter(isLetterBlock).filter((b) => !shown.has(b.id)).map((b) => b.id)).toEqual([]);
    expect(doc.metadataIds).toEqual(doc.blocks.filter((b) => b.kind === 'metadata').map((b) => b.id));
    expect(doc.furnitureIds).toEqual(doc.blocks.filter((b) => b.kind === 'furniture').map((b) => b.id));
    expect(doc.blocks.filter((b) => b.kind === 'metadata' && !b.field)).toEqual([]);
    expect(new Set(doc.blocks.map((b) => b.id)).size).toBe(doc.blocks.length);
  });

  it.each(CASES)('%s: the full-width variant parses the same', (name) => {
    const want = expected(name);
    const got = structure(parse(fullWidth(source(name)), name));
    expect(got.lines).toEqual(want.lines);
    expect({ ...got, lines: {} }).toEqual(mapStrings({ ...want, lines: {} }, fullWidth));
  });

  it('the committed full-width variants are exactly the sources with ，：（）！； restored', () => {
    const variants = CASES.filter((name) => existsSync(join(DIR, name, 'source.fullwidth.txt')));
    expect(variants.length).toBeGreaterThanOrEqual(4);
    for (const name of variants) {
      const text = source(name, 'source.fullwidth.txt');
      expect(text).toBe(fullWidth(source(name)));
      expect(text).not.toMatch(/[,:()!;]/);
      expect(structure(parse(text, name)).lines).toEqual(expected(name).lines);
    }
  });
});

describe('what the real corpus shows about replies as published', () => {
  const doc = (name: string) => parse(source(name), name);
  const kinds = (d: ReplyDocument, ids: string[]) => ids.map((id) => d.blocks.find((b) => b.id === id)!.kind);

  it('a page heading that repeats the title is furniture; the letter keeps one title', () => {
    const d = doc('xundian-env-2022-partial');
    expect(d.blocks.slice(0, 2).map((b) => `${b.id} ${b.kind}`)).toEqual(['furniture-1 furniture', 'title-1 title']);
  });

  it('a title split over two lines is one title, its spaces inside dropped (答 复)', () => {
    expect(doc('gaoping-health-2023').meta.title.zh).toBe('关于对市七届人大五次会议第71号建议的答复');
    expect(doc('changchun-housing-2025-collective').blocks.filter((b) => b.kind === 'title').map((b) => b.zh)).toEqual(['对市政协第十四届第四次会议', '第2025D048号集体提案的答复']);
  });

  it('closing, signature, date and contact are back matter in any order, never children of the last item', () => {
    expect(kinds(doc('huainan-transport-2023'), doc('huainan-transport-2023').backIds)).toEqual(['closing', 'contact', 'contact', 'date']);
    expect(kinds(doc('xinmi-housing-2022'), doc('xinmi-housing-2022').backIds)).toEqual(['closing', 'date', 'contact', 'contact', 'contact']);
    const neijiang = doc('neijiang-edu-2025');
    expect(neijiang.sections.at(-1)!.blockIds.at(-1)).toBe('s2-i5');
    expect(kinds(neijiang, neijiang.backIds)).toEqual(['closing', 'signature', 'date']);
  });

  it('the site footer\'s 联系方式 is furniture, not the reply\'s contact', () => {
    const d = doc('xifeng-edu-2017');
    expect(d.blocks.filter((b) => b.kind === 'contact').map((b) => b.zh)).toEqual(['(联系人:夏五洲)']);
    expect(d.blocks.find((b) => b.zh.startsWith('主办单位'))!.kind).toBe('furniture');
  });

  it('numbered statements to the reader (一、您这一提案…) are paragraphs, not pages', () => {
    const d = doc('gaoping-health-2023');
    expect(d.sections.map((s) => s.id)).toEqual(['body']);
    expect(d.blocks.filter((b) => b.zh.startsWith('一、') || b.zh.startsWith('二、')).map((b) => b.kind)).toEqual(['paragraph', 'paragraph']);
  });

  it('outcome classes: 类 别:B, 办复类别:B类 and A类 read; 分类标识【D】 is a classification, not an outcome', () => {
    expect(['baoji-env-2019-partial', 'huainan-transport-2023', 'yunnan-gxw-2017', 'changchun-housing-2025-collective'].map((n) => doc(n).meta.outcome ?? null)).toEqual(['B', 'B', 'A', null]);
    expect(doc('changchun-housing-2025-collective').blocks[0]).toMatchObject({ kind: 'metadata', field: 'classification', zh: '分类标识【D】' });
  });
});
