/**
 * Stage 2: attaches English translations to blocks. A block is translated,
 * stale (its Chinese changed since) or pending (no entry): never silently
 * filled with something else.
 */
import { isMap, isScalar, parseDocument } from 'yaml';
import { isLetterBlock, type ReplyDocument } from './model.ts';
import { hashText } from './parse.ts';
import { translationSchema, validate, type TranslationFile } from './schemas.ts';
import { parseYaml } from './yaml-file.ts';
import type { Finding } from './qa.ts';

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
  /** The English of the addressee (en.yaml `meta.addressee`), when the reply names one: shown in the English metadata table. */
  addressee?: BlockTranslation;
}

/** The hash an addressee translation is made from: the Chinese addressee (meta.yaml's or the salutation's), so a corrected name makes the English stale. */
export function addresseeHash(doc: Pick<ReplyDocument, 'meta'>): string | undefined {
  return doc.meta.addressee ? hashText(doc.meta.addressee) : undefined;
}

/** The addressee's English resolved against the current Chinese addressee; undefined when the reply names none. */
export function attachAddressee(doc: Pick<ReplyDocument, 'meta'>, file: TranslationFile | undefined): BlockTranslation | undefined {
  const hash = addresseeHash(doc);
  if (!hash) return undefined;
  const entry = file?.meta?.addressee;
  if (!entry) return { status: 'pending' };
  return { status: entry.source === hash ? 'translated' : 'stale', en: entry.text, note: entry.note };
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
    ...(doc.meta.addressee ? { addressee: attachAddressee(doc, file) } : {}),
  };
}

/** A translation entry found under an old block id: the block it was made from now has another id. */
export interface IdMove {
  from: string;
  to: string;
}

/** A translation file with its entries moved to the blocks they were made from, and what was moved. */
export interface FollowedTranslation {
  file: TranslationFile | undefined;
  moves: IdMove[];
  /** Entries left under an id that now names another block: their block is gone. */
  displaced: string[];
  /** One `moved` finding per move (fixed by `--fix-ids`), one `orphaned` per displaced entry. */
  findings: Finding[];
}

/**
 * Paragraph ids are position counters, so a paragraph inserted, deleted or
 * split in a corrected source shifts the ids after it. An entry therefore
 * attaches, in this order: to the block under its own id when the hash of
 * the Chinese still matches; else to a block whose Chinese has the entry's
 * hash (the entry moved with its text); else, stale, to the block under its
 * own id, unless another block took the entry by hash. Entries that attach
 * nowhere stay under their id (orphaned), or, when that id now names another
 * block's moved entry, are reported as displaced.
 */
export function followIds(doc: ReplyDocument, file: TranslationFile | undefined, path: string): FollowedTranslation {
  if (!file) return { file, moves: [], displaced: [], findings: [] };
  const entries = file.blocks;
  const claimed = new Map<string, string>(); // entry key → block id
  const byBlock = new Map<string, string>(); // block id → entry key
  const claim = (key: string, blockId: string) => {
    claimed.set(key, blockId);
    byBlock.set(blockId, key);
  };
  for (const block of doc.blocks) if (entries[block.id]?.source === block.hash) claim(block.id, block.id);
  const byHash = Map.groupBy(Object.keys(entries).filter((k) => !claimed.has(k)), (k) => entries[k]!.source);
  for (const block of doc.blocks) {
    if (byBlock.has(block.id)) continue;
    const key = byHash.get(block.hash)?.find((k) => !claimed.has(k));
    if (key) claim(key, block.id);
  }
  for (const block of doc.blocks) {
    if (!byBlock.has(block.id) && entries[block.id] && !claimed.has(block.id)) claim(block.id, block.id);
  }
  const blocks: TranslationFile['blocks'] = {};
  const moves: IdMove[] = [];
  for (const block of doc.blocks) {
    const key = byBlock.get(block.id);
    if (key === undefined) continue;
    blocks[block.id] = entries[key]!;
    if (key !== block.id) moves.push({ from: key, to: block.id });
  }
  const displaced: string[] = [];
  for (const key of Object.keys(entries)) {
    if (claimed.has(key)) continue;
    if (key in blocks) displaced.push(key);
    else blocks[key] = entries[key]!;
  }
  const fix = 'run `npm run check -- --fix-ids` to rewrite en.yaml';
  const findings: Finding[] = [
    ...moves.map((m): Finding => ({ kind: 'moved', file: path, block: m.from, message: `${m.from} is now ${m.to} (its Chinese moved when the source was edited)`, hint: fix })),
    ...displaced.map((key): Finding => ({ kind: 'orphaned', file: path, block: key, message: `this entry belongs to no block of the reply (its block was removed, and ${key} now names another block)`, hint: `${fix}, which renames it to ${key}-orphaned; then move its English where it belongs, or delete it` })),
  ];
  return { file: { ...file, blocks }, moves, displaced, findings };
}

/**
 * `npm run check -- --fix-ids`: the text of en.yaml with moved entries under
 * their new ids and displaced ones renamed `<id>-orphaned`. Only the keys
 * change (through the yaml document model), so comments, quoting and order
 * stay as they were.
 */
export function rewriteIds(text: string, moves: IdMove[], displaced: string[]): string {
  const doc = parseDocument(text);
  const blocks = doc.get('blocks', true);
  if (!isMap(blocks)) return text;
  const to = new Map(moves.map((m) => [m.from, m.to]));
  const taken = new Set(blocks.items.map((p) => (isScalar(p.key) ? String(p.key.value) : '')));
  for (const pair of blocks.items) {
    if (!isScalar(pair.key)) continue;
    const key = String(pair.key.value);
    const target = to.get(key);
    if (target !== undefined) pair.key.value = target;
    else if (displaced.includes(key)) {
      let name = `${key}-orphaned`;
      for (let n = 2; taken.has(name); n++) name = `${key}-orphaned-${n}`;
      taken.add(name);
      pair.key.value = name;
    }
  }
  return doc.toString({ lineWidth: 0 });
}
