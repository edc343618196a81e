/**
 * The search page's lookups for a dead end, in a module of their own so that
 * the first search does not download them: English words read through the
 * vocabulary (content/search-vocabulary.yaml) as the Chinese the replies use,
 * a Latin query read as the pinyin of a rarer word, and how the blocks found
 * that way rank, and the glossary terms to suggest when nothing is found.
 * Pure, so they are unit-tested.
 */
import { foldScript, latinWords, pinyinLetters, type QueryPlan, type Target } from './search-core';
import { normalizeQuery } from '../../scripts/lib/query-normalize.ts';
import type { Lexicon, LexiconTerm, VocabularyEntry } from '../../scripts/lib/search-data';
import type { Found, Hit, Notice, PagefindData } from './search';

/**
 * Reads a Latin query as toneless pinyin of any word of the text, the rarer
 * ones included (`tingchechang` → 停车场, said once): like pinyinPhrase, the
 * fewest words that spell the whole query, but the words come from the
 * lexicon's frequent ones and from the rare-pinyin files, which `load` fetches
 * one first letter at a time and only for letters where a word can start
 * (usually one or two files). Returns the Chinese (Simplified) or undefined.
 */
export async function rarePinyinPhrase(query: string, common: Record<string, string>, load: (letter: string) => Promise<Record<string, string>>): Promise<string | undefined> {
  const s = pinyinLetters(query);
  if (!s) return undefined;
  const best: (string[] | undefined)[] = [[]];
  for (let start = 0; start < s.length; start++) {
    const prev = best[start];
    if (!prev) continue;
    const rare = await load(s[start]!);
    for (let end = start + 2; end <= Math.min(s.length, start + 30); end++) {
      const key = s.slice(start, end);
      const word = common[key] ?? rare[key];
      if (word && (!best[end] || best[end]!.length > prev.length + 1)) best[end] = [...prev, word];
    }
  }
  return best[s.length]?.join('');
}

/** Where the vocabulary matched a query: the query's words it covers and the Chinese to search for them. */
export interface VocabularyMatch {
  words: string[];
  zh: string[];
}

/** A normalised English form and the singulars it may stand for (plural typed, singular listed): `parkinglots` → `parkinglot`. */
const singulars = (w: string) => [w, w.replace(/ies$/, 'y'), w.replace(/es$/, ''), w.replace(/s$/, '')];

/**
 * The vocabulary entries a Latin query names, longest phrase first: the whole
 * query, else its runs of words from left to right (`rural sewage treatment` →
 * `sewage treatment` when only that is listed). Each match keeps the words it
 * covers, so the search page can tell whether they are the words the English
 * text lacks.
 */
export function vocabularyOf(query: string, entries: VocabularyEntry[]): VocabularyMatch[] {
  const index = new Map<string, VocabularyEntry>();
  for (const e of entries) for (const f of e.en) if (!index.has(f)) index.set(f, e);
  const lookup = (phrase: string) => {
    for (const form of singulars(normalizeQuery(phrase))) {
      const e = form.length > 1 ? index.get(form) : undefined;
      if (e) return e;
    }
    return undefined;
  };
  const words = latinWords(query);
  const out: VocabularyMatch[] = [];
  for (let i = 0; i < words.length; ) {
    let matched = 0;
    for (let j = words.length; j > i; j--) {
      const e = lookup(words.slice(i, j).join(' '));
      if (e) {
        out.push({ words: words.slice(i, j), zh: e.zh });
        matched = j - i;
        break;
      }
    }
    i += matched || 1;
  }
  return out;
}

/**
 * How blocks found through the vocabulary rank: a block that names every group (one of its forms each) first, then a
 * block with one form, the most specific form of a group (listed first) before the others.
 */
export function bridgeTargets(groups: string[][]): Target[] {
  const targets: Target[] = [];
  if (groups.length > 1) {
    let combos: string[][] = [[]];
    for (const g of groups) combos = combos.flatMap((c) => g.map((f) => [...c, f])).slice(0, 32);
    for (const c of combos) targets.push({ words: c, boost: 0.5 });
  }
  // Single forms: tier 4 for the phrase, lowered below the blocks with every group, and by a little per rank in its group.
  for (const g of groups) g.forEach((f, i) => targets.push({ phrase: f, boost: (groups.length > 1 ? -1.5 : 0) - i * 0.05 }));
  return targets;
}


/** What the lookups need of a running search (runSearch in search.ts). */
export interface BridgeContext {
  plan: QueryPlan;
  lexicon: Lexicon;
  vocabulary(): Promise<VocabularyEntry[]>;
  /** Whether a word alone finds anything where the reader looks. */
  known(word: string): Promise<boolean>;
  /** Searches the queries (after adding another language's index, if named); undefined when nothing is found. */
  search(queries: string[], language?: string): Promise<{ pages: Found[]; terms: Found[] } | undefined>;
}

/** What a lookup found: the results, how to rank their blocks, and what the page says it searched instead. */
export interface Bridged {
  found: { pages: Found[]; terms: Found[] };
  targets: Target[];
  notice: Notice;
}

/**
 * Searches the Chinese text (on the English site, in the Chinese index) for
 * the English words of the query the vocabulary knows, one group of Chinese
 * forms per run of words it names (`rural garbage` → 农村…, 垃圾…), or for
 * the groups given. `onlyLacking` keeps the runs with a word that finds
 * nothing by itself, so that a query whose listed words all occur in English
 * is left to relaxing.
 */
export async function bridge(ctx: BridgeContext, onlyLacking: boolean, given?: string[][]): Promise<Bridged | undefined> {
  const { plan, lexicon } = ctx;
  const locale = lexicon.locale;
  const inLocale = (z: string) => (locale === 'zh-hant' ? foldScript(z, lexicon.s2t) : z);
  let groups = given ?? [];
  if (!given) {
    for (const m of vocabularyOf(plan.raw, await ctx.vocabulary())) {
      if (!onlyLacking || plan.words.length <= 1 || (await Promise.all(m.words.map((w) => ctx.known(w)))).some((k) => !k)) groups.push(m.zh);
    }
  }
  groups = groups.map((g) => g.map(inLocale));
  if (!groups.length) return undefined;
  const found = await ctx.search([...new Set(groups.flat())].map((p) => `"${p}"`), locale === 'en' ? 'zh-hans' : undefined);
  if (!found) return undefined;
  return { found, targets: bridgeTargets(groups), notice: { missing: [], instead: [...new Set(groups.flat())].join(' '), ...(locale === 'en' ? { crossLanguage: true } : {}) } };
}

/** A Latin query that finds nothing: the English words the vocabulary knows, else the query read as the pinyin of a rarer word (`load` fetches a letter's file). */
export async function lookUp(ctx: BridgeContext, load: (letter: string) => Promise<Record<string, string>>): Promise<Bridged | undefined> {
  const byVocabulary = await bridge(ctx, true);
  if (byVocabulary || ctx.plan.pinyin) return byVocabulary;
  const spelled = await rarePinyinPhrase(ctx.plan.raw, ctx.lexicon.pinyin, load);
  return spelled ? bridge(ctx, false, [[spelled]]) : undefined;
}

/**
 * English words the text holds only as parts of other words: the blocks of the
 * Chinese text that say them (through the vocabulary), not among the pages
 * `shown`, at most `batch` pages of them, scored by `items` and raised above
 * every partial match (+3). Undefined when the vocabulary finds none.
 */
export async function above(ctx: BridgeContext, shown: Found[], batch: number, items: (d: PagefindData, targets: Target[]) => { score: number; hit: Hit }[]): Promise<{ items: { score: number; hit: Hit }[]; notice: Notice } | undefined> {
  const more = await bridge(ctx, false);
  if (!more) return undefined;
  const ids = new Set(shown.map((p) => p.id));
  const theirs = more.found.pages.filter((r) => !ids.has(r.id) && ids.add(r.id)).slice(0, batch);
  const found = (await Promise.all(theirs.map((r) => r.data()))).flatMap((d) => items(d, more.targets)).map((i) => ({ ...i, score: i.score + 3 }));
  return found.length ? { items: found, notice: more.notice } : undefined;
}

/** Character bigrams of a normalised form (single characters for one-character forms). */
function grams(s: string): Set<string> {
  const chars = [...s];
  if (chars.length < 2) return new Set(chars);
  return new Set(chars.slice(1).map((c, i) => chars[i] + c));
}

/**
 * Glossary terms close to a query that found nothing: by shared character
 * pairs (Dice) against every form (characters, pinyin, English), so a typo,
 * a part of a term or a near pinyin spelling still points somewhere.
 */
export function suggestTerms(query: string, lexicon: Lexicon, n = 5): LexiconTerm[] {
  const q = normalizeQuery(foldScript(query, lexicon.t2s));
  if (!q) return [];
  const qg = grams(q);
  const scored = lexicon.terms.map((t) => {
    let best = 0;
    for (const f of t.forms) {
      const fg = grams(f);
      let shared = 0;
      for (const g of qg) if (fg.has(g)) shared++;
      const dice = (2 * shared) / (qg.size + fg.size);
      best = Math.max(best, dice + (f.startsWith(q) || q.startsWith(f) ? 0.2 : 0));
    }
    return { t, best };
  });
  return scored.filter((s) => s.best >= 0.25).sort((a, b) => b.best - a.best).slice(0, n).map((s) => s.t);
}
