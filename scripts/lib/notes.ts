/**
 * Source discrepancies (content/replies/<slug>/notes.yaml): two figures for
 * the same thing, or a probable typo, in the published Chinese. They are data
 * keyed by block id, explained in Chinese and English and shown on the block in
 * every locale, so a reader sees what the translator knows without the Chinese
 * ever being changed. Each carries the hash of the block it was written for, so
 * a corrected source makes it stale, like a translation.
 */
import type { ReplyDocument } from './model.ts';
import { ContentError } from './errors.ts';
import { notesSchema, validate, type NotesFile } from './schemas.ts';
import { parseYaml } from './yaml-file.ts';
import type { Finding } from './qa.ts';

/** Parses and validates a reply's notes.yaml against its document: every key and `see` entry must be a block of the reply. */
export function loadNotes(text: string, file: string, doc: ReplyDocument): NotesFile {
  const notes = validate(notesSchema, parseYaml(text, file), file, 'notes file');
  const ids = new Set(doc.blocks.map((b) => b.id));
  for (const [id, d] of Object.entries(notes.discrepancies)) {
    if (!ids.has(id)) throw new ContentError({ file, block: `discrepancies.${id}` }, `the reply has no block ${id}`, 'key the discrepancy by a block id that `npm run check` or data/replies/<slug>.json lists');
    for (const other of d.see) {
      if (!ids.has(other) || other === id) throw new ContentError({ file, block: `discrepancies.${id}.see` }, other === id ? `the block refers to itself` : `the reply has no block ${other}`, 'list the other blocks that state the same thing, by block id');
    }
  }
  return notes;
}

/** Discrepancies written for Chinese that has changed since: the typo may be fixed, or the figures reconciled. */
export function checkNotes(doc: ReplyDocument, notes: NotesFile | undefined, file: string): Finding[] {
  const byId = new Map(doc.blocks.map((b) => [b.id, b]));
  return Object.entries(notes?.discrepancies ?? {}).flatMap(([id, d]): Finding[] => {
    const hash = byId.get(id)!.hash;
    return d.source === hash
      ? []
      : [{ kind: 'stale', file, block: `discrepancies.${id}`, message: `the Chinese changed since this discrepancy was noted (hash ${d.source}, now ${hash})`, hint: `check whether the discrepancy is still in the source: delete the entry if not, else set \`source: ${hash}\`` }];
  });
}
