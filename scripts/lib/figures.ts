/**
 * Key figures: the counts, sums, growth rates, shares and ranks a reply
 * states, each with what the text says about it: its qualifier (余, 近, 不低于 …),
 * whether it is a result or a target, its period, a short indicator name in
 * Chinese and English, the clause of the translation that states it, and its
 * source block. The words are read by figure-clauses.ts.
 */
import { z } from 'zod';
import { pageOf, isLetterBlock, type Block, type ReplyDocument } from './model.ts';
import type { AttachedTranslation } from './translations.ts';
import { AFTER_UNIT, enIndicator, englishClauseAt, englishNumbersAt, nthEnglishNumber, qualifierOf, statusOf, zhIndicator, type FigureStatus, type Qualifier } from './figure-clauses.ts';

export type { FigureStatus, Qualifier } from './figure-clauses.ts';

/** One figure the reply states. */
export interface Figure {
  reply: string;
  block: string;
  /** The page of the reply the block is shown on (`index` for the overview). */
  page: string;
  kind: 'count' | 'money' | 'growth' | 'share' | 'rank' | 'capacity' | 'other';
  /** The number as stated, in base units (yuan, not 亿元); read it with `qualifier`. */
  value: number;
  unit: string;
  /** How the text hedges the number: 1100余个 is `more-than` 1100, 近400万吨 `nearly` 4,000,000, 不低于150家 `at-least` 150. */
  qualifier: Qualifier;
  /** The Chinese words that state the qualifier, as written (余, 近, 不低于, 以上 …). */
  qualifierZh?: string;
  /** `result` for what was done, `target` for what is planned (力争, 将, 预计, a plan section …). */
  status: FigureStatus;
  /** The year or years the statement is about (2020, 2021-2022). */
  period?: string;
  /** Where the period comes from: the block's own words, an earlier or later statement in its section, or the reply's year. */
  periodFrom?: 'text' | 'section' | 'reply';
  /** What is counted, in Chinese, from the clause (规模以上工业增加值增速). */
  indicatorZh: string;
  /** What is counted, in English, from the translated clause that states the same number (absent while the block is untranslated). */
  indicatorEn?: string;
  /** The figure as written (1100余个). */
  zh: string;
  /** The Chinese clause that holds the figure. */
  contextZh: string;
  /** The clause of the English translation that states the same number. */
  labelEn?: string;
  /** Other blocks that state the same figure (the reply repeats some). */
  alsoIn?: string[];
  /** Which sentence of its block states it (from 0): counts stated in one sentence are listed together and may share a chart. */
  sentence?: number;
}

/** The schema of one figure as written to src/generated/figures/<slug>.json and read by the pages: a figure without qualifier, status or indicator is a bug, not data. */
export const figureSchema = z.strictObject({
  reply: z.string().min(1),
  block: z.string().min(1),
  page: z.string().min(1),
  kind: z.enum(['count', 'money', 'growth', 'share', 'rank', 'capacity', 'other']),
  value: z.number().finite(),
  unit: z.string().min(1),
  qualifier: z.enum(['none', 'more-than', 'nearly', 'at-least', 'about', 'at-most']),
  qualifierZh: z.string().min(1).optional(),
  status: z.enum(['result', 'target']),
  period: z.string().regex(/^\d{4}(?:-\d{4})?$/).optional(),
  periodFrom: z.enum(['text', 'section', 'reply']).optional(),
  indicatorZh: z.string().min(1),
  indicatorEn: z.string().min(1).optional(),
  zh: z.string().min(1),
  contextZh: z.string().min(1),
  labelEn: z.string().min(1).optional(),
  alsoIn: z.array(z.string()).optional(),
  sentence: z.number().int().nonnegative().optional(),
}).refine((f) => (f.qualifier === 'none') === (f.qualifierZh === undefined), { message: 'a qualifier needs the Chinese words that state it, and only a qualifier has them' });

const UNIT_EN: Record<string, string> = {
  家: 'enterprises', 个: 'units', 名: 'people', 人: 'people', 人次: 'person-times', 项: 'items', 辆: 'vehicles', 张: 'permits', 场: 'events', 次: 'times', 笔: 'loans', 本: 'copies',
  元: 'yuan', 吨: 'tonnes', 只: 'pieces', '%': '%', 个百分点: 'percentage points', 车次: 'vehicle trips', 天: 'days', 毫米: 'mm', 公里: 'km', 千米: 'km', 平方米: 'm²', 米: 'm',
  亩: 'mu', 公顷: 'hectares', 套: 'units (housing)', 所: 'institutions', 条: 'lines', 户: 'households', 座: 'structures', 台: 'machines', 件: 'cases', 间: 'rooms', 倍: 'times over',
};
// Longest units first: 个百分点 before 个, 平方米 and 毫米 before 米, 人次 before 人.
// Lengths in 米/毫米 are left out: they describe things (300毫米单晶硅片, 宽度5米以上公路) rather than count them.
const UNIT_RE = '个百分点|车次|人次|平方米|公里|千米|公顷|%|家|个|名|人|项|辆|张|场|次|笔|本|元|吨|只|天|亩|套|所|条|户|座|台|件|间|倍';
const RE_FIGURE = new RegExp(`(?<![\\d.,])(\\d+(?:,\\d{3})*(?:\\.\\d+)?)(万亿|亿|万)?(余|多)?(${UNIT_RE})`, 'g');
const RE_RANK = /第(\d+)(?:位|名)/g;
const MULT: Record<string, number> = { 万亿: 1e12, 亿: 1e8, 万: 1e4 };
/** Blocks whose numbers are no figures: addresses, dates, signatures, contact lines, and the page around the letter. */
const NO_FIGURES = new Set(['title', 'salutation', 'signature', 'date', 'contact']);

function kindOf(unit: string, clause: string): Figure['kind'] {
  if (unit === '元') return 'money';
  if (unit === '%' || unit === '个百分点') return /增长|增速|增幅|提高|降低|下降|降至|回落/.test(clause) && !/占|比重|比例|率达|率为/.test(clause) ? 'growth' : /占|比重|比例|率/.test(clause) ? 'share' : 'other';
  if (/产能|吨|只/.test(unit + clause) && unit !== '家') return 'capacity';
  if (['家', '个', '名', '人', '人次', '项', '辆', '张', '场', '次', '笔', '本', '车次', '套', '所', '户', '座', '台', '件', '间'].includes(unit)) return 'count';
  return 'other';
}

/** Extracts the figures of a reply, once each: a figure stated again (same indicator, value, qualifier, status and period, or see `isRestatement`) is kept at its first statement, with `alsoIn`. */
export function extractFigures(doc: ReplyDocument, attached: AttachedTranslation): Figure[] {
  const unique = new Map<string, Figure>();
  const text = new Map(doc.blocks.map((b) => [b.id, b.zh]));
  for (const f of extractAll(doc, attached)) {
    const key = [f.kind, f.value, f.unit, f.qualifier, f.status, f.period, normalizeIndicator(f.indicatorZh)].join('\u0000');
    const context = [f.kind, f.value, f.unit, f.contextZh.replace(/^(全市|我市|郑州市)/, '')].join('\u0000');
    const first = unique.get(key) ?? unique.get(context) ?? [...unique.values()].find((g) => isRestatement(g, f, text));
    if (!first) {
      unique.set(key, f);
      unique.set(context, f);
    } else if (first.block !== f.block && !first.alsoIn?.includes(f.block)) first.alsoIn = [...(first.alsoIn ?? []), f.block];
  }
  return [...new Set(unique.values())];
}

/** An indicator without the words that differ between statements of the same thing (全市, quotes, 达到). */
function normalizeIndicator(zh: string): string {
  return zh.replace(/[“”"‘’「」\s]/g, '').replace(/^(?:全市|我市|全省|我省|全县|我县)/, '');
}

/** Han 4-grams of a text: what two statements of the same figure share (工业投资, 亩均论英). */
function hanGrams(text: string): Set<string> {
  const grams = new Set<string>();
  for (const run of text.match(/\p{Script=Han}{4,}/gu) ?? []) for (let i = 0; i + 4 <= run.length; i++) grams.add(run.slice(i, i + 4));
  return grams;
}

/**
 * True when `f` states the same figure as `g` in other words: same kind, unit, value, qualifier, status and period,
 * a value specific enough not to coincide (a decimal, or three significant digits: 20.9%, 9617),
 * and blocks that share a four-character phrase. Round small numbers (3家, 450个) never merge this way.
 */
export function isRestatement(g: Figure, f: Figure, text: Map<string, string>): boolean {
  if (g.block === f.block || g.kind !== f.kind || g.unit !== f.unit || g.value !== f.value || g.period !== f.period || g.qualifier !== f.qualifier || g.status !== f.status) return false;
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
    if (/[比较]$/.test(before) || /\d{4}年?\s*[-–—~至到]$/.test(before) || /^\s*[-–—~至到]\s*\d{4}/.test(zh.slice(m.index + m[0].length))) continue;
    if (insideBrackets(before)) continue;
    return m[1];
  }
  return undefined;
}

/** True when a position (the text before it) is inside 《…》 or (…): a title or a plan period, not the statement's time. */
function insideBrackets(before: string): boolean {
  const open = (s: string) => (before.match(new RegExp(s, 'g'))?.length ?? 0);
  return open('《') > open('》') || open('[(（]') > open('[)）]');
}

/** Start years of the five-year plans from the 11th (十一五, 2006–2010) on. */
const PLAN_START: Record<string, number> = { 一: 2006, 二: 2011, 三: 2016, 四: 2021, 五: 2026, 六: 2031 };

/**
 * The period a block's statement is about: a year (statementYear), a range of years the statement covers
 * (2021-2022年完成…, 2018至2020年累计…), or a five-year plan period (“十三五”时期 → 2016-2020); ranges inside
 * brackets or titles are plan periods of documents, not of the statement. The first in the text wins.
 */
export function statementPeriod(zh: string, replyYear?: number): string | undefined {
  const found: { at: number; period: string }[] = [];
  // 2012年来, 2018年以来: from that year to the reply's.
  const since = /(\d{4})年(?:以)?来/.exec(zh);
  if (since && replyYear && Number(since[1]) < replyYear && !insideBrackets(zh.slice(0, since.index))) found.push({ at: since.index, period: `${since[1]}-${replyYear}` });
  for (const m of zh.matchAll(/(\d{4})年?\s*[-–—~至到]\s*(\d{4})年/g)) {
    if (insideBrackets(zh.slice(0, m.index)) || /[比较]$/.test(zh.slice(0, m.index))) continue;
    found.push({ at: m.index, period: `${m[1]}-${m[2]}` });
    break;
  }
  for (const m of zh.matchAll(/“?十([一二三四五六])五”?(?:时期|期间)/g)) {
    if (insideBrackets(zh.slice(0, m.index))) continue;
    const start = PLAN_START[m[1]!]!;
    found.push({ at: m.index, period: `${start}-${start + 4}` });
    break;
  }
  const year = statementYear(zh);
  if (year && !found.some((f) => f.period.startsWith(`${year}-`))) found.push({ at: zh.search(new RegExp(`(?<![比较])${year}年(?!\\s*[-–—~至到]\\s*\\d{4})`)), period: year });
  return found.sort((a, b) => a.at - b.at)[0]?.period;
}

/** A figure match in a block's Chinese, before its words are read. */
interface RawFigure {
  index: number;
  end: number;
  text: string;
  value: number;
  unit: string;
  inner?: string;
  rank: boolean;
}

function rawFigures(zh: string): RawFigure[] {
  const out: RawFigure[] = [];
  for (const m of zh.matchAll(RE_FIGURE)) {
    const [text, digits, mult, inner, unit] = m as unknown as [string, string, string | undefined, string | undefined, string];
    if (zh[m.index - 1] === '第') continue; // 第7位 is a rank; 第1名 too
    const value = Number(digits.replace(/,/g, '')) * (mult ? MULT[mult]! : 1);
    out.push({ index: m.index, end: m.index + text.length, text, value: Number(value.toPrecision(12)), unit, inner, rank: false });
  }
  for (const m of zh.matchAll(RE_RANK)) out.push({ index: m.index, end: m.index + m[0].length, text: m[0], value: Number(m[1]), unit: 'rank', rank: true });
  return out.sort((a, b) => a.index - b.index);
}

/** Boundaries of the clause around a position: commas, semicolons, colons and sentence ends (ASCII and full-width). */
function clauseBounds(zh: string, index: number, end: number): [number, number] {
  let start = 0;
  for (const m of zh.slice(0, index).matchAll(/[，,。；;：:！？!?]/g)) start = m.index + 1;
  const rest = zh.slice(end).search(/[，,。；;：:！？!?]/);
  return [start, rest === -1 ? zh.length : end + rest];
}

/** The headings above a block (its section's and subsection's), from the block ids' numbering. */
function headingsAbove(doc: ReplyDocument, block: Block): string[] {
  return doc.blocks.filter((b) => (b.kind === 'heading' || b.kind === 'subheading') && b.id !== block.id && block.id.startsWith(`${b.id}-`)).map((b) => b.title ?? b.zh);
}

/** Every figure statement of a reply, in text order; the English comes from the translated clause that states the same number. */
function extractAll(doc: ReplyDocument, attached: AttachedTranslation): Figure[] {
  const figures: Figure[] = [];
  const replyYear = doc.meta.year;
  // A figure's period: its block's own, else the last one earlier in the section, else the first one later in it, else the reply's year.
  const sectionPeriods = new Map<string, string[]>();
  for (const block of doc.blocks) {
    const p = statementPeriod(block.zh, replyYear);
    if (p) sectionPeriods.set(block.section, [...(sectionPeriods.get(block.section) ?? []), p]);
  }
  const lastPeriod = new Map<string, string>();
  for (const block of doc.blocks) {
    if (!isLetterBlock(block) || NO_FIGURES.has(block.kind)) continue;
    const own = statementPeriod(block.zh, replyYear);
    if (own) lastPeriod.set(block.section, own);
    const inherited = own ? undefined : lastPeriod.get(block.section) ?? sectionPeriods.get(block.section)?.[0];
    const period = own ?? inherited ?? (replyYear ? String(replyYear) : undefined);
    const periodFrom: Figure['periodFrom'] = own ? 'text' : inherited ? 'section' : 'reply';
    const t = attached.blocks[block.id];
    const en = t?.status === 'translated' ? t.en : undefined;
    const headings = headingsAbove(doc, block);
    const raws = rawFigures(block.zh);
    const seen = new Map<number, number>();
    let previousBase: string | undefined;
    let previousMeasure: string | undefined;
    let previousEn: string | undefined;
    let previousEnMeasure: string | undefined;
    let previousEnd = 0;
    for (const [i, raw] of raws.entries()) {
      const zh = block.zh;
      const [clauseStart, clauseEnd] = clauseBounds(zh, raw.index, raw.end);
      const { qualifier, words } = qualifierOf(zh.slice(clauseStart, raw.index), raw.inner, zh.slice(raw.end, clauseEnd));
      const suffix = words.filter((w) => AFTER_UNIT.includes(w)).join('');
      const prefix = words.find((w) => !AFTER_UNIT.includes(w) && w !== '余' && w !== '多') ?? '';
      const contextZh = zh.slice(clauseStart, clauseEnd);
      const unit = raw.rank ? 'rank' : raw.unit === '家' && !/企业|企|公司|工厂|厂商|商|单位|机构|银行/.test(contextZh) ? 'organizations' : UNIT_EN[raw.unit] ?? raw.unit;
      const kind: Figure['kind'] = raw.rank || (raw.unit === '个' && zh[raw.index - 1] === '第') ? 'rank' : kindOf(raw.unit, contextZh);
      const segStart = Math.max(clauseStart, previousEnd);
      const next = raws[i + 1];
      const afterEnd = next && next.index < clauseEnd ? next.index : clauseEnd;
      const sentenceStart = Math.max(0, ...[...zh.slice(0, raw.index).matchAll(/[。！？!?]/g)].map((m) => m.index + 1));
      const prevClauseStart = Math.max(sentenceStart, ...[...zh.slice(0, Math.max(0, clauseStart - 1)).matchAll(/[，,；;：:]/g)].map((m) => m.index + 1));
      const previousClause = clauseStart > sentenceStart ? zh.slice(prevClauseStart, clauseStart - 1) : '';
      const indicator = zhIndicator({
        before: zh.slice(segStart, raw.index - prefix.length),
        after: zh.slice(raw.end + suffix.length, afterEnd),
        afterNext: next && next.index < clauseEnd ? zh.slice(next.end, clauseEnd) : undefined,
        clauseBefore: zh.slice(clauseStart, raw.index),
        previousClause,
        kind,
        unit,
        previousBase,
        previousMeasure,
      });
      previousBase = indicator.base;
      if (kind === 'growth' || kind === 'share' || kind === 'money') previousMeasure = indicator.name;
      previousEnd = raw.end + suffix.length;
      const sentenceEnd = zh.slice(raw.end).search(/[。！？!?]/);
      const sentence = zh.slice(sentenceStart, sentenceEnd === -1 ? zh.length : raw.end + sentenceEnd);
      const status = statusOf({ clause: contextZh, sentence, blockStart: zh.slice(0, 12), headings, period, replyYear });
      // The English: occurrence k of this value in the Chinese block pairs with occurrence k in the English.
      const k = seen.get(raw.value) ?? 0;
      seen.set(raw.value, k + 1);
      let labelEn: string | undefined;
      let indicatorEn: string | undefined;
      const hit = en ? nthEnglishNumber(en, raw.value, k) : undefined;
      if (en && hit) {
        const clause = englishClauseAt(en, hit.index);
        labelEn = clause.text;
        const sentenceBefore = en.slice(0, clause.start).split(/[.;](?=\s)/).pop() ?? '';
        const local = hit.index - clause.start;
        const nextNumber = englishNumbersAt(clause.text).find((n) => n.index > local);
        const nextPhrase = nextNumber ? enIndicator({ clause: clause.text, index: nextNumber.index, numberText: nextNumber.text, kind, unit, sentenceBefore }) : undefined;
        const restStart = clause.start + clause.text.length;
        const restEnd = en.slice(restStart).search(/[;.](?=\s|$)/);
        const clauseRest = en.slice(restStart, restEnd === -1 ? en.length : restStart + restEnd);
        indicatorEn = enIndicator({ clause: clause.text, index: local, numberText: hit.text, kind, unit, sentenceBefore, previous: kind === 'rank' ? previousEnMeasure : previousEn, nextPhrase, clauseRest });
        previousEn = indicatorEn ?? previousEn;
        if (kind === 'growth' || kind === 'share' || kind === 'money') previousEnMeasure = indicatorEn ?? previousEnMeasure;
      }
      figures.push({
        reply: doc.slug,
        block: block.id,
        page: pageOf(block),
        kind,
        value: raw.value,
        unit,
        qualifier,
        ...(words.length ? { qualifierZh: words.join('…') } : {}),
        status,
        period,
        periodFrom,
        indicatorZh: indicator.name,
        ...(indicatorEn ? { indicatorEn } : {}),
        zh: `${prefix}${raw.text}${suffix}`,
        contextZh,
        ...(labelEn ? { labelEn } : {}),
        sentence: zh.slice(0, raw.index).match(/[。！？!?]/g)?.length ?? 0,
      });
    }
  }
  return figures;
}
