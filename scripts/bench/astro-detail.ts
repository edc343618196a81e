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

/** A duration as Astro prints it (`69ms`, `2.72s`, `1m 48s`, `2m`) in milliseconds. */
export function secs(s: string | undefined): number | null {
  if (s === undefined) return null;
  const m = /^(?:(\d+)m\s*)?(?:([\d.]+)(ms|s))?$/.exec(s.trim());
  if (!m || (m[1] === undefined && m[2] === undefined)) return null;
  return Number(m[1] ?? 0) * 60_000 + (m[2] === undefined ? 0 : m[3] === 'ms' ? Number(m[2]) : Number(m[2]) * 1000);
}

/** A duration pattern for the regexps below. */
const D = '((?:\\d+m(?!s)\\s*)?(?:[\\d.]+m?s)?)';

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
  const vite = [...clean.matchAll(new RegExp(`\\[vite\\] ✓ built in ${D}`, 'g'))].map((m) => secs(m[1])!);
  const completed = [...clean.matchAll(new RegExp(`\\[build\\] ✓ Completed in ${D}`, 'g'))].map((m) => secs(m[1]));
  const pagefind = new RegExp(`Finished building search index in ${D}`).exec(clean)?.[1];
  return {
    syncTypesMs: secs(new RegExp(`\\[types\\] Generated ${D}`).exec(clean)?.[1]),
    collectMs: completed[0] ?? null,
    viteMs: vite,
    generateMs: secs(clean.split('\n').filter((l) => !l.includes('[build]')).map((l) => new RegExp(`✓ Completed in ${D}`).exec(l)?.[1]).filter(Boolean).pop()),
    totalMs: secs(new RegExp(`page\\(s\\) built in ${D}`).exec(clean)?.[1]),
    pages: Number(/(\d+) page\(s\) built/.exec(clean)?.[1] ?? NaN) || null,
    routes,
    warnings: (clean.match(/\[WARN\]/g) ?? []).length,
    ...(pagefind ? { pagefindMs: secs(pagefind) } : {}),
  };
}
