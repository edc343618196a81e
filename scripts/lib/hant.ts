/**
 * Simplified → Traditional for the zh-hant locale, with opencc-js's `tw`
 * table (characters only). `twp` is avoided on purpose: it swaps mainland
 * vocabulary for Taiwanese (数据 → 資料), which changes an official text.
 */
import * as OpenCC from 'opencc-js';

let converter: ((text: string) => string) | undefined;

/** Converts Simplified Chinese text to Traditional characters (Taiwan standard forms, mainland vocabulary kept). */
export function toTraditional(text: string): string {
  converter ??= OpenCC.Converter({ from: 'cn', to: 'tw' });
  return converter(text);
}
