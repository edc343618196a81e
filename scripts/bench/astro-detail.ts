/**
 * Where Astro's time goes: the phases Astro's own log reports (content sync,
 * type generation, the Vite server bundle, page generation) and the page
 * generation time summed per route type from its `├─ /path (+N ms)` lines.
 */

/** Astro's phases and per-route-type render times, from one `astro build` log. */
export interface AstroDetail {
  syncTypesMs: number | null;
  collectMs: number | null;
  viteMs: number[];
  generateMs: number | null;
  totalMs: number | null;
  pages: number | null;
  routes: Record<string, { pages: number; ms: number; maxMs: number }>;
  warnings: number;
  pagefindMs?: number | null;
}

/** The route type of an output path (our site's routes; Starlight's pages fall into `other`/`reply-*`). */
export function routeType(path: string): string {
  const p = path.replace(/^\/+/, '');
  if (/^search\/lexicon\./.test(p)) return 'search lexicon';
  if (/^data\//.test(p)) return 'data export';
  if (/^[\w-]+\/glossary\/index\.html$/.test(p)) return 'glossary index';
  if (/^[\w-]+\/glossary\/[^/]+\/index\.html$/.test(p)) return 'term page';
  if (/^[\w-]+\/figures\/index\.html$/.test(p)) return 'figures index';
  if (/^[\w-]+\/figures\/[^/]+\/index\.html$/.test(p)) return 'reply figures';
  if (/^([\w-]+\/)?replies\/[^/]+\/index\.html$/.test(p)) return 'reply overview';
  if (/^([\w-]+\/)?replies\/[^/]+\/[^/]+\/index\.html$/.test(p)) return 'section page';
  if (/^[\w-]+\/search\/index\.html$/.test(p)) return 'search page';
  if (/^([\w-]+\/)?index\.html$/.test(p)) return 'home';
  return 'other';
}

const secs = (s: string | undefined) => (s === undefined ? null : s.endsWith('ms') ? Number(s.slice(0, -2)) : Number(s.replace(/s$/, '')) * 1000);

/** Parses an `astro build` log. */
export function parseAstroLog(log: string): AstroDetail {
  const clean = log.replace(/\u001b\[[0-9;]*m/g, '');
  const routes: AstroDetail['routes'] = {};
  for (const m of clean.matchAll(/[├└]─ (\S+) \(\+(\d+(?:\.\d+)?)(ms|s)\)/g)) {
    const ms = m[3] === 's' ? Number(m[2]) * 1000 : Number(m[2]);
    const r = (routes[routeType(m[1]!)] ??= { pages: 0, ms: 0, maxMs: 0 });
    r.pages++;
    r.ms += ms;
    r.maxMs = Math.max(r.maxMs, ms);
  }
  const vite = [...clean.matchAll(/\[vite\] ✓ built in ([\d.]+m?s)/g)].map((m) => secs(m[1])!);
  const completed = [...clean.matchAll(/\[build\] ✓ Completed in ([\d.]+m?s)/g)].map((m) => secs(m[1]));
  const pagefind = /Finished building search index in ([\d.]+m?s)/.exec(clean)?.[1];
  return {
    syncTypesMs: secs(/\[types\] Generated ([\d.]+m?s)/.exec(clean)?.[1]),
    collectMs: completed[0] ?? null,
    viteMs: vite,
    generateMs: secs(clean.split('\n').filter((l) => !l.includes('[build]')).map((l) => /✓ Completed in ([\d.]+m?s)/.exec(l)?.[1]).filter(Boolean).pop()),
    totalMs: secs(/page\(s\) built in ([\d.]+m?s)/.exec(clean)?.[1]),
    pages: Number(/(\d+) page\(s\) built/.exec(clean)?.[1] ?? NaN) || null,
    routes,
    warnings: (clean.match(/\[WARN\]/g) ?? []).length,
    ...(pagefind ? { pagefindMs: secs(pagefind) } : {}),
  };
}
