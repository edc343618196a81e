/**
 * Stage 5 input: what the search index holds and the lexicon the search page
 * loads. The index has one record per reply page and locale (HTML written for
 * the index, each block an element carrying its block id, so the browser can
 * split a page's fragment back into blocks) and one per glossary term and
 * locale. The lexicon folds Traditional/Simplified, recognises glossary terms
 * typed in any form, maps toneless pinyin to frequent words of the text and
 * carries the reviewed synonym map.
 */
import { z } from 'zod';
import type { GlossaryTerm } from './glossary.ts';
import { explanationIn, glossaryLang, plainPinyin } from './glossary.ts';
import type { LocaleId } from './page-data.ts';
import type { BlockKind } from './model.ts';
import { parseYaml } from './yaml-file.ts';
import { validate } from './schemas.ts';
import { ContentError } from './errors.ts';
import { normalizeQuery, numberToken, EXTRA_SUFFIX } from './query-normalize.ts';

export { normalizeQuery, numberToken };

/** One Pagefind custom record: a glossary term (plain text, no blocks). */
export interface SearchRecord {
  url: string;
  content: string;
  language: LocaleId;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

/** One Pagefind HTML record: a reply page in one locale, written for the index (never shown). */
export interface SearchPage {
  url: string;
  language: LocaleId;
  html: string;
}

/** What the index is built from: HTML pages and custom records, in any order. */
export type IndexEntry = SearchRecord | SearchPage;

/** Whether an index entry is an HTML page (added with addHTMLFile) rather than a custom record. */
export function isSearchPage(entry: IndexEntry): entry is SearchPage {
  return 'html' in entry;
}

/** A glossary term as the search page needs it: every form a user may type, normalised. */
export interface LexiconTerm {
  id: string;
  /** The term in the locale's script (what to search for). */
  query: string;
  /** The term as the result title: in the locale's language… */
  title: string;
  /** …followed by the other language, with its BCP 47 tag. */
  subtitle: string;
  subtitleLang: string;
  url: string;
  forms: string[];
}

/** One entry of the reviewed synonym map, as the browser applies it (forms normalised, Chinese in the locale's script). */
export interface LexiconSynonym {
  /** Normalised forms that trigger the entry (the whole query, or one of its words). */
  words: string[];
  /** What else to search for, after the exact matches. */
  also: string[];
  /** The glossary term the words mean, when the reviewers say so: it leads the results like a term typed by name. */
  term?: string;
}

/** The per-locale lexicon file, `search/lexicon.<locale>.json`. */
export interface Lexicon {
  locale: LocaleId;
  /** Traditional → Simplified characters: glossary lookup always happens in Simplified. */
  t2s: Record<string, string>;
  /** Simplified → Traditional characters, for text queries on the zh-hant site only (empty elsewhere). */
  s2t: Record<string, string>;
  terms: LexiconTerm[];
  /** Toneless pinyin → frequent word of the reply text (Simplified): `qiye` → 企业. */
  pinyin: Record<string, string>;
  synonyms: LexiconSynonym[];
}

/**
 * Builds character maps between the scripts from the corpus itself: each
 * Simplified character paired with the Traditional one opencc put in its place.
 * The most frequent pairing wins (unchanged counts too: 制 stays 制 when 制度
 * outnumbers 製造); pairs that map a character to itself are then dropped.
 */
export function foldMaps(pairs: [simplified: string, traditional: string][]): { t2s: Record<string, string>; s2t: Record<string, string> } {
  const count = new Map<string, number>();
  for (const [s, t] of pairs) {
    if (s.length !== t.length) continue;
    const a = [...s];
    const b = [...t];
    a.forEach((c, i) => count.set(`${c}\u0000${b[i]}`, (count.get(`${c}\u0000${b[i]}`) ?? 0) + 1));
  }
  const best = (from: 0 | 1) => {
    const map: Record<string, [string, number]> = {};
    for (const [key, n] of count) {
      const pair = key.split('\u0000') as [string, string];
      const k = pair[from];
      const v = pair[1 - from]!;
      if (!map[k!] || map[k!]![1] < n) map[k!] = [v, n];
    }
    return Object.fromEntries(Object.entries(map).flatMap(([k, [v]]) => (k === v ? [] : [[k, v]])));
  };
  return { s2t: best(0), t2s: best(1) };
}

/** Most pinyin entries a lexicon carries: the map costs the first search about 3 KB gzip per 500 words. */
export const PINYIN_WORDS = 600;

/** Single characters the segmenter leaves alone because they are words of grammar, never a piece of a name or term (的, 和, 在, 对, 将…): no compound holds one. */
const FUNCTION_CHARACTERS = new Set([...'的了和与及并或而在对于向从由以为将把被给让使是有无不也都就又还其之此该这那每各个您你我他她们等着过']);

/**
 * Counts the Chinese words of the texts as Intl.Segmenter cuts them (the browser cuts queries with it): words of two
 * or more characters, and, apart, the runs of two or three adjacent segments of which one is a single character:
 * the segmenter often cuts one word of the text into pieces (停车|场, 生态|涝|池, 金|博大).
 */
function wordCounts(texts: Iterable<string>): { words: [string, number][]; compounds: [string, number][] } {
  const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
  const words = new Map<string, number>();
  const compounds = new Map<string, number>();
  const han = /^\p{Script=Han}+$/u;
  const add = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  for (const text of texts) {
    // The Han segments since the last other one (punctuation, digits, Latin), the last three at most.
    let run: string[] = [];
    for (const { segment } of segmenter.segment(text)) {
      if (!han.test(segment)) {
        run = [];
        continue;
      }
      if (segment.length >= 2) add(words, segment);
      run = [...run.slice(-2), segment];
      for (let k = 2; k <= run.length; k++) {
        const parts = run.slice(-k);
        const joined = parts.join('');
        if (parts.some((p) => p.length === 1) && joined.length <= 6 && !parts.some((p) => FUNCTION_CHARACTERS.has(p))) add(compounds, joined);
      }
    }
  }
  const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return { words: sorted(words), compounds: sorted(compounds) };
}

/**
 * Toneless pinyin for the frequent words of the reply text, so that `qiye fuwu`
 * finds 企业服务 although 企业服务 is no glossary term. Words are cut with the
 * same segmenter the browser uses for Chinese queries (Intl.Segmenter); only
 * words of two or more characters that occur at least twice are kept, the most
 * frequent first, and a pinyin shared by two words keeps the more frequent one.
 */
export function pinyinWords(texts: Iterable<string>, limit = PINYIN_WORDS): Record<string, string> {
  return pinyinTables(texts, limit).common;
}

/**
 * The pinyin of every word of the reply text in two parts: `common` (the
 * frequent words of pinyinWords, shipped in the lexicon with the first search)
 * and `rare` (every other word, however seldom it occurs, and the runs of
 * segments that may be one word cut in pieces, keyed by the first letter of
 * the pinyin). The rare part is fetched one letter at a time and
 * only when a Latin query finds nothing else (`tingchechang` → 停车场, said
 * once in one reply), so it costs the first search nothing however large the
 * archive grows.
 */
export function pinyinTables(texts: Iterable<string>, limit = PINYIN_WORDS): { common: Record<string, string>; rare: Record<string, Record<string, string>> } {
  const { words, compounds } = wordCounts(texts);
  const common: Record<string, string> = {};
  const rare: Record<string, Record<string, string>> = {};
  let kept = 0;
  for (const [word, n] of words) {
    const key = plainPinyin(word);
    if (!key || key in common) continue;
    if (n >= 2 && kept < limit) {
      common[key] = word;
      kept++;
      continue;
    }
    const shard = (rare[key[0]!] ??= {});
    if (!(key in shard)) shard[key] = word;
  }
  // After every word: a compound never takes the pinyin of a word.
  for (const [compound] of compounds) {
    const key = plainPinyin(compound);
    if (!key || key in common) continue;
    const shard = (rare[key[0]!] ??= {});
    if (!(key in shard)) shard[key] = compound;
  }
  // A key the common map took later than a rarer word: the lexicon's word wins, as the browser looks there first.
  for (const shard of Object.values(rare)) for (const key of Object.keys(shard)) if (key in common) delete shard[key];
  return { common, rare };
}

/** The file of the rare pinyin starting with `letter`, relative to the site's base (fetched by the search page on a dead end). */
export const rarePinyinFile = (letter: string) => `search/pinyin.${letter}.json`;

/** The vocabulary file as shipped (`search/vocabulary.json`), fetched by the search page only when English words find nothing. */
export const VOCABULARY_FILE = 'search/vocabulary.json';

/** The vocabulary's schema (`content/search-vocabulary.yaml`): everyday English for what replies deal with, and the Chinese they say. */
export const vocabularySchema = z.strictObject({
  vocabulary: z.array(
    z.strictObject({
      /** English words or phrases people type. */
      en: z.array(z.string().min(1)).min(1),
      /** The Chinese (Simplified) replies use: searched as phrases, most specific first. */
      zh: z.array(z.string().regex(/^(?=.*\p{Script=Han})[\p{Script=Han}\p{L}\p{N}]{2,}$/u, 'Chinese of two or more characters (letters and digits may be part of it, as in 5G基站), without spaces or punctuation')).min(1),
      /** Why the words belong together, or what is uncertain (for reviewers; not shipped). */
      note: z.string().optional(),
    }),
  ),
});

/** One vocabulary entry as the search page applies it: English forms normalised (normalizeQuery), Chinese in Simplified. */
export interface VocabularyEntry {
  en: string[];
  zh: string[];
}

/** Parses and validates the vocabulary file; `file` is named in every error (one line: file, entry, problem, fix). */
export function loadVocabulary(text: string, file: string): VocabularyEntry[] {
  const data = validate(vocabularySchema, parseYaml(text, file), file, 'search vocabulary');
  const seen = new Map<string, number>();
  return data.vocabulary.map((entry, i) => {
    const en: string[] = [];
    for (const w of entry.en) {
      const key = normalizeQuery(w);
      if (!key || /\p{Script=Han}/u.test(key)) throw new ContentError({ file, block: `vocabulary.${i}.en` }, `"${w}" is not an English word or phrase`, 'write the English people type under `en` and the Chinese under `zh`');
      const previous = seen.get(key);
      if (previous !== undefined && previous !== i) throw new ContentError({ file, block: `vocabulary.${i}.en` }, `"${w}" is already listed in entry ${previous}`, 'list each English word in one entry only: merge the two entries or drop one');
      seen.set(key, i);
      if (!en.includes(key)) en.push(key);
    }
    return { en, zh: [...new Set(entry.zh)] };
  });
}

/** The synonym file's schema (`content/search-synonyms.yaml`): reviewed words of investors and staff, and what the text says instead. */
export const synonymsSchema = z.strictObject({
  synonyms: z.array(
    z.strictObject({
      /** What people type: one or more words or phrases (English or Chinese). */
      words: z.array(z.string().min(1)).min(1),
      /** What the replies and the glossary say: searched after the exact matches. */
      also: z.array(z.string().min(1)).min(1),
      /** The id of the glossary term the words mean (listed first, like a term typed by name). */
      term: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/).optional(),
      /** Why the words belong together (for reviewers; not shipped). */
      note: z.string().optional(),
    }),
  ),
});

/** The validated synonym map. */
export type Synonyms = z.infer<typeof synonymsSchema>['synonyms'];

/** Parses and validates the synonym file against the glossary; `file` is named in every error (one line: file, entry, problem, fix). */
export function loadSynonyms(text: string, file: string, termIds?: Set<string>): Synonyms {
  const data = validate(synonymsSchema, parseYaml(text, file), file, 'search synonyms');
  const seen = new Map<string, number>();
  data.synonyms.forEach((s, i) => {
    if (s.term && termIds && !termIds.has(s.term)) throw new ContentError({ file, block: `synonyms.${i}.term` }, `"${s.term}" is not the id of a glossary term`, 'use the `id` of a term in content/glossary.yaml, or remove `term`');
    for (const w of s.words) {
      const key = normalizeQuery(w);
      if (!key) throw new ContentError({ file, block: `synonyms.${i}.words` }, `"${w}" has no letters or characters to search for`, 'write the word as people type it, or remove it');
      const previous = seen.get(key);
      if (previous !== undefined) throw new ContentError({ file, block: `synonyms.${i}.words` }, `"${w}" is already listed in entry ${previous}`, 'list each word in one entry only: merge the two entries');
      seen.set(key, i);
    }
  });
  return data.synonyms;
}

/** The lexicon of one locale: glossary forms (all scripts, English, pinyin), the fold maps, pinyin of frequent words and the synonyms. */
export function buildLexicon(
  locale: LocaleId,
  terms: GlossaryTerm[],
  maps: { t2s: Record<string, string>; s2t: Record<string, string> },
  extra: { pinyin?: Record<string, string>; synonyms?: Synonyms; toHant?: (s: string) => string } = {},
): Lexicon {
  const script = (s: string) => (locale === 'zh-hant' && extra.toHant && /\p{Script=Han}/u.test(s) ? extra.toHant(s) : s);
  const fold = (s: string) => [...s].map((c) => maps.t2s[c] ?? c).join('');
  return {
    locale,
    t2s: maps.t2s,
    s2t: locale === 'zh-hant' ? maps.s2t : {},
    terms: terms.map((t) => ({
      id: t.id,
      query: locale === 'en' ? t.en : locale === 'zh-hant' ? t.hant : t.zh,
      title: locale === 'en' ? t.en : locale === 'zh-hant' ? t.hant : t.zh,
      subtitle: locale === 'en' ? t.zh : t.en,
      subtitleLang: locale === 'en' ? 'zh-Hans' : 'en',
      url: `${locale}/glossary/${t.id}/`,
      // Folded with t2s, as the browser folds every query before looking it up: a Traditional form that folds to the Simplified one is not shipped twice.
      forms: [...new Set([t.zh, t.hant, ...t.aliases, ...t.aliasesHant, t.en, ...t.enAliases, t.pinyinPlain, t.pinyinPlain.replace(/v/g, 'u'), ...t.aliases.map(plainPinyin)].map((f) => fold(normalizeQuery(f))).filter((f) => f.length > 1))],
    })),
    pinyin: extra.pinyin ?? {},
    synonyms: (extra.synonyms ?? []).map((s) => ({ words: [...new Set(s.words.map((w) => normalizeQuery(w)))], also: s.also.map(script), ...(s.term ? { term: s.term } : {}) })),
  };
}

/** A glossary term as the lexicon file carries it: without what the browser derives from the locale and the id (title = query, url, subtitleLang). */
export type PackedTerm = Omit<LexiconTerm, 'title' | 'url' | 'subtitleLang'>;
/** The lexicon file's content. */
export type PackedLexicon = Omit<Lexicon, 'terms'> & { terms: PackedTerm[] };

/**
 * The lexicon as written to `search/lexicon.<locale>.json`: each term without
 * the fields the browser rebuilds (unpackLexicon in src/scripts/search-core.ts),
 * so the first search downloads them once per locale instead of once per term
 * (about 1.2 KB gzip of the seed site's 15 KB lexicon).
 */
export function packLexicon(lexicon: Lexicon): PackedLexicon {
  return { ...lexicon, terms: lexicon.terms.map(({ title: _title, url: _url, subtitleLang: _lang, ...rest }) => rest) };
}

/**
 * The search record of a glossary term in one locale: all its forms, literal rendering and explanations are
 * searchable; the explanation in the locale's language is the result's snippet (`def`, in the language `defLang`).
 * A Chinese index of a term without a Chinese explanation has no snippet rather than the English one.
 */
export function termRecord(t: GlossaryTerm, locale: LocaleId): SearchRecord {
  const zh = locale === 'zh-hant' ? [t.hant, ...t.aliasesHant] : [t.zh, ...t.aliases];
  const title = locale === 'en' ? t.en : locale === 'zh-hant' ? t.hant : t.zh;
  const def = explanationIn(t, locale);
  return {
    url: `${locale}/glossary/${t.id}/`,
    content: [title, ...zh, t.en, ...t.enAliases, t.pinyin, t.pinyinPlain, t.literal ?? '', t.explanation, locale === 'en' ? '' : (def ?? '')].join('\n'),
    language: locale,
    meta: { title, crumb: locale === 'en' ? 'Glossary' : locale === 'zh-hant' ? '術語' : '术语', ...(def ? { def, defLang: glossaryLang(locale) } : {}) },
    filters: { kind: ['term'] },
  };
}

/** A block as the index needs it: its text in each locale, and the key figures it states. */
export interface SearchBlock {
  id: string;
  kind: BlockKind;
  /** What the reader sees in each locale (English falls back to the Chinese while the translation is pending). */
  text: Record<LocaleId, string>;
  /** Row of the block's first figure on the reply's figures page, if it states key figures. */
  figureRow?: number;
  /** Figures the block states: the value in base units and the number as written (1928亿元 → 192800000000 and 1928). */
  numbers: number[];
}

/** A reply page (overview or section) as the index needs it. */
export interface SearchPageInput {
  slug: string;
  /** `index` for the overview, else the section id. */
  page: string;
  /** Result title (the section's) and crumb (the reply's) per locale. */
  title: Record<LocaleId, string>;
  crumb: Record<LocaleId, string>;
  blocks: SearchBlock[];
}

/** Full-width digits and percent signs (５０％, 50﹪) as ASCII in the indexed text, so a number typed as usual (50%) finds the block however the source wrote it. */
const asciiNumbers = (s: string) => s.replace(/[\uFF10-\uFF19\uFF05\uFE6A]/g, (c) => c.normalize('NFKC'));

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The URL of a reply page relative to the site base (what results link to, before `#<block id>`). */
export function pageUrl(locale: LocaleId, slug: string, page: string): string {
  return `${locale}/replies/${slug}/${page === 'index' ? '' : `${page}/`}`;
}

/**
 * The index records of one reply page, one per locale. Each block is an
 * element with the block id (`h2`/`h3` for headings, `p` otherwise); the
 * figures it states follow in an element whose id is the block id plus
 * `~n`, as number tokens (`n9617`, `n98d8`): searchable and counted as
 * the block's, never shown in a snippet. Pagefind keeps every element id
 * as an anchor with its word position, so the browser cuts the page's
 * fragment back into blocks. Titles and crumbs of the other locales travel
 * as meta (`alt`), so a result found in another language's index is shown in
 * the reader's.
 */
export function pageRecords(input: SearchPageInput): SearchPage[] {
  const figures: Record<string, number> = {};
  for (const b of input.blocks) if (b.figureRow) figures[b.id] = b.figureRow;
  const locales = Object.keys(input.title) as LocaleId[];
  return locales.map((locale) => {
    const body = input.blocks
      .map((b) => {
        const tag = b.kind === 'heading' ? 'h2' : b.kind === 'subheading' ? 'h3' : 'p';
        const numbers = [...new Set(b.numbers.map(numberToken))];
        return `<${tag} id="${escapeHtml(b.id)}">${escapeHtml(asciiNumbers(b.text[locale]))}</${tag}>${numbers.length ? `<p id="${escapeHtml(b.id)}${EXTRA_SUFFIX}">${numbers.join(' ')}</p>` : ''}`;
      })
      .join('\n');
    const meta: Record<string, string> = { title: input.title[locale], crumb: input.crumb[locale], ...(Object.keys(figures).length ? { fig: JSON.stringify(figures) } : {}), alt: JSON.stringify(Object.fromEntries(locales.filter((l) => l !== locale).map((l) => [l, [input.title[l], input.crumb[l]]]))) };
    const hasFigures = Object.keys(figures).length > 0;
    const head = [
      ...Object.entries(meta).map(([k, v]) => `<span data-pagefind-meta="${k}">${escapeHtml(v)}</span>`),
      `<span data-pagefind-filter="reply">${escapeHtml(input.slug)}</span>`,
      `<span data-pagefind-filter="section">${escapeHtml(input.page)}</span>`,
      `<span data-pagefind-filter="kind">paragraph</span>`,
      ...(hasFigures ? [`<span data-pagefind-filter="kind">figure</span>`] : []),
    ].join('');
    return {
      url: `${pageUrl(locale, input.slug, input.page)}`,
      language: locale,
      html: `<!doctype html><html lang="${locale}"><head><title>${escapeHtml(input.title[locale])}</title></head><body><div data-pagefind-ignore>${head}</div>\n${body}\n</body></html>`,
    };
  });
}
