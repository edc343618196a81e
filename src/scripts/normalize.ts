/** Query normalisation shared by the build (lexicon forms) and the browser (what users type), so both sides agree. */

/** NFKC, lower case, tone marks, spaces and punctuation removed: `Zhuān jīng-tè xīn` → `zhuanjingtexin`. */
export function normalizeQuery(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}
