/**
 * `npm run check [-- --strict]`: translation and glossary QA over all content,
 * reported like a linter. Exit code 1 on findings in strict mode.
 *
 * Steps: load content (fails fast on malformed files) → run the QA of every
 * reply → print findings grouped by file with a count per kind.
 */
import { loadContent } from './lib/load.ts';
import { checkQuotedPhrases, checkTranslation, formatFindings } from './lib/qa.ts';
import { runCli } from './lib/cli.ts';
import { checkNotes } from './lib/notes.ts';

await runCli(() => {
  const strict = process.argv.includes('--strict');
  const content = loadContent('content');
  for (const w of content.warnings) console.warn(`warning: ${w}`);
  const findings = content.replies.flatMap((r) => [
    ...checkTranslation(r.doc, r.translation, r.files.translation, content.glossary),
    ...checkQuotedPhrases(r.doc, content.glossary, r.files.source),
    ...checkNotes(r.doc, r.notes, r.files.notes ?? r.files.translation),
  ]);
  if (findings.length === 0) {
    console.log(`check: ${content.replies.length} replies, ${content.glossary.terms.length} glossary terms, no findings`);
    return 0;
  }
  console.log(formatFindings(findings));
  return strict ? 1 : 0;
});
