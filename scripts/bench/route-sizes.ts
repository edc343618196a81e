/**
 * What each kind of route costs in a built site: files and bytes of dist/ per
 * route kind (reply section pages, term pages, figures pages, Pagefind…) and
 * per locale, so the size of a site can be read as "what a reply adds" and
 * "what the glossary adds" rather than as one total (issue #13, point 3).
 *
 *   node scripts/bench/route-sizes.ts dist [--json]
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Files and bytes of one route kind (or of one kind in one locale). */
export interface KindSize {
  files: number;
  bytes: number;
}

/** The sizes of a built site: per route kind over all locales, and per kind and locale (`shared` for files of no locale). */
export interface RouteSizes {
  total: KindSize;
  byKind: Record<string, KindSize>;
  byKindLocale: Record<string, Record<string, KindSize>>;
}

const LOCALE = /^(en|zh-hans|zh-hant)$/;

/**
 * The route kind and locale of a file of dist/ (path relative to dist/, `/` separators).
 * Kinds follow README's route table; Pagefind files take the locale their name starts with.
 */
export function routeKind(path: string): { kind: string; locale: string } {
  const parts = path.split('/');
  const [first = '', second, third, fourth] = parts;
  if (LOCALE.test(first)) {
    const locale = first;
    const kind = (() => {
      if (parts.length === 2) return 'home';
      switch (second) {
        case 'replies':
          if (third === 'index.html') return 'replies index';
          if (third === 'by') return 'facet pages';
          return parts.length === 4 ? 'reply overview' : 'reply section';
        case 'glossary':
          return third === 'index.html' ? 'glossary index' : 'term pages';
        case 'figures':
          if (third === 'index.html') return 'figures index';
          // figures/<slug>/index.html, or whatever a later layout puts under figures/.
          return fourth === 'index.html' && parts.length === 4 ? 'reply figures' : 'figures (other)';
        default:
          return second ?? 'other';
      }
    })();
    return { kind, locale };
  }
  if (first === 'pagefind') {
    const name = parts[parts.length - 1]!;
    const locale = /^(?:pagefind\.)?(en|zh-hans|zh-hant)[_.]/.exec(name)?.[1] ?? 'shared';
    return { kind: 'pagefind', locale };
  }
  if (first === 'data') return { kind: second === 'replies' ? 'reply data (json)' : 'exports', locale: 'shared' };
  if (first === 'search') return { kind: 'search lexicons', locale: /lexicon\.([\w-]+)\.json$/.exec(path)?.[1] ?? 'shared' };
  if (first === '_astro' || /\.(js|css|svg)$/.test(first)) return { kind: 'assets', locale: 'shared' };
  return { kind: 'other', locale: 'shared' };
}

const add = (a: KindSize, bytes: number) => {
  a.files++;
  a.bytes += bytes;
};

/** Walks a built site and sums files and bytes per route kind and locale. */
export function routeSizes(dist: string): RouteSizes {
  const out: RouteSizes = { total: { files: 0, bytes: 0 }, byKind: {}, byKindLocale: {} };
  const walk = (dir: string, rel: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = `${rel}${entry.name}`;
      if (entry.isDirectory()) walk(join(dir, entry.name), `${path}/`);
      else if (entry.isFile()) {
        const bytes = statSync(join(dir, entry.name)).size;
        const { kind, locale } = routeKind(path);
        add(out.total, bytes);
        add((out.byKind[kind] ??= { files: 0, bytes: 0 }), bytes);
        add(((out.byKindLocale[kind] ??= {})[locale] ??= { files: 0, bytes: 0 }), bytes);
      }
    }
  };
  walk(dist, '');
  return out;
}

/** Per-reply cost between a small and a large build: (large − small) / (nLarge − nSmall), per kind; kinds only one build has count as 0 in the other. */
export function perReply(small: RouteSizes, nSmall: number, large: RouteSizes, nLarge: number): { total: KindSize; byKind: Record<string, KindSize> } {
  const d = nLarge - nSmall;
  const diff = (a: KindSize | undefined, b: KindSize | undefined): KindSize => ({ files: ((b?.files ?? 0) - (a?.files ?? 0)) / d, bytes: ((b?.bytes ?? 0) - (a?.bytes ?? 0)) / d });
  const kinds = [...new Set([...Object.keys(small.byKind), ...Object.keys(large.byKind)])];
  return { total: diff(small.total, large.total), byKind: Object.fromEntries(kinds.map((k) => [k, diff(small.byKind[k], large.byKind[k])])) };
}

const MB = (b: number) => (b / 1e6).toFixed(1);

if (import.meta.url === `file://${process.argv[1]}`) {
  const dist = process.argv[2] ?? 'dist';
  const sizes = routeSizes(dist);
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(sizes, null, 1));
  } else {
    const locales = ['en', 'zh-hans', 'zh-hant', 'shared'];
    console.log(`| kind | files | MB | ${locales.map((l) => `${l} MB`).join(' | ')} | largest file KB |`);
    console.log(`|---|---:|---:|${locales.map(() => '---:').join('|')}|---:|`);
    for (const [kind, s] of Object.entries(sizes.byKind).sort((a, b) => b[1].bytes - a[1].bytes)) {
      const per = locales.map((l) => (sizes.byKindLocale[kind]![l] ? MB(sizes.byKindLocale[kind]![l]!.bytes) : ''));
      console.log(`| ${kind} | ${s.files} | ${MB(s.bytes)} | ${per.join(' | ')} | ${largest(dist, kind)} |`);
    }
    console.log(`| **total** | ${sizes.total.files} | ${MB(sizes.total.bytes)} |`);
  }
}

function largest(dist: string, kind: string): string {
  let max = 0;
  const walk = (dir: string, rel: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = `${rel}${entry.name}`;
      if (entry.isDirectory()) walk(join(dir, entry.name), `${path}/`);
      else if (routeKind(path).kind === kind) max = Math.max(max, statSync(join(dir, entry.name)).size);
    }
  };
  walk(dist, '');
  return (max / 1000).toFixed(0);
}
