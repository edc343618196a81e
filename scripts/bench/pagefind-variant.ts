/**
 * `node scripts/bench/pagefind-variant.ts <records.json> <outDir> <mode>`: one
 * Pagefind ablation (run by scripts/bench/diagnose.ts in a child process so
 * its time and memory are measured alone). Modes:
 *   as-built     the project's writeSearchIndex (one Pagefind service per locale, in turn)
 *   one-service  the same records, every locale in one Pagefind service (batches of 500)
 * Prints one JSON line: records, ms, and the index size.
 */
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { writeSearchIndex } from '../lib/search-index.ts';
import { isSearchPage, type IndexEntry } from '../lib/search-data.ts';

const [recordsFile, outDir, mode] = process.argv.slice(2);
if (!recordsFile || !outDir || !mode) throw new Error('usage: pagefind-variant.ts <records.json> <outDir> <as-built|one-service>');
const records = JSON.parse(readFileSync(recordsFile, 'utf8')) as IndexEntry[];
rmSync(outDir, { recursive: true, force: true });

const start = performance.now();
if (mode === 'one-service') {
  const { index, errors } = await pagefind.createIndex({ writePlayground: false });
  if (errors.length || !index) throw new Error(errors.join('; '));
  for (let i = 0; i < records.length; i += 500) {
    const responses = await Promise.all(records.slice(i, i + 500).map((r) => (isSearchPage(r) ? index.addHTMLFile({ url: r.url, content: r.html }) : index.addCustomRecord(r))));
    const bad = responses.flatMap((r) => r.errors);
    if (bad.length) throw new Error(bad.join('; '));
  }
  const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
  if (written.errors.length) throw new Error(written.errors.join('; '));
  await pagefind.close();
  // As writeSearchIndex does: drop Pagefind's UI bundles, which the site never loads.
  for (const name of readdirSync(join(outDir, 'pagefind'))) {
    if (/^pagefind-(ui|component-ui|modular-ui|highlight)\.|^pagefind-(ui|component-ui|modular-ui)/.test(name)) rmSync(join(outDir, 'pagefind', name), { recursive: true, force: true });
  }
} else {
  await writeSearchIndex(records, outDir);
}
const ms = performance.now() - start;

let bytes = 0;
let files = 0;
const walk = (d: string) => {
  for (const e of readdirSync(d, { withFileTypes: true })) {
    if (e.isDirectory()) walk(join(d, e.name));
    else {
      bytes += statSync(join(d, e.name)).size;
      files++;
    }
  }
};
walk(join(outDir, 'pagefind'));
rmSync(outDir, { recursive: true, force: true });
console.log(JSON.stringify({ mode, records: records.length, ms: Math.round(ms), bytes, files }));
