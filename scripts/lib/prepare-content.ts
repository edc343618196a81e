/**
 * Load → pipeline → write src/generated/. Shared by `npm run prepare-content`,
 * the build and the benchmark, so all three produce exactly the same files.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadContent } from './load.ts';
import { runPipeline, type PipelineResult } from './pipeline.ts';
import { loadSynonyms } from './search-data.ts';
import { GENERATED_NOTICE } from './page-data.ts';
import { toTraditional } from './hant.ts';
import { en, zhHans } from '../../src/i18n/strings.ts';

/** What a prepare run reports: the pipeline result plus load warnings. */
export interface PrepareResult extends PipelineResult {
  warnings: string[];
}

/** Reads `contentDir`, runs the pipeline and replaces `outDir` with its output. */
export function prepareContent(contentDir: string, outDir: string): PrepareResult {
  const content = loadContent(contentDir);
  // The search synonyms are optional content: without the file, search applies none.
  const synonymsFile = join(contentDir, 'search-synonyms.yaml');
  const synonyms = existsSync(synonymsFile) ? loadSynonyms(readFileSync(synonymsFile, 'utf8'), synonymsFile, new Set(content.glossary.terms.map((t) => t.id))) : [];
  const result = runPipeline(content, { synonyms });
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'README.md'), `# src/generated\n\n${GENERATED_NOTICE}\n`);
  for (const [path, text] of result.files) {
    mkdirSync(dirname(join(outDir, path)), { recursive: true });
    writeFileSync(join(outDir, path), text);
  }
  writeFileSync(join(outDir, 'site.json'), JSON.stringify(result.site));
  mkdirSync(join(outDir, 'occurrences'), { recursive: true });
  for (const [id, list] of result.occurrences) writeFileSync(join(outDir, 'occurrences', `${id}.json`), JSON.stringify(list));
  mkdirSync(join(outDir, 'figures'), { recursive: true });
  for (const [slug, list] of result.figures) writeFileSync(join(outDir, 'figures', `${slug}.json`), JSON.stringify(list));
  const zhHant = Object.fromEntries(Object.entries(zhHans).map(([k, v]) => [k, toTraditional(v)]));
  writeFileSync(join(outDir, 'ui.json'), JSON.stringify({ en, 'zh-hans': zhHans, 'zh-hant': zhHant }));
  mkdirSync(join(outDir, 'data', 'replies'), { recursive: true });
  for (const [slug, doc] of result.publicDocs) writeFileSync(join(outDir, 'data', 'replies', `${slug}.json`), JSON.stringify({ generated: GENERATED_NOTICE, ...(doc as object) }, null, 1));
  mkdirSync(join(outDir, 'search'), { recursive: true });
  writeFileSync(join(outDir, 'search', 'records.json'), JSON.stringify(result.search.records));
  for (const lexicon of result.search.lexicons) writeFileSync(join(outDir, 'search', `lexicon.${lexicon.locale}.json`), JSON.stringify(lexicon));
  return { ...result, warnings: content.warnings };
}
