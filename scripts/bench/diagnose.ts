/**
 * `--diagnose N`: what makes Astro's stage slow and big, by ablation. In the
 * site view of size N (after its build), runs `astro build` alone over
 * modified copies of src/generated and compares the Vite server bundle time,
 * page generation time and peak memory:
 *
 *   as built         src/generated as prepare wrote it
 *   one block        every reply page's data cut to its first block (same pages,
 *                    same terms): what rendering the reply text costs
 *
 * The modified pages are wrong on purpose; only the costs are of interest.
 * src/generated is restored afterwards.
 */
import { cpSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { runMeasured } from './measure.ts';
import { parseAstroLog } from './astro-detail.ts';

/** One ablation's figures. */
export interface Ablation {
  variant: string;
  ok: boolean;
  wallMs: number;
  cpuS: number | null;
  peakTreeMB: number | null;
  viteMs: number | null;
  generateMs: number | null;
  pages: number | null;
  siteJsonBytes: number;
  pageBytes: number;
  error?: string;
}

function walk(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) walk(join(dir, e.name), out);
    else out.push(join(dir, e.name));
  }
  return out;
}

function sizes(gen: string): { siteJsonBytes: number; pageBytes: number } {
  return { siteJsonBytes: statSync(join(gen, 'site.json')).size, pageBytes: walk(join(gen, 'pages')).reduce((n, f) => n + statSync(f).size, 0) };
}

/** Runs the ablations in `siteDir`; `work` holds the temporary output. */
export async function diagnose(siteDir: string, work: string, node: string, options: { timeoutMs: number; memLimitKb: number; log: (s: string) => void }): Promise<Ablation[]> {
  const gen = join(siteDir, 'src', 'generated');
  const backup = join(work, 'generated-backup');
  rmSync(backup, { recursive: true, force: true });
  cpSync(gen, backup, { recursive: true });
  const results: Ablation[] = [];
  const variants: [string, () => void][] = [
    ['as built', () => {}],
    [
      'one block per reply page',
      () => {
        for (const f of walk(join(gen, 'pages'))) {
          const page = JSON.parse(readFileSync(f, 'utf8'));
          page.blocks = page.blocks.slice(0, 1);
          page.closing = [];
          writeFileSync(f, JSON.stringify(page));
        }
      },
    ],
  ];
  try {
    for (const [variant, modify] of variants) {
      rmSync(gen, { recursive: true, force: true });
      cpSync(backup, gen, { recursive: true });
      modify();
      for (const cache of ['.astro', 'node_modules/.astro', 'node_modules/.vite']) rmSync(join(siteDir, cache), { recursive: true, force: true });
      const dist = join(work, 'diagnose-dist');
      options.log(`diagnose: astro build, ${variant}`);
      const run = await runMeasured(node, ['node_modules/astro/bin/astro.mjs', 'build'], { cwd: siteDir, env: { ...process.env, OUT_DIR: dist, ASTRO_TELEMETRY_DISABLED: '1' }, timeoutMs: options.timeoutMs, memLimitKb: options.memLimitKb });
      rmSync(dist, { recursive: true, force: true });
      const d = parseAstroLog(run.stdout);
      const ok = run.code === 0 && !run.timedOut && !run.memKilled;
      results.push({
        variant,
        ok,
        wallMs: Math.round(run.wallMs),
        cpuS: run.cpuS,
        peakTreeMB: Math.round(run.peakTreeKb / 102.4) / 10,
        viteMs: d.viteMs[0] ?? null,
        generateMs: d.generateMs,
        pages: d.pages,
        ...sizes(gen),
        ...(ok ? {} : { error: (/FATAL ERROR: [^\n]*/.exec(run.stderr + run.stdout)?.[0] ?? run.stderr.trim().split('\n').pop() ?? '').slice(0, 300) }),
      });
      options.log(`diagnose: ${variant}: ${ok ? 'ok' : 'FAILED'} in ${(run.wallMs / 1000).toFixed(1)} s, vite ${d.viteMs[0]} ms, generation ${d.generateMs} ms, peak ${results.at(-1)!.peakTreeMB} MiB`);
    }
  } finally {
    rmSync(gen, { recursive: true, force: true });
    renameSync(backup, gen);
  }
  return results;
}

/** One Pagefind ablation's figures. */
export interface PagefindAblation {
  mode: string;
  ok: boolean;
  records: number | null;
  ms: number | null;
  wallMs: number;
  cpuS: number | null;
  peakTreeMB: number;
  pagefindPeakMB: number | null;
  bytes: number | null;
  files: number | null;
  error?: string;
}

/**
 * The Pagefind stage by ablation, over the site's own search records: as built
 * (the project's writeSearchIndex, one service per locale) and with every
 * locale in one service. Each runs in a child process.
 */
export async function diagnosePagefind(siteDir: string, work: string, node: string, script: string, options: { timeoutMs: number; memLimitKb: number; log: (s: string) => void }): Promise<PagefindAblation[]> {
  const records = join(siteDir, 'src', 'generated', 'search', 'records.json');
  if (!existsSync(records)) return [];
  const out: PagefindAblation[] = [];
  for (const mode of ['as-built', 'one-service']) {
    options.log(`diagnose: Pagefind ${mode}`);
    const run = await runMeasured(node, [script, records, join(work, 'pagefind-ablation'), mode], { cwd: siteDir, timeoutMs: options.timeoutMs, memLimitKb: options.memLimitKb });
    const line = run.stdout.trim().split('\n').pop() ?? '';
    let parsed: { records: number; ms: number; bytes: number; files: number } | undefined;
    try {
      parsed = JSON.parse(line);
    } catch {
      parsed = undefined;
    }
    const peak = Object.entries(run.peakByProcessKb).find(([k]) => k.startsWith('pagefind'))?.[1];
    out.push({
      mode,
      ok: run.code === 0 && !!parsed,
      records: parsed?.records ?? null,
      ms: parsed?.ms ?? null,
      wallMs: Math.round(run.wallMs),
      cpuS: run.cpuS,
      peakTreeMB: Math.round(run.peakTreeKb / 102.4) / 10,
      pagefindPeakMB: peak === undefined ? null : Math.round(peak / 102.4) / 10,
      bytes: parsed?.bytes ?? null,
      files: parsed?.files ?? null,
      ...(parsed ? {} : { error: (run.stderr.trim().split('\n').pop() ?? '').slice(0, 300) }),
    });
    options.log(`diagnose: Pagefind ${mode}: ${parsed ? `${parsed.records} records in ${parsed.ms} ms, ${(parsed.bytes / 1e6).toFixed(1)} MB` : 'FAILED'}`);
  }
  return out;
}
