// The bench report's size figures: what each reply adds to dist/ per route kind, the dist/ target at 500 replies
// (measured, or extrapolated when 500 was not built) and the section page's page-to-text ratio.
import { describe, it, expect } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { extrapolateDist, perReplyCost, writeReport, type BenchReport, type SearchFigures, type SizeResult } from '../../scripts/bench/report.ts';
import { routeKind, routeSizes, type RouteSizes } from '../../scripts/bench/route-sizes.ts';
import { tempDir } from './helpers.ts';

/** Route sizes with `n` replies: 3 section pages of 30 KB and a data file of 20 KB per reply, 100 term pages of 10 KB, 2 MB of Pagefind. */
function routes(n: number): RouteSizes {
  const kinds = { 'reply section': { files: 3 * n, bytes: 90_000 * n }, 'reply data (json)': { files: n, bytes: 20_000 * n }, 'term pages': { files: 100, bytes: 1_000_000 }, pagefind: { files: 50 + n, bytes: 2_000_000 + 10_000 * n } };
  const total = Object.values(kinds).reduce((t, k) => ({ files: t.files + k.files, bytes: t.bytes + k.bytes }), { files: 0, bytes: 0 });
  return { total, byKind: kinds, byKindLocale: Object.fromEntries(Object.entries(kinds).map(([k, v]) => [k, { shared: v }])) };
}

function size(n: number, extra: Partial<SizeResult> = {}): SizeResult {
  const r = routes(n);
  return {
    size: n,
    corpus: { digest: 'x', replies: n, bytes: 0 },
    build: { runner: 'scripts/build.ts', ok: true, timedOut: false, wallMs: 10_000 + 300 * n, prepareMs: 1, astroMs: 1, pagefindMs: 1, totalMs: 1, astroPages: 1, records: {}, peakTreeMB: 500, maxProcessMB: 400, maxProcesses: 5, cpuS: 10 + 0.3 * n, otherCores: 0, load: [0, 0] },
    prepare: null,
    astro: null,
    dist: { files: r.total.files, bytes: r.total.bytes },
    pagefind: null,
    routes: r,
    htmlPages: null,
    rebuild: null,
    weights: {},
    search: null,
    baseline: null,
    ...extra,
  };
}

function report(results: SizeResult[]): BenchReport {
  return { generated: '2026-12-02T00:00:00Z', command: 'npm run bench', machine: { nproc: 2, cpu: 'cpu', memoryGB: 24, kernel: 'k', node: 'v22', chromium: 'c', gnuTime: true, versions: {} }, sizes: results.map((r) => r.size), options: {}, query: '亩均论英雄', templates: [], skippedTemplates: [], results };
}

describe('per-reply cost', () => {
  it('is (dist at N − dist at 1) / (N − 1) per route kind, and kinds that do not grow cost nothing', () => {
    const [ten, hundred] = perReplyCost([size(1), size(10), size(100)]);
    expect(ten!.size).toBe(10);
    expect(ten!.byKind['reply section']).toEqual({ files: 3, bytes: 90_000 });
    expect(ten!.byKind['term pages']).toEqual({ files: 0, bytes: 0 });
    expect(hundred!.total).toEqual({ files: 5, bytes: 120_000 });
  });
  it('needs size 1; skipped or failed sizes and reports without route sizes are left out', () => {
    expect(perReplyCost([size(10), size(100)])).toEqual([]);
    expect(perReplyCost([size(1), size(10, { routes: undefined }), size(100, { skipped: 'not run' })])).toEqual([]);
  });
  it('extrapolates dist/ at 500 from size 1 and the largest measured size', () => {
    const x = extrapolateDist([size(1), size(10), size(100)], 500)!;
    expect(x).toEqual({ files: routes(500).total.files, bytes: routes(500).total.bytes, from: 100 });
  });
});

describe('the report', () => {
  const write = (results: SizeResult[]) => {
    const { dir, cleanup } = tempDir('bench-report');
    try {
      const data = report(results);
      writeReport(data, dir);
      return { md: readFileSync(join(dir, 'report.md'), 'utf8'), targets: data.targets! };
    } finally {
      cleanup();
    }
  };
  const ratio = (r: number) => ({ en: { path: '/en/replies/x/s2/', pageBytes: 90_000, pageGzip: 25_000 * r, textBytes: 40_000, textGzip: 25_000, ratio: r }, 'zh-hans': { path: '/zh-hans/replies/x/s2/', pageBytes: 70_000, pageGzip: 20_000, textBytes: 30_000, textGzip: 18_000, ratio: 1.11 } });

  it('lists files and bytes per reply by route kind, and the page-to-text ratio', () => {
    const { md } = write([size(1, { pageRatio: ratio(1.2) }), size(10), size(100)]);
    expect(md).toContain('## What each reply adds to dist/');
    expect(md).toMatch(/\| reply section \| 3\.00 \/ 90\.0 KB \| 3\.00 \/ 90\.0 KB \|/);
    expect(md).toMatch(/\| \*\*all\*\* \| \*\*5\.00 \/ 120\.0 KB\*\* \| \*\*5\.00 \/ 120\.0 KB\*\* \|/);
    expect(md).toContain('## Page-to-text ratio of the section page');
    expect(md).toContain('1.200 (30.0 KB / 25.0 KB)');
  });

  it('states the dist/ target at 500 as measured, met or not', () => {
    const met = write([size(1), size(500)]).targets.find((t) => t.name.startsWith('dist/ at 500'))!;
    expect(met.status).toBe('met');
    expect(met.detail).toContain(`${routes(500).total.files.toLocaleString('en')} files, ${(routes(500).total.bytes / 1e6).toFixed(1)} MB`);
    const heavy = size(500, { dist: { files: 21_000, bytes: 100e6 } });
    expect(write([size(1), heavy]).targets.find((t) => t.name.startsWith('dist/ at 500'))!.status).toBe('not met');
  });

  it('extrapolates the dist/ target when 500 was not built, and judges the page ratio', () => {
    const { targets } = write([size(1, { pageRatio: ratio(1.3) }), size(10)]);
    const dist = targets.find((t) => t.name.startsWith('dist/ at 500'))!;
    expect(dist.status).toBe('not evaluated');
    expect(dist.detail).toContain('per-reply cost at 10');
    const r = targets.find((t) => t.name.startsWith("The section page's gzip size"))!;
    expect(r.status).toBe('not met');
    expect(write([size(1, { pageRatio: ratio(1.2) })]).targets.find((t) => t.name.startsWith("The section page's gzip size"))!.status).toBe('met');
  });
});

describe('the scale targets of issue #13', () => {
  const find = (results: SizeResult[], prefix: string) => {
    const { dir, cleanup } = tempDir('bench-targets');
    try {
      const data = report(results);
      writeReport(data, dir);
      return data.targets!.find((t) => t.name.startsWith(prefix))!;
    } finally {
      cleanup();
    }
  };
  const transfer = (gzip: number) => ({ raw: gzip * 2, gzip, requests: 10, byType: {} }) as unknown as SearchFigures['afterHtml'];
  const search = (gzip: number): SearchFigures => ({ query: '亩均论英雄', afterHtml: transfer(gzip), searchOnly: transfer(gzip - 5_000), results: 10, firstResult: '/x/', ms: 100 });
  const baseline = (wallMs: number): SizeResult['baseline'] => ({
    versions: { '@astrojs/starlight': '0.42.4', astro: '7.3.5', pagefind: '1.6.0', '@pagefind/default-ui': '1.5.2' },
    ok: true, timedOut: false, wallMs, astroTotalMs: wallMs, pagefindMs: 5_000, pages: 2002, sourcePages: 2002, peakTreeMB: 2000, maxProcessMB: 1500, cpuS: 40, otherCores: 0,
    dist: { bytes: 70e6, files: 4383 }, pagefind: { bytes: 10e6, files: 3000 },
    detail: { syncTypesMs: 1, collectMs: 1, viteMs: [1], generateMs: 1, totalMs: wallMs, pages: 2002, routes: {}, warnings: 0 },
    section: null, search: null,
  });

  it('the first search is judged at every size, 500 included, by the largest', () => {
    expect(find([size(1, { search: search(130_000) }), size(500, { search: search(140_000) })], 'The first search').status).toBe('met');
    const heavy = find([size(1, { search: search(130_000) }), size(500, { search: search(245_000) })], 'The first search');
    expect(heavy.status).toBe('not met');
    expect(heavy.detail).toContain('largest 245.0 KB gzip-equivalent at size 500');
    expect(find([size(1, { search: search(130_000) }), size(100, { search: search(120_000) })], 'The first search').status).toBe('not evaluated');
  });

  it('the build at 500 against Starlight in the same run: at most twice its wall time', () => {
    const at = (ms: number) => [size(1), size(500, { build: { ...size(500).build, wallMs: ms }, baseline: baseline(30_000) })];
    expect(find(at(59_000), 'The build at 500').status).toBe('met');
    const slow = find(at(67_000), 'The build at 500');
    expect(slow.status).toBe('not met');
    expect(slow.detail).toContain('67.0 s against 30.0 s (2.23×)');
    expect(find([size(1), size(500)], 'The build at 500').status).toBe('not evaluated');
  });

  it('2,000 replies: the build completes and its time per reply is at most 1.5 × that at 100', () => {
    // size(): 10 s + 0.3 s per reply, so the cost per reply above size 1 is the same at 100 and 2,000.
    const linear = find([size(1), size(100), size(2000)], 'At 2,000 replies');
    expect(linear.status).toBe('met');
    expect(linear.detail).toContain('(1.00×)');
    const superlinear = size(2000, { build: { ...size(2000).build, wallMs: 10_300 + 1999 * 460 } });
    expect(find([size(1), size(100), superlinear], 'At 2,000 replies').status).toBe('not met');
    const failed = size(2000, { build: { ...size(2000).build, ok: false, error: 'out of memory' } });
    expect(find([size(1), size(100), failed], 'At 2,000 replies')).toMatchObject({ status: 'not met', detail: expect.stringContaining('out of memory') });
    expect(find([size(1), size(100)], 'At 2,000 replies').status).toBe('not evaluated');
  });
});

describe('route kinds', () => {
  it('files of dist/ by route kind and locale, as README routes them', () => {
    expect(routeKind('en/index.html')).toEqual({ kind: 'home', locale: 'en' });
    expect(routeKind('zh-hans/replies/index.html')).toEqual({ kind: 'replies index', locale: 'zh-hans' });
    expect(routeKind('zh-hant/replies/by/year/2021/index.html')).toEqual({ kind: 'facet pages', locale: 'zh-hant' });
    expect(routeKind('en/replies/x/index.html')).toEqual({ kind: 'reply overview', locale: 'en' });
    expect(routeKind('en/replies/x/s2/index.html')).toEqual({ kind: 'reply section', locale: 'en' });
    expect(routeKind('en/glossary/t/index.html')).toEqual({ kind: 'term pages', locale: 'en' });
    expect(routeKind('en/figures/x/index.html')).toEqual({ kind: 'reply figures', locale: 'en' });
    expect(routeKind('pagefind/fragment/zh-hant_1a2b.pf_fragment')).toEqual({ kind: 'pagefind', locale: 'zh-hant' });
    expect(routeKind('pagefind/pagefind.en_b950e4a979.pf_meta')).toEqual({ kind: 'pagefind', locale: 'en' });
    expect(routeKind('pagefind/wasm.unknown.pagefind')).toEqual({ kind: 'pagefind', locale: 'shared' });
    expect(routeKind('data/replies/x.json')).toEqual({ kind: 'reply data (json)', locale: 'shared' });
    expect(routeKind('data/figures.csv')).toEqual({ kind: 'exports', locale: 'shared' });
    expect(routeKind('search/lexicon.en.json')).toEqual({ kind: 'search lexicons', locale: 'en' });
    expect(routeKind('_astro/Base.css')).toEqual({ kind: 'assets', locale: 'shared' });
  });
  it('routeSizes sums every file of a folder once', () => {
    const { dir, cleanup } = tempDir('route-sizes');
    try {
      for (const [path, bytes] of [['en/replies/x/s1/index.html', 100], ['en/replies/x/s2/index.html', 50], ['zh-hans/glossary/t/index.html', 7], ['data/replies/x.json', 3]] as const) {
        mkdirSync(join(dir, path, '..'), { recursive: true });
        writeFileSync(join(dir, path), 'x'.repeat(bytes));
      }
      const s = routeSizes(dir);
      expect(s.total).toEqual({ files: 4, bytes: 160 });
      expect(s.byKind['reply section']).toEqual({ files: 2, bytes: 150 });
      expect(s.byKindLocale['term pages']).toEqual({ 'zh-hans': { files: 1, bytes: 7 } });
    } finally {
      cleanup();
    }
  });
});
