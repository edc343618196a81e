/**
 * Key figures: the counts, sums, growth rates, shares and ranks a reply
 * states, each with its unit, period, Chinese context, English label (taken
 * from the translation's clause with the same value) and source block.
 */
import { isLetterBlock, pageOf, type ReplyDocument } from './model.ts';
import type { AttachedTranslation } from './translations.ts';
import { englishNumbers } from './numbers.ts';

/** One figure the reply states. */
export interface Figure {
  reply: string;
  block: string;
  /** The page of the reply the block is shown on (`index` for the overview). */
  page: string;
  kind: 'count' | 'money' | 'growth' | 'share' | 'rank' | 'capacity' | 'other';
  value: number;
  unit: string;
  period?: string;
  zh: string;
  contextZh: string;
  labelEn?: string;
  /** Other blocks that state the same figure in the same words (the reply repeats some). */
  alsoIn?: string[];
}

const UNIT_EN: Record<string, string> = {
  家: 'enterprises', 个: 'units', 名: 'people', 人: 'people', 项: 'items', 辆: 'vehicles', 张: 'permits', 场: 'events', 次: 'times', 笔: 'loans', 本: 'copies',
  元: 'yuan', 吨: 'tonnes', 只: 'pieces', '%': '%', 个百分点: 'percentage points', 车次: 'vehicle trips', 天: 'days', 毫米: 'mm',
};
const RE_FIGURE = /(?<![\d.])(\d+(?:\.\d+)?)(万亿|亿|万)?(余|多)?(个百分点|车次|毫米|%|家|个|名|人|项|辆|张|场|次|笔|本|元|吨|只|天)/g;
const MULT: Record<string, number> = { 万亿: 1e12, 亿: 1e8, 万: 1e4 };

function kindOf(unit: string, clause: string): Figure['kind'] {
  if (unit === '元') return 'money';
  if (unit === '%' || unit === '个百分点') return /增长|增速|提高|降低|下降|降至/.test(clause) && !/占|比重|比例|率达|率为/.test(clause) ? 'growth' : /占|比重|比例|率/.test(clause) ? 'share' : 'other';
  if (/产能|吨|只/.test(unit + clause) && unit !== '家') return 'capacity';
  if (['家', '个', '名', '人', '项', '辆', '张', '场', '次', '笔', '本', '车次'].includes(unit)) return 'count';
  return 'other';
}

/** Extracts the figures of a reply, once each: a figure repeated in the same words, or restated in other words (see `isRestatement`), is kept at its first statement, with `alsoIn`. */
export function extractFigures(doc: ReplyDocument, attached: AttachedTranslation): Figure[] {
  const unique = new Map<string, Figure>();
  const text = new Map(doc.blocks.map((b) => [b.id, b.zh]));
  for (const f of extractAll(doc, attached)) {
    const key = `${f.kind}\u0000${f.value}\u0000${f.unit}\u0000${f.contextZh.replace(/^(全市|我市|郑州市)/, '')}`;
    const first = unique.get(key) ?? [...unique.values()].find((g) => isRestatement(g, f, text));
    if (!first) unique.set(key, f);
    else if (first.block !== f.block && !first.alsoIn?.includes(f.block)) first.alsoIn = [...(first.alsoIn ?? []), f.block];
  }
  return [...unique.values()];
}

/** Han 4-grams of a text: what two statements of the same figure share (工业投资, 亩均论英). */
function hanGrams(text: string): Set<string> {
  const grams = new Set<string>();
  for (const run of text.match(/\p{Script=Han}{4,}/gu) ?? []) for (let i = 0; i + 4 <= run.length; i++) grams.add(run.slice(i, i + 4));
  return grams;
}

/**
 * True when `f` states the same figure as `g` in other words: same kind, unit, value and period,
 * a value specific enough not to coincide (a decimal, or three significant digits: 20.9%, 9617),
 * and blocks that share a four-character phrase. Round small numbers (3家, 450个) never merge.
 */
export function isRestatement(g: Figure, f: Figure, text: Map<string, string>): boolean {
  if (g.block === f.block || g.kind !== f.kind || g.unit !== f.unit || g.value !== f.value || g.period !== f.period) return false;
  const specific = !Number.isInteger(f.value) || String(f.value).replace(/0+$/, '').length >= 3;
  if (!specific) return false;
  const a = hanGrams(text.get(g.block) ?? '');
  return [...hanGrams(text.get(f.block) ?? '')].some((gram) => a.has(gram));
}

/**
 * The year a block's statement is about: the first 2020年 that is not a comparison base (比2019年),
 * one end of a range (2020-2025年, 2020至2022年) or part of a document title (《2020年…》).
 */
export function statementYear(zh: string): string | undefined {
  for (const m of zh.matchAll(/(\d{4})年/g)) {
    const before = zh.slice(0, m.index);
    if (/[比较\-–—~至到]$/.test(before) || /^\s*[-–—~至到]\s*\d{4}/.test(zh.slice(m.index + m[0].length))) continue;
    if ((before.match(/《/g)?.length ?? 0) > (before.match(/》/g)?.length ?? 0)) continue;
    return m[1];
  }
  return undefined;
}

/** Every figure statement of a reply; the English label comes from the translated clause holding the same value, when there is one. */
function extractAll(doc: ReplyDocument, attached: AttachedTranslation): Figure[] {
  const figures: Figure[] = [];
  const year = doc.meta.year;
  // A figure's period: the year its block's statement is about, else the last such year earlier in the same section.
  const lastYear = new Map<string, string>();
  for (const block of doc.blocks.filter(isLetterBlock)) {
    const en = attached.blocks[block.id]?.status === 'translated' ? attached.blocks[block.id]!.en : undefined;
    const enClauses = en ? en.split(/(?<=[;.])\s+|,\s+(?=(?:and|with|of which|including)\b)/) : [];
    const blockYear = statementYear(block.zh) ?? lastYear.get(block.section);
    if (blockYear) lastYear.set(block.section, blockYear);
    for (const m of block.zh.matchAll(RE_FIGURE)) {
      const [text, digits, mult, , unit] = m as unknown as [string, string, string | undefined, string | undefined, string];
      const value = Number(digits) * (mult ? MULT[mult]! : 1);
      const start = block.zh.lastIndexOf('，', m.index) + 1 || block.zh.lastIndexOf(',', m.index) + 1;
      const clauseStart = Math.max(start, block.zh.lastIndexOf('。', m.index) + 1, block.zh.lastIndexOf('；', m.index) + 1, block.zh.lastIndexOf(';', m.index) + 1);
      const rest = block.zh.slice(m.index + text.length);
      const end = rest.search(/[，,。；;]/);
      const contextZh = block.zh.slice(clauseStart, m.index + text.length + (end === -1 ? rest.length : end));
      const rank = /第$/.test(block.zh.slice(0, m.index)) && unit === '个' ? true : false;
      const labelEn = enClauses.find((c) => englishNumbers(c).figures.some((n) => Number(n.value.toPrecision(10)) === Number(value.toPrecision(10))))?.trim();
      figures.push({
        reply: doc.slug,
        block: block.id,
        page: pageOf(block),
        kind: rank ? 'rank' : kindOf(unit, contextZh),
        value,
        unit: unit === '家' && !/企业|企|公司|工厂|厂商|商/.test(contextZh) ? 'organizations' : UNIT_EN[unit] ?? unit,
        period: blockYear ?? (year ? String(year) : undefined),
        zh: text,
        contextZh,
        labelEn,
      });
    }
    for (const m of block.zh.matchAll(/第(\d+)位/g)) {
      const clauseStart = Math.max(block.zh.lastIndexOf(',', m.index), block.zh.lastIndexOf('，', m.index)) + 1;
      const labelEn = enClauses.find((c) => new RegExp(`\\b${m[1]}(st|nd|rd|th)\\b`).test(c))?.trim();
      figures.push({ reply: doc.slug, block: block.id, page: pageOf(block), kind: 'rank', value: Number(m[1]), unit: 'rank', period: blockYear ?? (year ? String(year) : undefined), zh: m[0], contextZh: block.zh.slice(clauseStart, m.index + m[0].length), labelEn });
    }
  }
  return figures;
}
