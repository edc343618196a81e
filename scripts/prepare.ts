/**
 * `npm run prepare-content [-- --strict]`: content/ → src/generated/ (page
 * data per page and locale, site data, search records, public document JSON). Prints translation QA
 * and pending counts; strict mode fails on any finding. CONTENT_DIR=… reads
 * another content folder (the build passes it on).
 */
import { prepareContent } from './lib/prepare-content.ts';
import { contentDirFromEnv } from './lib/load.ts';
import { formatFindings } from './lib/qa.ts';
import { runCli, since } from './lib/cli.ts';

/** Prepares content and prints a report; returns the exit code. */
export function prepareAndReport(strict: boolean): number {
  const start = performance.now();
  const result = prepareContent(contentDirFromEnv(), 'src/generated');
  for (const w of result.warnings) console.warn(`warning: ${w}`);
  for (const r of result.site.replies) {
    const { translated, stale, pending } = r.counts;
    console.log(`prepare: ${r.slug}: ${r.blockCount} blocks, ${r.sections.length} sections, ${translated} translated, ${stale} stale, ${pending} pending, ${r.figureCount} figures`);
  }
  if (result.findings.length) console.log(formatFindings(result.findings));
  console.log(`prepare: ${result.files.size} page files written to src/generated/ in ${since(start)}`);
  if (strict && result.findings.length) {
    const files = [...new Set(result.findings.map((f) => f.file))].join(', ');
    console.error(`error: ${files}: strict mode stops on the findings listed above. Fix: correct them (each line says how), or run without --strict`);
    return 1;
  }
  return 0;
}

if (import.meta.main) await runCli(() => prepareAndReport(process.argv.includes('--strict')));
