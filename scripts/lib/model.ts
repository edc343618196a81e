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
  | 'contact'
  /** The web page around the letter (breadcrumbs, share/print lines, view counts, footers): kept in the data, never shown or indexed. */
  | 'furniture'
  /** The document's administrative data (索引号, 文号, 签发人, 办复类别, letterhead): shown in the metadata table, not as letter text. */
  | 'metadata';

/** What a `metadata` block records, so the site can label it in the metadata table. */
export type MetadataField =
  | 'indexNumber'
  | 'documentNumber'
  | 'signer'
  | 'outcome'
  | 'classification'
  | 'disclosure'
  | 'publisher'
  | 'publishDate'
  | 'letterhead'
  | 'summary'
  | 'other';

/** Whether a reply answers an NPC deputy's suggestion (建议) or a CPPCC member's proposal (提案). */
export type ReplyType = 'suggestion' | 'proposal';

/** The outcome class many replies state (办复类别): A solved or adopted, B being solved or planned, C cannot be solved now or kept for reference. */
export type OutcomeClass = 'A' | 'B' | 'C';

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
  /** For `metadata` blocks: which administrative field the line states. */
  field?: MetadataField;
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
  /** Suggestion (人大代表建议) or proposal (政协委员提案); read from the title and opening when meta.yaml does not say. */
  type?: ReplyType;
  /** The number as written in the text (`71`, `03154`, `20210574`). */
  proposalNumber?: string;
  /** The document's own number (文号), e.g. `高卫体发〔2023〕148号`. */
  documentNumber?: string;
  outcome?: OutcomeClass;
  sourceUrl?: string;
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
  /** `metadata` blocks, in source order: shown in the metadata table. */
  metadataIds: string[];
  /** `furniture` blocks, in source order: kept in the data file only. */
  furnitureIds: string[];
  sections: Section[];
  blocks: Block[];
  sourceHash: string;
  warnings: string[];
}

/** The page a block is shown on: its section's page, or the reply's overview (`index`) for front and back matter. */
export function pageOf(block: Pick<Block, 'section'>): string {
  return ['front', 'intro', 'back'].includes(block.section) ? 'index' : block.section;
}

/** Blocks that belong to the letter itself (shown, translated, searched): everything but web-page furniture and document metadata. */
export function isLetterBlock(block: Pick<Block, 'kind'>): boolean {
  return block.kind !== 'furniture' && block.kind !== 'metadata';
}
