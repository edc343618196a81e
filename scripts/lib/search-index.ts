/**
 * Stage 6: writes the Pagefind index from the search entries (one index per
 * locale): reply pages as HTML written for the index (one record per page,
 * its blocks recovered in the browser from the element ids), glossary terms as
 * custom records. Checks every Pagefind response, always closes the service,
 * and drops the UI bundles this site never loads.
 *
 * Memory: Pagefind keeps every record of an index in memory until it writes
 * the files, and one service holds every index it was given. So each locale
 * is indexed by a service of its own, one after the other, into the same
 * folder (file names carry the language); the entry file, which each run
 * writes with its own language only, is merged at the end. The peak is that
 * of the largest locale instead of all three.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { isSearchPage, type IndexEntry } from './search-data.ts';
import { BuildError } from './errors.ts';

/** Pagefind files the site does not use (Pagefind's own UIs): removed to keep dist/ light. */
const UNUSED = /^pagefind-(ui|component-ui|modular-ui|highlight)\.|^pagefind-(ui|component-ui|modular-ui)/;

/** Records sent to Pagefind without waiting for each answer (the service handles them in order; waiting for each one idles it). */
const IN_FLIGHT = 500;

/** Pagefind's entry file: the languages of the bundle and their index hashes. */
interface PagefindEntry {
  version: string;
  languages: Record<string, unknown>;
  [key: string]: unknown;
}

function check(what: string, errors: string[]): void {
  if (errors.length) throw new BuildError(`Pagefind failed to ${what}: ${errors.join('; ')}`);
}

/** Indexes one locale's records with a service of its own and writes them into `output`; returns the entry Pagefind wrote. */
async function indexLocale(records: IndexEntry[], output: string): Promise<PagefindEntry> {
  const { index, errors } = await pagefind.createIndex({ writePlayground: false });
  try {
    check('start', errors);
    if (!index) throw new BuildError('Pagefind returned no index');
    for (let i = 0; i < records.length; i += IN_FLIGHT) {
      const batch = records.slice(i, i + IN_FLIGHT);
      const responses = await Promise.all(batch.map((record) => (isSearchPage(record) ? index.addHTMLFile({ url: record.url, content: record.html }) : index.addCustomRecord(record))));
      responses.forEach((response, k) => check(`index ${batch[k]!.url}`, response.errors));
    }
    const written = await index.writeFiles({ outputPath: output });
    check('write the index', written.errors);
  } finally {
    await pagefind.close();
  }
  return JSON.parse(readFileSync(join(output, 'pagefind-entry.json'), 'utf8')) as PagefindEntry;
}

/** Indexes the entries into `<outDir>/pagefind`, one locale at a time; returns how many records each language got. */
export async function writeSearchIndex(records: Iterable<IndexEntry>, outDir: string): Promise<Record<string, number>> {
  const byLanguage = new Map<string, IndexEntry[]>();
  for (const record of records) {
    const list = byLanguage.get(record.language);
    if (list) list.push(record);
    else byLanguage.set(record.language, [record]);
  }
  const output = join(outDir, 'pagefind');
  rmSync(output, { recursive: true, force: true });
  const counts: Record<string, number> = {};
  let entry: PagefindEntry | undefined;
  for (const [language, list] of byLanguage) {
    const written = await indexLocale(list, output);
    const mine = written.languages[language];
    if (!mine || Object.keys(written.languages).length !== 1) throw new BuildError(`Pagefind wrote the languages ${Object.keys(written.languages).join(', ')} for the ${language} records`);
    if (entry && entry.version !== written.version) throw new BuildError(`Pagefind versions differ between locales (${entry.version}, ${written.version})`);
    entry = entry ? { ...entry, languages: { ...entry.languages, [language]: mine } } : written;
    counts[language] = list.length;
  }
  // No records at all: still write Pagefind's runtime and an empty index, so that the search page finds nothing rather than failing.
  if (!entry) await indexLocale([], output);
  else writeFileSync(join(output, 'pagefind-entry.json'), JSON.stringify(entry));
  for (const name of readdirSync(output)) {
    if (UNUSED.test(name)) rmSync(join(output, name), { recursive: true, force: true });
  }
  return counts;
}
