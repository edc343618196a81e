/**
 * The document model: what every later stage (translations, glossary, page data,
 * search, figures) reads. It is also published as `data/replies/<slug>.json`.
 */

/** What a block is, in the reply's own structure. */
export type BlockKind =
  | 'title'
  | 'salutation'
  | 'paragraph'
  | 'heading'
  | 'subheading'
  | 'item'
  | 'subitem'
  | 'point'
  | 'closing'
  | 'signature'
  | 'date'
  | 'contact';

/** One unit of the reply's text: the smallest thing translated, cited and searched. */
export interface Block {
  /** Stable id from the document's own numbering, e.g. `s2-3-p1-pt2`; used as the HTML anchor. */
  id: string;
  kind: BlockKind;
  /** Depth in the numbering: 0 for front/back matter, 1 for 一、, 2 for (一), 3 for 1、, 4 for (1), +1 for points. */
  level: number;
  /** The number label as written in the source (`一、`, `(一)`, `1、`, `一是`), if any. */
  label?: string;
  /** For headings: the heading text without its label. */
  title?: string;
  /** The Chinese text exactly as in the source (surrounding whitespace of the line aside). */
  zh: string;
  /** Short SHA-256 of `zh`: a translation made from other text is stale. */
  hash: string;
  /** The id of the top-level section (page) the block belongs to. */
  section: string;
  /** 1-based line of the source the block comes from. */
  line: number;
}

/** A page of the reply: a top-level section (一、…) or the reply body when it has no headings. */
export interface Section {
  id: string;
  /** Label as in the source (`一、`), empty for an unnumbered body. */
  label: string;
  /** Arabic ordinal of the section among the reply's sections (1-based). */
  number: number;
  titleZh: string;
  blockIds: string[];
}

/** Reply metadata: from meta.yaml where given, otherwise read from the text. */
export interface ReplyMeta {
  proposalNumber?: string;
  session?: string;
  addressee?: string;
  issuingBody?: { zh: string; en?: string };
  date?: string;
  year?: number;
  title: { zh: string; en?: string };
}

/** A parsed reply: metadata, blocks in source order, and the sections that group them into pages. */
export interface ReplyDocument {
  slug: string;
  meta: ReplyMeta;
  /** Blocks shown on the overview page (title, salutation, preamble, closing, signature…). */
  frontIds: string[];
  backIds: string[];
  sections: Section[];
  blocks: Block[];
  sourceHash: string;
  warnings: string[];
}

/** The page a block is shown on: its section's page, or the reply's overview (`index`) for front and back matter. */
export function pageOf(block: Pick<Block, 'section'>): string {
  return ['front', 'intro', 'back'].includes(block.section) ? 'index' : block.section;
}
