// The built status pages (both builds, every locale) show the counts `npm run check -- --json` reports for the content they were built from,
// and every page's footer links to the status page of its locale.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { statusReportSchema } from '../../scripts/lib/status.ts';
import { BUILDS } from './helpers.ts';
import { TEST_CONTENT } from '../global-setup.ts';

const run = spawnSync(process.execPath, ['scripts/check.ts', '--json'], { encoding: 'utf8', env: { ...process.env, CONTENT_DIR: TEST_CONTENT } });
const report = statusReportSchema.parse(JSON.parse(run.stdout));

/** The data-count cells of each row of a status page. */
function tableCounts(html: string): Record<string, Record<string, string>> {
  const rows: Record<string, Record<string, string>> = {};
  for (const row of html.matchAll(/<tr data-reply="([^"]+)"[^>]*>([\s\S]*?)<\/tr>/g)) {
    rows[row[1]!] = Object.fromEntries([...row[2]!.matchAll(/<td data-count="(\w+)"[^>]*>([\s\S]*?)<\/td>/g)].map((c) => [c[1]!, c[2]!.replace(/<[^>]+>/g, '').trim()]));
  }
  return rows;
}

describe.each(Object.entries(BUILDS))('status page (%s build)', (_name, build) => {
  it.each(['en', 'zh-hans', 'zh-hant'])('%s lists every reply with the counts of check --json', (locale) => {
    const rows = tableCounts(readFileSync(join(build.dir, locale, 'status', 'index.html'), 'utf8'));
    expect(Object.keys(rows).sort()).toEqual([...report.replies.map((r) => r.slug), 'total'].sort());
    for (const r of report.replies) {
      expect(rows[r.slug]).toMatchObject({ translated: String(r.blocks.translated), pending: String(r.blocks.pending), stale: String(r.blocks.stale), findings: String(r.findings.length) });
    }
    expect(rows.total).toMatchObject({ translated: String(report.totals.translated), pending: String(report.totals.pending), stale: String(report.totals.stale), findings: String(report.totals.findings) });
  });

  it.each(['en', 'zh-hans', 'zh-hant'])('the %s home page footer links to the status page', (locale) => {
    const html = readFileSync(join(build.dir, locale, 'index.html'), 'utf8');
    const footer = /<footer[\s\S]*?<\/footer>/.exec(html)?.[0] ?? '';
    expect(footer).toContain(`href="${build.base}${locale}/status/"`);
  });
});
