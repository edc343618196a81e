/**
 * The translation status (src/generated/status.json, written by the prepare step
 * from scripts/lib/status.ts, the same report as `npm run check -- --json`):
 * read when a page renders, and again only when the file changes, so the
 * footer link follows content/site.yaml `statusPage` in `npm run dev` too.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { statusReportSchema, type StatusReport } from '../../scripts/lib/status.ts';
import { readGenerated } from './site';

let cache: { mtime: number; report: StatusReport } | undefined;

/** The status report, validated against its schema. */
export function statusReport(): StatusReport {
  const mtime = statSync(join(process.cwd(), 'src/generated/status.json')).mtimeMs;
  if (cache?.mtime !== mtime) cache = { mtime, report: statusReportSchema.parse(readGenerated('status.json')) };
  return cache.report;
}

/** Whether the site has a status page (content/site.yaml `statusPage`, true by default). */
export const hasStatusPage = (): boolean => statusReport().statusPage;
