/**
 * Stage 6: writes the Pagefind index from the search records (one index per
 * locale, block-level results). Checks every Pagefind response, always closes
 * the service, and drops the UI bundles this site never loads.
 */
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import type { SearchRecord } from './search-data.ts';
import { BuildError } from './errors.ts';

/** Pagefind files the site does not use (Pagefind's own UIs): removed to keep dist/ light. */
const UNUSED = /^pagefind-(ui|component-ui|modular-ui|highlight)\.|^pagefind-(ui|component-ui|modular-ui)/;

function check(what: string, errors: string[]): void {
  if (errors.length) throw new BuildError(`Pagefind failed to ${what}: ${errors.join('; ')}`);
}

/** Indexes the records into `<outDir>/pagefind`; returns how many records each language got. */
export async function writeSearchIndex(records: SearchRecord[], outDir: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const { index, errors } = await pagefind.createIndex({ writePlayground: false });
  try {
    check('start', errors);
    if (!index) throw new BuildError('Pagefind returned no index');
    for (const record of records) {
      const response = await index.addCustomRecord(record);
      check(`index ${record.url}`, response.errors);
      counts[record.language] = (counts[record.language] ?? 0) + 1;
    }
    const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
    check('write the index', written.errors);
  } finally {
    await pagefind.close();
  }
  for (const name of readdirSync(join(outDir, 'pagefind'))) {
    if (UNUSED.test(name)) rmSync(join(outDir, 'pagefind', name), { recursive: true, force: true });
  }
  return counts;
}
