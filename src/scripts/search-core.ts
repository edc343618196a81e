/**
 * How a query is understood before it reaches Pagefind: folded to the
 * locale's Chinese script, matched against the glossary (any script, English,
 * alias or toneless pinyin), and quoted when it is Chinese so that its
 * characters must be adjacent. Pure, so it is unit-tested without a browser.
 */
import { normalizeQuery } from './normalize';
import type { Lexicon, LexiconTerm } from '../../scripts/lib/search-data';

/** What to search for. */
export interface QueryPlan {
  /** The query in the locale's script. */
  folded: string;
  /** The glossary term the query names, if any. */
  term?: LexiconTerm;
  /** The query for the blocks that use that term: the term in the locale's script or language, unquoted (so Pagefind ranks by how much a block is about it)… */
  termText?: string;
  /** …and, for a Chinese term, the quoted phrase a block must contain to be listed for it. */
  termPhrase?: string;
  /** The text query for Pagefind (quoted for Chinese phrases). */
  text: string;
  /** The unquoted fallback when the phrase finds nothing. */
  fallback?: string;
  /** What to highlight on the target page. */
  highlight: string;
}

const HAN = /\p{Script=Han}/u;

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

/** Plans a search: fold, recognise a glossary term, quote Chinese phrases. */
export function planQuery(raw: string, lexicon: Lexicon): QueryPlan {
  const query = raw.trim().normalize('NFKC');
  const simplified = foldScript(query, lexicon.t2s);
  const folded = lexicon.locale === 'zh-hant' ? foldScript(simplified, lexicon.s2t) : simplified;
  const term = findTerm(simplified, lexicon.terms);
  const chinese = HAN.test(folded) && !/\s/.test(folded) && [...folded].length >= 2;
  const text = chinese ? `"${folded}"` : folded;
  const termPhrase = term && HAN.test(term.query) && !/\s/.test(term.query) ? `"${term.query}"` : undefined;
  return {
    folded,
    term,
    ...(term ? { termText: term.query } : {}),
    ...(termPhrase ? { termPhrase } : {}),
    text,
    fallback: chinese ? folded : undefined,
    highlight: term ? term.query : folded,
  };
}
