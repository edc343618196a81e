/**
 * Writes a reply's translation file (`en.yaml`) in one canonical layout, so
 * that tools which update translations (the XLIFF import) produce small,
 * reviewable diffs and `loadTranslation` reads back exactly what was written.
 */
import { stringify } from 'yaml';
import type { TranslationFile } from './schemas.ts';

/** The canonical text of a reply's `en.yaml`: header comment, then language, title, meta, executive, sections and blocks in the order the object gives them. */
export function formatTranslationFile(file: TranslationFile, slug: string): string {
  const entry = (e: TranslationFile['blocks'][string]) => (e.note === undefined ? { source: e.source, text: e.text } : { source: e.source, text: e.text, note: e.note });
  const data: Record<string, unknown> = { language: file.language };
  if (file.title !== undefined) data.title = file.title;
  if (file.meta?.addressee) data.meta = { addressee: entry(file.meta.addressee) };
  if (file.executive) data.executive = { source: file.executive.source, text: file.executive.text };
  data.sections = Object.fromEntries(Object.entries(file.sections).map(([id, s]) => [id, { source: s.source, summary: s.summary }]));
  data.blocks = Object.fromEntries(Object.entries(file.blocks).map(([id, e]) => [id, entry(e)]));
  const header = [
    `# English translation of reply ${slug}, keyed by block id.`,
    '# `source` is the hash of the Chinese each entry was made from; `npm run check` reports stale entries.',
  ].join('\n');
  return `${header}\n${stringify(data, { lineWidth: 0 })}`;
}
