// What the words around a figure say about it: qualifier, result or target, period and indicator,
// on sentences of the seed and of real published replies (tests/fixtures/figures/), and the
// invariant that no hedged figure is stored as an exact number.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractFigures, type Figure } from '../../scripts/lib/figures.ts';
import { cleanEn, enIndicator, englishClauseAt, nthEnglishNumber, qualifierOf, statusOf } from '../../scripts/lib/figure-clauses.ts';
import { parseReply } from '../../scripts/lib/parse.ts';
import { attachTranslation } from '../../scripts/lib/translations.ts';
import { fixtureDir } from './helpers.ts';

interface Case {
  name: string;
  year: number;
  heading?: string;
  text: string;
  expect: Partial<Figure>[];
  absent?: string[];
}
const dir = fixtureDir('figures');
const { cases } = JSON.parse(readFileSync(join(dir, 'statements.json'), 'utf8')) as { cases: Case[] };

const figuresOf = (source: string, year: number, slug = 'x') => {
  const doc = parseReply(source, { slug, file: `${slug}.txt`, meta: { year } });
  return extractFigures(doc, attachTranslation(doc, undefined));
};

describe('figure statements (fixtures)', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const figures = figuresOf(c.heading ? `一、${c.heading}\n${c.text}` : c.text, c.year);
    if (c.expect.length === 0) expect(figures.map((f) => f.zh)).toEqual([]);
    for (const e of c.expect) {
      const f = figures.find((x) => x.zh === e.zh);
      expect(f, `${e.zh} among ${figures.map((x) => x.zh).join(', ')}`).toBeDefined();
      for (const [k, v] of Object.entries(e)) expect(f![k as keyof Figure], `${e.zh}: ${k}`).toEqual(v);
    }
    for (const a of c.absent ?? []) expect(figures.some((f) => f.zh.includes(a)), `${a} is no figure`).toBe(false);
  });
});

/** Qualifier words right at a figure's number in its clause, found without the extractor's reading. */
function hedgedInText(f: Figure): boolean {
  const digits = f.zh.match(/\d+(?:\.\d+)?/)?.[0] ?? '';
  const at = f.contextZh.indexOf(digits);
  if (at === -1) return false;
  const before = f.contextZh.slice(Math.max(0, at - 3), at);
  const after = f.contextZh.slice(at + digits.length).replace(/^(?:万亿|亿|万)/, '');
  return /(?:近|约|超|超过|不低于|不少于|至少|不超过|逾)$/.test(before) && !/(?:最近|附近)$/.test(before) || /^(?:余|多)/.test(after) || /^[^\d，,。；;、]{0,4}?(?:以上|左右|以内|以下)/.test(after.replace(/^(?:个百分点|[^\p{Script=Han}]|\p{Script=Han})/u, (m) => m).slice(0, 6)) && /^(?:个百分点|车次|人次|平方米|公里|[%家个名人项辆张场次笔本元吨只天亩套所条户座台件间倍])(?:以上|左右|以内|以下)/u.test(after);
}

describe('every figure of the real replies and the seed', () => {
  const real = readdirSync(join(dir, 'real')).filter((n) => n.endsWith('.txt'));
  const replies = real.map((n) => {
    const year = Number(n.match(/(\d{4})/)?.[1]);
    return { name: n, figures: figuresOf(readFileSync(join(dir, 'real', n), 'utf8'), year, n.replace(/\.txt$/, '')) };
  });
  const seed = figuresOf(readFileSync(join(dir, '..', '..', '..', 'content', 'replies', 'zhengzhou-2021-20210574', 'source.txt'), 'utf8'), 2021, 'seed');
  const all = [...replies.flatMap((r) => r.figures), ...seed];

  it('finds figures in the real replies that state them', () => {
    expect(replies.filter((r) => r.figures.length > 0).length).toBeGreaterThanOrEqual(5);
  });

  it('gives every figure a qualifier, a status, a period and a Chinese indicator without the number', () => {
    for (const f of all) {
      expect(['none', 'more-than', 'nearly', 'at-least', 'about', 'at-most'], `${f.reply} ${f.zh}`).toContain(f.qualifier);
      expect(['result', 'target'], `${f.reply} ${f.zh}`).toContain(f.status);
      expect(f.period, `${f.reply} ${f.zh}`).toMatch(/^\d{4}(-\d{4})?$/);
      expect(f.indicatorZh.length, `${f.reply} ${f.zh}`).toBeGreaterThan(0);
      expect(f.indicatorZh.includes(f.zh), `${f.reply} ${f.zh}: indicator ${f.indicatorZh}`).toBe(false);
    }
  });

  it('stores no exact number where the text hedges it (余, 多, 近, 约, 超, 不低于, 以上, 左右 …)', () => {
    const hedged = all.filter(hedgedInText);
    expect(hedged.length).toBeGreaterThanOrEqual(10);
    for (const f of hedged) expect(f.qualifier, `${f.reply} ${f.zh} in ${f.contextZh}`).not.toBe('none');
    for (const f of all.filter((x) => x.qualifier !== 'none')) expect(f.qualifierZh, f.zh).toBeTruthy();
  });

  it('takes no figure from salutations, dates, contact lines or document numbers', () => {
    const doc = parseReply('李红等8名代表:\n您提出的第182号建议收悉。全市建成公园12个。\n2023年5月5日\n联系电话:13855402597', { slug: 'y', file: 'y.txt', meta: { year: 2023 } });
    const figures = extractFigures(doc, attachTranslation(doc, undefined));
    expect(figures.map((f) => f.zh)).toEqual(['12个']);
  });
});

describe('qualifierOf', () => {
  it.each([
    ['近', undefined, '', 'nearly'],
    ['压减', undefined, '', 'none'],
    ['最近', undefined, '', 'none'],
    ['不超过', undefined, '', 'at-most'],
    ['超过', undefined, '', 'more-than'],
    ['', '余', '', 'more-than'],
    ['', undefined, '左右工业企业', 'about'],
    ['', undefined, '以内', 'at-most'],
    ['', undefined, '上下游配套企业', 'none'],
  ] as const)('%s|%s|%s → %s', (before, inner, after, q) => {
    expect(qualifierOf(before, inner, after).qualifier).toBe(q);
  });
});

describe('statusOf', () => {
  const base = { clause: '', sentence: '', blockStart: '', headings: [] as string[], replyYear: 2021 };
  it('reads target cues in the clause, the sentence, the paragraph opening and the headings', () => {
    expect(statusOf({ ...base, clause: '力争新增企业30家' })).toBe('target');
    expect(statusOf({ ...base, clause: '新增企业30家', sentence: '下半年,计划新增企业30家' })).toBe('target');
    expect(statusOf({ ...base, clause: '累计投入6亿元', sentence: '积极争取项目资金,累计投入6亿元' })).toBe('result');
    expect(statusOf({ ...base, clause: '新增企业30家', sentence: '我局将新增企业30家' })).toBe('target');
    expect(statusOf({ ...base, clause: '新增企业30家', blockStart: '下一步,我们' })).toBe('target');
    expect(statusOf({ ...base, clause: '新增企业30家', headings: ['下步工作计划'] })).toBe('target');
    expect(statusOf({ ...base, clause: '目前已建成基站30个', headings: ['下步工作计划'] })).toBe('result');
    expect(statusOf({ ...base, clause: '新增企业30家', period: '2023' })).toBe('target');
    expect(statusOf({ ...base, clause: '超额完成年度目标' })).toBe('result');
    expect(statusOf({ ...base, clause: '出台《三年行动计划》,新增企业30家' })).toBe('result');
    expect(statusOf({ ...base, clause: '开展模拟演练3次' })).toBe('result');
  });
});

describe('the English side', () => {
  const en = 'The city built 4 provincial-level and 5 municipal-level manufacturing innovation centers; the city added 11 provincial-level quality benchmarks and 5 technological innovation demonstration enterprises.';
  it('pairs the k-th statement of a value in the Chinese with the k-th in the English', () => {
    const second = nthEnglishNumber(en, 5, 1)!;
    expect(englishClauseAt(en, second.index).text).toMatch(/technological innovation demonstration enterprises/);
    expect(englishClauseAt(en, nthEnglishNumber(en, 5, 0)!.index).text).toMatch(/innovation centers/);
    expect(nthEnglishNumber(en, 5, 2)).toBeUndefined();
  });

  it.each([
    ['cloud-based enterprises numbered 33,000, or 38% of the province\'s total', '33,000', 'count', 'enterprises', 'cloud-based enterprises'],
    ['cloud-based enterprises numbered 33,000, or 38% of the province\'s total', '38', 'share', '%', "cloud-based enterprises as a share of the province's total"],
    ['The value added of the city\'s SMEs grew by 3.3%', '3.3', 'growth', '%', 'value added of SMEs growth'],
    ['Second, industrial investment grew rapidly, at a rate of 20.9%', '20.9', 'growth', '%', 'industrial investment growth'],
    ['with a total contract value of 192.8 billion yuan, exceeding the annual target', '192.8 billion', 'money', 'yuan', 'total contract value'],
    ['Tax and fee cuts totaled 10.3 billion yuan', '10.3 billion', 'money', 'yuan', 'tax and fee cuts'],
    ['and the daily production capacity of protective masks rose to 30 million', '30 million', 'capacity', 'pieces', 'daily production capacity of protective masks'],
    ['Fully mechanized mining was achieved at 33 coal mines, fully mechanized roadway excavation at 35', '35', 'count', 'organizations', 'fully mechanized roadway excavation'],
    ['The city set up 5 area-based task forces to ensure the supply of epidemic prevention materials', '5', 'count', 'units', 'area-based task forces'],
  ])('%s: %s → %s', (clause, number, kind, unit, expected) => {
    const index = clause.indexOf(number);
    expect(enIndicator({ clause, index, numberText: number, kind, unit, sentenceBefore: '' })).toBe(expected);
  });

  it('gives a bare noun the verb that closes its sentence ("265 projects, including …, started construction")', () => {
    expect(enIndicator({ clause: '265 projects', index: 0, numberText: '265', kind: 'count', unit: 'units', sentenceBefore: '', clauseRest: ', including the Haier water heater project, started construction' })).toBe('projects started construction');
    expect(enIndicator({ clause: 'and 276 projects', index: 4, numberText: '276', kind: 'count', unit: 'units', sentenceBefore: '', clauseRest: ', including the wafer project (Phase 2), were completed' })).toBe('projects completed');
    expect(enIndicator({ clause: '16,000 industrial enterprises', index: 0, numberText: '16,000', kind: 'count', unit: 'enterprises', sentenceBefore: '', clauseRest: ', 2,367 above designated size' })).toBe('industrial enterprises');
  });

  it('cleans a phrase of openers and trailing prepositions', () => {
    expect(cleanEn('Second, the number of 5G base stations in')).toBe('5G base stations');
  });
});
