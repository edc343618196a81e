/**
 * `npm run xliff:export -- <slug> [out.xlf]` and `npm run xliff:import -- <slug> <in.xlf>`:
 * the exchange with professional translators.
 *
 * Export writes the reply and its current English as XLIFF 2.1 (default
 * `xliff/<slug>.en.xlf`). Import reads the translated XLIFF back, checks it
 * against the current reply, rewrites `content/replies/<slug>/en.yaml` in its
 * canonical layout and says how many entries changed.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadContent, type LoadedReply } from './lib/load.ts';
import type { Glossary } from './lib/glossary.ts';
import { runCli } from './lib/cli.ts';
import { ContentError } from './lib/errors.ts';
import { changedEntries, exportXliff, importXliff } from './lib/xliff.ts';
import { formatTranslationFile } from './lib/translation-file.ts';

const USAGE = 'usage: node scripts/xliff.ts export <slug> [out.xlf] | import <slug> <in.xlf>';

await runCli(() => {
  const [command, slug, path] = process.argv.slice(2);
  if ((command !== 'export' && command !== 'import') || !slug || (command === 'import' && !path)) {
    console.error(USAGE);
    return 2;
  }
  const content = loadContent('content');
  const reply = content.replies.find((r) => r.doc.slug === slug);
  if (!reply) {
    throw new ContentError({ file: join('content', 'replies', slug) }, `there is no reply "${slug}"`, `use one of: ${content.replies.map((r) => r.doc.slug).join(', ')}`);
  }
  return command === 'export' ? runExport(reply, content.glossary, path) : runImport(reply, path!);
});

function runExport(reply: LoadedReply, glossary: Glossary, path: string | undefined): number {
  const out = path ?? join('xliff', `${reply.doc.slug}.en.xlf`);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, exportXliff(reply.doc, reply.translation, glossary));
  const entries = reply.translation?.blocks ?? {};
  const translated = reply.doc.blocks.filter((b) => entries[b.id]?.source === b.hash).length;
  const stale = reply.doc.blocks.filter((b) => entries[b.id] && entries[b.id]!.source !== b.hash).length;
  const pending = reply.doc.blocks.length - translated - stale;
  console.log(`xliff: wrote ${out}: ${reply.doc.blocks.length} blocks (${translated} translated, ${stale} stale, ${pending} pending), ${reply.doc.sections.length + 1} summaries${reply.doc.meta.addressee ? ' and the addressee' : ''}`);
  return 0;
}

function runImport(reply: LoadedReply, path: string): number {
  if (!existsSync(path)) throw new ContentError({ file: path }, 'the XLIFF file does not exist', 'give the path of the translated .xlf file');
  const result = importXliff(readFileSync(path, 'utf8'), reply.doc, reply.translation, path);
  const changed = changedEntries(reply.translation, result);
  if (changed.length > 0) writeFileSync(reply.files.translation, formatTranslationFile(result, reply.doc.slug));
  console.log(`xliff: ${changed.length} entr${changed.length === 1 ? 'y' : 'ies'} changed in ${reply.files.translation}${changed.length ? `: ${changed.join(', ')}` : ''}`);
  return 0;
}
