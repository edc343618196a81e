/**
 * What the words around a figure say about it: the qualifier the text puts on
 * the number (余, 近, 不低于, 左右 …), whether it is a result or a target (力争,
 * 将, 预计, 下步工作计划 …), and a short name of what is counted, in Chinese from
 * the clause that holds the number and in English from the clause of the
 * translation that holds the same number. Pure string functions, used by
 * figures.ts and tested on the seed and on real replies.
 */

/** How the text hedges a number: `none` when it states it exactly. */
export type Qualifier = 'none' | 'more-than' | 'nearly' | 'at-least' | 'about' | 'at-most';

/** Whether a figure reports what was done or states what is planned. */
export type FigureStatus = 'result' | 'target';

/** The qualifier words, longest first so that 不超过 is not read as 超过. Prefixes stand before the digits, suffixes after the number (余/多 before the unit, 以上/左右 after it). */
const PREFIXES: [string, Qualifier][] = [
  ['不超过', 'at-most'], ['不高于', 'at-most'], ['不多于', 'at-most'], ['不低于', 'at-least'], ['不少于', 'at-least'], ['不小于', 'at-least'],
  ['将近', 'nearly'], ['接近', 'nearly'], ['大约', 'about'], ['至少', 'at-least'], ['超过', 'more-than'], ['多于', 'more-than'], ['高于', 'more-than'],
  ['低于', 'at-most'], ['少于', 'at-most'], ['近', 'nearly'], ['约', 'about'], ['超', 'more-than'], ['逾', 'more-than'],
];
const SUFFIXES: [string, Qualifier][] = [['以上', 'more-than'], ['左右', 'about'], ['以内', 'at-most'], ['以下', 'at-most'], ['余', 'more-than'], ['多', 'more-than']];
/** The suffix qualifiers that follow the unit (400家左右), as opposed to 余/多 between number and unit. */
export const AFTER_UNIT = ['以上', '左右', '以内', '以下'];

/** The qualifier of a figure and the words that state it, from the text just before the digits, the marker between number and unit (余/多) and the text just after the unit. */
export function qualifierOf(before: string, inner: string | undefined, after: string): { qualifier: Qualifier; words: string[] } {
  const words: string[] = [];
  let qualifier: Qualifier = 'none';
  const pre = PREFIXES.find(([w]) => before.endsWith(w));
  // 近 and 约 are prefixes only right before the digits; 最近, 将近 … are whole words handled above.
  if (pre && !(pre[0] === '近' && /[最接将附邻]$/.test(before.slice(0, -1)))) {
    qualifier = pre[1];
    words.push(pre[0]);
  }
  if (inner) {
    qualifier = 'more-than';
    words.push(inner);
  }
  const suf = SUFFIXES.find(([w]) => after.startsWith(w) && w !== '余' && w !== '多');
  if (suf) {
    qualifier = suf[1];
    words.push(suf[0]);
  }
  return { qualifier, words };
}

/** Target cues in a clause or sentence: plans, intentions, deadlines ahead. 计划 counts only as a verb (not 行动计划), 目标 only as a goal being set (not 完成目标). */
const TARGET_CUE =
  /要求[^，,。；;]{0,12}达到|力争|争取(?:到|在|于|实现|达到|新增|完成|年底)|力求|预计|(?<!模)拟(?:在|于|将|对|新增|建设|实施)|确保|努力[实将使]|下一步|下步|下阶段|今后|明年|年底前|年内|下半年|到20\d\d年|至20\d\d年底|到“?十[四五六]五”?末|计划(?:于|在|到|今年|明年|新增|完成|实施|投资|建设|开工|培育)|目标(?:是|为|到|达到)|为目标|(?:我们|我局|我委|我厅|我办|我市|我县|我区|本局|还|也|并|仍|都|继续)将|将(?:继续|进一步|持续|加快|全力|大力|积极|着力|重点|不断|逐步|力争|努力|按照|围绕|新增|完成|实现|推动|推进|加强|开展|建成|培育)/;
/** Result cues: something already done or a state now. They win over a section that plans, not over a target cue in the same clause. */
const RESULT_CUE = /已经|已[经有建完达实累]|截至|截止|目前|当前|上年|去年|累计完成|超额完成|完成了|实现了/;
/** Headings of sections that state plans: 下步工作计划, 下一步打算, 今后工作思路, 2021年工作目标 … */
export const PLAN_HEADING = /计划|打算|下一步|下步|今后|思路|目标|安排|展望|举措$/;

/** Whether a figure is a result or a target: the clause's own cues first, then the sentence's, then a plan heading above it, then the year (a year after the reply's is a target). */
export function statusOf(input: { clause: string; sentence: string; blockStart: string; headings: string[]; period?: string; replyYear?: number }): FigureStatus {
  const { clause, sentence, blockStart, headings } = input;
  if (TARGET_CUE.test(clause.replace(/超额完成[^，,。；;]*目标/, ''))) return 'target';
  if (RESULT_CUE.test(clause)) return 'result';
  if (TARGET_CUE.test(sentence.replace(/超额完成[^，,。；;]*目标/, ''))) return 'target';
  // A paragraph that opens with 下一步/今后 … plans throughout.
  if (/^(?:[一二三四五六七八九十]+是)?(?:下一步|下步|下阶段|今后|下半年|明年)/.test(blockStart)) return 'target';
  if (headings.some((h) => PLAN_HEADING.test(h))) return 'target';
  const year = input.period ? Number(input.period.slice(-4)) : NaN;
  if (input.replyYear && Number.isFinite(year) && year > input.replyYear) return 'target';
  return 'result';
}

// ---------------------------------------------------------------------------
// Chinese indicator: what is counted, from the words around the number.

/** Words that open a clause without naming what is counted: enumerators, time, subject, verbs of doing. Stripped from the front, repeatedly. */
const ZH_LEAD =
  /^(?:[一二三四五六七八九十]+是|其中|同时|此外|另外|我局|我委|我厅|我办|我们|本局|还将|将|继续|并|且|共计|合计|总计|总共|共|均|累计|时间|先后|分别|已经|已|还|也|\d{4}(?:[-至到]\d{4})?年(?:\d{1,2}月)?(?:以来|底|末)?|全年|当年|年底前|年内|下半年|上半年|目前|截至目前|截至\S{0,8}?底|全市|全省|全县|全区|全国|我市|我省|我县|我区|本市|郑州市|市级层面|在|对|为|向|由|通过|利用|帮助|组织|推动|推进|新增|新建|建成|建设|培育|完成|实现|落实|发布|举办|签约|引进了?|办理|开展|解决|拨付|评选出|压减|推广|协调|推荐|成立|实施|修建|纳入|认定|创建|获批|获评|入选|支持|安排|投入|争取|下达|兑现|发放|减免|减少|增加|打造|提质改造|改造|新改建|改建|扩建|培训|招聘|为了|力争|确保|预计|计划|努力|积极|着力|持续|进一步|大力|加快|，|,|、|和|及|与|以及)+/;
/** Words that close the stretch before a number without naming anything: verbs of reaching and changing. Stripped from the end. */
const ZH_TAIL = /(?:和|及|与|、|达到了?|达|为|是|有|增至|增加到|增长到|降至|降低到|下降到|提升至|提高至|提高到|提升到|突破|超过|实现|完成|共计|合计|总计|累计|共|约|近|均|分别|仅|已|排名|排名第|位居|居|位列|增长|增速达到|增速为|增速|提高|提升|降低|下降|减少|增加|同比|比上年|较上年)+$/;
/** Measures that need a subject to mean anything: 增速 of what, 比重 of what. */
const BARE_MEASURE = /^(?:增速|增幅|增长|比重|占比|比例|份额|总额|总量|总计|规模|金额|总投资|投资|投资额|营业收入|收入|产值|增加值)$/;
const LEVEL = /^(?:国家级|省级|市级|县级|区级|乡镇级|村级|国家|省|市|县)$/;

/** Removes the words around a number that do not name what is counted (see ZH_LEAD, ZH_TAIL). */
export function cleanZh(text: string): string {
  let t = text.trim();
  for (let i = 0; i < 4; i++) {
    const before = t;
    t = t.replace(ZH_LEAD, '').replace(ZH_TAIL, '').replace(/^[，,、；;：:\s]+|[，,、；;：:\s]+$/g, '');
    // A comparison base is no name: 比2019年, 较上年, 同比.
    t = t.replace(/^(?:比|较)(?:\d{4}年|上年|去年|同期)(?:同期)?/, '').replace(/(?:比|较)(?:\d{4}年|上年|去年|同期)(?:同期)?$/, '');
    if (t === before) break;
  }
  return t;
}

/** Context the Chinese indicator of one figure is made from. */
export interface ZhIndicatorInput {
  /** Text from the start of the figure's stretch (the clause start, or the end of the previous figure in the clause) to the figure. */
  before: string;
  /** Text after the figure to the next figure or the end of the clause. */
  after: string;
  /** Text after the next figure in the clause to the clause end (for 96个总投资1007亿元重大项目). */
  afterNext?: string;
  /** The clause from its start to the figure (for ranks: 在35个大中城市排名第7位). */
  clauseBefore?: string;
  /** The clause before this one in the same sentence (for 增速达到20.9% after 工业投资快速增长). */
  previousClause: string;
  kind: string;
  unit: string;
  /** The indicator of the figure before this one in the block, without its suffix (技改投资 for 技改投资增速). */
  previousBase?: string;
  /** The base of the last growth, share or money figure before this one in the block: what a rank ranks. */
  previousMeasure?: string;
}

/** Verbs that end the noun after a number: 25个特色产业集群开展集中整治 counts 特色产业集群. */
const ZH_AFTER_VERB = /(?:开展|进行|纳入|帮助|协调|参加|参与|获得|实现|完成|达到)/;

/** The noun right after a number (N家X…), up to a verb that starts a predicate. */
function nounAfter(after: string): string {
  if (/^(?:和|及|与|以及|、)/.test(after)) return '';
  const first = after.split(/[，,。；;、：:]/)[0] ?? '';
  const at = first.search(ZH_AFTER_VERB);
  return cleanZh(at > 0 ? first.slice(0, at) : at === 0 ? '' : first).replace(/(?:和|及|与|以及)$/, '');
}

/** Removes quote marks that lost their partner when the clause was cut (专精特新”中小企业). */
function balanceQuotes(text: string): string {
  let t = text;
  if ((t.match(/“/g)?.length ?? 0) !== (t.match(/”/g)?.length ?? 0)) t = t.replace(/^”|“$/g, '');
  if ((t.match(/“/g)?.length ?? 0) > (t.match(/”/g)?.length ?? 0) && t.startsWith('“') === false) t = t.replace(/“(?!.*”)/, '');
  if ((t.match(/”/g)?.length ?? 0) > (t.match(/“/g)?.length ?? 0)) t = `“${t}`;
  return t;
}

/** A short Chinese name of what a figure counts (规模以上工业增加值增速, 省级质量标杆, 技改投资占全市工业投资比重), with its base (the name without 增速/变化) for the figures after it. */
export function zhIndicator(input: ZhIndicatorInput): { name: string; base: string } {
  const { kind, unit, previousBase } = input;
  const raw = input.before.replace(/[，,；;、]+$/, '').replace(/^[，,；;、]+/, '');
  const grew = /(?:增长|增速|增幅|提高|提升|上升)(?:达到|为|了)?$/.test(raw);
  const fell = /(?:下降|降低|减少|回落)(?:了)?$/.test(raw);
  if (kind === 'rank') {
    const scope = (input.clauseBefore ?? raw).replace(/^[，,、和及]*(?:在|于)?/, '').replace(/(?:中|内)?(?:排名|排|位居|居|位列|列)$/, '');
    const measure = input.previousMeasure ?? '';
    return { name: `${measure}排名${scope ? `（${scope}）` : ''}`, base: measure || scope };
  }
  let base = cleanZh(raw);
  // 签约总额: a bare measure keeps the verb that says which one it is.
  if (BARE_MEASURE.test(base)) {
    const withVerb = raw.replace(ZH_TAIL, '').slice(-(base.length + 2));
    if (/^\p{Script=Han}{2}/u.test(withVerb) && !/^(?:全市|我市|全省|全县|其中)/.test(withVerb)) base = withVerb;
  }
  const noun = nounAfter(input.after);
  // 海尔热水器等265个项目: examples before 等 name instances; the noun after the number names the kind.
  if (/等$/.test(base)) base = '';
  if ((base === '' || LEVEL.test(base) || /^(?:比|较)/.test(base)) && kind !== 'growth' && unit !== 'percentage points') {
    if (LEVEL.test(base) && previousBase) base = /国家级|省级|市级|县级|区级/.test(previousBase) ? previousBase.replace(/国家级|省级|市级|县级|区级/, base.endsWith('级') ? base : `${base}级`) : `${base}${previousBase}`;
    else if (noun && !BARE_MEASURE.test(noun)) base = noun;
    else if (noun && input.afterNext && nounAfter(input.afterNext)) base = nounAfter(input.afterNext);
  }
  // 完成9617家企业“亩均论英雄”综合评价, 协调200余家上下游配套企业复工复产: a count followed by a noun counts that noun.
  else if (kind === 'count' && noun && !BARE_MEASURE.test(noun)) base = noun;
  if (BARE_MEASURE.test(base) || base === '') {
    const after = noun || nounAfter(input.afterNext ?? '');
    // 增速达到20.9% after 工业投资快速增长: the subject is the previous clause's.
    const subject = cleanZh(input.previousClause.replace(/(?:快速|持续|稳步|大幅|较快|平稳)?(?:增长|回升|下降|提升|发展)$/, ''));
    if (after && base && !/\d/.test(after)) base = `${after}${base}`;
    else if (subject && subject.length <= 16 && !/\d/.test(subject)) base = `${subject}${base}`;
    else if (previousBase && base) base = `${previousBase}${base}`;
    else if (previousBase && (kind === 'growth' || unit === 'percentage points')) base = previousBase;
    else if (kind === 'money' && raw) base = `${raw.replace(/了$/, '')}金额`;
  }
  // 占全市工业投资比重56%, 占全省38%: a share of the previous figure's subject.
  if (/^占/.test(base) && previousBase) base = `${previousBase}${base}`;
  // 在规模以上工业中占比达到33.3%: the previous figure's share of that whole.
  const within = base.match(/^(.+?)中?(?:占比|所占比重)$/);
  if (within && kind === 'share' && previousBase && /^在/.test(raw)) base = `${previousBase}占${within[1]}比重`;
  if (/占[^比]*$/.test(base) && kind === 'share' && !/(?:比重|比例|份额)$/.test(base)) base = `${base}比重`;
  // Nothing names it: the clause without the figure, shortened.
  base = balanceQuotes(base) || `${input.clauseBefore ?? input.before}${input.after}`.replace(/^[，,、]+/, '').slice(0, 20);
  let name = base;
  if (unit === 'percentage points') name = `${base}${fell ? '降幅' : grew ? '升幅' : '变化'}（百分点）`;
  else if (kind === 'growth' && !/增速|增幅|增长|降幅/.test(base)) name = `${base}${fell ? '降幅' : '增速'}`;
  else if (kind === 'growth' && /增长$/.test(base)) name = base.replace(/增长$/, '增速');
  return { name, base: base.replace(/(?:增速|增幅|增长)$/, '') || base };
}

// ---------------------------------------------------------------------------
// English: the clause of the translation that holds the number, and a name from it.

/** A number in English text with where it stands. */
export interface EnglishNumberAt {
  value: number;
  index: number;
  text: string;
}

const EN_SCALE: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };
const key = (v: number) => Number(v.toPrecision(10));

/** The figures of an English text with their positions (as numbers.ts reads them: 16,000; 192.8 billion; 7th). */
export function englishNumbersAt(text: string): EnglishNumberAt[] {
  const out: EnglishNumberAt[] = [];
  for (const m of text.matchAll(/(?<![\w.])(\d+(?:,\d{3})*(?:\.\d+)?)(?:\s*[-\u2010\u2011]?\s*(thousand|million|billion|trillion)\b)?/gi)) {
    out.push({ value: Number(m[1]!.replace(/,/g, '')) * (m[2] ? EN_SCALE[m[2].toLowerCase()]! : 1), index: m.index, text: m[0] });
  }
  return out;
}

/**
 * The k-th statement (from 0) of a value in an English text: the translation states a block's figures
 * in its own order, but the same value twice in the Chinese (市级5家 … 技术创新示范企业5家) stands
 * twice in the English in the same order, so occurrence k pairs with occurrence k.
 */
export function nthEnglishNumber(en: string, value: number, k: number): EnglishNumberAt | undefined {
  return englishNumbersAt(en).filter((n) => key(n.value) === key(value))[k];
}

/** The clause of an English text around a position: between sentence ends and semicolons, and commas that open a new statement (", and", ", with", ", of which", ", including"). */
export function englishClauseAt(en: string, index: number): { text: string; start: number } {
  const bounds = /[;.](?=\s|$)|,\s+(?=(?:and|with|of which|including|while)\b)/g;
  let start = 0;
  let end = en.length;
  for (const m of en.matchAll(bounds)) {
    if (m.index < index) start = m.index + m[0].length;
    else {
      end = m.index;
      break;
    }
  }
  const raw = en.slice(start, end);
  const lead = raw.length - raw.trimStart().length;
  return { text: raw.trim(), start: start + lead };
}

const UNIT_WORDS = /^\s*(?:%|percent\b|percentage points?\b|yuan\b|tonnes?\b|tons?\b|mm\b|km\b|kilomet(?:er|re)s?\b|square met(?:er|re)s?\b|met(?:er|re)s?\b|mu\b|hectares?\b|(?:st|nd|rd|th)\b)/i;
const QUALIFIER_WORDS = /\b(?:more than|over|nearly|almost|about|around|approximately|some|at least|no fewer than|no less than|not less than|up to|at most|no more than|fewer than|less than|a total of|totall?ing|total of|a further|another)\s*$/i;
const REACH_VERB = /\s*\b(?:(?:had|has|have) )?(?:reached|numbered|totall?ed|stood at|amounted to|came to|hit|exceeded|rose to|risen to|fell to|dropped to|declined to|increased to|grew to|decreased to|climbed to|was|were|is|are|of which|reaching|numbering|totall?ing|standing at|to)\s*$/i;
const GROW_VERB = /(?:\s*\b(?:grew|grown|increased|rose|risen|expanded|was up|were up|growing|rising|increasing)|(?:^|,)\s*up)(?:\s+by)?\s*$/i;
const FALL_VERB = /(?:\s*\b(?:fell|fallen|decreased|dropped|declined|was down|were down|was cut|were cut|cut|was reduced|were reduced|reduced|falling)|(?:^|,)\s*down)(?:\s+by)?\s*$/i;
const SHARE_VERB = /\s*\b(?:accounting for|accounted for|accounts for|account for|making up|made up|representing|represented|or)\s*$/i;
const OF_LIKE = /\s*\b(?:of|worth|valued at|amounting to|totall?ing)\s*$/i;

/** Cleans a noun phrase: no leading connective, article, ordinal opener or "the number of"; no trailing preposition or punctuation. */
export function cleanEn(text: string): string {
  let t = text.trim();
  for (let i = 0; i < 4; i++) {
    const before = t;
    t = t
      .replace(/^(?:(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|also|moreover|in addition|meanwhile|within this|of which|among them|in \d{4}(?:[-–]\d{4})?|for the year|by the end of (?:the|this) year|in the second half of the year),?\s+)/i, '')
      .replace(/^(?:and|with|while|including|as well as|but|which|where|whereas)\s+/i, '')
      .replace(/^(?:the|a|an)\s+/i, '')
      .replace(/^(?:city|province|county|district|country)'s\s+|\bthe (?:city|province|county|district)'s\s+/gi, '')
      .replace(/^(?:number|total number|total|count) of\s+/i, '')
      .replace(/\s+(?:in|of|at|to|for|by|from|with|on|and|or|the|a|an|its|their)$/i, '')
      .replace(/[\s,;:.]+$/, '')
      .replace(/^[\s,;:]+/, '');
    if (t === before) break;
  }
  return t;
}

/** The noun phrase at the end of a text: back to punctuation, a number, or a verb or preposition that opens the phrase. */
function tailPhrase(text: string): string {
  const words = text.replace(/[,;:(]\s*$/, '').split(/\s+/).filter(Boolean);
  const out: string[] = [];
  for (let i = words.length - 1; i >= 0; i--) {
    const w = words[i]!;
    if (/[,;:]$/.test(w) || /^\d/.test(w) || /^(?:with|and|by|at|to|for|in|was|were|is|are|had|has|have|secured|allocated|built|added|signed|attracted|set|issued|reached|also|promoted|carried|out)$/i.test(w)) break;
    out.unshift(w);
  }
  return cleanEn(out.join(' '));
}

/** The noun phrase right after a number: up to a clause break, a verb, "and" before another number, or ten words; commas inside quotes or brackets do not break it, a bracketed list does ("events under the “four types of matchmaking” (production–sales, …)"). */
export function headPhrase(text: string, keepArticle = false): string {
  if (/^\s*(?:,|and\b|or\b)/i.test(text)) return '';
  let depth = 0;
  let end = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '(' && depth === 0 && /^\([^)]*,[^)]*\)/.test(text.slice(i)) && text.slice(0, i).trim().split(/\s+/).length >= 3) {
      end = i;
      break;
    }
    if ('“(「《'.includes(c)) depth++;
    else if ('”)」》'.includes(c)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && /[,;:]/.test(c)) {
      // A list of single adjectives ("specialized, refined, distinctive and innovative") continues the phrase.
      if (c === ',' && /^,\s+[a-z-]+(?:,|\s+and\s)/i.test(text.slice(i))) continue;
      end = i;
      break;
    }
  }
  let t = text.slice(0, end);
  const stop = t.search(/\s(?:was|were|is|are|had|has|have|been|will|exceeding|including|which|that|while|greatly|fully|effectively|respectively|started|each|totall?ing|worth|so as|in order|to (?:help|ensure|provide|support|promote|carry|build|expand|meet|serve|be))\b|\sand\s+(?=\d|the\b|a\b|an\b|more\b|nearly\b|about\b|[a-z]+ed\b)/i);
  if (stop !== -1) t = t.slice(0, stop);
  const words = t.trim().split(/\s+/).filter(Boolean);
  if (words.length > 10) {
    const cut = words.slice(0, 10).join(' ');
    const open = cut.search(/\s[(“《]/);
    t = open > 0 ? cut.slice(0, open) : cut;
  }
  const cleaned = cleanEn(t);
  return keepArticle ? t.trim().replace(/^(?:of|and|with)\s+/i, '').replace(/[\s,;:.]+$/, '').replace(/\s+(?:in|of|at|to|for|by|from|with|on|and|or)$/i, '') : cleaned;
}

/** The part of a text after its last comma or semicolon outside quotes and brackets. */
function lastPart(text: string): string {
  let depth = 0;
  let at = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if ('“(「《'.includes(c)) depth++;
    else if ('”)」》'.includes(c)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && /[,;]/.test(c)) at = i + 1;
  }
  return text.slice(at);
}

/** The subject of a clause: the words before its first verb of reaching, growing or falling. */
function subjectOf(clause: string): string {
  const m = clause.search(/\s\b(?:grew|grown|increased|rose|risen|expanded|fell|fallen|decreased|dropped|declined|reached|numbered|totall?ed|was|were|stood|amounted|accounted)\b/i);
  return cleanEn(m === -1 ? '' : clause.slice(0, m)).replace(/\s+in the (?:city|province|county|district)$/i, '');
}

/** What the English indicator is made from: the clause holding the number, the number's place in it, the sentence before the clause. */
export interface EnIndicatorInput {
  clause: string;
  /** Where the number starts in the clause, and its text. */
  index: number;
  numberText: string;
  kind: string;
  unit: string;
  /** The part of the sentence before the clause (for "at a rate of 20.9%" after "industrial investment grew rapidly"). */
  sentenceBefore: string;
  /** The English indicator of the previous figure in the block (for "at provincial level", "at 35"). */
  previous?: string;
  /** The noun phrase after the next number in the clause (for "4 provincial-level and 5 municipal-level … centers"). */
  nextPhrase?: string;
  /** The rest of the sentence after the clause, to its semicolon or full stop (", including …, started construction"). */
  clauseRest?: string;
}

const EN_LEVEL = /^(?:national|provincial|municipal|city|county|district)(?:[- ]level)?$/i;

/** A short English name of what a figure counts, from the translated clause that states it (lower-case start, as a table cell reads). */
export function enIndicator(input: EnIndicatorInput): string | undefined {
  const name = enIndicatorRaw(input);
  return name && /^[A-Z][a-z]/.test(name) ? name[0]!.toLowerCase() + name.slice(1) : name;
}

function enIndicatorRaw(input: EnIndicatorInput): string | undefined {
  const { clause, index, numberText, kind, unit, previous } = input;
  const before = clause.slice(0, index).replace(QUALIFIER_WORDS, '').replace(/\s+$/, '');
  const after = clause.slice(index + numberText.length).replace(UNIT_WORDS, '').replace(/^\s*(?:yuan|%)\b/i, '');
  const afterPhrase = /^\s*(?:at|in|of|for|by|to|from|on|lower|higher|more|less|up|down|over|than)\b/i.test(after) ? '' : headPhrase(after);
  const tail = lastPart(before);
  if (unit === 'percentage points') return previous ? `change in ${previous.replace(/ growth$/, '')} (percentage points)` : undefined;
  if (kind === 'rank') {
    const scope = headPhrase(after.replace(/^\s*(?:place|position)\b/i, ''), true);
    return `${previous ? `${previous}: ` : ''}rank${scope ? ` ${scope}` : ''}`;
  }
  if (GROW_VERB.test(before) || FALL_VERB.test(before)) {
    const fell = FALL_VERB.test(before);
    const subject = cleanEn(tail.replace(fell ? FALL_VERB : GROW_VERB, '')).replace(/\s+in the (?:city|province|county|district)$/i, '');
    if (subject) return kind === 'growth' || unit === '%' ? `${subject} ${fell ? 'decline' : 'growth'}` : `${fell ? 'reduction in' : 'increase in'} ${subject}`;
  }
  if (SHARE_VERB.test(before)) {
    const whole = headPhrase(after.replace(/^\s*of\s+/i, '').replace(/^(?:that|those) of\s+/i, ''), true);
    const own = lastPart(before.replace(SHARE_VERB, ''));
    const subject = subjectOf(own) || (own.trim() && !/\d/.test(own) ? cleanEn(own) : '') || subjectOf(before) || subjectOf(input.sentenceBefore) || (previous && !/share/.test(previous) ? previous : '');
    const who = /^(?:each|both|all|they|it|this|these)$/i.test(subject) ? previous ?? '' : subject;
    if (whole) return who ? `${who} as a share of ${whole}` : `share of ${whole}`;
  }
  if (kind === 'count' && afterPhrase && !EN_LEVEL.test(afterPhrase)) {
    // "265 projects, including …, started construction": a bare noun takes the clause's closing verb.
    const rest = lastPart(after) !== after ? lastPart(after) : input.clauseRest ? lastPart(input.clauseRest) : '';
    const closing = rest.trim().match(/^(?:(?:were|was|have been|had been|has been)\s+)?((?:[a-z]+ed|started|began|broke)\b(?:\s+[a-z-]+){0,2})\s*$/i)?.[1];
    return afterPhrase.split(/\s+/).length <= 2 && closing ? `${afterPhrase} ${closing}` : afterPhrase;
  }
  if (OF_LIKE.test(before)) {
    const worth = kind === 'money' && /worth|valued|amounting|totall?ing/i.test(before.match(OF_LIKE)![0]);
    const np = tailPhrase(before.replace(OF_LIKE, ''));
    if (/^(?:rate|growth rate|rate of growth|increase|growth)$/i.test(np)) {
      const subject = subjectOf(before) || subjectOf(input.sentenceBefore);
      if (subject) return `${subject} growth`;
    }
    // "with a total investment of 100.7 billion yuan" after "96 major projects": whose total it is.
    const owner = previous?.split(/\s+(?:with|of which|including)\s+/)[0];
    if (np && /^(?:total )?(?:contract value|investment|value|amount|sum)$/i.test(np) && owner && !/\d/.test(owner)) return `${np} of ${owner}`;
    if (np) return worth ? `value of ${np}` : np;
  }
  if (REACH_VERB.test(before)) {
    const part = tail.split(/\d[\d,.]*%?(?:\s+(?:thousand|million|billion|yuan|percent))*\s*(?:,|\band\b)\s+/).pop() ?? tail;
    const subject = cleanEn(part.replace(REACH_VERB, '')).replace(/\s+in the (?:city|province|county|district)$/i, '');
    if (subject && subject.split(/\s+/).length <= 14 && !/^(?:it|we|they|this|there|each)$/i.test(subject)) return subject;
  }
  if (kind === 'money' && /^\s*in\s/i.test(after)) {
    const np = headPhrase(after.replace(/^\s*in\s+/i, ''));
    if (np) return np;
  }
  if (afterPhrase && !EN_LEVEL.test(afterPhrase)) return afterPhrase;
  if (afterPhrase && EN_LEVEL.test(afterPhrase)) {
    const noun = input.nextPhrase?.replace(/^(?:national|provincial|municipal|city|county|district)(?:[- ]level)?\s+/i, '');
    if (noun) return `${afterPhrase} ${noun}`;
  }
  // "with more than 1,100 at provincial level": the previous figure's noun at another level.
  const level = after.match(/^\s*at (national|provincial|municipal|city|county|district) level/i)?.[1];
  if (level && previous) return /(?:national|provincial|municipal|city|county|district)-level/i.test(previous) ? previous.replace(/(?:national|provincial|municipal|city|county|district)-level/i, `${level.toLowerCase()}-level`) : `${previous} (${level.toLowerCase()} level)`;
  // "fully mechanized roadway excavation at 35": the phrase before a preposition.
  if (/\b(?:at|in|for|by|to)$/i.test(before)) {
    const np = tailPhrase(before.replace(/\s*\b(?:at|in|for|by|to)$/i, ''));
    if (np) return np;
  }
  // "It allocated 12.4 million yuan to help …": the verb says what the money is.
  const verb = before.match(/\b([a-z]+ed)$/i)?.[1];
  if (kind === 'money' && verb) return `funds ${verb.toLowerCase()}`;
  return subjectOf(clause) || undefined;
}
