/**
 * Stage 5 input: what the search index holds (one record per block and per
 * glossary term, per locale) and the lexicon the search page loads to fold
 * Traditional/Simplified, and to recognise glossary terms typed in any form.
 */
import type { GlossaryTerm } from './glossary.ts';
import { plainPinyin } from './glossary.ts';
import type { LocaleId } from './page-data.ts';
import { normalizeQuery } from '../../src/scripts/normalize.ts';

export { normalizeQuery };

/** One Pagefind custom record (the index has no HTML pages, only these). */
export interface SearchRecord {
  url: string;
  content: string;
  language: LocaleId;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
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

/** The per-locale lexicon file, `search/lexicon.<locale>.json`. */
export interface Lexicon {
  locale: LocaleId;
  /** Traditional → Simplified characters: glossary lookup always happens in Simplified. */
  t2s: Record<string, string>;
  /** Simplified → Traditional characters, for text queries on the zh-hant site only (empty elsewhere). */
  s2t: Record<string, string>;
  terms: LexiconTerm[];
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

/** The lexicon of one locale: glossary forms (all scripts, English, pinyin) and the fold map. */
export function buildLexicon(locale: LocaleId, terms: GlossaryTerm[], maps: { t2s: Record<string, string>; s2t: Record<string, string> }): Lexicon {
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
      forms: [...new Set([t.zh, t.hant, ...t.aliases, ...t.aliasesHant, t.en, ...t.enAliases, t.pinyinPlain, t.pinyinPlain.replace(/v/g, 'u'), ...t.aliases.map(plainPinyin)].map(normalizeQuery).filter((f) => f.length > 1))],
    })),
  };
}

/** The search record of a glossary term in one locale (the term page; its concordance lists the blocks that use the term, so blocks carry no term filter). */
export function termRecord(t: GlossaryTerm, locale: LocaleId): SearchRecord {
  const zh = locale === 'zh-hant' ? [t.hant, ...t.aliasesHant] : [t.zh, ...t.aliases];
  const title = locale === 'en' ? t.en : locale === 'zh-hant' ? t.hant : t.zh;
  return {
    url: `${locale}/glossary/${t.id}/`,
    content: [title, ...zh, t.en, ...t.enAliases, t.pinyin, t.pinyinPlain, t.literal ?? '', t.explanation].join('\n'),
    language: locale,
    meta: { title, crumb: locale === 'en' ? 'Glossary' : locale === 'zh-hant' ? '術語' : '术语' },
    filters: { kind: ['term'] },
  };
}
