/**
 * Load → pipeline → write src/generated/. Shared by `npm run prepare-content`,
 * the build, `npm run dev` and the benchmark, so all produce exactly the same files.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { loadContent } from './load.ts';
import { runPipeline, type PipelineResult } from './pipeline.ts';
import { loadSynonyms, loadVocabulary, packLexicon, rarePinyinFile, VOCABULARY_FILE, type Synonyms, type VocabularyEntry } from './search-data.ts';
import { GENERATED_NOTICE, termTipsCss } from './page-data.ts';
import { toTraditional } from './hant.ts';
import { lastChanges, statusReport, type StatusReport } from './status.ts';
import { loadSiteConfig, localizeSiteConfig, type SiteSettings } from './site-config.ts';
import { replyFacets } from './facets.ts';
import { en, zhHans } from './ui-strings.ts';

/** What a prepare run reports: the pipeline result plus load warnings. */
export interface PrepareResult extends PipelineResult {
  warnings: string[];
}

/** Reads `contentDir`, runs the pipeline and replaces `outDir` with its output. */
export function prepareContent(contentDir: string, outDir: string): PrepareResult {
  // The site's own settings first: a bad site.yaml is one line, before any reply is read.
  const settings = siteSettings(contentDir);
  const content = loadContent(contentDir);
  const result = runPipeline(content, searchContent(contentDir, content.glossary));
  const status = statusReport(content, result.findings, lastChanges(content.replies.map((r) => r.files.translation)), statusPageEnabled(contentDir));
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  for (const [path, text] of generatedFiles(result, status, settings)) {
    mkdirSync(dirname(join(outDir, path)), { recursive: true });
    writeFileSync(join(outDir, path), text);
  }
  return { ...result, warnings: content.warnings };
}

/** Whether content/site.yaml lets the build make the translation status page (`statusPage`, true when the file is absent). */
export function statusPageEnabled(contentDir: string): boolean {
  const file = join(contentDir, 'site.yaml');
  return existsSync(file) ? loadSiteConfig(file).statusPage : true;
}

/** Every file of src/generated/ (path relative to it → text) for a pipeline result and status report: one place, so a full prepare and `npm run dev`'s partial updates write the same bytes. */
export function generatedFiles(result: PipelineResult, status: StatusReport, settings: SiteSettings): Map<string, string> {
  return new Map([...replyFiles(result), ...siteFiles(result, status, settings)]);
}

/** The files that belong to one reply each (page data, figures, public JSON): `npm run dev` rewrites only those of the edited reply. */
export function replyFiles(result: Pick<PipelineResult, 'files' | 'figures' | 'publicDocs'>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [path, text] of result.files) if (path.startsWith('pages/')) out.set(path, text);
  for (const [slug, list] of result.figures) out.set(`figures/${slug}.json`, JSON.stringify(list));
  for (const [slug, doc] of result.publicDocs) out.set(`data/replies/${slug}.json`, JSON.stringify({ generated: GENERATED_NOTICE, ...(doc as object) }, null, 1));
  return out;
}

/** The files about the whole site (site data, concordances, UI strings, search data, status); `search: false` leaves out the search records and lexicons. */
export function siteFiles(result: Omit<PipelineResult, 'search'> & { search?: PipelineResult['search'] }, status: StatusReport, settings: SiteSettings): Map<string, string> {
  const out = new Map<string, string>([['README.md', `# src/generated\n\n${GENERATED_NOTICE}\n`]]);
  for (const [path, text] of result.files) if (!path.startsWith('pages/')) out.set(path, text);
  out.set('site.json', JSON.stringify(result.site));
  out.set('site-config.json', JSON.stringify(settings));
  out.set('facets.json', JSON.stringify(replyFacets(result.site.replies)));
  for (const [id, list] of result.occurrences) out.set(`occurrences/${id}.json`, JSON.stringify(list));
  out.set('glossary-examples.json', JSON.stringify(Object.fromEntries(result.examples)));
  out.set('ui.json', uiJson());
  out.set('term-tips.css', termTipsCss(result.site.glossary.map((g) => g.id)));
  if (result.search) {
    out.set('search/records.json', JSON.stringify(result.search.records));
    for (const lexicon of result.search.lexicons) out.set(`search/lexicon.${lexicon.locale}.json`, JSON.stringify(packLexicon(lexicon)));
    // One file per letter a–z, empty ones too: the search page asks for the letter where a word may start, and a 404 would be a console error.
    for (const letter of 'abcdefghijklmnopqrstuvwxyz') out.set(rarePinyinFile(letter), JSON.stringify(result.search.rarePinyin[letter] ?? {}));
    out.set(VOCABULARY_FILE, JSON.stringify(result.search.vocabulary));
  }
  out.set('status.json', JSON.stringify({ generated: GENERATED_NOTICE, ...status }));
  return out;
}

let ui: string | undefined;
/** The UI strings of every locale (Traditional converted from Simplified), converted once per process. */
function uiJson(): string {
  ui ??= JSON.stringify({ en, 'zh-hans': zhHans, 'zh-hant': Object.fromEntries(Object.entries(zhHans).map(([k, v]) => [k, toTraditional(v)])) });
  return ui;
}

/** content/site.yaml read and localized (zh-hant converted where absent): what `site-config.json` holds. */
export function siteSettings(contentDir: string): SiteSettings {
  const file = join(contentDir, 'site.yaml');
  return localizeSiteConfig(loadSiteConfig(file, relative(process.cwd(), file) || file));
}

/** The search content of a content folder: the synonyms and the vocabulary, both optional files. */
export function searchContent(contentDir: string, glossary: { terms: { id: string }[] }): { synonyms: Synonyms; vocabulary: VocabularyEntry[] } {
  return { synonyms: searchSynonyms(contentDir, glossary), vocabulary: searchVocabulary(contentDir) };
}

/** content/search-vocabulary.yaml, validated: optional content (without the file, English that finds nothing is not looked up in Chinese). */
export function searchVocabulary(contentDir: string): VocabularyEntry[] {
  const file = join(contentDir, 'search-vocabulary.yaml');
  return existsSync(file) ? loadVocabulary(readFileSync(file, 'utf8'), relative(process.cwd(), file) || file) : [];
}

/** content/search-synonyms.yaml, validated against the glossary: optional content (without the file, search applies no synonyms). */
export function searchSynonyms(contentDir: string, glossary: { terms: { id: string }[] }): Synonyms {
  const file = join(contentDir, 'search-synonyms.yaml');
  return existsSync(file) ? loadSynonyms(readFileSync(file, 'utf8'), relative(process.cwd(), file) || file, new Set(glossary.terms.map((t) => t.id))) : [];
}
