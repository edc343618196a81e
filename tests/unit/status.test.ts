// Translation status (scripts/lib/status.ts): `npm run check -- --json` and the status page table (src/components/StatusTable.astro)
// report the same counts, over a content folder with pending, stale and clean replies; malformed content gives one line and no JSON.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import StatusTable from '../../src/components/StatusTable.astro';
import { lastChanges, statusReportSchema, type StatusReport } from '../../scripts/lib/status.ts';
import { statusPageEnabled } from '../../scripts/lib/prepare-content.ts';
import { ROOT, fixtureDir } from './helpers.ts';

const SEED = 'zhengzhou-2021-20210574';
const SECOND = 'example-2022-0001';
const tmp = mkdtempSync(join(tmpdir(), 'status-'));
const content = join(tmp, 'content');
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Runs `npm run check` (its script) over a content folder. */
function check(dir: string, ...args: string[]) {
  return spawnSync(process.execPath, ['scripts/check.ts', ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CONTENT_DIR: dir } });
}

/** The numbers of the rendered table: per row (reply slug or "total"), each data-count cell. */
function tableCounts(html: string): Record<string, Record<string, string>> {
  const rows: Record<string, Record<string, string>> = {};
  for (const row of html.matchAll(/<tr data-reply="([^"]+)"[^>]*>([\s\S]*?)<\/tr>/g)) {
    rows[row[1]!] = Object.fromEntries([...row[2]!.matchAll(/<td data-count="(\w+)"[^>]*>([\s\S]*?)<\/td>/g)].map((c) => [c[1]!, c[2]!.replace(/<[^>]+>/g, '').trim()]));
  }
  return rows;
}

describe('translation status', () => {
  let report: StatusReport;
  beforeAll(() => {
    cpSync(join(ROOT, 'content'), content, { recursive: true });
    cpSync(join(fixtureDir('replies'), 'second-reply', 'replies', SECOND), join(content, 'replies', SECOND), { recursive: true });
    // A corrected Chinese sentence makes its translation stale (and the summary of its section).
    const source = join(content, 'replies', SEED, 'source.txt');
    writeFileSync(source, readFileSync(source, 'utf8').replace('工业是实体经济的主体', '工业是实体经济的主体部分'));
    const run = check(content, '--json');
    expect(run.status).toBe(0);
    report = statusReportSchema.parse(JSON.parse(run.stdout));
  });

  it('check --json counts pending, stale and translated blocks per reply and in total', () => {
    const seed = report.replies.find((r) => r.slug === SEED)!;
    const second = report.replies.find((r) => r.slug === SECOND)!;
    expect(seed.blocks.stale).toBe(1);
    expect(seed.blocks.pending).toBe(0);
    expect(seed.blocks.translated).toBe(seed.blocks.total - 1);
    expect(seed.summaries.stale).toBe(1);
    expect(seed.summaries.executive).toBe('stale');
    expect(second.blocks.pending).toBeGreaterThan(0);
    expect(second.blocks.translated + second.blocks.pending + second.blocks.stale).toBe(second.blocks.total);
    expect(report.totals.pending).toBe(seed.blocks.pending + second.blocks.pending);
    expect(report.totals.findings).toBe(seed.findings.length + second.findings.length);
    expect(seed.findings.map((f) => f.kind)).toContain('stale');
  });

  it('check --json has as many findings as the linter output of npm run check', () => {
    const plain = check(content);
    const total = /(\d+) findings?:/.exec(plain.stdout)?.[1];
    expect(Number(total)).toBe(report.totals.findings);
    for (const [kind, n] of Object.entries(report.findingKinds)) expect(plain.stdout).toContain(`${n} ${kind}`);
  });

  it('the status table shows the same numbers as check --json', async () => {
    const container = await AstroContainer.create();
    const titles = Object.fromEntries(report.replies.map((r) => [r.slug, r.title.en ?? r.title.zh]));
    const html = await container.renderToString(StatusTable, { props: { report, locale: 'en', titles } });
    const rows = tableCounts(html);
    for (const r of report.replies) {
      expect(rows[r.slug]).toEqual({ translated: String(r.blocks.translated), pending: String(r.blocks.pending), stale: String(r.blocks.stale), summaries: `${r.summaries.present} of ${r.summaries.sections} (${r.summaries.stale} stale)`.replace(' (0 stale)', ''), findings: String(r.findings.length) });
    }
    expect(rows.total).toMatchObject({ translated: String(report.totals.translated), pending: String(report.totals.pending), stale: String(report.totals.stale), findings: String(report.totals.findings) });
    for (const f of report.replies.flatMap((r) => r.findings)) expect(html).toContain(f.block);
  });

  it('tags the Chinese a finding quotes with its language (the list is English)', async () => {
    const container = await AstroContainer.create();
    const reply = { ...report.replies[0]!, findings: [{ ...(report.replies[0]!.findings[0] ?? { file: 'x/source.txt', block: 's1-p1', kind: 'unglossed-quote' }), message: 'the quoted phrase “四好农村路” is neither a glossary term nor excluded', hint: 'add it to content/glossary.yaml' }] };
    const html = await container.renderToString(StatusTable, { props: { report: { ...report, replies: [reply] }, locale: 'en', titles: {} } });
    expect(html).toContain('“<span lang="zh-Hans">四好农村路</span>” is neither');
  });

  it('dates a translation by its file time outside git, and by its last commit inside', () => {
    const outside = relative(process.cwd(), join(content, 'replies', SEED, 'en.yaml'));
    expect(lastChanges([outside]).get(outside)?.source).toBe('mtime');
    const inside = `content/replies/${SEED}/en.yaml`;
    const dirty = execFileSync('git', ['status', '--short', '--', inside], { cwd: ROOT, encoding: 'utf8' }).trim() !== '';
    const committed = execFileSync('git', ['log', '-1', '--format=%cI', '--', inside], { cwd: ROOT, encoding: 'utf8' }).trim();
    expect(lastChanges([inside], ROOT).get(inside)).toEqual(dirty || !committed ? { date: expect.any(String), source: 'mtime' } : { date: committed, source: 'git' });
    expect(lastChanges(['no/such/en.yaml'], ROOT).get('no/such/en.yaml')).toEqual({ date: null, source: 'none' });
  });

  it('follows statusPage in site.yaml (true when the file or key is absent)', () => {
    const dir = join(tmp, 'switch');
    cpSync(join(ROOT, 'content', 'site.yaml'), join(dir, 'site.yaml'));
    const yaml = readFileSync(join(dir, 'site.yaml'), 'utf8').replace(/^statusPage:.*$/m, '');
    writeFileSync(join(dir, 'site.yaml'), yaml);
    expect(statusPageEnabled(dir)).toBe(true);
    writeFileSync(join(dir, 'site.yaml'), `${yaml}statusPage: false\n`);
    expect(statusPageEnabled(dir)).toBe(false);
    expect(statusPageEnabled(join(tmp, 'nowhere'))).toBe(true);
  });

  it('malformed content: one line naming the file, and no JSON', () => {
    const dir = join(tmp, 'broken');
    cpSync(content, dir, { recursive: true });
    writeFileSync(join(dir, 'replies', SECOND, 'meta.yaml'), 'year: [2022\n');
    const run = check(dir, '--json');
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(new RegExp(`^error: .*replies/${SECOND}/meta\\.yaml:\\d+: invalid YAML`));
  });
});
