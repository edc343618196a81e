/**
 * The search page in the browser: loads the locale's lexicon and Pagefind
 * (lazily, from the site's own base path), runs the plan of search-core.ts and
 * lists results, in rank order, as links inside #search-results.
 */
import { planQuery, type QueryPlan } from './search-core';
import type { Lexicon } from '../../scripts/lib/search-data';

interface PagefindResult { url: string; excerpt: string; meta: Record<string, string>; filters?: Record<string, string[]> }
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  search(q: string | null, o?: { filters?: Record<string, string> }): Promise<{ results: { id: string; data(): Promise<PagefindResult> }[] }>;
}

/** One line of the result list; `url` (and `figures`, the block's rows on the figures page) relative to the site's base. */
export interface Hit { url: string; title: string; subtitle?: { text: string; lang: string }; crumb: string; excerpt: string; kind: string; figures?: string }

/** Results listed at first and added by each "show more": each costs one fragment request. */
export const PAGE = 10;

/** Makes a Pagefind result URL relative to the site base: Pagefind prefixes the path it was loaded from (e.g. /policy/). */
export function relativeUrl(url: string, base: string): string {
  const path = url.replace(/^https?:\/\/[^/]+/, '');
  return (path.startsWith(base) ? path.slice(base.length) : path).replace(/^\/+/, '');
}

/** A result as the list needs it, from its Pagefind fragment. */
export function toHit(d: PagefindResult, base: string): Hit {
  const url = relativeUrl(d.url, base);
  const reply = d.filters?.reply?.[0];
  const figures = d.meta.fig && reply ? `${url.split('/')[0]}/figures/${reply}/#fig-${d.meta.fig}` : undefined;
  return { url, title: d.meta.title ?? d.url, crumb: d.meta.crumb ?? '', excerpt: d.excerpt, kind: d.filters?.kind?.[0] ?? '', ...(figures ? { figures } : {}) };
}

/** Narrowing chosen on the search page (URL parameters kind, reply, section); empty means all. */
export interface SearchFilters { kind?: string; reply?: string; section?: string }

/** The results of a search: the hits listed so far, and the rest, loaded on demand. */
export interface SearchResults {
  hits: Hit[];
  /** Results found but not loaded yet (an upper bound: one of them may turn out to repeat a listed page). */
  remaining(): number;
  /** Loads (one fragment each) and returns up to `n` further hits. */
  more(n?: number): Promise<Hit[]>;
}

type Found = { id: string; data(): Promise<PagefindResult> };

/**
 * Runs a planned search and loads its first `first` hits: the glossary term's
 * page, then the blocks that use the term, then ordinary text matches. The
 * blocks that use a term are found by text, not by a term filter (the term
 * page's concordance lists every occurrence): ranked by the unquoted term, and
 * for a Chinese term kept only if they contain it as a phrase. Within each
 * page of results, blocks come before term pages (a term page leads only when
 * the query names it). Only listed results cost a fragment request; `more()`
 * loads the next.
 */
export async function runSearch(pf: Pagefind, base: string, plan: QueryPlan, termLabel: string, narrow: SearchFilters = {}, first = PAGE): Promise<SearchResults> {
  const filters = Object.fromEntries(Object.entries(narrow).filter(([, v]) => v)) as Record<string, string>;
  const options = Object.keys(filters).length ? { filters } : undefined;
  const lead: Hit[] = plan.term && (!narrow.kind || narrow.kind === 'term') ? [{ url: plan.term.url, title: plan.term.title, subtitle: { text: plan.term.subtitle, lang: plan.term.subtitleLang }, crumb: termLabel, excerpt: '', kind: 'term' }] : [];
  // Each distinct query once (the typed text is often the term's phrase itself); all at once, since they need the same index chunks.
  const asked = new Map<string, Promise<Found[]>>();
  const ask = (q: string) => asked.get(q) ?? asked.set(q, pf.search(q, options).then((r) => r.results)).get(q)!;
  const [byTerm, phrase, byText] = await Promise.all([plan.termText ? ask(plan.termText) : [], plan.termPhrase ? ask(plan.termPhrase) : undefined, ask(plan.text)]);
  const inPhrase = phrase && new Set(phrase.map((r) => r.id));
  let text = byText;
  if (text.length === 0 && plan.fallback) text = await ask(plan.fallback);
  // One queue, term matches first; a record found by both queries is listed once (Pagefind ids are per record).
  const ids = new Set<string>();
  const queue: { r: Found; group: number }[] = [];
  for (const [group, list] of [inPhrase ? byTerm.filter((r) => inPhrase.has(r.id)) : byTerm, text].entries()) {
    for (const r of list) {
      if (ids.has(r.id)) continue;
      ids.add(r.id);
      queue.push({ r, group });
    }
  }
  const seen = new Set(lead.map((h) => h.url));
  const rank = (h: Hit) => (h.kind === 'term' ? 1 : 0);
  let next = 0;
  const more = async (n = PAGE): Promise<Hit[]> => {
    const page: { h: Hit; group: number; at: number }[] = [];
    while (page.length < n && next < queue.length) {
      const at = next;
      const batch = queue.slice(at, at + n - page.length);
      next += batch.length;
      const data = await Promise.all(batch.map(({ r }) => r.data()));
      data.forEach((d, i) => {
        const h = toHit(d, base);
        if (seen.has(h.url)) return;
        seen.add(h.url);
        page.push({ h, group: batch[i]!.group, at: at + i });
      });
    }
    const added = page.sort((a, b) => a.group - b.group || rank(a.h) - rank(b.h) || a.at - b.at).map(({ h }) => h);
    results.hits.push(...added);
    return added;
  };
  const results: SearchResults = { hits: [...lead], remaining: () => queue.length - next, more };
  await more(Math.max(0, first - lead.length));
  return results;
}

/** Wires the search page: reads ?q=, searches, renders, and keeps the URL shareable. */
export async function startSearchPage(): Promise<void> {
  const list = document.getElementById('search-results') as HTMLOListElement;
  const status = document.getElementById('search-status')!;
  const input = document.getElementById('search-q') as HTMLInputElement;
  const { locale, base } = list.dataset as { locale: string; base: string };
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
    fetch(`${base}search/lexicon.${locale}.json`).then((r) => r.json() as Promise<Lexicon>),
    import(/* @vite-ignore */ `${base}pagefind/pagefind.js`) as Promise<Pagefind>,
  ]);
  // In the page rather than in a web worker: the worker is one more script (12 KB gzip) for work that takes milliseconds here.
  await pf.options({ excerptLength: 24, noWorker: true });
  const plan = planQuery(q, lexicon);
  const results = await runSearch(pf, base, plan, strings.term!, narrow);
  const pageLang = document.documentElement.lang;
  const more = document.getElementById('search-more') as HTMLButtonElement | null;
  const show = () => {
    const shown = results.hits.length;
    const total = shown + results.remaining();
    const template = !shown ? strings.none! : total > shown ? strings.shown! : strings.count!;
    // The echoed query may be in another language than the page: tag it.
    const [before, after] = template.replace('{shown}', String(shown)).replace('{n}', String(total)).split('{q}');
    status.replaceChildren(before ?? '', ...(after === undefined ? [] : [tagged('span', q, pageLang), after]));
    if (more) more.hidden = total <= shown;
  };
  list.replaceChildren(...results.hits.map((hit) => renderHit(hit, base, plan.highlight, pageLang, strings.figures!)));
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
    list.append(...added.map((hit) => renderHit(hit, base, plan.highlight, pageLang, strings.figures!)));
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

function renderHit(hit: Hit, base: string, highlight: string, pageLang: string, figuresLabel: string): HTMLLIElement {
  const li = document.createElement('li');
  li.dataset.kind = hit.kind;
  const [path, hash] = hit.url.split('#');
  const a = document.createElement('a');
  a.href = `${base}${path}${hit.kind === 'term' ? '' : `?hl=${encodeURIComponent(highlight)}`}${hash ? `#${hash}` : ''}`;
  a.append(tagged('span', hit.title, pageLang));
  if (hit.subtitle) {
    const sub = document.createElement('span');
    sub.lang = hit.subtitle.lang;
    sub.textContent = ` · ${hit.subtitle.text}`;
    a.append(sub);
  }
  li.append(tagged('span', hit.crumb, pageLang), a);
  li.firstElementChild!.className = 'crumb';
  if (hit.excerpt) {
    const p = document.createElement('p');
    p.innerHTML = hit.excerpt; // Pagefind excerpts: our own indexed text, escaped, with <mark> around matches.
    const lang = langOfText(p.textContent ?? '', pageLang);
    if (lang) p.lang = lang;
    li.append(p);
  }
  if (hit.figures) {
    // The block states key figures: its rows in the reply's figures table.
    const p = document.createElement('p');
    const a = document.createElement('a');
    a.href = `${base}${hit.figures}`;
    a.textContent = figuresLabel;
    p.append(a);
    li.append(p);
  }
  return li;
}
