/**
 * How a query is understood and how results are ranked, without a browser:
 * the query is folded to the locale's script, matched against the glossary
 * (any script, English, alias or toneless pinyin), read as a number, as pinyin
 * of frequent words, and widened by the reviewed synonyms; each block of a
 * result page is then scored by what the words typed match in it (exact
 * phrase, whole words, prefixes, a heading). Pure, so it is unit-tested.
 */
import { normalizeQuery, numberToken, queryNumbers } from '../../scripts/lib/query-normalize.ts';
import type { Lexicon, LexiconTerm, PackedLexicon } from '../../scripts/lib/search-data';

/** One way of matching the query in a block's text: a Chinese phrase, English words, or number tokens. */
export interface Target {
  /** Chinese phrase (adjacent characters) in the locale's script… */
  phrase?: string;
  /** …or words, lower case, matched in order as a phrase first, then as whole words, then as prefixes. */
  words?: string[];
  /** Number tokens (`n9617`) stored with the block in the index. */
  numbers?: string[];
  /** Added to the tier of a block this target matches (named term +0.3; synonyms are scaled down instead). */
  boost: number;
  /** Synonym targets rank below every exact match of the words typed. */
  synonym?: boolean;
}

/** What to search for. */
export interface QueryPlan {
  /** The query as typed (trimmed, NFKC). */
  raw: string;
  /** The query in the locale's script. */
  folded: string;
  /** Whether the query is Chinese (has Han characters). */
  han: boolean;
  /** The glossary term the query names, if any. */
  term?: LexiconTerm;
  /** The query for the blocks that use that term: the term in the locale's script or language. */
  termText?: string;
  /** A glossary term contained in a longer Chinese query: ranked just below the blocks holding the whole query. */
  within?: LexiconTerm;
  /** The text query for Pagefind (quoted for Chinese phrases). */
  text: string;
  /** The unquoted fallback when the phrase finds nothing. */
  fallback?: string;
  /** The words of a Latin-script query, lower case (what relaxing drops one by one). */
  words: string[];
  /** Number tokens when the query is a number (`9,617`, `1928亿元`, `98.8%`, `192.8 billion`). */
  numbers: string[];
  /** The Chinese phrase (Simplified) the query spells in toneless pinyin of frequent words, if it does: `qiye fuwu` → 企业服务. */
  pinyin?: string;
  /** Synonym searches (after the exact ones). */
  synonyms: string[];
  /** How blocks are scored. */
  targets: Target[];
  /** What to highlight on the target page. */
  highlight: string;
}

const HAN = /\p{Script=Han}/u;

/** The lexicon as the search page uses it, from the lexicon file (packLexicon in scripts/lib/search-data.ts): each term's title, URL and subtitle language restored from the locale and its id. */
export function unpackLexicon(packed: PackedLexicon): Lexicon {
  const subtitleLang = packed.locale === 'en' ? 'zh-Hans' : 'en';
  return { ...packed, terms: packed.terms.map((t) => ({ ...t, title: t.query, url: `${packed.locale}/glossary/${t.id}/`, subtitleLang })) };
}

/** Maps each character through the locale's fold map (Traditional → Simplified or back). */
export function foldScript(text: string, fold: Record<string, string>): string {
  return [...text].map((c) => fold[c] ?? c).join('');
}

/** Finds the glossary term a query names: exact form first, then the longest term form contained in a Chinese query, then a unique pinyin/English prefix. */
export function findTerm(query: string, terms: LexiconTerm[]): LexiconTerm | undefined {
  const q = normalizeQuery(query);
  if (q.length < 2) return undefined;
  const exact = terms.find((t) => t.forms.includes(q));
  if (exact) return exact;
  if (HAN.test(q)) {
    let best: { term: LexiconTerm; length: number } | undefined;
    for (const t of terms) for (const f of t.forms) if (HAN.test(f) && f.length >= 3 && q.includes(f) && (!best || f.length > best.length)) best = { term: t, length: f.length };
    return best?.term;
  }
  // A single typed token (pinyin or a word) may be the start of a term: zhuanjing, permu.
  if (q.length >= 5 && !/\s/.test(query.trim())) {
    const prefixed = terms.filter((t) => t.forms.some((f) => f.startsWith(q)));
    if (prefixed.length === 1) return prefixed[0];
  }
  return undefined;
}

/** The words of a Latin-script query, lower case, without punctuation (hyphens and dots inside words kept). */
export function latinWords(text: string): string[] {
  return text.toLowerCase().normalize('NFKC').split(/[^\p{L}\p{N}.\-']+/u).map((w) => w.replace(/^[.\-']+|[.\-']+$/g, '')).filter(Boolean);
}

/**
 * Reads a Latin query as toneless pinyin of frequent words of the text: the
 * fewest words that spell it exactly (`qiyefuwu`, `qiye fuwu` → 企业 + 服务).
 * Returns the Chinese (Simplified), or undefined when it does not spell one.
 */
export function pinyinPhrase(query: string, pinyin: Record<string, string>): string | undefined {
  const s = pinyinLetters(query);
  if (!s) return undefined;
  const best: (string[] | undefined)[] = [[]];
  for (let end = 1; end <= s.length; end++) {
    for (let start = Math.max(0, end - 30); start < end; start++) {
      const prev = best[start];
      const word = pinyin[s.slice(start, end)];
      if (prev && word && (!best[end] || best[end]!.length > prev.length + 1)) best[end] = [...prev, word];
    }
  }
  return best[s.length]?.join('');
}

/** The letters of a query that may be toneless pinyin (letters, spaces, apostrophes, hyphens; ü as v), or undefined when it cannot be. */
export function pinyinLetters(query: string): string | undefined {
  if (!/^[a-zA-ZüÜ\s'’-]+$/.test(query)) return undefined;
  const s = query.toLowerCase().replace(/u:|ü/g, 'v').replace(/[^a-z]/g, '');
  return s.length >= 4 ? s : undefined;
}

/** The reviewed synonyms of a query: entries whose words are the whole query or one of its words (or, for Chinese, contained in it). */
export function synonymsOf(query: string, lexicon: Lexicon): string[] {
  const whole = normalizeQuery(query);
  const words = new Set(latinWords(query).map(normalizeQuery));
  const out: string[] = [];
  for (const s of lexicon.synonyms) {
    if (s.words.some((w) => w === whole || words.has(w) || (HAN.test(w) && w.length >= 2 && whole.includes(w)))) out.push(...s.also);
  }
  return [...new Set(out)].filter((a) => normalizeQuery(a) !== whole);
}

/** The glossary term a reviewed synonym entry says the whole query means (`land use efficiency` → 亩均论英雄). */
export function synonymTerm(query: string, lexicon: Lexicon): LexiconTerm | undefined {
  const whole = normalizeQuery(query);
  const entry = lexicon.synonyms.find((s) => s.term && s.words.includes(whole));
  return entry ? lexicon.terms.find((t) => t.id === entry.term) : undefined;
}

/** Plans a search: fold, recognise a glossary term, a number, pinyin and synonyms, quote Chinese phrases. */
export function planQuery(raw: string, lexicon: Lexicon): QueryPlan {
  const query = raw.trim().normalize('NFKC');
  const simplified = foldScript(query, lexicon.t2s);
  const toLocale = (s: string) => (lexicon.locale === 'zh-hant' ? foldScript(s, lexicon.s2t) : s);
  const folded = toLocale(simplified);
  const found = findTerm(simplified, lexicon.terms) ?? synonymTerm(simplified, lexicon);
  // A term inside a longer Chinese query (复工复产实施方案) does not lead: the blocks with the whole phrase come first.
  const within = found && HAN.test(simplified) && !found.forms.includes(normalizeQuery(simplified)) ? found : undefined;
  const term = within ? undefined : found;
  const han = HAN.test(folded);
  const chinese = han && !/\s/.test(folded) && [...folded].length >= 2;
  const text = chinese ? `"${folded}"` : folded;
  // Words to relax: Latin words, or Chinese phrases the query separates with spaces (`富士康 苹果`).
  const words = han ? (/\s/.test(folded) ? folded.split(/\s+/).filter(Boolean) : []) : latinWords(folded);
  const numbers = queryNumbers(query).map(numberToken);
  const pinyinZh = han || term ? undefined : pinyinPhrase(query, lexicon.pinyin);
  const synonyms = synonymsOf(simplified, lexicon).map((s) => (HAN.test(s) ? toLocale(s) : s));
  const targets: Target[] = [];
  if (term) targets.push(HAN.test(term.query) ? { phrase: term.query, boost: 0.3 } : { words: latinWords(term.query), boost: 0.3 });
  if (within) targets.push({ phrase: within.query, boost: -0.5 });
  if (han && words.length > 1) targets.push({ words, boost: 0 });
  else if (han) targets.push({ phrase: folded, boost: 0 });
  else if (words.length) targets.push({ words, boost: 0 });
  if (numbers.length) targets.push({ numbers, boost: 0 });
  if (pinyinZh) targets.push({ phrase: toLocale(pinyinZh), boost: 0 });
  for (const s of synonyms) targets.push(HAN.test(s) ? { phrase: s, boost: 0, synonym: true } : { words: latinWords(s), boost: 0, synonym: true });
  return {
    raw: query,
    folded,
    han,
    term,
    ...(term ? { termText: term.query } : {}),
    ...(within ? { within } : {}),
    text,
    fallback: chinese ? folded : undefined,
    words,
    numbers,
    ...(pinyinZh ? { pinyin: toLocale(pinyinZh) } : {}),
    synonyms,
    targets,
    highlight: term ? term.query : pinyinZh ? toLocale(pinyinZh) : folded,
  };
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Where a Latin word or a number starts and ends: not inside other letters or digits, but next to Chinese characters. */
const WORD_START = '(?<!(?!\\p{Script=Han})[\\p{L}\\p{N}])';
const WORD_END = '(?!(?!\\p{Script=Han})[\\p{L}\\p{N}])';
/** English inflections accepted as the same whole word: plural, possessive. */
const INFLECTION = "(?:s|es|'s|’s)?";
/** A word with its inflections, whether typed in the singular or the plural: factory, factories, factory's. */
const wordPattern = (w: string) => {
  if (w.length > 3 && /[^aeiou]y$/.test(w)) return `${escapeRe(w.slice(0, -1))}(?:y|ies|y's|y’s)`;
  if (w.length > 3 && /ies$/.test(w)) return `${escapeRe(w.slice(0, -3))}(?:y|ies)`;
  // A plural typed finds the singular written, and the reverse: circuits, circuit.
  if (w.length > 3 && /[^s]s$/.test(w)) return `${escapeRe(w.slice(0, -1))}${INFLECTION}`;
  return `${escapeRe(w)}${INFLECTION}`;
};

const segmenter = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter('zh', { granularity: 'word' }) : undefined;
const partsCache = new Map<string, string[]>();
/**
 * The words of a Chinese phrase that are at least two characters long (the
 * browser's own segmenter, as for the pinyin of frequent words): what a block
 * must hold to count as a partial match. A single character of the query is
 * never a match on its own (中 of 专精特新 in any block about 中小企业).
 */
export function phraseWords(phrase: string): string[] {
  let parts = partsCache.get(phrase);
  if (!parts) {
    const found = segmenter ? [...segmenter.segment(phrase)].map((s) => s.segment) : [phrase];
    parts = [...new Set(found.filter((w) => [...w].length >= 2 && HAN.test(w) && w !== phrase))];
    partsCache.set(phrase, parts);
  }
  return parts;
}

/** How well a block matches one target: 4 exact phrase (or number), 3 all words whole, 2 all words at least as prefixes (or every multi-character word of a Chinese phrase present), 1 some words (some multi-character words of the phrase), 0 none. */
export function matchTier(text: string, target: Target, numbers: string[] = []): number {
  if (target.numbers) return target.numbers.some((n) => numbers.includes(n)) ? 4 : 0;
  const lower = text.toLowerCase();
  if (target.phrase) {
    const p = target.phrase.toLowerCase();
    if (lower.includes(p)) return 4;
    // Not the phrase: its words of two or more characters, never its single characters.
    const parts = phraseWords(p);
    const present = parts.filter((w) => lower.includes(w)).length;
    return parts.length && present === parts.length ? 2 : present ? 1 : 0;
  }
  const words = target.words ?? [];
  if (!words.length) return 0;
  // Word boundaries of Latin words and numbers; a Chinese character next to them is a boundary (只有50%).
  const b = WORD_START;
  const e = WORD_END;
  const han = words.some((w) => HAN.test(w));
  if (words.length > 1 && !han && new RegExp(`${b}${words.map(wordPattern).join('[\\s\\p{P}]+')}${e}`, 'u').test(lower)) return 4;
  // Chinese has no spaces between words: a Chinese word counts as whole wherever it occurs.
  const whole = words.filter((w) => (HAN.test(w) ? lower.includes(w) : new RegExp(`${b}${wordPattern(w)}${e}`, 'u').test(lower))).length;
  if (whole === words.length) return words.length === 1 ? 4 : 3;
  const stem = (w: string) => (w.length > 4 ? w.replace(/(ies|es|s|ing|ed|y)$/, '') : w);
  const prefix = words.filter((w) => (HAN.test(w) ? lower.includes(w) : new RegExp(`${b}${escapeRe(stem(w))}`, 'u').test(lower))).length;
  if (prefix === words.length) return 2;
  return prefix > 0 ? 1 : 0;
}

/** A block of a result page, cut from Pagefind's fragment by its element ids. */
export interface PageBlock {
  id: string;
  heading: boolean;
  text: string;
  /** Number tokens stored with the block. */
  numbers: string[];
}

/** Pagefind's anchors of a page fragment: every element with an id, its tag, text and word position. */
export interface Anchor { element: string; id: string; text?: string; location: number }

/** Cuts a page's fragment into its blocks (elements with ids; `<id>~n` elements hold the block's number tokens). */
export function pageBlocks(anchors: Anchor[]): PageBlock[] {
  const blocks: PageBlock[] = [];
  for (const a of [...anchors].sort((x, y) => x.location - y.location)) {
    if (a.id.endsWith('~n')) {
      const owner = blocks.find((b) => b.id === a.id.slice(0, -2));
      if (owner) owner.numbers.push(...(a.text ?? '').split(/\s+/).filter(Boolean));
      continue;
    }
    blocks.push({ id: a.id, heading: /^h\d$/i.test(a.element), text: (a.text ?? '').trim(), numbers: [] });
  }
  return blocks;
}

/** Blocks around the letter proper (salutation, closing formulas, signature, date, contact lines): a name found there (a bureau on a contact line) ranks below the same match in the letter's text. */
const AROUND_LETTER = /^(salutation|greeting|closing|signature|date|contact)(-\d+)?$/;

/** A block's rank for a plan: the best tier over its targets (synonyms scaled below every exact match), a heading bonus, and how often the words occur. */
export function scoreBlock(block: PageBlock, targets: Target[]): number {
  const score = bestTier(block, targets);
  return score > 0 && AROUND_LETTER.test(block.id) ? Math.max(score - 1, 0.05) : score;
}

function bestTier(block: PageBlock, targets: Target[]): number {
  let best = 0;
  for (const t of targets) {
    const tier = matchTier(block.text, t, block.numbers);
    if (!tier) continue;
    // The heading bonus rewards the words typed (or the term named) in a heading, not a lesser target found there.
    const value = t.synonym ? tier * SYNONYM_WEIGHT + (block.heading && tier >= 3 ? 0.1 : 0) : tier + t.boost + (block.heading && tier >= 3 && t.boost >= 0 ? 0.5 : 0);
    best = Math.max(best, value);
  }
  return best;
}

/**
 * How much a synonym match counts against a match of the words typed: a
 * synonym in a block at best equals a glossary term found by its explanation
 * (reviewed vocabulary weighs as much as a passing mention in a definition),
 * and stays below every block holding the words typed whole.
 */
export const SYNONYM_WEIGHT = 0.625;

/** Where glossary term results rank: below blocks that contain the words typed as a phrase or as whole words, above blocks matched only by prefixes or some of the words. */
export const TERM_SCORE = 2.5;

/** One piece of a snippet: text, marked when it is what matched. */
export interface Piece { text: string; mark?: boolean }

/**
 * The snippet of a block: about `length` characters around the first match,
 * marking only what matched the whole target (the phrase, or whole words;
 * else the phrase's words of two or more characters), never single
 * characters of a Chinese query.
 */
export function snippet(text: string, targets: Target[], length = 90): Piece[] {
  const ranges: [number, number][] = [];
  const lower = text.toLowerCase();
  for (const t of targets) {
    if (t.numbers) continue;
    const needles = t.phrase ? [t.phrase.toLowerCase()] : t.words ?? [];
    // A block without the phrase is marked at the phrase's words of two or more characters, never at single characters.
    if (t.phrase && !lower.includes(needles[0]!)) needles.splice(0, 1, ...phraseWords(needles[0]!));
    for (const n of needles) {
      if (!n) continue;
      const re = t.phrase || HAN.test(n) ? new RegExp(escapeRe(n), 'gu') : new RegExp(`(?<![\\p{L}\\p{N}])${escapeRe(n)}[\\p{L}]*`, 'gu');
      for (const m of lower.matchAll(re)) ranges.push([m.index!, m.index! + m[0].length]);
    }
    if (ranges.length) break;
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const first = ranges[0]?.[0] ?? 0;
  let start = Math.max(0, first - Math.floor(length / 3));
  let end = Math.min(text.length, start + length);
  start = Math.max(0, Math.min(start, end - length));
  // Start and end at a word boundary in Latin text (Chinese has no spaces: a digit at the cut must not shrink the snippet to a character).
  const space = (from: number) => text.indexOf(' ', from);
  if (start > 0 && /\w/.test(text[start - 1] ?? '') && space(start) >= 0 && space(start) < first) start = space(start) + 1;
  if (end < text.length && /\w/.test(text[end] ?? '') && text.lastIndexOf(' ', end) > Math.max(start, first)) end = text.lastIndexOf(' ', end);
  const pieces: Piece[] = [];
  let at = start;
  for (const [s, e] of ranges) {
    if (e <= at || s >= end) continue;
    const from = Math.max(s, at);
    if (from > at) pieces.push({ text: text.slice(at, from) });
    pieces.push({ text: text.slice(from, Math.min(e, end)), mark: true });
    at = Math.min(e, end);
  }
  if (at < end) pieces.push({ text: text.slice(at, end) });
  if (start > 0) pieces.unshift({ text: '…' });
  if (end < text.length) pieces.push({ text: '…' });
  return pieces;
}

/**
 * Whether a glossary term record really matches what was searched, not by
 * one shared character or a prefix: its text holds the Chinese query, one of
 * its words of two or more characters, a whole Latin word of the query or of a
 * synonym searched, or the number typed as a whole token.
 */
export function termMatches(content: string, plan: QueryPlan, fold: Record<string, string> = {}): boolean {
  const text = foldScript(content, fold).toLowerCase();
  const han = [plan.folded, ...plan.synonyms].filter((q) => HAN.test(q)).flatMap((q) => q.split(/\s+/)).map((q) => foldScript(q, fold).toLowerCase());
  if (han.some((q) => [...q].length >= 2 && (text.includes(q) || phraseWords(q).some((w) => text.includes(w))))) return true;
  const words = [...plan.words, ...plan.synonyms.filter((q) => !HAN.test(q)).flatMap(latinWords), ...(plan.han ? [] : latinWords(plan.raw))].filter((w) => !HAN.test(w) && w.length >= 2);
  return words.some((w) => new RegExp(`${WORD_START}${wordPattern(w)}${WORD_END}`, 'u').test(text));
}
