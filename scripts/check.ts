/**
 * `npm run check [-- --strict] [-- --fix-ids]`: translation and glossary QA over all content,
 * reported like a linter. Exit code 1 on findings in strict mode.
 *
 * Steps: load content (fails fast on malformed files) → follow translations
 * whose block ids moved → run the QA of every reply → print findings grouped
 * by file with a count per kind. `--fix-ids` rewrites the en.yaml files whose
 * entries moved (keys only). CONTENT_DIR=… checks another content folder.
 * `--json` prints the translation status report instead (schema `statusReportSchema`
 * in scripts/lib/status.ts: per reply blocks translated/pending/stale, summaries,
 * last change and findings), the same data as the status page.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { contentDirFromEnv, loadContent } from './lib/load.ts';
import { checkQuotedPhrases, checkTranslation, formatFindings } from './lib/qa.ts';
import { followIds, loadTranslation, rewriteIds } from './lib/translations.ts';
import { runCli } from './lib/cli.ts';
import { checkNotes } from './lib/notes.ts';
import { lastChanges, statusReport } from './lib/status.ts';
import { statusPageEnabled } from './lib/prepare-content.ts';
import { checkGlossary } from './lib/glossary.ts';

await runCli(() => {
  const strict = process.argv.includes('--strict');
  const fixIds = process.argv.includes('--fix-ids');
  const contentDir = contentDirFromEnv();
  const content = loadContent(contentDir);
  for (const w of content.warnings) console.warn(`warning: ${w}`);
  const findings = checkGlossary(content.glossary, content.glossaryFile);
  findings.push(...content.replies.flatMap((r) => {
    let followed = followIds(r.doc, r.translation, r.files.translation);
    if (fixIds && (followed.moves.length || followed.displaced.length)) {
      const text = rewriteIds(readFileSync(r.files.translation, 'utf8'), followed.moves, followed.displaced);
      writeFileSync(r.files.translation, text);
      console.log(`check: ${r.files.translation}: ${followed.moves.map((m) => `${m.from} → ${m.to}`).concat(followed.displaced.map((k) => `${k} → ${k}-orphaned`)).join(', ')}`);
      followed = followIds(r.doc, loadTranslation(text, r.files.translation), r.files.translation);
    }
    return [
      ...followed.findings,
      ...checkTranslation(r.doc, followed.file, r.files.translation, content.glossary),
      ...checkQuotedPhrases(r.doc, content.glossary, r.files.source),
      ...checkNotes(r.doc, r.notes, r.files.notes ?? r.files.translation),
    ];
  }));
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
  if (!strict) return 0;
  const files = [...new Set(findings.map((f) => f.file))];
  console.error(`error: ${files.join(', ')}: strict mode stops on the findings listed above. Fix: correct them (each line says how), or run without --strict`);
  return 1;
});
