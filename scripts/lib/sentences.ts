/**
 * Sentence boundaries in summaries, for blurbs cut at a whole sentence: a
 * full stop ends a sentence only when it is not part of an abbreviation
 * ("No. 20210574", "Art. 5", "approx. 4 million", "U.S.", "e.g."), an initial
 * or a decimal, and the next word starts a sentence. Chinese 。！？ always end one.
 */

/** Abbreviations that never end a sentence: titles, references and qualifiers always have something after them ("No. 5", "Art. 3", "approx. 4", "e.g. the"). Lower-cased, without the final dot. */
const NEVER_FINAL = new Set([
  'no', 'nos', 'art', 'arts', 'para', 'paras', 'sec', 'secs', 'ch', 'chap', 'vol', 'vols', 'pp', 'fig', 'figs', 'cf', 'vs',
  'approx', 'ca', 'incl', 'excl', 'est', 'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'mt', 'gen', 'hon', 'e.g', 'i.e', 'viz',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
]);

/** Dotted abbreviations that may end a sentence ("…in the U.S. The bureau…") but usually do not ("U.S. dollars"). */
const MAY_BE_FINAL = new Set(['u.s', 'u.k', 'u.n', 'e.u', 'p.r.c', 'a.m', 'p.m', 'co', 'ltd', 'inc', 'corp', 'etc', 'jr', 'sr']);

/** Splits text into sentences; joined with single spaces they give the text back (whitespace between sentences normalised). */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  // A candidate end: . ! ? or Chinese 。！？, then closing quotes or brackets, then whitespace (or, for Chinese, anything).
  const end = /[.!?]["'”’)\]]*(?=\s+)|[。！？][”’」』）]*/gu;
  for (const m of text.matchAll(end)) {
    const stop = m.index + m[0].length;
    if (m[0].startsWith('.') && !endsSentence(text, m.index, stop)) continue;
    const sentence = text.slice(start, stop).trim();
    if (sentence) sentences.push(sentence);
    start = stop;
  }
  const rest = text.slice(start).trim();
  if (rest) sentences.push(rest);
  return sentences;
}

/** The first sentence of a text: what a blurb shows. */
export function firstSentence(text: string): string {
  return splitSentences(text)[0] ?? '';
}

/** Whether the full stop at `dot` (its mark ending at `stop`) ends a sentence. */
function endsSentence(text: string, dot: number, stop: number): boolean {
  const after = text.slice(stop);
  const next = /^\s+[“"‘'(\[]*(\S)/u.exec(after)?.[1];
  if (!next) return true;
  const word = /(?:^|[\s(“"'‘])([A-Za-z][A-Za-z.]*)$/.exec(text.slice(Math.max(0, dot - 20), dot))?.[1]?.toLowerCase();
  if (word && NEVER_FINAL.has(word)) return false;
  // A single capital closing a list of letters ("graded A, B, C or D.") is a word, not an initial.
  const listedLetter = word !== undefined && /^[a-z]$/.test(word) && /(?:,|\bor|\band)\s+[A-Z]$/.test(text.slice(Math.max(0, dot - 8), dot));
  // A dotted abbreviation or a single capital (an initial: "J. Smith") ends a sentence only before a word that starts one.
  if (word && !listedLetter && (MAY_BE_FINAL.has(word) || /^[a-z]$/.test(word))) return isSentenceStart(after);
  // Otherwise a capital, a figure or Chinese starts the next sentence; a lower-case word continues this one.
  return /[\p{Lu}\d\p{Script=Han}]/u.test(next);
}

/** After "U.S." and the like, a capitalised function word (The, In, It, This, We…) starts a new sentence; a proper noun usually continues it. */
function isSentenceStart(after: string): boolean {
  return /^\s+["“‘(]*(?:The|A|An|In|It|Its|This|These|That|Those|We|They|He|She|There|For|On|At|As|But|And|However|Meanwhile|By|With|From|To|Of)\b/.test(after);
}
