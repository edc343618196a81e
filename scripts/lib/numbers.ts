/**
 * Numbers in Chinese and English text, as values, so that translation QA can
 * say "1.6万家 has no 16,000 in the English" the way Xbench's numeric check does.
 */

/** A number found in text, with the characters it was read from. */
export interface FoundNumber {
  value: number;
  text: string;
}

const CN_DIGIT: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** Reads a Chinese numeral (三, 十四, 一千二百, 二〇二一, 百亿) as a value; NaN if it is not one. */
export function parseChineseNumeral(text: string): number {
  if (text === '') return Number.NaN;
  if (/^[〇零一二三四五六七八九]{2,}$/.test(text) && /[〇零]/.test(text)) {
    return Number([...text].map((c) => CN_DIGIT[c]).join(''));
  }
  const yi = text.lastIndexOf('亿');
  if (yi !== -1) return (yi === 0 ? 1 : parseChineseNumeral(text.slice(0, yi))) * 1e8 + (text.slice(yi + 1) ? parseChineseNumeral(text.slice(yi + 1)) : 0);
  const wan = text.lastIndexOf('万');
  if (wan !== -1) return (wan === 0 ? 1 : parseChineseNumeral(text.slice(0, wan))) * 1e4 + (text.slice(wan + 1) ? parseChineseNumeral(text.slice(wan + 1)) : 0);
  let total = 0;
  let digit: number | undefined;
  for (const c of text) {
    if (c in CN_DIGIT) digit = CN_DIGIT[c]!;
    else if (c in CN_UNIT) {
      total += (digit ?? 1) * CN_UNIT[c]!;
      digit = undefined;
    } else return Number.NaN;
  }
  return total + (digit ?? 0);
}

// Measure words after which a Chinese numeral is a count or an ordinal, not part of a word (一是, 统一, 一网通办).
const MEASURES = '个家项次名种大类年届号条张场倍位所座只件期级月日天周台辆本元人企吨亿万千百十';
const CN_NUMERAL_RUN = /第?([〇零一二两三四五六七八九十百千万亿]+)(?=[个家项次名种大类年届号条张场倍位所座只件期级月日天周台辆本元人企吨])/g;
const MULTIPLIER: Record<string, number> = { 万亿: 1e12, 亿: 1e8, 万: 1e4, 千: 1e3, 百: 100 };

/** Numbers a Chinese text states: Arabic figures with 万/亿 applied, and Chinese numerals used as counts or ordinals. */
export function chineseNumbers(text: string): FoundNumber[] {
  const found: FoundNumber[] = [];
  const normalized = text.normalize('NFKC');
  // 十四五 and the like name a five-year plan: the 14th; the 五 is the plan's length, not a figure.
  let rest = normalized.replace(/十([一二三四五六七八九])五/g, (m, d: string) => {
    found.push({ value: 10 + CN_DIGIT[d]!, text: m });
    return ' '.repeat(m.length);
  });
  rest = rest.replace(/(\d+(?:,\d{3})*(?:\.\d+)?)\s*(万亿|亿|万|千|百)?/g, (m, digits: string, unit?: string) => {
    const value = Number(digits.replace(/,/g, '')) * (unit ? MULTIPLIER[unit]! : 1);
    found.push({ value, text: m });
    return ' '.repeat(m.length);
  });
  for (const m of rest.matchAll(CN_NUMERAL_RUN)) {
    const run = m[1]!;
    const next = rest[m.index + m[0].length] ?? '';
    const previous = rest[m.index - 1] ?? '';
    // 一 inside a word is no count: 一批/一些/一线/一步/一体, 一大批, 统一/唯一/同一/逐一…
    if (run === '一' && (/[批些线步体]/.test(next) || rest.startsWith('大批', m.index + m[0].length) || /[统唯同专单逐划均之万]/.test(previous))) continue;
    const value = parseChineseNumeral(run);
    if (Number.isFinite(value)) found.push({ value, text: m[0] });
  }
  return found;
}

const WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, hundred: 100, thousand: 1000, double: 2, twice: 2, dual: 2, single: 1, both: 2,
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
};
const EN_SCALE: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };

/** Numbers an English text states: figures (with thousand/million/billion applied) and, separately, number words. */
export function englishNumbers(text: string): { figures: FoundNumber[]; words: FoundNumber[] } {
  const figures: FoundNumber[] = [];
  const words: FoundNumber[] = [];
  const re = /(?<![\w.])(\d+(?:,\d{3})*(?:\.\d+)?)(?:\s*[-\u2010\u2011]?\s*(thousand|million|billion|trillion)\b)?/gi;
  for (const m of text.matchAll(re)) {
    const value = Number(m[1]!.replace(/,/g, '')) * (m[2] ? EN_SCALE[m[2].toLowerCase()]! : 1);
    figures.push({ value, text: m[0] });
  }
  for (const m of text.matchAll(/\b([A-Za-z]+)\b(?:[\s-]+(thousand|million|billion)\b)?/g)) {
    const base = WORDS[m[1]!.toLowerCase()];
    if (base === undefined) continue;
    words.push({ value: base * (m[2] ? EN_SCALE[m[2].toLowerCase()]! : 1), text: m[0] });
  }
  return { figures, words };
}

const key = (value: number) => Number(value.toPrecision(10));

/** Compares the numbers of a Chinese text and its English: what the English lacks and what figures it adds. */
export function compareNumbers(zh: string, en: string): { missing: FoundNumber[]; extra: FoundNumber[] } {
  const source = chineseNumbers(zh);
  const { figures, words } = englishNumbers(en);
  const inEnglish = new Set([...figures, ...words].map((n) => key(n.value)));
  const inChinese = new Set(source.map((n) => key(n.value)));
  const seen = new Set<number>();
  const missing = source.filter((n) => !inEnglish.has(key(n.value)) && !seen.has(key(n.value)) && seen.add(key(n.value)));
  const extra = figures.filter((n) => !inChinese.has(key(n.value)));
  return { missing, extra };
}

export { MEASURES };
