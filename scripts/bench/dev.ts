/**
 * `node scripts/bench/dev.ts [seed] [500] …`: how long an edit takes to show in
 * `npm run dev`. For each size: a scratch content folder (the repository's
 * content for `seed`, else N replies of the bench corpus, scripts/bench/corpus.ts),
 * `npm run dev` on it (CONTENT_DIR, a free port), a reply section open in Chromium;
 * then edits of one block's English in en.yaml and of a glossary term's English
 * rendering, each timed from the write to the moment the open page shows the new
 * text (the page reloads itself). Writes bench/results/dev.md and dev.json.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { findTemplates, writeCorpus } from './corpus.ts';

const ROOT = process.cwd();
const ROUNDS = Number(process.env.BENCH_ROUNDS || 5);
/** Glossary saves per size: at 500 replies one re-prepares every reply (the term is in all of them), so fewer are enough. */
const GLOSSARY_ROUNDS = Number(process.env.BENCH_GLOSSARY_ROUNDS || ROUNDS);
const sizes = process.argv.slice(2).length ? process.argv.slice(2) : ['seed'];

interface SizeResult {
  size: string;
  replies: number;
  startMs: number;
  enYamlMs: number[];
  glossaryMs: number[];
  glossaryReplies: number;
  /** The dev server's own re-prepare times (its log), the rest being watcher, reload and rendering. */
  enYamlPrepareMs: number[];
  glossaryPrepareMs: number[];
  peakRssMiB: number;
  loadBefore: number[];
  loadAfter: number[];
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function measure(size: string): Promise<SizeResult> {
  const tmp = mkdtempSync(join(tmpdir(), `bench-dev-${size}-`));
  const content = join(tmp, 'content');
  if (size === 'seed') cpSync(join(ROOT, 'content'), content, { recursive: true });
  else writeCorpus(content, findTemplates(ROOT).templates, Number(size), join(ROOT, 'content', 'glossary.yaml'));
  const slugs = readdirSync(join(content, 'replies')).sort();
  // The middle reply that has a translated first paragraph: an edit there is typical, not the first or last file.
  const slug = [...slugs.slice(Math.floor(slugs.length / 2)), ...slugs].find((s) => /^ {2}s1-p1:\n {4}source: \w+\n {4}text: /m.test(readFileSync(join(content, 'replies', s, 'en.yaml'), 'utf8')))!;
  const enYaml = join(content, 'replies', slug, 'en.yaml');
  const glossary = join(content, 'glossary.yaml');
  const port = await freePort();
  const loadBefore = loadavg();
  const started = performance.now();
  const child = spawn(process.execPath, ['scripts/dev.ts'], { env: { ...process.env, CONTENT_DIR: content, PORT: String(port), NODE_OPTIONS: '--max-old-space-size=4096' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  let peak = 0;
  const sampler = setInterval(() => {
    try {
      const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1];
      if (hwm) peak = Math.max(peak, Number(hwm) / 1024);
    } catch {
      // the process has ended
    }
  }, 500);
  await new Promise<void>((resolve, reject) => {
    const t = setInterval(() => {
      if (/dev: http:\/\//.test(output)) { clearInterval(t); resolve(); }
      if (child.exitCode !== null) { clearInterval(t); reject(new Error(output)); }
    }, 100);
  });
  const startMs = performance.now() - started;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  const page = await browser.newPage();
  const url = `http://127.0.0.1:${port}/en/replies/${slug}/s1/`;
  await page.goto(url);
  await page.waitForSelector('#s1-p1');
  const timeUntil = async (write: () => void, selector: string, text: string): Promise<number> => {
    await page.goto(url);
    await page.waitForSelector(selector);
    const t0 = performance.now();
    write();
    await page.waitForFunction(([s, x]) => document.querySelector(s!)?.textContent?.includes(x!) ?? false, [selector, text], { timeout: 900_000, polling: 20 });
    return performance.now() - t0;
  };
  const prepareTimes = (from: number, file: string) => [...output.slice(from).matchAll(new RegExp(`${file.replace('.', '\\.')}: \\d+ repl\\w+ re-prepared, .*? in (\\d+) ms`, 'g'))].map((m) => Number(m[1]));
  const enStart = output.length;
  const enYamlMs: number[] = [];
  for (let i = 1; i <= ROUNDS; i++) {
    const marker = `Benchmark edit ${i}.`;
    enYamlMs.push(await timeUntil(() => writeFileSync(enYaml, readFileSync(enYaml, 'utf8').replace(/^( {2}s1-p1:\n {4}source: \w+\n {4}text: )(?:Benchmark edit \d+\. )?/m, `$1${marker} `)), '#s1-p1', marker));
  }
  const glossaryMs: number[] = [];
  const before = output.length;
  let current = 'per-mu output evaluation';
  for (let i = 1; i <= GLOSSARY_ROUNDS; i++) {
    const next = `per-mu output evaluation ${i}`;
    const from = current;
    glossaryMs.push(await timeUntil(() => writeFileSync(glossary, readFileSync(glossary, 'utf8').replace(`en: "${from}"`, `en: "${next}"`)), '.terms-here', next));
    current = next;
  }
  const enYamlPrepareMs = prepareTimes(enStart, 'en.yaml');
  const glossaryPrepareMs = prepareTimes(before, 'glossary.yaml');
  const glossaryReplies = Number(/glossary\.yaml: (\d+) repl/.exec(output.slice(before))?.[1] ?? 0);
  const loadAfter = loadavg();
  await browser.close();
  clearInterval(sampler);
  child.kill('SIGTERM');
  await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
  rmSync(tmp, { recursive: true, force: true });
  return { size, replies: slugs.length, startMs, enYamlMs, glossaryMs, glossaryReplies, enYamlPrepareMs, glossaryPrepareMs, peakRssMiB: Math.round(peak), loadBefore, loadAfter };
}

const results: SizeResult[] = [];
for (const size of sizes) {
  console.log(`bench dev: ${size}…`);
  const r = await measure(size);
  console.log(`bench dev: ${size}: start ${(r.startMs / 1000).toFixed(1)} s, en.yaml median ${Math.round(median(r.enYamlMs))} ms, glossary median ${Math.round(median(r.glossaryMs))} ms`);
  results.push(r);
}

// Keep the sizes measured earlier (the 500-reply run is made once, when the machine is quieter).
mkdirSync('bench/results', { recursive: true });
const jsonPath = 'bench/results/dev.json';
const previous: SizeResult[] = existsSync(jsonPath) ? (JSON.parse(readFileSync(jsonPath, 'utf8')) as { results: SizeResult[] }).results : [];
const all = [...previous.filter((p) => !results.some((r) => r.size === p.size)), ...results].sort((a, b) => a.replies - b.replies);
writeFileSync(jsonPath, `${JSON.stringify({ generated: 'by scripts/bench/dev.ts', cpus: cpus().length, results: all }, null, 1)}\n`);
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const load = (l: number[]) => l.map((x) => x.toFixed(1)).join(' / ');
const rows = all.map((r) => `| ${r.size === 'seed' ? 'seed (repository content)' : `${r.replies} bench replies`} | ${r.replies} | ${r.enYamlMs.length}× ${s(median(r.enYamlMs))} (max ${s(Math.max(...r.enYamlMs))}; re-prepare ${r.enYamlPrepareMs?.length ? s(median(r.enYamlPrepareMs)) : '?'}) | ${r.glossaryMs.length}× ${s(median(r.glossaryMs))} (max ${s(Math.max(...r.glossaryMs))}; re-prepare ${r.glossaryPrepareMs?.length ? s(median(r.glossaryPrepareMs)) : '?'}), ${r.glossaryReplies} repl${r.glossaryReplies === 1 ? 'y' : 'ies'} re-prepared | ${s(r.startMs)} | ${r.peakRssMiB} MiB | ${load(r.loadBefore)} → ${load(r.loadAfter)} |`);
const md = `# npm run dev: edit to visible

Generated by \`node scripts/bench/dev.ts seed 500\` (sizes can be run separately; earlier sizes are kept). Each size: a scratch content folder,
\`npm run dev\` on it, a section page (\`/en/replies/<slug>/s1/\`) open in Chromium; saves (the count is in the table) of one block's English in en.yaml and of a
glossary term's English rendering (亩均论英雄, used by every reply of the seed and the bench corpus), each timed from the write until the
open page shows the new text (save → watcher → re-prepare → reload → render). Median and maximum over the saves; "re-prepare" is the
median of the dev server's own time for the update (its log), the rest is the watcher, the reload and Astro rendering the page.

Targets (issue #15): the edited text visible ≤ 2 s after saving at seed size, ≤ 5 s at 500 replies.

| content | replies | en.yaml edit visible | glossary edit visible | server start (prepare + Astro) | peak RSS of npm run dev | load average 1/5/15 min, before → after |
|---|---|---|---|---|---|---|
${rows.join('\n')}

A glossary edit re-prepares every reply whose text uses a changed term: 亩均论英雄 occurs in every bench reply, so at 500 replies
it is the worst case, a full re-prepare plus the reload.

Machine: ${cpus().length} cores, shared with other builds and test runs while measured (the load averages above say how busy it was).
`;
writeFileSync('bench/results/dev.md', md);
console.log(md);
