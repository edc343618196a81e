/**
 * `node scripts/bench/prepare-timing.ts <contentDir> <outDir>` (run in a child
 * process so module loading is counted cold): splits the prepare stage into
 * module loading, parsing (load), translation QA, the rest of the pipeline
 * (term annotation, Traditional conversion, page data, site data, search records) and
 * writing src/generated. Prints one JSON line.
 */
import { rmSync } from 'node:fs';

const [contentDir, outDir] = process.argv.slice(2);
if (!contentDir || !outDir) throw new Error('usage: prepare-timing.ts <contentDir> <outDir>');

const t0 = performance.now();
const { loadContent } = await import('../lib/load.ts');
const { runPipeline } = await import('../lib/pipeline.ts');
const { checkTranslation, checkQuotedPhrases } = await import('../lib/qa.ts');
const { prepareContent } = await import('../lib/prepare-content.ts');
const importMs = performance.now() - t0;

let t = performance.now();
const content = loadContent(contentDir);
const loadMs = performance.now() - t;

t = performance.now();
let findings = 0;
for (const reply of content.replies) {
  findings += checkTranslation(reply.doc, reply.translation, reply.files.translation, content.glossary).length;
  findings += checkQuotedPhrases(reply.doc, content.glossary, reply.files.source).length;
}
const qaMs = performance.now() - t;

t = performance.now();
const result = runPipeline(content);
const pipelineMs = performance.now() - t;
let pageBytes = 0;
for (const text of result.files.values()) pageBytes += Buffer.byteLength(text);
const siteJsonBytes = Buffer.byteLength(JSON.stringify(result.site));
const concordance = result.site.glossary.reduce((n, term) => n + term.occurrenceCount, 0);

t = performance.now();
prepareContent(contentDir, outDir);
const prepareAgainMs = performance.now() - t;
rmSync(outDir, { recursive: true, force: true });

console.log(
  JSON.stringify({
    importMs,
    loadMs,
    qaMs,
    pipelineMs,
    // runPipeline runs the QA itself; what remains is annotation, Traditional conversion, page data and site data.
    generateMs: Math.max(0, pipelineMs - qaMs),
    // A second, warm prepareContent: load + pipeline + write; the write is what exceeds load + pipeline.
    writeMs: Math.max(0, prepareAgainMs - loadMs - pipelineMs),
    prepareWarmMs: prepareAgainMs,
    findings,
    pageFiles: result.files.size,
    pageBytes,
    siteJsonBytes,
    searchRecords: result.search.records.length,
    concordanceEntries: concordance,
  }),
);
