/**
 * Stage 2: attaches English translations to blocks. A block is translated,
 * stale (its Chinese changed since) or pending (no entry): never silently
 * filled with something else.
 */
import { isLetterBlock, type ReplyDocument } from './model.ts';
import { hashText } from './parse.ts';
import { translationSchema, validate, type TranslationFile } from './schemas.ts';
import { parseYaml } from './yaml-file.ts';

/** Whether a block's English can be shown as is. */
export type TranslationStatus = 'translated' | 'stale' | 'pending';

/** A block's English as the site shows it. */
export interface BlockTranslation {
  status: TranslationStatus;
  en?: string;
  note?: string;
}

/** The English of a reply, resolved against its current Chinese. */
export interface AttachedTranslation {
  title?: string;
  executive?: { text: string; stale: boolean };
  sections: Record<string, { summary: string; stale: boolean }>;
  blocks: Record<string, BlockTranslation>;
  counts: Record<TranslationStatus, number>;
}

/** Parses and validates a translation file (`en.yaml`). */
export function loadTranslation(text: string, file: string): TranslationFile {
  return validate(translationSchema, parseYaml(text, file), file, 'translation file');
}

/** The hash a section summary is made from: the Chinese of all the section's blocks. */
export function sectionHash(doc: ReplyDocument, sectionId: string): string {
  const section = doc.sections.find((s) => s.id === sectionId);
  const byId = new Map(doc.blocks.map((b) => [b.id, b]));
  return hashText(section ? section.blockIds.map((id) => byId.get(id)!.zh).join('\n') : '');
}

/** Resolves a translation file against the document: status per block, staleness of summaries. */
export function attachTranslation(doc: ReplyDocument, file: TranslationFile | undefined): AttachedTranslation {
  const counts = { translated: 0, stale: 0, pending: 0 };
  const blocks: Record<string, BlockTranslation> = {};
  for (const block of doc.blocks.filter(isLetterBlock)) {
    const entry = file?.blocks[block.id];
    const status: TranslationStatus = !entry ? 'pending' : entry.source === block.hash ? 'translated' : 'stale';
    counts[status]++;
    blocks[block.id] = entry ? { status, en: entry.text, note: entry.note } : { status };
  }
  const sections: AttachedTranslation['sections'] = {};
  for (const [id, s] of Object.entries(file?.sections ?? {})) sections[id] = { summary: s.summary, stale: s.source !== sectionHash(doc, id) };
  return {
    title: file?.title,
    executive: file?.executive ? { text: file.executive.text, stale: file.executive.source !== doc.sourceHash } : undefined,
    sections,
    blocks,
    counts,
  };
}
