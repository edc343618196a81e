/**
 * The search page in the browser: loads the locale's lexicon and Pagefind
 * (lazily, from the site's own base path), runs the plan of search-core.ts,
 * cuts each result page into its blocks and ranks the blocks by what matched,
 * then lists them, in rank order, as links inside #search-results. When the
 * words typed find nothing it relaxes the query, searches the other
 * language's index, and at last suggests glossary terms: never a silent dead end.
 */
import { pageBlocks, planQuery, unpackLexicon, scoreBlock, termMatches, snippet, TERM_SCORE, latinWords, type Anchor, type Piece, type QueryPlan, type Target } from './search-core';
import type { Lexicon, LexiconTerm, PackedLexicon, VocabularyEntry } from '../../scripts/lib/search-data';
import type { BridgeContext } from './search-dead-end';

/** What Pagefind returns for one record (page or glossary term) when its fragment is loaded. */
export interface PagefindData { url: string; meta: Record<string, string>; content?: string; anchors?: Anchor[]; filters?: Record<string, string[]> }
/** One Pagefind result before its fragment is loaded. */
export interface Found { id: string; data(): Promise<PagefindData> }
/** The part of Pagefind's API the page uses. */
export interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  search(q: string | null, o?: { filters?: Record<string, string> }): Promise<{ results: Found[] }>;
}

/** One line of the result list; `url` (and `figures`, the block's rows on the figures page) relative to the site's base. */
export interface Hit {
  url: string;
  title: string;
  subtitle?: { text: string; lang: string };
  crumb: string;
  /** The block's text around the match, marked; for a term, its definition. */
  excerpt: Piece[];
  /** The language of the excerpt when it is not the page's (a term's English definition, a block found in the other language's index). */
  excerptLang?: string;
  kind: string;
  figures?: string;
  /** Another shard of the archive the hit comes from: `url` and `figures` are relative to its base. */
  site?: Shard;
}

/** Another shard site of the archive (content/site.yaml `searchShards`): its name in the page's locale and its base (a path on this host, or an absolute URL). */
export interface Shard { name: string; base: string }

/** Results listed at first and added by each "show more". */
export const PAGE = 10;
/** Result pages whose fragments are loaded at a time (each holds every block of a reply section, about 2 KB gzip). */
export const PAGE_BATCH = 5;

/** Makes a Pagefind result URL relative to the site base: Pagefind prefixes the path it was loaded from (e.g. /policy/). */
export function relativeUrl(url: string, base: string): string {
  const path = url.replace(/^https?:\/\/[^/]+/, '');
  return (path.startsWith(base) ? path.slice(base.length) : path).replace(/^\/+/, '');
}

/**
 * Where a Pagefind result URL points: on another shard when the URL lies under its base (the longest base among this
 * site's and the shards' wins, so a shard at `/` does not capture this site's pages under `/policy/`), with the path
 * relative to that shard's base; else on this site, relative to `base`. Bases and URLs may be absolute (another host)
 * or paths (the same host: Pagefind gives merged results as paths there).
 */
export function locate(url: string, base: string, shards: readonly Shard[] = []): { path: string; site?: Shard } {
  const pathOf = (u: string) => u.replace(/^https?:\/\/[^/]+/, '');
  const absolute = (b: string) => /^https?:\/\//.test(b);
  // A match with the host (an absolute base: the search page makes every base on its own host a path) beats any path match.
  const score = (b: string) => ((absolute(b) ? url : pathOf(url)).startsWith(b) ? pathOf(b).length + (absolute(b) ? 1e6 : 0) : -1);
  let site: Shard | undefined;
  let best = score(base);
  for (const s of shards) {
    if (score(s.base) > best) {
      site = s;
      best = score(s.base);
    }
  }
  if (!site) return { path: relativeUrl(url, base) };
  return { path: (absolute(site.base) ? url : pathOf(url)).slice(site.base.length).replace(/^\/+/, ''), site };
}

/** Narrowing chosen on the search page (URL parameters kind, reply, section); empty means all. */
export interface SearchFilters { kind?: string; reply?: string; section?: string }

/** Why the results are not those of the words as typed, for the status line. */
export interface Notice {
  /** Words no result contains (relaxed away). */
  missing: string[];
  /** What was searched instead, when it differs from the query. */
  instead?: string;
  /** The results were found in the other language's text. */
  crossLanguage?: boolean;
}

/** The results of a search: the hits listed so far, and the rest, loaded on demand. */
export interface SearchResults {
  hits: Hit[];
  /** Results found but not listed yet (unloaded result pages count as one each: a lower bound). */
  remaining(): number;
  /** Loads and returns up to `n` further hits. */
  more(n?: number): Promise<Hit[]>;
  notice?: Notice;
  /** Glossary terms close to the query, when nothing at all was found. */
  suggestions: LexiconTerm[];
}

/** Options of a search run: narrowing, how many hits to list first, and how to reach another language's index. */
export interface RunOptions {
  narrow?: SearchFilters;
  first?: number;
  /** Adds another locale's index to the search (Pagefind's mergeIndex); called at most once per locale. */
  addLanguage?: (locale: string) => Promise<void>;
  /** Other shards whose indexes are merged into this one: their results link to their own pages. */
  shards?: readonly Shard[];
  /** What the page fetches only when the words typed find nothing (without it, those steps are skipped). */
  deadEnd?: DeadEndData;
}

/** The search data fetched only on a dead end (scripts/lib/search-data.ts rarePinyinFile, VOCABULARY_FILE). */
export interface DeadEndData {
  /** The toneless pinyin of the rarer words that starts with `letter` ({} when there is none). */
  pinyin(letter: string): Promise<Record<string, string>>;
  /** The English→Chinese vocabulary. */
  vocabulary(): Promise<VocabularyEntry[]>;
}

interface Item { score: number; order: number; hit?: Hit; term?: Found }

/**
 * Runs a planned search and lists its first hits: the glossary term the
 * query names, then blocks ranked by scoreBlock (a term's blocks and exact
 * phrases first, whole words before prefixes, headings before passing
 * mentions), with other glossary terms (found in their names, aliases,
 * literal rendering or explanation) below the exact matches and synonym
 * matches last. Nothing found: the Chinese phrase loosened, the query spelled
 * in pinyin, the other language's index, words dropped (missing first, then
 * the rarest), and glossary suggestions, in that order.
 */
export async function runSearch(pf: Pagefind, base: string, plan: QueryPlan, lexicon: Lexicon, termLabel: string, options: RunOptions = {}): Promise<SearchResults> {
  const narrow = options.narrow ?? {};
  const shards = options.shards ?? [];
  const locale = lexicon.locale;
  const scope = Object.fromEntries(Object.entries({ reply: narrow.reply, section: narrow.section }).filter(([, v]) => v)) as Record<string, string>;
  const wantPages = narrow.kind !== 'term';
  const wantTerms = (!narrow.kind || narrow.kind === 'term') && !Object.keys(scope).length;
  const pageFilter = { ...scope, kind: narrow.kind === 'figure' ? 'figure' : 'paragraph' };
  const asked = new Map<string, Promise<{ pages: Found[]; terms: Found[] }>>();
  const ask = (q: string) => {
    const key = q;
    if (!asked.has(key)) {
      asked.set(
        key,
        Promise.all([wantPages ? pf.search(q, { filters: pageFilter }) : { results: [] }, wantTerms ? pf.search(q, { filters: { kind: 'term' } }) : { results: [] }]).then(([p, t]) => ({ pages: p.results, terms: t.results })),
      );
    }
    return asked.get(key)!;
  };
  const gather = async (queries: string[]) => {
    const found = await Promise.all([...new Set(queries.filter(Boolean))].map(ask));
    return { pages: found.flatMap((f) => f.pages), terms: found.flatMap((f) => f.terms) };
  };
  // Found nothing where the reader looks: no reply text (or, narrowed to terms, no term).
  const empty = (r: { pages: Found[]; terms: Found[] }) => (wantPages ? !r.pages.length : !r.terms.length);

  let targets: Target[] = plan.targets;
  let notice: Notice | undefined;
  const exact = [plan.termText ?? '', plan.text, ...plan.numbers, ...(plan.pinyin && locale !== 'en' ? [`"${plan.pinyin}"`] : [])];
  let found = await gather(exact);
  // Loosened Chinese only where Chinese is indexed as Chinese: the English index keeps an untranslated block's Chinese as one long word, so the English site goes to the Chinese index instead.
  if (empty(found) && plan.fallback && locale !== 'en') found = await gather([plan.fallback]);
  /** Searches the queries, after adding another language's index if one is named; undefined when nothing is found. */
  const searchIn = async (queries: string[], language?: string) => {
    if (language) {
      if (!options.addLanguage) return undefined;
      await options.addLanguage(language);
      asked.clear();
    }
    const r = await gather(queries);
    return empty(r) ? undefined : r;
  };
  const cross = async (language: string, queries: string[]) => {
    const r = await searchIn(queries, language);
    if (r) {
      found = r;
      notice = { missing: [], crossLanguage: true };
    }
    return !!r;
  };
  if (empty(found)) {
    const simplified = plan.han ? plan.folded : '';
    if (locale === 'en' && plan.han) await cross('zh-hans', [`"${simplified.replace(/\s+/g, '')}"`, simplified]);
    else if (locale === 'en' && plan.pinyin) {
      if (await cross('zh-hans', [`"${plan.pinyin}"`])) notice = { missing: [], crossLanguage: true, instead: plan.pinyin };
    } else if (locale !== 'en' && !plan.han) await cross('en', [plan.text]);
  }
  // The lookups of a dead end are a module of their own, fetched with the first search that needs them.
  const lookups = () => import('./search-dead-end');
  const bridgeContext = (): BridgeContext => ({ plan, lexicon, vocabulary: options.deadEnd!.vocabulary, known: async (w) => !empty(await ask(w)), search: searchIn });
  // Still nothing for a Latin query: English words the vocabulary knows, searched in Chinese; else the query read as the
  // pinyin of a rarer word. Before relaxing, so that a word the English text lacks is looked up in Chinese rather than
  // dropped, but only for such words: a query whose listed words all occur in English is left to relaxing.
  // A reviewed synonym found in the text answers first (covid → epidemic): the lookups wait for the synonyms to find nothing.
  const synonymQueries = plan.synonyms.map((s) => (/\p{Script=Han}/u.test(s) ? `"${s}"` : s));
  if (empty(found) && !plan.han && !plan.term && options.deadEnd && (!synonymQueries.length || empty(await gather(synonymQueries)))) {
    const viaLookup = await (await lookups()).lookUp(bridgeContext(), options.deadEnd.pinyin);
    if (viaLookup) ({ found, targets, notice } = viaLookup);
  }
  if (empty(found) && plan.words.length > 1) {
    // Relax: drop the words no record contains, then the rarest, one at a time; at last any word.
    // A word counts as found where the reader looks first: in the replies' text (in glossary terms only when narrowed to terms).
    // A Chinese word is looked up as a phrase: loose, Pagefind would count a page holding one of its characters.
    const asTyped = (list: string[]) => list.map((w) => (/\p{Script=Han}/u.test(w) ? `"${w}"` : w)).join(' ');
    const counts = new Map<string, number>();
    for (const w of plan.words) {
      const r = await ask(asTyped([w]));
      counts.set(w, wantPages ? r.pages.length : r.terms.length);
    }
    const missing = plan.words.filter((w) => !counts.get(w));
    let kept = plan.words.filter((w) => counts.get(w));
    let r = kept.length && kept.length < plan.words.length ? await gather([asTyped(kept)]) : { pages: [], terms: [] };
    const dropped: string[] = [];
    while (empty(r) && kept.length > 1) {
      const rarest = [...kept].sort((a, b) => counts.get(a)! - counts.get(b)!)[0]!;
      dropped.push(rarest);
      kept = kept.filter((w) => w !== rarest);
      r = await gather([asTyped(kept)]);
    }
    if (!empty(r)) {
      found = r;
      targets = [{ words: kept, boost: 0 }, ...plan.targets.filter((t) => t.synonym)];
      notice = { missing: [...missing, ...dropped], instead: kept.join(' ') };
    } else if (missing.length < plan.words.length) {
      found = await gather(plan.words.filter((w) => counts.get(w)).map((w) => asTyped([w])));
      targets = plan.words.filter((w) => counts.get(w)).map((w) => ({ words: [w], boost: 0 }));
      notice = { missing, instead: plan.words.filter((w) => counts.get(w)).join(' ') };
    }
  }
  // Synonyms come after the exact matches, found or relaxed.
  const synonyms = synonymQueries.length ? await gather(synonymQueries) : { pages: [], terms: [] };
  const pages = dedupe([...found.pages, ...synonyms.pages]);
  const terms = dedupe([...found.terms, ...synonyms.terms]);

  const lead: Hit[] = plan.term && wantTerms ? [termHit(plan.term, termLabel, '')] : [];
  const seen = new Set(lead.map((h) => h.url));
  const pending: Item[] = [];
  let order = 0;
  let nextPage = 0;
  const loadPages = async (n: number) => {
    const batch = pages.slice(nextPage, nextPage + n);
    nextPage += batch.length;
    const data = await Promise.all(batch.map((r) => r.data()));
    for (const d of data) for (const item of blockItems(d, base, locale, targets, narrow.kind ?? '', shards)) pending.push({ ...item, order: order++ });
    return data;
  };
  // English words found only as parts of other words (parking in "parks", deliveries for express delivery): no block
  // holds them all whole, and no reviewed synonym answers. When the vocabulary knows them, the blocks of the Chinese text
  // that say them rank first, above those partial matches. On a Chinese site this follows English typed and found only in
  // the English index.
  let firstBatch: PagefindData[] | undefined;
  let bridged = false;
  if ((!notice || notice.crossLanguage) && !plan.han && !plan.term && options.deadEnd && pages.length && plan.words.length && !synonyms.pages.length) {
    firstBatch = await loadPages(PAGE_BATCH);
    const best = Math.max(0, ...pending.filter((i) => i.hit).map((i) => i.score));
    if (best < 3) {
      const above = await (await lookups()).above(bridgeContext(), pages, PAGE_BATCH, (d, t) => blockItems(d, base, locale, t, narrow.kind ?? '', shards));
      if (above) {
        for (const item of above.items) pending.push({ ...item, order: order++ });
        bridged = true;
        notice = above.notice;
      }
    }
  }
  if (!notice && !bridged && plan.words.length > 1 && pages.length) {
    const first = firstBatch ?? (await loadPages(PAGE_BATCH));
    const text = first.flatMap((d) => (d.anchors ?? []).map((a) => a.text?.toLowerCase() ?? '')).join('\n');
    const missing = plan.words.filter((w) => !(/\p{Script=Han}/u.test(w) ? text.includes(w) : new RegExp(`(?<![\\p{L}\\p{N}])${escapeRe(stem(w))}`, 'u').test(text)));
    if (missing.length && missing.length < plan.words.length) {
      const kept = plan.words.filter((w) => !missing.includes(w));
      notice = { missing, instead: kept.join(' ') };
      targets = [...plan.targets.filter((t) => !t.words || t.synonym), { words: kept, boost: 0 }];
      pending.length = 0;
      for (const d of first) for (const item of blockItems(d, base, locale, targets, narrow.kind ?? '', shards)) pending.push({ ...item, order: order++ });
    }
  }
  // A term inside a longer query ranks just below the blocks holding the whole query, other terms below exact matches.
  for (const t of terms) pending.push({ score: TERM_SCORE, order: order++ + 1e6, term: t });
  if (plan.within && wantTerms) pending.push({ score: 3.9, order: -1, hit: termHit(plan.within, termLabel, '') });
  // The named term's own record: its definition becomes the lead's snippet.
  const leadTerm = lead[0];
  if (leadTerm) {
    const own = await ownRecord(terms, leadTerm.url, base);
    if (own) {
      leadTerm.excerpt = [{ text: own.meta.def ?? '' }];
      leadTerm.excerptLang = own.meta.defLang ?? (locale === 'en' ? undefined : 'en');
    }
  }
  const sort = () => pending.sort((a, b) => b.score - a.score || a.order - b.order);
  /**
   * Lists up to `n` more hits. Loads at most one batch of result pages per
   * call (more only while nothing at all is pending), so the first search
   * costs PAGE_BATCH fragments however common the words are; a later "show
   * more" loads the next batch.
   */
  const more = async (n = PAGE): Promise<Hit[]> => {
    if (pending.filter((i) => i.hit).length < n && nextPage < pages.length) await loadPages(PAGE_BATCH);
    while (!pending.length && nextPage < pages.length) await loadPages(PAGE_BATCH);
    sort();
    const added: Hit[] = [];
    while (added.length < n && pending.length) {
      const take = pending.splice(0, n - added.length);
      const hits = await Promise.all(
        take.map(async (i) => {
          if (i.hit) return i.hit;
          const d = await i.term!.data();
          // A term Pagefind found by a prefix or a single shared character is no answer.
          return termMatches(d.content ?? '', plan, lexicon.t2s) ? termRecordHit(d, base, lexicon, termLabel, shards) : undefined;
        }),
      );
      for (const h of hits) {
        if (!h) continue;
        // Two shards may use the same path (the same slug): a hit is its shard's base and its path.
        const key = `${h.site?.base ?? ''}${h.url}`;
        if (seen.has(key)) continue;
        seen.add(key);
        added.push(h);
      }
    }
    results.hits.push(...added);
    return added;
  };
  const results: SearchResults = { hits: [...lead], remaining: () => pending.length + (pages.length - nextPage), more, ...(notice ? { notice } : {}), suggestions: [] };
  await more(Math.max(0, (options.first ?? PAGE) - lead.length));
  if (!results.hits.length) {
    results.suggestions = (await lookups()).suggestTerms(plan.raw, lexicon);
    // Nothing at all: say which words were not found (the words typed, or the Chinese query whole).
    if (!results.notice?.missing.length) results.notice = { missing: plan.words.length ? plan.words : [plan.folded] };
  }
  return results;
}

/** A Latin word without its common English endings, as a prefix to look for (Pagefind stems the same way). */
const stem = (w: string) => (w.length > 4 ? w.replace(/(ies|es|s|ing|ed|y)$/, '') : w);
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function dedupe(list: Found[]): Found[] {
  const ids = new Set<string>();
  return list.filter((r) => !ids.has(r.id) && ids.add(r.id));
}

/** The index record of the term the query names, among the first term results (one small fragment). */
async function ownRecord(terms: Found[], url: string, base: string): Promise<PagefindData | undefined> {
  for (const t of terms.slice(0, 3)) {
    const d = await t.data();
    if (relativeUrl(d.url, base) === url) return d;
  }
  return undefined;
}

/** The lead hit of a glossary term the query names (from the lexicon: no request). */
function termHit(term: LexiconTerm, label: string, def: string): Hit {
  return { url: term.url, title: term.title, subtitle: { text: term.subtitle, lang: term.subtitleLang }, crumb: label, excerpt: def ? [{ text: def }] : [], kind: 'term' };
}

/** A glossary term found in the index: its title in the locale, the other language beside it, its definition as the snippet. */
export function termRecordHit(d: PagefindData, base: string, lexicon: Lexicon, label: string, shards: readonly Shard[] = []): Hit {
  // A term found in the other language's index links to its page in the reader's locale; one found in another
  // shard's index, to this site's page of the same term when this site has it (the hit is then listed once).
  const { path: found, site } = locate(d.url, base, shards);
  const url = `${lexicon.locale}/${found.slice(found.indexOf('/') + 1)}`;
  const term = lexicon.terms.find((t) => t.url === url);
  return {
    ...(site && !term ? { site } : {}),
    url,
    title: term?.title ?? d.meta.title ?? url,
    ...(term ? { subtitle: { text: term.subtitle, lang: term.subtitleLang } } : {}),
    crumb: label,
    excerpt: d.meta.def ? [{ text: d.meta.def }] : [],
    // The definition is in the language of the index it came from (defLang); older indexes had English only.
    ...(d.meta.def && (d.meta.defLang ?? (lexicon.locale !== 'en' ? 'en' : undefined)) ? { excerptLang: d.meta.defLang ?? 'en' } : {}),
    kind: 'term',
  };
}

/** The ranked blocks of one result page (blocks no target matches are left out), linked on the reader's locale page even when found in another language's index. */
export function blockItems(d: PagefindData, base: string, locale: string, targets: Target[], kind: string, shards: readonly Shard[] = []): { score: number; hit: Hit }[] {
  const { path: url, site } = locate(d.url, base, shards);
  const from = url.split('/')[0]!;
  const foreign = from !== locale;
  const path = foreign ? `${locale}/${url.slice(from.length + 1)}` : url;
  const alt = d.meta.alt ? (JSON.parse(d.meta.alt) as Record<string, [string, string]>) : {};
  const [title, crumb] = foreign && alt[locale] ? alt[locale] : [d.meta.title ?? path, d.meta.crumb ?? ''];
  const figures = d.meta.fig ? (JSON.parse(d.meta.fig) as Record<string, number>) : {};
  const reply = d.filters?.reply?.[0] ?? url.split('/')[2];
  const out: { score: number; hit: Hit }[] = [];
  for (const block of pageBlocks(d.anchors ?? [])) {
    if (kind === 'figure' && !figures[block.id]) continue;
    if (kind === 'paragraph' && block.heading) continue;
    const score = scoreBlock(block, targets);
    if (score <= 0) continue;
    const fig = figures[block.id];
    out.push({
      score,
      hit: {
        url: `${path}#${block.id}`,
        title,
        crumb,
        excerpt: snippet(block.text, targets),
        ...(foreign ? { excerptLang: from === 'en' ? 'en' : from === 'zh-hant' ? 'zh-Hant' : 'zh-Hans' } : {}),
        kind: block.heading ? 'heading' : 'paragraph',
        ...(fig && reply ? { figures: `${locale}/figures/${reply}/#fig-${fig}` } : {}),
        ...(site ? { site, crumb: `${site.name} › ${crumb}` } : {}),
      },
    });
  }
  return out;
}

/** Wires the search page: reads ?q=, searches, renders, and keeps the URL shareable. */
export async function startSearchPage(): Promise<void> {
  const list = document.getElementById('search-results') as HTMLOListElement;
  const status = document.getElementById('search-status')!;
  const input = document.getElementById('search-q') as HTMLInputElement;
  const { locale, base } = list.dataset as { locale: string; base: string };
  // Other shards of the archive (content/site.yaml searchShards): a path on this host, else an absolute URL.
  const shards: Shard[] = (JSON.parse(list.dataset.shards ?? '[]') as Shard[]).map((s) => {
    const at = new URL(s.base, location.href);
    return { name: s.name, base: at.origin === location.origin ? at.pathname : at.href };
  });
  const strings = JSON.parse(list.dataset.strings!) as Record<string, string>;
  const params = new URLSearchParams(location.search);
  const q = params.get('q')?.trim() ?? '';
  const narrow: SearchFilters = { kind: params.get('kind') ?? '', reply: params.get('reply') ?? '', section: params.get('section') ?? '' };
  input.value = q;
  const kindInput = document.querySelector<HTMLInputElement>(`input[name=kind][value="${CSS.escape(narrow.kind ?? '')}"]`);
  if (kindInput) kindInput.checked = true;
  const replySelect = document.querySelector<HTMLSelectElement>('select[name=reply]');
  if (replySelect) replySelect.value = narrow.reply ?? '';
  if (narrow.kind || narrow.reply) document.querySelector<HTMLDetailsElement>('.search-filters')?.setAttribute('open', '');
  const header = document.getElementById('site-search') as HTMLInputElement | null;
  if (header) header.value = q;
  if (!q) return;
  status.textContent = strings.loading!;
  const [lexicon, pf] = await Promise.all([
    fetch(`${base}search/lexicon.${locale}.json`).then(async (r) => unpackLexicon((await r.json()) as PackedLexicon)),
    import(/* @vite-ignore */ `${base}pagefind/pagefind.js`) as Promise<Pagefind & { mergeIndex(path: string, o: Record<string, unknown>): Promise<void> }>,
  ]);
  // In the page rather than in a web worker: the worker is one more script (12 KB gzip) for work that takes milliseconds here.
  await pf.options({ excerptLength: 24, noWorker: true });
  const plan = planQuery(q, lexicon);
  const added = new Set<string>();
  // A shard that cannot be reached (moved, offline) leaves the search to the others rather than failing it.
  const mergeShards = (language: string) => Promise.all(shards.map((s) => pf.mergeIndex(new URL(`${s.base}pagefind/`, location.href).href, { language }).catch(() => undefined)));
  const addLanguage = async (language: string) => {
    if (added.has(language)) return;
    added.add(language);
    // The same bundle under its absolute URL: Pagefind skips a merge whose path is the primary's.
    await Promise.all([pf.mergeIndex(new URL(`${base}pagefind/`, location.href).href, { language }), mergeShards(language)]);
  };
  await mergeShards(locale);
  // Fetched only on a dead end, each at most once; a file that is missing (no word starts with that letter) reads as empty.
  const once = new Map<string, Promise<unknown>>();
  const json = <T>(path: string, empty: T) => {
    if (!once.has(path)) once.set(path, fetch(`${base}${path}`).then((r) => (r.ok ? r.json() : empty), () => empty));
    return once.get(path) as Promise<T>;
  };
  const deadEnd: DeadEndData = { pinyin: (letter) => json(`search/pinyin.${letter}.json`, {}), vocabulary: () => json('search/vocabulary.json', []) };
  const results = await runSearch(pf, base, plan, lexicon, strings.term!, { narrow, addLanguage, shards, deadEnd });
  const pageLang = document.documentElement.lang;
  const highlight = results.notice?.instead ?? (results.notice?.crossLanguage ? plan.folded : plan.highlight);
  const more = document.getElementById('search-more') as HTMLButtonElement | null;
  const show = () => {
    const shown = results.hits.length;
    const total = shown + results.remaining();
    const template = !shown ? strings.none! : total > shown ? strings.shown! : strings.count!;
    // The echoed query may be in another language than the page: tag it.
    const [before, after] = template.replace('{shown}', String(shown)).replace('{n}', String(total)).split('{q}');
    const line: (string | Node)[] = [before ?? '', ...(after === undefined ? [] : [tagged('span', q, pageLang), after])];
    const n = results.notice;
    if (n?.missing.length) line.push(' ', ...fill(strings.missing!, { words: n.missing.map((w) => `“${w}”`).join(', ') }, pageLang));
    if (n?.instead) line.push(' ', ...fill(strings.instead!, { q: n.instead }, pageLang));
    if (n?.crossLanguage) line.push(' ', strings.crossLanguage!);
    status.replaceChildren(...line);
    // What the page did instead of the words as typed (relaxed, other language), for tests and styling.
    if (n) status.dataset.notice = n.crossLanguage ? 'cross-language' : shown ? 'relaxed' : 'not-found';
    if (more) more.hidden = total <= shown;
  };
  list.replaceChildren(...results.hits.map((hit) => renderHit(hit, base, highlight, pageLang, strings.figures!)));
  if (!results.hits.length) renderSuggestions(results.suggestions, base, strings, pageLang);
  show();
  more?.addEventListener('click', async () => {
    more.disabled = true;
    let added: Hit[];
    try {
      added = await results.more();
    } catch {
      // A fragment that fails to load (connection lost): say so, and let the reader try again.
      status.textContent = strings.failed!;
      more.disabled = false;
      return;
    }
    list.append(...added.map((hit) => renderHit(hit, base, highlight, pageLang, strings.figures!)));
    more.disabled = false;
    show();
    // Keyboard and screen reader users go on from the first new result (the button may have just been hidden).
    const target = list.children[results.hits.length - added.length] ?? list.lastElementChild;
    if (more.hidden || added.length) target?.querySelector('a')?.focus();
  });
  list.dataset.state = 'done';
}

/** The language of a text shown on a page in `pageLang`: Chinese text on an English page and English text on a Chinese page get their own tag. */
export function langOfText(text: string, pageLang: string): string | undefined {
  const han = /\p{Script=Han}/u.test(text);
  if (pageLang === 'en') return han ? 'zh-Hans' : undefined;
  return !han && /[A-Za-z]{2,}/.test(text) ? 'en' : undefined;
}

function tagged<K extends keyof HTMLElementTagNameMap>(tag: K, text: string, pageLang: string): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  el.textContent = text;
  const lang = langOfText(text, pageLang);
  if (lang) el.lang = lang;
  return el;
}

/** A UI string with {placeholders} filled, each value tagged with its language. */
function fill(template: string, values: Record<string, string>, pageLang: string): (string | Node)[] {
  return template.split(/(\{\w+\})/).map((part) => {
    const key = /^\{(\w+)\}$/.exec(part)?.[1];
    return key && values[key] !== undefined ? tagged('span', values[key]!, pageLang) : part;
  });
}

/** Nothing found at all: the closest glossary terms, and the glossary itself. */
function renderSuggestions(terms: LexiconTerm[], base: string, strings: Record<string, string>, pageLang: string): void {
  const box = document.getElementById('search-suggestions');
  if (!box) return;
  const items: Node[] = [];
  if (terms.length) {
    const p = document.createElement('p');
    p.textContent = strings.suggest!;
    const ul = document.createElement('ul');
    for (const t of terms) {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = `${base}${t.url}`;
      a.append(tagged('span', t.title, pageLang));
      const sub = document.createElement('span');
      sub.lang = t.subtitleLang;
      sub.textContent = ` · ${t.subtitle}`;
      a.append(sub);
      li.append(a);
      ul.append(li);
    }
    items.push(p, ul);
  }
  const browse = document.createElement('p');
  const a = document.createElement('a');
  a.href = `${base}${pageLang === 'en' ? 'en' : pageLang === 'zh-Hant' ? 'zh-hant' : 'zh-hans'}/glossary/`;
  a.textContent = strings.browse!;
  browse.append(a);
  items.push(browse);
  box.replaceChildren(...items);
  box.hidden = false;
}

function renderHit(hit: Hit, base: string, highlight: string, pageLang: string, figuresLabel: string): HTMLLIElement {
  const li = document.createElement('li');
  li.dataset.kind = hit.kind;
  const [path, hash] = hit.url.split('#');
  const a = document.createElement('a');
  const home = hit.site?.base ?? base;
  a.href = `${home}${path}${hit.kind === 'term' ? '' : `?hl=${encodeURIComponent(highlight)}`}${hash ? `#${hash}` : ''}`;
  a.append(tagged('span', hit.title, pageLang));
  if (hit.subtitle) {
    const sub = document.createElement('span');
    sub.lang = hit.subtitle.lang;
    sub.textContent = ` · ${hit.subtitle.text}`;
    a.append(sub);
  }
  li.append(tagged('span', hit.crumb, pageLang), a);
  li.firstElementChild!.className = 'crumb';
  if (hit.excerpt.length) {
    const p = document.createElement('p');
    for (const piece of hit.excerpt) {
      if (!piece.mark) p.append(piece.text);
      else {
        const mark = document.createElement('mark');
        mark.textContent = piece.text;
        p.append(mark);
      }
    }
    const lang = hit.excerptLang ?? langOfText(p.textContent ?? '', pageLang);
    if (lang && lang.toLowerCase() !== pageLang.toLowerCase()) p.lang = lang;
    li.append(p);
  }
  if (hit.figures) {
    // The block states key figures: its rows in the reply's figures table.
    const p = document.createElement('p');
    const a = document.createElement('a');
    a.href = `${hit.site?.base ?? base}${hit.figures}`;
    a.textContent = figuresLabel;
    p.append(a);
    li.append(p);
  }
  return li;
}

export { latinWords };
