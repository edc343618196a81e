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

/** One line of the result list; `url` is relative to the site's base. */
export interface Hit { url: string; title: string; subtitle?: { text: string; lang: string }; crumb: string; excerpt: string; kind: string }

const MAX = 20;

/** Makes a Pagefind result URL relative to the site base: Pagefind prefixes the path it was loaded from (e.g. /policy/). */
export function relativeUrl(url: string, base: string): string {
  const path = url.replace(/^https?:\/\/[^/]+/, '');
  return (path.startsWith(base) ? path.slice(base.length) : path).replace(/^\/+/, '');
}

/** Loads the data (one fragment request each) of the first results not loaded yet: the term search and the text search overlap. */
async function collect(pf: Pagefind, base: string, query: string | null, filters: Record<string, string> | undefined, loaded: Set<string>, limit = MAX): Promise<Hit[]> {
  const response = await pf.search(query, filters ? { filters } : undefined);
  const fresh = response.results.filter((r) => !loaded.has(r.id)).slice(0, Math.max(0, limit));
  for (const r of fresh) loaded.add(r.id);
  const data = await Promise.all(fresh.map((r) => r.data()));
  return data.map((d) => ({ url: relativeUrl(d.url, base), title: d.meta.title ?? d.url, crumb: d.meta.crumb ?? '', excerpt: d.excerpt, kind: d.filters?.kind?.[0] ?? d.meta.kind ?? '' }));
}

/** Narrowing chosen on the search page (URL parameters kind, reply, section); empty means all. */
export interface SearchFilters { kind?: string; reply?: string; section?: string }

/** Runs a planned search: the glossary term's page, the blocks that contain the term, then ordinary text matches. */
export async function runSearch(pf: Pagefind, base: string, plan: QueryPlan, termLabel: string, narrow: SearchFilters = {}): Promise<Hit[]> {
  const hits: Hit[] = [];
  const loaded = new Set<string>();
  const filters = Object.fromEntries(Object.entries(narrow).filter(([, v]) => v)) as Record<string, string>;
  const any = Object.keys(filters).length ? filters : undefined;
  if (plan.term) {
    if (!narrow.kind || narrow.kind === 'term') hits.push({ url: plan.term.url, title: plan.term.title, subtitle: { text: plan.term.subtitle, lang: plan.term.subtitleLang }, crumb: termLabel, excerpt: '', kind: 'term' });
    hits.push(...(await collect(pf, base, plan.term.query, { ...filters, term: plan.term.id }, loaded)));
  }
  let text = await collect(pf, base, plan.text, any, loaded, MAX - hits.length);
  if (text.length === 0 && plan.fallback) text = await collect(pf, base, plan.fallback, any, loaded, MAX - hits.length);
  // Paragraphs first; a term page leads only when the query names the term (above); figure rows repeat their paragraph's clause.
  const rank = (h: Hit) => (h.kind === 'figure' ? 2 : h.kind === 'term' ? 1 : 0);
  hits.push(...text.map((h, i) => ({ h, i })).sort((a, b) => rank(a.h) - rank(b.h) || a.i - b.i).map(({ h }) => h));
  const seen = new Set<string>();
  return hits.filter((h) => {
    if (seen.has(h.url)) return false;
    seen.add(h.url);
    return true;
  }).slice(0, MAX);
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
  await pf.options({ excerptLength: 24 });
  const plan = planQuery(q, lexicon);
  const hits = await runSearch(pf, base, plan, strings.term!, narrow);
  const pageLang = document.documentElement.lang;
  list.replaceChildren(...hits.map((hit) => renderHit(hit, base, plan.highlight, pageLang)));
  // The echoed query may be in another language than the page: tag it.
  const [before, after] = (hits.length ? strings.count! : strings.none!).replace('{n}', String(hits.length)).split('{q}');
  status.replaceChildren(before ?? '', ...(after === undefined ? [] : [tagged('span', q, pageLang), after]));
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

function renderHit(hit: Hit, base: string, highlight: string, pageLang: string): HTMLLIElement {
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
  return li;
}
