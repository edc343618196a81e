/**
 * The benchmark's results: report.json (every number) and report.md (tables
 * per size, page weights, the Starlight comparison with ratios, and the
 * targets stated as met / not met with the figures behind them).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AstroDetail } from './astro-detail.ts';
import { typeOf, type Transfer } from './browser.ts';
import type { SkippedTemplate } from './corpus.ts';
import type { Ablation, PagefindAblation } from './diagnose.ts';
import { perReply, type KindSize, type RouteSizes } from './route-sizes.ts';

export interface BuildFigures {
  runner: string;
  ok: boolean;
  timedOut: boolean;
  memKilled?: boolean;
  /** The stage the build was in when it ended (for a stopped build: where it was stopped). */
  reachedStage?: string;
  stageStartsMs?: Record<string, number>;
  wallMs: number;
  prepareMs: number | null;
  astroMs: number | null;
  pagefindMs: number | null;
  totalMs: number | null;
  astroPages: number | null;
  records: Record<string, number>;
  peakTreeMB: number | null;
  maxProcessMB: number | null;
  maxProcesses: number;
  peakByProcessMB?: Record<string, number>;
  cpuS: number | null;
  otherCores: number | null;
  load: [number, number];
  error?: string;
  routeCheckError?: string;
}

type Size2 = { raw: number; gzip: number };
export interface PageWeight {
  path: string;
  static: { html: Size2; css: Size2; js: Size2; total: Size2 };
  load?: Omit<Transfer, 'files'>;
}

export interface SearchFigures {
  query: string;
  afterHtml: Transfer;
  searchOnly: Transfer;
  results: number;
  firstResult: string;
  ms: number;
}

export interface SizeResult {
  size: number;
  /** Set on experiments (e.g. a larger V8 heap): not the project's default build. */
  variant?: string;
  skipped?: string;
  /** Digest of the project's sources the size was built from (scripts/bench/site.ts snapshotProject). */
  projectDigest?: string;
  corpus: { digest: string; replies: number; bytes: number };
  build: BuildFigures;
  prepare: {
    importMs: number; loadMs: number; qaMs: number; pipelineMs: number; generateMs: number; writeMs: number; prepareWarmMs: number;
    findings: number; pageFiles: number; pageBytes: number; siteJsonBytes: number; searchRecords: number; concordanceEntries: number;
  } | null;
  astro: (AstroDetail & { wallMs?: number; peakTreeMB?: number | null }) | null;
  dist: { bytes: number; files: number } | null;
  pagefind: { bytes: number; files: number } | null;
  /** dist/ per route kind and locale (scripts/bench/route-sizes.ts); absent in reports written before it. */
  routes?: RouteSizes;
  /** Page-to-text ratio of the measured section page, per locale (scripts/bench/page-ratio.ts). */
  pageRatio?: Record<string, PageRatio>;
  htmlPages: number | null;
  rebuild: (BuildFigures & { edit: string }) | null;
  weights: Record<string, PageWeight>;
  search: SearchFigures | null;
  /** Astro ablations at this size (scripts/bench/diagnose.ts). */
  diagnosis?: Ablation[];
  /** Pagefind ablations at this size. */
  pagefindDiagnosis?: PagefindAblation[];
  baseline: {
    versions: Record<string, string>;
    ok: boolean;
    timedOut: boolean;
    wallMs: number;
    astroTotalMs: number | null;
    pagefindMs: number | null;
    pages: number | null;
    sourcePages: number;
    peakTreeMB: number | null;
    maxProcessMB: number | null;
    cpuS: number | null;
    otherCores: number | null;
    dist: { bytes: number; files: number };
    pagefind: { bytes: number; files: number };
    detail: AstroDetail;
    section: PageWeight | null;
    search: SearchFigures | null;
  } | null;
}

export interface BenchReport {
  generated: string;
  command: string;
  machine: { nproc: number; cpu: string; memoryGB: number; kernel: string; node: string; chromium: string; gnuTime: boolean; versions: Record<string, string> };
  sizes: number[];
  options: Record<string, boolean | number>;
  query: string;
  templates: string[];
  skippedTemplates: SkippedTemplate[];
  results: SizeResult[];
  experiments?: SizeResult[];
  resumedFrom?: string;
  /** Every run that contributed to this report (a resumed run adds itself). */
  runs?: { generated: string; command: string; sizes: number[]; variant?: string }[];
  targets?: Target[];
  trend?: Trend;
}

export interface Target { name: string; status: 'met' | 'not met' | 'not evaluated'; detail: string }

/** A page's gzip size against the gzip size of its visible text. */
export interface PageRatio { path: string; pageBytes: number; pageGzip: number; textBytes: number; textGzip: number; ratio: number }

/** The dist/ targets at 500 replies (issue #13): what static hosts accept (Cloudflare Pages: 20,000 files; a margin under GitHub Pages' 1 GB). */
export const DIST_TARGET = { replies: 500, files: 20_000, bytes: 250e6 } as const;
/** The section page's gzip size at most this many times the gzip size of its visible text. */
export const RATIO_TARGET = 1.25;

/** What each reply adds to dist/, per route kind, between size 1 and each larger size with route sizes: (dist(N) − dist(1)) / (N − 1). */
export function perReplyCost(results: SizeResult[]): { size: number; total: KindSize; byKind: Record<string, KindSize> }[] {
  const ok = results.filter((r) => !r.skipped && r.build?.ok && r.routes);
  const one = ok.find((r) => r.size === 1);
  if (!one) return [];
  return ok.filter((r) => r.size > 1).map((r) => ({ size: r.size, ...perReply(one.routes!, 1, r.routes!, r.size) }));
}

/** dist/ at `n` replies from size 1 and the per-reply cost of the largest measured size (files, bytes). */
export function extrapolateDist(results: SizeResult[], n: number): { files: number; bytes: number; from: number } | null {
  const one = results.find((r) => r.size === 1 && r.routes);
  const cost = perReplyCost(results).at(-1);
  if (!one || !cost) return null;
  return { files: Math.round(one.routes!.total.files + (n - 1) * cost.total.files), bytes: Math.round(one.routes!.total.bytes + (n - 1) * cost.total.bytes), from: cost.size };
}
export interface Trend { fixedMs: number; perReplyMs: Record<string, number>; fixedCpuS: number | null; perReplyCpuS: Record<string, number>; fit: { interceptMs: number; perReplyMs: number; points: number } | null; predicted500Ms: number | null; cpuFit: { interceptS: number; perReplyS: number } | null; predicted500CpuS: number | null; memFit: { interceptMB: number; perReplyMB: number } | null; predicted500MB: number | null }

const KB = 1000;
const fmtKB = (b: number | null | undefined) => (b === null || b === undefined ? '–' : `${(b / KB).toFixed(1)} KB`);
const fmtMB = (b: number | null | undefined) => (b === null || b === undefined ? '–' : `${(b / 1e6).toFixed(1)} MB`);
const fmtS = (ms: number | null | undefined) => (ms === null || ms === undefined ? '–' : `${(ms / 1000).toFixed(1)} s`);
const ratio = (a: number | null | undefined, b: number | null | undefined) => (a && b ? `${(a / b).toFixed(2)}×` : '–');

/** Linear fit of build wall time over the measured sizes; per-reply cost above the fixed cost of size 1. */
export function trend(results: SizeResult[]): Trend | undefined {
  const ok = results.filter((r) => !r.skipped && r.build?.ok);
  const one = ok.find((r) => r.size === 1);
  if (!one) return undefined;
  const perReplyMs: Record<string, number> = {};
  const perReplyCpuS: Record<string, number> = {};
  for (const r of ok) {
    if (r.size === 1) continue;
    perReplyMs[r.size] = (r.build.wallMs - one.build.wallMs) / (r.size - 1);
    if (r.build.cpuS !== null && one.build.cpuS !== null) perReplyCpuS[r.size] = (r.build.cpuS - one.build.cpuS) / (r.size - 1);
  }
  const line = (pts: (readonly [number, number])[]) => {
    if (pts.length < 2) return null;
    const n = pts.length;
    const mx = pts.reduce((s, p) => s + p[0], 0) / n;
    const my = pts.reduce((s, p) => s + p[1], 0) / n;
    const b = pts.reduce((s, p) => s + (p[0] - mx) * (p[1] - my), 0) / pts.reduce((s, p) => s + (p[0] - mx) ** 2, 0);
    return { a: my - b * mx, b };
  };
  const w = line(ok.map((r) => [r.size, r.build.wallMs] as const));
  const c = line(ok.filter((r) => r.build.cpuS !== null).map((r) => [r.size, r.build.cpuS!] as const));
  const m = line(ok.filter((r) => r.build.peakTreeMB !== null).map((r) => [r.size, r.build.peakTreeMB!] as const));
  const fit = w ? { interceptMs: Math.round(w.a), perReplyMs: Math.round(w.b * 10) / 10, points: ok.length } : null;
  return {
    fixedMs: one.build.wallMs,
    perReplyMs,
    fixedCpuS: one.build.cpuS,
    perReplyCpuS,
    fit,
    predicted500Ms: w ? Math.round(w.a + w.b * 500) : null,
    cpuFit: c ? { interceptS: Math.round(c.a * 10) / 10, perReplyS: Math.round(c.b * 1000) / 1000 } : null,
    predicted500CpuS: c ? Math.round(c.a + c.b * 500) : null,
    memFit: m ? { interceptMB: Math.round(m.a), perReplyMB: Math.round(m.b * 10) / 10 } : null,
    predicted500MB: m ? Math.round(m.a + m.b * 500) : null,
  };
}

/** The targets of the brief and of issue #13 (dist/ at 500, page ratio, first search at every size, build against Starlight at 500, 2,000 replies), evaluated on the measured numbers. */
export function targets(report: BenchReport): Target[] {
  const ok = (n: number) => report.results.find((r) => r.size === n && !r.skipped && r.build?.ok);
  const tr = trend(report.results);
  const out: Target[] = [];
  const r100 = ok(100);
  const r500 = ok(500);
  const stopped500 = report.results.find((r) => r.size === 500 && (r.skipped || !r.build?.ok));
  const stopText = (r: SizeResult) =>
    r.skipped
      ? r.skipped
      : r.build.memKilled || r.build.timedOut
        ? `the 500-reply build was stopped ${r.build.memKilled ? `when its process tree passed the memory limit (peak seen ${r.build.peakTreeMB} MiB)` : 'at the time limit'} after ${fmtS(r.build.wallMs)}, during the ${r.build.reachedStage} stage`
        : `the 500-reply build failed after ${fmtS(r.build.wallMs)} in the ${r.build.reachedStage} stage (${r.build.error ?? 'see bench/work/build-size-500.log'}; peak ${r.build.peakTreeMB} MiB)`;
  // An experiment that built 500 with a non-default setting (e.g. a larger V8 heap) says what the default lacks.
  const ex500 = (report.experiments ?? []).find((r) => r.size === 500 && r.build?.ok);
  const one = ok(1);
  const exPerReply = ex500 && one ? (ex500.build.wallMs - one.build.wallMs) / 499 : null;
  const exCpuPerReply = ex500 && one && ex500.build.cpuS !== null && one.build.cpuS !== null ? (ex500.build.cpuS - one.build.cpuS) / 499 : null;
  const exText = ex500
    ? ` Experiment "${ex500.variant}": the 500-reply build completes in ${fmtS(ex500.build.wallMs)} (${(ex500.build.wallMs / 60000).toFixed(1)} min, ${ex500.build.cpuS?.toFixed(0)} s CPU; prepare ${fmtS(ex500.build.prepareMs)}, astro ${fmtS(ex500.build.astroMs)}, Pagefind ${fmtS(ex500.build.pagefindMs)}) with a peak of ${ex500.build.peakTreeMB} MiB${exPerReply !== null && tr?.perReplyMs[100] ? `; time per reply at 500 ${(exPerReply / 1000).toFixed(2)} s wall (${(exPerReply / tr.perReplyMs[100]!).toFixed(2)}× the 100-reply figure)` : ''}${exCpuPerReply !== null && tr?.perReplyCpuS[100] ? `, ${exCpuPerReply.toFixed(2)} s CPU (${(exCpuPerReply / tr.perReplyCpuS[100]!).toFixed(2)}×)` : ''}.`
    : '';
  const predicted = tr ? `the linear fit over the finished sizes predicts ${fmtS(tr.predicted500Ms)} wall (${(tr.predicted500Ms ?? 0) / 60000 > 0 ? ((tr.predicted500Ms ?? 0) / 60000).toFixed(0) : '?'} min), ${tr.predicted500CpuS ?? '?'} s CPU and ${tr.predicted500MB ?? '?'} MiB peak at 500` : '';
  if (tr && r100 && r500) {
    const a = tr.perReplyMs[100]!;
    const b = tr.perReplyMs[500]!;
    out.push({ name: 'Build cost grows linearly (time per reply at 500 ≤ 1.5 × at 100, fixed cost of 1 reply subtracted)', status: b <= 1.5 * a ? 'met' : 'not met', detail: `wall time: ${(a / 1000).toFixed(2)} s/reply at 100, ${(b / 1000).toFixed(2)} s/reply at 500 (ratio ${(b / a).toFixed(2)}; fixed cost ${fmtS(tr.fixedMs)})${tr.perReplyCpuS[100] && tr.perReplyCpuS[500] ? `; CPU time: ${tr.perReplyCpuS[100]!.toFixed(2)} → ${tr.perReplyCpuS[500]!.toFixed(2)} s/reply (ratio ${(tr.perReplyCpuS[500]! / tr.perReplyCpuS[100]!).toFixed(2)})` : ''}` });
  } else if (stopped500) {
    out.push({ name: 'Build cost grows linearly (time per reply at 500 ≤ 1.5 × at 100, fixed cost of 1 reply subtracted)', status: 'not met', detail: `${stopText(stopped500)}, so the build does not scale to 500 replies. Up to the last size that built, time per reply was (above size 1) wall ${Object.entries(tr?.perReplyMs ?? {}).map(([n, ms]) => `${n}: ${(ms / 1000).toFixed(2)} s`).join(', ')}; CPU: ${Object.entries(tr?.perReplyCpuS ?? {}).map(([n, v]) => `${n}: ${v.toFixed(2)} s`).join(', ')}.${exText}` });
  } else out.push({ name: 'Build cost grows linearly', status: 'not evaluated', detail: 'needs sizes 1, 100 and 500' });
  if (r500) {
    const t = r500.build.wallMs;
    const m = r500.build.peakTreeMB ?? Infinity;
    out.push({ name: '500 replies build in under 10 minutes with peak memory under 4 GB', status: t < 600_000 && m < 4096 ? 'met' : 'not met', detail: `${fmtS(t)} (${(t / 60000).toFixed(1)} min), peak ${m} MiB summed over the process tree (largest single process ${r500.build.maxProcessMB} MiB)` });
  } else if (stopped500) {
    out.push({ name: '500 replies build in under 10 minutes with peak memory under 4 GB', status: 'not met', detail: `${stopText(stopped500)}; ${predicted}.${exText}` });
  } else out.push({ name: '500 replies build in under 10 minutes with peak memory under 4 GB', status: 'not evaluated', detail: 'size 500 was not run' });
  const seed = ok(1);
  const section = seed?.weights.section;
  if (section) {
    const bytes = section.load?.gzip ?? section.static.total.gzip;
    const largest = Math.max(...report.results.filter((r) => r.weights?.section).map((r) => r.weights.section!.load?.gzip ?? r.weights.section!.static.total.gzip));
    out.push({ name: 'A section page transfers under 30 KB gzip before search is opened', status: bytes < 30 * KB ? 'met' : 'not met', detail: `${fmtKB(bytes)} gzip for ${section.path} at size 1 (${section.load ? `everything Chromium fetched, ${section.load.requests} requests` : 'HTML + referenced CSS/JS'}); largest over all sizes ${fmtKB(largest)}` });
  } else out.push({ name: 'A section page transfers under 30 KB gzip before search is opened', status: 'not evaluated', detail: 'size 1 was not built' });
  const searchName = 'The first search for a Chinese term transfers under 150 KB, at every size measured (500 replies included)';
  const searched = report.results.filter((r) => r.search && !r.skipped && r.build?.ok);
  if (seed?.search) {
    const worst = searched.reduce((a, r) => (r.search!.afterHtml.gzip > a.search!.afterHtml.gzip ? r : a), seed);
    const all = [...searched.map((r) => `${r.size}: ${fmtKB(r.search!.afterHtml.gzip)}`), ...(report.experiments ?? []).filter((r) => r.search).map((r) => `${r.size} (${r.variant}): ${fmtKB(r.search!.afterHtml.gzip)}`)].join(', ');
    const largest = worst.search!.afterHtml.gzip;
    out.push({ name: searchName, status: largest < 150 * KB && ok(500)?.search ? 'met' : largest < 150 * KB ? 'not evaluated' : 'not met', detail: `${report.query}: largest ${fmtKB(largest)} gzip-equivalent at size ${worst.size} (${fmtKB(worst.search!.afterHtml.raw)} as served uncompressed); by size: ${all}${ok(500)?.search ? '' : '; size 500 was not measured in Chromium'}` });
  } else out.push({ name: searchName, status: 'not evaluated', detail: 'no browser measurement at size 1' });
  const baselineName = 'The build at 500 replies takes at most 2 × the wall time of Starlight building the same replies in the same run';
  if (r500?.baseline?.ok) {
    const x = r500.build.wallMs / r500.baseline.wallMs;
    out.push({ name: baselineName, status: x <= 2 ? 'met' : 'not met', detail: `${fmtS(r500.build.wallMs)} against ${fmtS(r500.baseline.wallMs)} (${x.toFixed(2)}×); CPU time ${r500.build.cpuS?.toFixed(0) ?? '–'} s against ${r500.baseline.cpuS?.toFixed(0) ?? '–'} s; other processes kept ${r500.build.otherCores?.toFixed(2) ?? '–'} and ${r500.baseline.otherCores?.toFixed(2) ?? '–'} cores busy during the two builds` });
  } else out.push({ name: baselineName, status: 'not evaluated', detail: r500 ? 'the Starlight baseline was not built at 500' : 'size 500 was not built' });
  const bigName = 'At 2,000 replies the build completes on this machine, and its time per reply is at most 1.5 × that at 100 (fixed cost of 1 reply subtracted)';
  const r2000 = ok(2000);
  const tried2000 = report.results.find((r) => r.size === 2000);
  if (r2000 && tr?.perReplyMs[100] && tr.perReplyMs[2000]) {
    const a = tr.perReplyMs[100]!;
    const b = tr.perReplyMs[2000]!;
    const cpu = tr.perReplyCpuS[100] && tr.perReplyCpuS[2000] ? `; CPU ${tr.perReplyCpuS[100]!.toFixed(2)} → ${tr.perReplyCpuS[2000]!.toFixed(2)} s/reply (${(tr.perReplyCpuS[2000]! / tr.perReplyCpuS[100]!).toFixed(2)}×)` : '';
    out.push({ name: bigName, status: b <= 1.5 * a ? 'met' : 'not met', detail: `completed in ${fmtS(r2000.build.wallMs)} (${(r2000.build.wallMs / 60000).toFixed(1)} min; prepare ${fmtS(r2000.build.prepareMs)}, astro ${fmtS(r2000.build.astroMs)}, Pagefind ${fmtS(r2000.build.pagefindMs)}), peak ${r2000.build.peakTreeMB} MiB over the process tree; wall ${(a / 1000).toFixed(3)} s/reply at 100, ${(b / 1000).toFixed(3)} s/reply at 2,000 (${(b / a).toFixed(2)}×)${cpu}` });
  } else if (tried2000 && !r2000) out.push({ name: bigName, status: 'not met', detail: tried2000.skipped ?? `the build did not complete (${tried2000.build?.error ?? 'see bench/work/build-size-2000.log'})` });
  else out.push({ name: bigName, status: 'not evaluated', detail: 'size 2000 was not run (npm run bench -- --sizes 2000 --no-baseline --resume --keep-snapshot adds it to a report)' });
  const distName = `dist/ at ${DIST_TARGET.replies} replies: at most ${DIST_TARGET.files.toLocaleString('en')} files and ${DIST_TARGET.bytes / 1e6} MB`;
  const at500 = report.results.find((r) => r.size === DIST_TARGET.replies && !r.skipped && r.build?.ok && r.dist);
  if (at500) {
    const { files, bytes } = at500.dist!;
    const big = at500.routes ? Object.entries(at500.routes.byKind).sort((a, b) => b[1].bytes - a[1].bytes).slice(0, 3).map(([k, v]) => `${k} ${fmtMB(v.bytes)}`).join(', ') : '';
    out.push({ name: distName, status: files <= DIST_TARGET.files && bytes <= DIST_TARGET.bytes ? 'met' : 'not met', detail: `${files.toLocaleString('en')} files, ${fmtMB(bytes)} (file bytes; 1 MB = 10^6 bytes)${big ? `; largest kinds: ${big}` : ''}` });
  } else {
    const x = extrapolateDist(report.results, DIST_TARGET.replies);
    out.push({ name: distName, status: 'not evaluated', detail: x ? `size ${DIST_TARGET.replies} not built; from size 1 and the per-reply cost at ${x.from}: about ${x.files.toLocaleString('en')} files, ${fmtMB(x.bytes)}` : `size ${DIST_TARGET.replies} not built` });
  }
  const ratioName = `The section page's gzip size is at most ${RATIO_TARGET} × that of its visible text`;
  const ratios = seed?.pageRatio ? Object.entries(seed.pageRatio) : [];
  if (ratios.length) {
    const worst = Math.max(...ratios.map(([, r]) => r.ratio));
    out.push({ name: ratioName, status: worst <= RATIO_TARGET ? 'met' : 'not met', detail: ratios.map(([l, r]) => `${l} ${r.ratio.toFixed(3)} (${fmtKB(r.pageGzip)} gzip for ${fmtKB(r.textGzip)} of text, \`${r.path}\`)`).join('; ') });
  } else out.push({ name: ratioName, status: 'not evaluated', detail: 'no page ratio at size 1' });
  return out;
}

/** Gzip bytes per file type, recomputed from the file list when there is one (older runs typed JSON as "other"). */
function byType(t: Transfer): Record<string, number> {
  const out: Record<string, number> = {};
  if (t.files) for (const f of t.files) out[typeOf(f.path)] = (out[typeOf(f.path)] ?? 0) + f.gzip;
  else for (const [k, v] of Object.entries(t.byType)) out[k] = v.gzip;
  return out;
}

/** The slowest stage at the largest size that built (an experiment at a larger size counts), with what the ablations say about it. */
function slowest(report: BenchReport): string[] {
  const built = [...report.results, ...(report.experiments ?? [])].filter((r) => !r.skipped && r.build?.ok && r.build.astroMs !== null);
  const top = built.sort((a, b) => b.size - a.size)[0];
  if (!top) return [];
  const b = top.build;
  const stages: [string, number][] = [['prepare', b.prepareMs ?? 0], ['astro build', b.astroMs ?? 0], ['Pagefind index', b.pagefindMs ?? 0]];
  const total = stages.reduce((n, [, ms]) => n + ms, 0);
  stages.sort((x, y) => y[1] - x[1]);
  // Astro build and the Pagefind index run side by side (scripts/build.ts): their times overlap, so shares are of the stages' sum, not of the wall time.
  const overlap = b.wallMs && total > b.wallMs ? ` (astro build and Pagefind run side by side: the stages add up to ${fmtS(total)} in ${fmtS(b.wallMs)} of wall time)` : '';
  const out = [`At ${top.size} replies${top.variant ? ` (${top.variant})` : ''}: ${stages.map(([n, ms]) => `${n} ${fmtS(ms)} (${Math.round((ms / total) * 100)}%)`).join(', ')}${overlap}; peak per process ${Object.entries(b.peakByProcessMB ?? {}).sort((x, y) => y[1] - x[1]).slice(0, 2).map(([k, v]) => `${k} ${v} MiB`).join(', ')}.`];
  const d = report.results.find((r) => r.diagnosis?.length);
  if (d) {
    const [asBuilt, oneBlock] = d.diagnosis!;
    if (asBuilt?.generateMs && oneBlock?.generateMs) out.push(`Astro at ${d.size} replies (ablation): the Vite server bundle takes ${fmtS(asBuilt.viteMs)} and page generation ${fmtS(asBuilt.generateMs)} of ${fmtS(asBuilt.wallMs)} (peak ${asBuilt.peakTreeMB} MiB); with every reply page cut to one block, page generation takes ${fmtS(oneBlock.generateMs)} and the peak is ${oneBlock.peakTreeMB} MiB — rendering the reply text (${fmtMB(asBuilt.pageBytes)} of page data at this size) is ${Math.round((1 - oneBlock.generateMs / asBuilt.generateMs) * 100)}% of page generation.`);
    const astroRoutes = d.astro?.routes;
    if (astroRoutes) {
      const gen = Object.entries(astroRoutes).sort((x, y) => y[1].ms - x[1].ms).slice(0, 3);
      out.push(`Page generation at ${d.size} replies is ${fmtS(d.astro?.generateMs)}; the largest route types: ${gen.map(([k, v]) => `${k} ${fmtS(v.ms)} for ${v.pages} pages`).join(', ')}.`);
    }
  }
  const p = report.results.find((r) => r.pagefindDiagnosis?.length);
  if (p) {
    const [asBuilt, one] = p.pagefindDiagnosis!;
    if (asBuilt?.ms) out.push(`Pagefind at ${p.size} replies (ablation): ${asBuilt.records} records in ${fmtS(asBuilt.ms)} with one Pagefind service per locale (peak ${asBuilt.pagefindPeakMB ?? '–'} MiB); all locales in one service: ${fmtS(one?.ms)}, peak ${one?.pagefindPeakMB ?? '–'} MiB.`);
  }
  return out;
}

/** The report's section on what each reply adds to dist/, by route kind, and on the section page's page-to-text ratio. */
function perReplySection(report: BenchReport): string[] {
  const costs = perReplyCost(report.results);
  const L: string[] = [];
  if (costs.length) {
    const last = costs.at(-1)!;
    const kinds = Object.keys(last.byKind).sort((a, b) => last.byKind[b]!.bytes - last.byKind[a]!.bytes);
    const cell = (k: KindSize | undefined) => (k ? `${k.files.toFixed(2)} / ${(k.bytes / KB).toFixed(1)} KB` : '–');
    L.push('## What each reply adds to dist/', '');
    L.push('(dist at N − dist at 1) / (N − 1), per route kind over all locales (scripts/bench/route-sizes.ts): files / bytes per reply. Term pages, indexes and facets grow with the glossary and with the years and issuers, not with each reply, so their share per reply falls as N grows.', '');
    L.push(table(['route kind', ...costs.map((c) => `per reply, 1 → ${c.size}`)], [...kinds.map((k) => [k, ...costs.map((c) => cell(c.byKind[k]))]), ['**all**', ...costs.map((c) => `**${cell(c.total)}**`)]]), '');
    const sized = report.results.filter((r) => r.routes && !r.skipped);
    const top = sized.at(-1);
    if (top) {
      const locales = ['en', 'zh-hans', 'zh-hant', 'shared'];
      const byKind = Object.entries(top.routes!.byKind).sort((a, b) => b[1].bytes - a[1].bytes);
      L.push(`dist/ at ${top.size} replies by route kind and locale (MB; files in brackets):`, '');
      L.push(table(['route kind', 'all', ...locales], byKind.map(([k, v]) => [k, `${fmtMB(v.bytes)} (${v.files})`, ...locales.map((l) => (top.routes!.byKindLocale[k]?.[l] ? `${fmtMB(top.routes!.byKindLocale[k]![l]!.bytes)} (${top.routes!.byKindLocale[k]![l]!.files})` : ''))])), '');
    }
  }
  const ratios = report.results.filter((r) => r.pageRatio && !r.skipped);
  if (ratios.length) {
    L.push('## Page-to-text ratio of the section page', '');
    L.push('The measured section page (the largest section of the first reply): its HTML gzipped (level 9) divided by its visible text gzipped (scripts/bench/page-ratio.ts). 1.0 would be the text alone.', '');
    const locales = [...new Set(ratios.flatMap((r) => Object.keys(r.pageRatio!)))];
    L.push(table(['size', ...locales.map((l) => `${l}: ratio (page gz / text gz)`)], ratios.map((r) => [r.size, ...locales.map((l) => {
      const x = r.pageRatio![l];
      return x ? `${x.ratio.toFixed(3)} (${fmtKB(x.pageGzip)} / ${fmtKB(x.textGzip)})` : '–';
    })])), '');
  }
  return L;
}

function table(head: string[], rows: (string | number)[][]): string {
  return [`| ${head.join(' | ')} |`, `|${head.map((h, i) => (i === 0 ? '---' : '---:')).join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

function markdown(report: BenchReport): string {
  const m = report.machine;
  const done = report.results.filter((r) => !r.skipped);
  const L: string[] = [];
  L.push('# Build and transfer benchmark', '');
  const runs = [...(report.runs ?? [{ generated: report.generated, command: report.command, sizes: report.sizes }])].sort((a, b) => a.generated.localeCompare(b.generated));
  L.push(`${runs.length > 1 ? `Runs: ${runs.map((r) => `\`${r.command}\` (${r.generated}, sizes ${r.sizes.join(', ')}${r.variant ? `, experiment "${r.variant}"` : ''})`).join('; ')}` : `Generated ${report.generated} by \`${report.command}\``}. How the corpus is made and how to read this: [bench/README.md](../README.md).`, '');
  L.push(`Machine: ${m.nproc} cores (${m.cpu}), ${m.memoryGB} GB RAM, Linux ${m.kernel}, Node ${m.node}, ${m.chromium}; astro ${m.versions.astro}, pagefind ${m.versions.pagefind}. Peak memory = highest sum of VmRSS over the build's process tree, sampled every 200 ms${m.gnuTime ? '; the largest single process is GNU time\'s %M' : ''}.`, '');
  L.push(`Corpus templates: ${report.templates.join(', ')}${report.skippedTemplates.length ? ` (not used: ${report.skippedTemplates.map((s) => `${s.name}: ${s.reason}`).join('; ')})` : ''}.`, '');
  const digests = [...new Set(done.map((r) => r.projectDigest ?? '?'))];
  L.push(`Project sources: snapshot ${digests.join(', ')}${digests.length > 1 ? ' — **the sizes were built from different versions of the project** (a resumed run); compare them with care' : ' (all sizes built from the same copy of src/ and scripts/)'}.`, '');
  const routeNote = done.find((r) => r.build?.routeCheckError);
  if (routeNote) L.push(`> **Note:** \`scripts/build.ts\` failed its final route check (${routeNote.build.routeCheckError}); the bench ran the same stages without that check (\`scripts/bench/stages.ts\`). Timings are the same stages; the missing routes are not built.`, '');

  L.push('## Targets', '');
  L.push(table(['Target', 'Status', 'Measured'], (report.targets ?? []).map((t) => [t.name, t.status === 'met' ? '**met**' : t.status === 'not met' ? '**not met**' : t.status, t.detail])), '');

  const slow = slowest(report);
  if (slow.length) L.push('## Slowest stage', '', ...slow.map((l) => `- ${l}`), '');

  L.push('## Build per size', '');
  const cols = done.map((r) => r);
  const row = (name: string, f: (r: SizeResult) => string) => [name, ...cols.map(f)];
  L.push(
    table(['', ...cols.map((r) => `${r.size} ${r.size === 1 ? 'reply' : 'replies'}`)], [
      row('build status', (r) => (r.build.ok ? 'ok' : r.build.timedOut ? `stopped at the time limit (in ${r.build.reachedStage})` : r.build.memKilled ? `stopped at the memory limit (in ${r.build.reachedStage})` : `**failed** in ${r.build.reachedStage}${/heap out of memory/.test(r.build.error ?? '') ? ': JavaScript heap out of memory' : ''}`)),
      row('**wall time** (node scripts/build.ts)', (r) => `**${fmtS(r.build.wallMs)}**`),
      row('CPU time, user + system (process tree)', (r) => (r.build.cpuS === null ? '–' : `${r.build.cpuS.toFixed(1)} s`)),
      row('other processes during the build (avg cores busy)', (r) => (r.build.otherCores === null ? '–' : r.build.otherCores.toFixed(2))),
      row('· prepare (parse, QA, page data, site data)', (r) => fmtS(r.build.prepareMs)),
      row('  · module loading', (r) => fmtS(r.prepare?.importMs)),
      row('  · parse + load (loadContent)', (r) => fmtS(r.prepare?.loadMs)),
      row('  · translation QA', (r) => fmtS(r.prepare?.qaMs)),
      row('  · annotate, Traditional, page data, site data', (r) => fmtS(r.prepare?.generateMs)),
      row('  · write src/generated', (r) => fmtS(r.prepare?.writeMs)),
      row('· astro build', (r) => fmtS(r.build.astroMs)),
      row('  · content sync + types', (r) => fmtS(r.astro?.syncTypesMs)),
      row('  · Vite server bundle', (r) => fmtS(r.astro?.viteMs?.[0])),
      row('  · page generation', (r) => fmtS(r.astro?.generateMs)),
      row('· Pagefind index', (r) => fmtS(r.build.pagefindMs)),
      row('time per reply above size 1 (wall)', (r) => (report.trend?.perReplyMs[r.size] !== undefined ? fmtS(report.trend.perReplyMs[r.size]) : '–')),
      row('time per reply above size 1 (CPU)', (r) => (report.trend?.perReplyCpuS[r.size] !== undefined ? `${report.trend.perReplyCpuS[r.size]!.toFixed(2)} s` : '–')),
      row('**peak memory** (process tree)', (r) => (r.build.peakTreeMB === null ? '–' : `**${r.build.peakTreeMB} MiB**`)),
      row('largest single process', (r) => (r.build.maxProcessMB === null ? '–' : `${r.build.maxProcessMB} MiB`)),
      row('peak per process (sampled)', (r) => Object.entries(r.build.peakByProcessMB ?? {}).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join('; ') || '–'),
      row('pages Astro built', (r) => String(r.build.astroPages ?? '–')),
      row('page data files / bytes', (r) => (r.prepare ? `${r.prepare.pageFiles} / ${fmtMB(r.prepare.pageBytes)}` : '–')),
      row('site.json (imported by every page)', (r) => fmtMB(r.prepare?.siteJsonBytes)),
      row('glossary concordance entries', (r) => String(r.prepare?.concordanceEntries ?? '–')),
      row('search records (all locales)', (r) => String(Object.values(r.build.records).reduce((a, b) => a + b, 0) || '–')),
      row('dist/ size (files)', (r) => (r.dist ? `${fmtMB(r.dist.bytes)} (${r.dist.files})` : '–')),
      row('dist/pagefind size (files)', (r) => (r.pagefind ? `${fmtMB(r.pagefind.bytes)} (${r.pagefind.files})` : '–')),
      row('rebuild after one en.yaml edit', (r) => (r.rebuild ? `${fmtS(r.rebuild.wallMs)} (prepare ${fmtS(r.rebuild.prepareMs)}, astro ${fmtS(r.rebuild.astroMs)}, pagefind ${fmtS(r.rebuild.pagefindMs)})` : '–')),
    ]),
    '',
  );
  const skipped = report.results.filter((r) => r.skipped);
  for (const r of skipped) L.push(`- size ${r.size}: ${r.skipped}`);
  if (report.trend) {
    const t = report.trend;
    L.push(`Trend: fixed cost (1 reply) ${fmtS(t.fixedMs)}; ${t.fit ? `least-squares fits over the ${t.fit.points} finished sizes: wall ${fmtS(t.fit.interceptMs)} + ${(t.fit.perReplyMs / 1000).toFixed(2)} s × replies (→ ${fmtS(t.predicted500Ms)} at 500); CPU ${t.cpuFit ? `${t.cpuFit.interceptS} s + ${t.cpuFit.perReplyS} s × replies (→ ${t.predicted500CpuS} s at 500)` : '–'}; peak memory ${t.memFit ? `${t.memFit.interceptMB} MiB + ${t.memFit.perReplyMB} MiB × replies (→ ${t.predicted500MB} MiB at 500)` : '–'}` : 'one size only'}.`, '');
  }

  L.push(...perReplySection(report));
  L.push('## Where Astro spends page-generation time', '', 'From the log of a separate `astro build` over the same src/generated (per-route `(+N ms)` lines summed by route type; all three locales).', '');
  const astroSizes = done.filter((r) => r.astro);
  const types = [...new Set(astroSizes.flatMap((r) => Object.keys(r.astro!.routes)))].sort((a, b) => (astroSizes.at(-1)!.astro!.routes[b]?.ms ?? 0) - (astroSizes.at(-1)!.astro!.routes[a]?.ms ?? 0));
  if (astroSizes.length) {
    L.push(table(['route type', ...astroSizes.map((r) => `${r.size}: pages / total / slowest page`)], types.map((t) => [t, ...astroSizes.map((r) => {
      const x = r.astro!.routes[t];
      return x ? `${x.pages} / ${fmtS(x.ms)} / ${x.maxMs} ms` : '–';
    })])), '');
    L.push(`Astro warnings printed: ${astroSizes.map((r) => `${r.size}: ${r.astro!.warnings}`).join(', ')}.`, '');
  }

  for (const r of done.filter((x) => x.diagnosis?.length)) {
    L.push(`## Ablation: what Astro's cost is made of (size ${r.size})`, '');
    L.push('`astro build` alone in the same site view, cold cache, over modified copies of src/generated (scripts/bench/diagnose.ts). The modified pages are wrong on purpose; only the costs matter.', '');
    const first = r.diagnosis![0]!;
    L.push(table(['variant', 'Vite server bundle', 'page generation', 'astro wall', 'CPU', 'peak memory', 'site.json', 'page data'], r.diagnosis!.map((a) => [
      a.variant,
      `${fmtS(a.viteMs)}${a !== first && a.viteMs && first.viteMs ? ` (${ratio(a.viteMs, first.viteMs)})` : ''}`,
      fmtS(a.generateMs),
      `${fmtS(a.wallMs)}${a.ok ? '' : ` — ${a.error}`}`,
      a.cpuS === null ? '–' : `${a.cpuS.toFixed(0)} s`,
      `${a.peakTreeMB} MiB${a !== first && a.peakTreeMB && first.peakTreeMB ? ` (${ratio(a.peakTreeMB, first.peakTreeMB)})` : ''}`,
      fmtMB(a.siteJsonBytes),
      fmtMB(a.pageBytes),
    ])), '');
  }

  for (const r of done.filter((x) => x.pagefindDiagnosis?.length)) {
    L.push(`## Ablation: the Pagefind stage (size ${r.size})`, '');
    L.push('The site\'s own `src/generated/search/records.json` indexed in a child process two ways (scripts/bench/pagefind-variant.ts): with the project\'s `writeSearchIndex` (one Pagefind service per locale, in turn, records sent 500 at a time) and with every locale in one service.', '');
    const first = r.pagefindDiagnosis![0]!;
    L.push(table(['variant', 'records', 'index time', 'CPU', 'Pagefind process peak', 'pagefind/ size (files)'], r.pagefindDiagnosis!.map((a) => [
      a.mode,
      String(a.records ?? '–'),
      `${fmtS(a.ms)}${a !== first && a.ms && first.ms ? ` (${ratio(a.ms, first.ms)})` : ''}${a.ok ? '' : ` — ${a.error}`}`,
      a.cpuS === null ? '–' : `${a.cpuS.toFixed(0)} s`,
      a.pagefindPeakMB === null ? '–' : `${a.pagefindPeakMB} MiB`,
      a.bytes === null ? '–' : `${fmtMB(a.bytes)} (${a.files})`,
    ])), '');
  }

  const seed = done.find((r) => r.size === 1) ?? done[0];
  if (seed && Object.keys(seed.weights).length) {
    L.push(`## Page weight per page type (size ${seed.size}, zh-hans)`, '');
    L.push('Static: the page\'s HTML plus the CSS and JS it references (module imports followed, dynamic imports not), each gzipped. Loaded: everything Chromium fetched until the network was idle, gzip-equivalent (the static server does not compress; raw in brackets).', '');
    L.push(table(['page type', 'path', 'HTML gz', 'CSS gz', 'JS gz', 'static total gz', 'loaded gz (raw), requests'], Object.entries(seed.weights).map(([type, w]) => [type, `\`${w.path}\``, fmtKB(w.static.html.gzip), fmtKB(w.static.css.gzip), fmtKB(w.static.js.gzip), `**${fmtKB(w.static.total.gzip)}**`, w.load ? `${fmtKB(w.load.gzip)} (${fmtKB(w.load.raw)}), ${w.load.requests}` : '–'])), '');
    const grow = ['home', 'glossary index', 'term page', 'term page (largest)', 'figures index', 'section'];
    L.push('Static weight (gzip) of the pages that list all replies, by size:', '');
    L.push(table(['page type', ...done.map((r) => String(r.size))], grow.filter((g) => done.some((r) => r.weights[g])).map((g) => [g, ...done.map((r) => fmtKB(r.weights[g]?.static.total.gzip))])), '');
  }
  const searches = done.filter((r) => r.search);
  if (searches.length) {
    L.push(`## First search for ${report.query}`, '');
    L.push('`/zh-hans/search/?q=…` opened in Chromium; everything fetched after the HTML page until results are listed and the network is idle. "Search only" = lexicon + Pagefind files (not the page\'s own CSS/JS).', '');
    L.push(table(['size', 'after HTML gz (raw)', 'search only gz (raw)', 'requests', 'by type (gz)', 'results', 'first result'], searches.map((r) => {
      const s = r.search!;
      return [r.size, `**${fmtKB(s.afterHtml.gzip)}** (${fmtKB(s.afterHtml.raw)})`, `${fmtKB(s.searchOnly.gzip)} (${fmtKB(s.searchOnly.raw)})`, s.afterHtml.requests, Object.entries(byType(s.afterHtml)).map(([k, v]) => `${k} ${fmtKB(v)}`).join(', '), s.results, `\`${s.firstResult}\``];
    })), '');
    const f = seed?.search?.afterHtml.files;
    if (f) {
      L.push(`<details><summary>Files of the first search at size ${seed!.size}</summary>`, '', table(['path', 'type', 'raw', 'gzip'], f.map((x) => [`\`${x.path}\``, x.type, x.raw, x.gzip])), '', '</details>', '');
    }
  }

  const base = done.filter((r) => r.baseline);
  if (base.length) {
    L.push('## Baseline: the same replies in Starlight', '');
    const v = base[0]!.baseline!.versions;
    L.push(`@astrojs/starlight ${v['@astrojs/starlight']}, astro ${v.astro}, pagefind ${v.pagefind}, @pagefind/default-ui ${v['@pagefind/default-ui']}, installed into bench/work/starlight/. One Markdown page per reply section (Chinese block, English below), an overview per reply, a home page; one locale (zh-CN); Starlight's Pagefind search as shipped. The sidebar is one link (Starlight's default sidebar would list every page on every page). The site builds 3 locales plus glossary and figures pages, so its page count is several times the baseline's: ratios compare the products as built, not per page.`, '');
    const rows: (string | number)[][] = [];
    for (const r of base) {
      const b = r.baseline!;
      const failed = !r.build.ok;
      const site = {
        time: r.build.wallMs,
        mem: r.build.peakTreeMB,
        dist: r.dist?.bytes,
        index: r.pagefind?.bytes,
        section: r.weights.section?.load?.gzip ?? r.weights.section?.static.total.gzip,
        search: r.search?.afterHtml.gzip,
        searchOnly: r.search?.searchOnly.gzip,
      };
      const bl = {
        time: b.wallMs,
        mem: b.peakTreeMB,
        dist: b.dist.bytes,
        index: b.pagefind.bytes,
        section: b.section?.load?.gzip ?? b.section?.static.total.gzip,
        search: b.search?.afterHtml.gzip,
        searchOnly: b.search?.searchOnly.gzip,
      };
      rows.push([`${r.size}`, 'pages', String(r.build.astroPages ?? '–'), String(b.pages ?? '–'), ratio(r.build.astroPages, b.pages)]);
      const until = failed ? ' (failed here)' : '';
      rows.push(['', 'build wall time', `${fmtS(site.time)}${until}`, fmtS(bl.time), failed ? '–' : ratio(site.time, bl.time)]);
      rows.push(['', 'build CPU time', b.cpuS === null || r.build.cpuS === null ? '–' : `${r.build.cpuS.toFixed(1)} s${until}`, b.cpuS === null ? '–' : `${b.cpuS.toFixed(1)} s`, failed ? '–' : ratio(r.build.cpuS, b.cpuS)]);
      rows.push(['', 'peak memory (MiB)', `${site.mem ?? '–'}${until}`, String(bl.mem ?? '–'), failed ? `> ${ratio(site.mem, bl.mem)}` : ratio(site.mem, bl.mem)]);
      rows.push(['', 'dist/ size', fmtMB(site.dist), fmtMB(bl.dist), ratio(site.dist, bl.dist)]);
      rows.push(['', 'pagefind/ size', fmtMB(site.index), fmtMB(bl.index), ratio(site.index, bl.index)]);
      rows.push(['', 'section page (loaded, gz)', fmtKB(site.section), fmtKB(bl.section), ratio(site.section, bl.section)]);
      rows.push(['', `first search ${report.query}: after HTML (gz)`, fmtKB(site.search), fmtKB(bl.search), ratio(site.search, bl.search)]);
      rows.push(['', 'first search: search files only (gz)', fmtKB(site.searchOnly), fmtKB(bl.searchOnly), ratio(site.searchOnly, bl.searchOnly)]);
    }
    L.push(table(['size', 'figure', 'site', 'Starlight', 'site / Starlight'], rows), '');
    L.push('Starlight\'s "first search" = the section page\'s assets after its HTML, plus what opening the search dialog and typing the query fetched (Pagefind UI, pagefind.js, worker, wasm, index chunks, fragments). Its Pagefind stage runs inside `astro build` (' + base.map((r) => `${r.size}: ${fmtS(r.baseline!.pagefindMs)}`).join(', ') + ').', '');
  }
  const ex = report.experiments ?? [];
  if (ex.length) {
    L.push('## Experiments (not the default build)', '');
    L.push(table(['size', 'variant', 'status', 'wall', 'CPU', 'prepare / astro / pagefind', 'peak tree', 'peak per process', 'dist / pagefind', 'section page gz', `first search ${report.query} gz (requests)`, 'error'], ex.map((r) => [
      r.size,
      r.variant ?? '',
      r.build.ok ? 'ok' : r.build.memKilled ? `stopped at memory limit (in ${r.build.reachedStage})` : r.build.timedOut ? `stopped at time limit (in ${r.build.reachedStage})` : `failed (in ${r.build.reachedStage})`,
      fmtS(r.build.wallMs),
      r.build.cpuS === null ? '–' : `${r.build.cpuS.toFixed(0)} s`,
      `${fmtS(r.build.prepareMs)} / ${fmtS(r.build.astroMs)} / ${fmtS(r.build.pagefindMs)}`,
      `${r.build.peakTreeMB} MiB`,
      Object.entries(r.build.peakByProcessMB ?? {}).sort((a, b) => b[1] - a[1]).slice(0, 3).map(([k, v]) => `${k} ${v}`).join('; '),
      r.dist ? `${fmtMB(r.dist.bytes)} / ${fmtMB(r.pagefind?.bytes)}` : '–',
      fmtKB(r.weights?.section?.load?.gzip ?? r.weights?.section?.static.total.gzip),
      r.search ? `${fmtKB(r.search.afterHtml.gzip)} (${r.search.afterHtml.requests})` : '–',
      r.build.error ?? '',
    ])), '');
  }
  L.push('## Raw numbers', '', 'All figures, including per-file lists, are in [report.json](report.json).', '');
  return L.join('\n');
}

/** Writes report.json and report.md into `outDir`. */
export function writeReport(report: BenchReport, outDir: string): void {
  report.trend = trend(report.results);
  report.targets = targets(report);
  writeFileSync(join(outDir, 'report.json'), `${JSON.stringify(report, null, 1)}\n`);
  writeFileSync(join(outDir, 'report.md'), markdown(report));
}
