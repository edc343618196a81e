/** Query normalisation shared by the build (lexicon forms, number tokens) and the browser (what users type), so both sides agree. */

/** NFKC, lower case, tone marks, spaces and punctuation removed: `Zhuān jīng-tè xīn` → `zhuanjingtexin`. */
export function normalizeQuery(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}

/** Suffix of the element id that holds a block's number tokens in the index (`s1-p2~n`): matched as the block's, never shown. */
export const EXTRA_SUFFIX = '~n';

/** The index token of a number, one word in every language's index: 9617 → `n9617`, 98.8 → `n98d8`, 1.928e11 → `n192800000000`. */
export function numberToken(value: number): string {
  const text = String(Number(value.toPrecision(12)));
  return `n${text.replace('.', 'd')}`;
}

const CHINESE_SCALE: Record<string, number> = { 万亿: 1e12, 亿: 1e8, 万: 1e4, 千: 1e3, 百: 1e2 };
const ENGLISH_SCALE: Record<string, number> = { trillion: 1e12, billion: 1e9, million: 1e6, thousand: 1e3, k: 1e3, bn: 1e9, m: 1e6 };

/**
 * The value a query that is a number means, in base units (the index
 * stores each figure's value in base units and as written): `9,617` →
 * [9617]; `1928` → [1928]; `1928亿元` and `192.8 billion yuan` →
 * [192800000000]; `98.8%` → [98.8]. Not a number (words besides a scale and
 * a unit) → [].
 */
export function queryNumbers(text: string): number[] {
  const q = text.normalize('NFKC').trim().toLowerCase();
  const m = /^([-+]?\d[\d,]*(?:\.\d+)?)\s*(万亿|亿|万|千|百|trillion|billion|million|thousand|bn|k|m)?\s*(%|个百分点|percentage points?|per ?cent|[\p{Script=Han}]{1,2}|yuan|rmb|enterprises|companies|firms|tonnes|tons|units|projects|people|vehicles)?$/u.exec(q);
  if (!m) return [];
  const written = Number(m[1]!.replace(/,/g, ''));
  if (!Number.isFinite(written)) return [];
  const scale = m[2] ? (CHINESE_SCALE[m[2]] ?? ENGLISH_SCALE[m[2]] ?? 1) : 1;
  // With a scale (万, 亿, million) only the scaled value: `30 million` is not the 30 of 30余个.
  return [Number((written * scale).toPrecision(12))];
}
