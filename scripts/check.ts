/**
 * `npm run check [-- --strict] [-- --json]`: translation and glossary QA over all content,
 * reported like a linter. Exit code 1 on findings in strict mode.
 *
 * Steps: load content (fails fast on malformed files) → run the QA of every
 * reply → print findings grouped by file with a count per kind.
 * `--json` prints the translation status report instead (schema `statusReportSchema`
 * in scripts/lib/status.ts: per reply blocks translated/pending/stale, summaries,
 * last change and findings), the same data as the status page.
 */
import { contentDirFromEnv, loadContent } from './lib/load.ts';
import { checkQuotedPhrases, checkTranslation, formatFindings } from './lib/qa.ts';
import { runCli } from './lib/cli.ts';
import { lastChanges, statusReport } from './lib/status.ts';
import { statusPageEnabled } from './lib/prepare-content.ts';

await runCli(() => {
  const strict = process.argv.includes('--strict');
  const contentDir = contentDirFromEnv();
  const content = loadContent(contentDir);
  for (const w of content.warnings) console.warn(`warning: ${w}`);
  const findings = content.replies.flatMap((r) => [
    ...checkTranslation(r.doc, r.translation, r.files.translation, content.glossary),
    ...checkQuotedPhrases(r.doc, content.glossary, r.files.source),
  ]);
  // --json: the status report on stdout (warnings stay on stderr), for scripts.
  if (process.argv.includes('--json')) {
    const report = statusReport(content, findings, lastChanges(content.replies.map((r) => r.files.translation)), statusPageEnabled(contentDir));
    console.log(JSON.stringify(report, null, 1));
    return strict && findings.length ? 1 : 0;
  }
  if (findings.length === 0) {
    console.log(`check: ${content.replies.length} replies, ${content.glossary.terms.length} glossary terms, no findings`);
    return 0;
  }
  console.log(formatFindings(findings));
  return strict ? 1 : 0;
});
