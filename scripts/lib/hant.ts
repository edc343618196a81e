/**
 * Simplified → Traditional for the zh-hant locale, with opencc-js's `tw`
 * table (characters only). `twp` is avoided on purpose: it swaps mainland
 * vocabulary for Taiwanese (数据 → 資料), which changes an official text.
 *
 * opencc picks one Traditional form per phrase of its dictionary, and a few
 * phrases of policy text fall between its entries: `CORRECTIONS` fixes them
 * after conversion. Each keeps the length of the text (term links map
 * character for character), and tests/fixtures/hant/ pins the reviewed result.
 */
import * as OpenCC from 'opencc-js';

let converter: ((text: string) => string) | undefined;

/** Same-length fixes applied to opencc's output, each for a reading its dictionary gets wrong. */
export const CORRECTIONS: readonly { find: RegExp; replace: string; why: string }[] = [
  { find: /市制造/g, replace: '市製造', why: 'opencc matches the phrase 市制 (municipal system) in 郑州市制造业, leaving 制 for 製造 (manufacturing)' },
  { find: /(\d)余/g, replace: '$1餘', why: 'after a figure 余 means "more than" (餘); opencc keeps 余 before some characters (5000余车次)' },
  { find: /周例會/g, replace: '週例會', why: 'a weekly meeting: Taiwan standard writes the week 週, as opencc does for 每周 and 宣传周' },
];

/** Converts Simplified Chinese text to Traditional characters (Taiwan standard forms, mainland vocabulary kept). */
export function toTraditional(text: string): string {
  converter ??= OpenCC.Converter({ from: 'cn', to: 'tw' });
  return CORRECTIONS.reduce((out, c) => out.replace(c.find, c.replace), converter(text));
}
