/**
 * The build pipeline over loaded content: attach translations, annotate terms,
 * convert to Traditional, emit page data and site data. Pure: returns the files to
 * write; the CLI (scripts/prepare.ts) writes them.
 */
import { isLetterBlock, pageOf, type Block, type MetadataField, type ReplyDocument } from './model.ts';
import type { LoadedContent, LoadedReply } from './load.ts';
import { attachTranslation, followIds, type AttachedTranslation, type BlockTranslation } from './translations.ts';
import { annotate, termMatcher, type Segment, type TermMatcher } from './annotate.ts';
import { toTraditional } from './hant.ts';
import { blockData, englishLabel, LOCALES, GENERATED_NOTICE, type BlockView, type LocaleId, type MetadataRow, type PageData } from './page-data.ts';
import { checkNotes } from './notes.ts';
import { checkQuotedPhrases, checkTranslation, translatableZh, type Finding } from './qa.ts';
import { extractFigures, type Figure } from './figures.ts';
import { headlineFigures, numberFigures, type NumberedFigure } from './figure-views.ts';
import { termExample, type GlossaryTerm, type TermExample } from './glossary.ts';
import { aboutFiles } from './about.ts';
import { defaultEnglishTitle } from './wording.ts';
import { buildLexicon, foldMaps, pageRecords, pinyinTables, termRecord, type IndexEntry, type Lexicon, type SearchBlock, type Synonyms, type VocabularyEntry } from './search-data.ts';

/** A section as the site's navigation and pages need it. */
export interface SectionInfo {
  id: string;
  number: number;
  labelZh: string;
  labelEn?: string;
  titleZh: string;
  titleHant: string;
  titleEn?: string;
  summary?: string;
  summaryStale?: boolean;
}

/** A reply as the site's pages need it (no block text: that lives in the page data). */
export interface ReplyInfo {
  slug: string;
  meta: ReplyDocument['meta'];
  titleHant: string;
  executive?: { text: string; stale: boolean };
  sections: SectionInfo[];
  counts: AttachedTranslation['counts'];
  blockCount: number;
  figureCount: number;
  /** The document's metadata lines (索引号, 文号, 办复类别…), verbatim, for the metadata table: never letter text. */
  metadata: { id: string; field: MetadataField; zh: string; hant: string }[];
  /** The reply's headline figures (figure-views.ts `headlineFigures`): 3–5 results, money and growth first, each with its table row. */
  headline: NumberedFigure[];
  /** The addressee's English (en.yaml `meta.addressee`) and whether it is current, when the reply names an addressee. */
  addresseeEn?: BlockTranslation;
}

/** Where a glossary term occurs: the concordance of its term page, with the text around the term (keyword in context). */
export interface Occurrence {
  slug: string;
  page: string;
  block: string;
  zh: string;
  hant: string;
}

/** Characters of context kept on each side of a term in the concordance. */
const KWIC = 40;

/** The text around the first occurrence of `form` in `text`, cut at ±KWIC characters with ellipses. */
export function keywordInContext(text: string, form: string): string {
  const at = text.indexOf(form);
  if (at === -1) return text.length > 2 * KWIC ? `${text.slice(0, 2 * KWIC)}…` : text;
  const start = Math.max(0, at - KWIC);
  const end = Math.min(text.length, at + form.length + KWIC);
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
}

/** What every page reads, written to src/generated/site.json: kept small, since every page imports it (concordances and figures are separate files). */
export interface SiteData {
  notice: string;
  replies: ReplyInfo[];
  glossary: (GlossaryTerm & { occurrenceCount: number })[];
  exclusions: LoadedContent['glossary']['exclusions'];
  /** Whether the site has an About page (content/about/). */
  about: boolean;
  /** The site's headline figures over all replies, by the same rule as a reply's. */
  headline: NumberedFigure[];
}

/** The pipeline's result: files relative to src/generated/, data, findings and counts to report. */
export interface PipelineResult {
  files: Map<string, string>;
  site: SiteData;
  /** Concordance per term id, and figures per reply: read only by the pages that show them. */
  occurrences: Map<string, Occurrence[]>;
  /** One example per term that occurs (glossary pages and exports): see `preferExample`. */
  examples: Map<string, TermExample>;
  figures: Map<string, Figure[]>;
  findings: Finding[];
  publicDocs: Map<string, unknown>;
  /**
   * Search data: index records, the lexicon of each locale (part of the first search), and what the search page
   * fetches only on a dead end: the pinyin of rarer words by first letter, and the English→Chinese vocabulary.
   */
  search: { records: IndexEntry[]; lexicons: Lexicon[]; rarePinyin: Record<string, Record<string, string>>; vocabulary: VocabularyEntry[] };
}


/** The site data over all replies: one function, so a full prepare and `npm run dev`'s merge of per-reply parts agree. */
export function siteData(glossary: LoadedContent['glossary'], replies: ReplyInfo[], occurrences: Map<string, Occurrence[]>, figures: Map<string, Figure[]>, about: boolean): SiteData {
  return {
    notice: GENERATED_NOTICE,
    replies,
    glossary: glossary.terms.map((t) => ({ ...t, occurrenceCount: occurrences.get(t.id)!.length })),
    exclusions: glossary.exclusions,
    about,
    headline: headlineFigures([...figures.values()].flatMap(numberFigures)),
  };
}

/** How good an example is: its English sentence carries the rendering (2), it has current English (1), or the English is missing (0). */
const exampleRank = (e: TermExample) => (e.en === null ? 0 : e.enForm ? 2 : 1);

/** Of two examples of a term (the first in reply and block order first), the one to show: the first of the best rank (`exampleRank`). */
export function preferExample(current: TermExample | undefined, candidate: TermExample): TermExample {
  return !current || exampleRank(candidate) > exampleRank(current) ? candidate : current;
}

/** Merges the examples of several pipeline parts, in reply order, by the same rule as one run (`npm run dev` merges per-reply parts). */
export function mergeExamples(parts: readonly Map<string, TermExample>[]): Map<string, TermExample> {
  const out = new Map<string, TermExample>();
  for (const part of parts) for (const [id, example] of part) out.set(id, preferExample(out.get(id), example));
  return out;
}

/** Converts annotated Simplified segments to Traditional, keeping term boundaries (opencc's tw table maps character for character); a conversion that changes the length is annotated afresh. Exported for its test. */
export function traditionalSegments(zh: string, segments: Segment[], hantMatcher: TermMatcher, convert: (text: string) => string = toTraditional): Segment[] {
  const converted = convert(zh);
  if (converted.length !== zh.length) return annotate(converted, hantMatcher);
  let at = 0;
  return segments.map((s) => {
    const text = converted.slice(at, at + s.text.length);
    at += s.text.length;
    return s.term ? { text, term: s.term } : { text };
  });
}

/** Runs every stage over the loaded content. `strict` does not change the output, only how callers treat findings. */
export function runPipeline(content: LoadedContent, options: { synonyms?: Synonyms; vocabulary?: VocabularyEntry[] } = {}): PipelineResult {
  const files = new Map<string, string>();
  const publicDocs = new Map<string, unknown>();
  const findings: Finding[] = [];
  const { glossary } = content;
  const matchers = { zh: termMatcher(glossary.terms, 'zh-Hans'), hant: termMatcher(glossary.terms, 'zh-Hant'), en: termMatcher(glossary.terms, 'en') };
  const occurrences = new Map<string, Occurrence[]>(glossary.terms.map((t) => [t.id, []]));
  // Term × block pairs already listed: a lookup, not a scan of the term's list (that grew with the corpus, quadratic at 2,000 replies).
  const recorded = new Set<string>();
  const examples = new Map<string, TermExample>();
  const termById = new Map(glossary.terms.map((t) => [t.id, t]));
  const replies: ReplyInfo[] = [];
  const figures = new Map<string, Figure[]>();
  const records: IndexEntry[] = [];
  const letterText: string[] = [];
  const scriptPairs: [string, string][] = glossary.terms.map((t) => [t.zh, t.hant]);

  for (const reply of content.replies) {
    const { doc } = reply;
    // Entries follow the Chinese they were made from when ids shift (see followIds).
    const followed = followIds(doc, reply.translation, reply.files.translation);
    findings.push(...followed.findings, ...checkTranslation(doc, followed.file, reply.files.translation, glossary));
    findings.push(...checkQuotedPhrases(doc, glossary, reply.files.source));
    findings.push(...checkNotes(doc, reply.notes, reply.files.notes ?? reply.files.translation));
    const attached = attachTranslation(doc, followed.file);
    const replyFigures = extractFigures(doc, attached);
    figures.set(doc.slug, replyFigures);
    const views = buildViews(doc, attached, matchers);
    for (const view of views.values()) {
      for (const seg of view.zh) {
        if (!seg.term) continue;
        recordOccurrence(occurrences, recorded, seg, doc, view);
        if (!examples.get(seg.term)?.enForm) examples.set(seg.term, preferExample(examples.get(seg.term), exampleOf(termById.get(seg.term)!, seg, doc, view)));
      }
    }
    const info = { ...replyInfo(doc, attached, replyFigures.length), headline: headlineFigures(numberFigures(replyFigures)) };
    replies.push(info);
    for (const locale of LOCALES.map((l) => l.id)) emitReplyPages(files, reply, views, locale);
    publicDocs.set(doc.slug, publicDocument(doc, attached));
    records.push(...replySearchPages(doc, info, views, replyFigures));
    for (const v of views.values()) if (isLetterBlock(v.block)) letterText.push(v.block.zh);
    for (const v of views.values()) scriptPairs.push([v.block.zh, v.hant.map((s) => s.text).join('')]);
  }
  const maps = foldMaps(scriptPairs);
  const { common: pinyin, rare: rarePinyin } = pinyinTables(letterText);
  for (const locale of LOCALES.map((l) => l.id)) records.push(...glossary.terms.map((t) => termRecord(t, locale)));
  const site = siteData(glossary, replies, occurrences, figures, Boolean(content.about));
  if (content.about) for (const [path, text] of aboutFiles(content.about)) files.set(path, text);
  return { files, site, occurrences, examples, figures, findings, publicDocs, search: { records, lexicons: LOCALES.map((l) => buildLexicon(l.id, glossary.terms, maps, { pinyin, synonyms: options.synonyms, toHant: toTraditional })), rarePinyin, vocabulary: options.vocabulary ?? [] } };
}

interface LocaleViews {
  block: Block;
  zh: Segment[];
  hant: Segment[];
  en?: Segment[];
  translation: AttachedTranslation['blocks'][string];
  enLabel?: string;
}

function buildViews(doc: ReplyDocument, attached: AttachedTranslation, m: { zh: TermMatcher; hant: TermMatcher; en: TermMatcher }): Map<string, LocaleViews> {
  const views = new Map<string, LocaleViews>();
  const ordinals = new Map<string, number>();
  // Furniture and metadata are no part of the letter: no page text, no terms, no search records.
  for (const block of doc.blocks.filter(isLetterBlock)) {
    const zh = annotate(block.zh, m.zh);
    const translation = attached.blocks[block.id]!;
    const parentKey = `${block.kind}:${block.id.replace(/-[^-]+$/, '')}`;
    const ordinal = (ordinals.get(parentKey) ?? 0) + 1;
    ordinals.set(parentKey, ordinal);
    views.set(block.id, {
      block,
      zh,
      hant: traditionalSegments(block.zh, zh, m.hant),
      en: translation.en ? annotate(translation.en, m.en) : undefined,
      translation,
      enLabel: englishLabel(block, block.kind === 'heading' ? doc.sections.findIndex((s) => s.id === block.id) + 1 : ordinal),
    });
  }
  return views;
}

function recordOccurrence(occ: Map<string, Occurrence[]>, recorded: Set<string>, seg: Segment, doc: ReplyDocument, view: LocaleViews): void {
  const list = occ.get(seg.term!)!;
  const { block } = view;
  const key = `${seg.term}\u0000${doc.slug}\u0000${block.id}`;
  if (recorded.has(key)) return;
  recorded.add(key);
  const hantText = view.hant.map((s) => s.text).join('');
  const hantForm = view.hant.find((s) => s.term === seg.term)?.text ?? toTraditional(seg.text);
  list.push({ slug: doc.slug, page: pageOf(block), block: block.id, zh: keywordInContext(block.zh, seg.text), hant: keywordInContext(hantText, hantForm) });
}

function exampleOf(term: GlossaryTerm, seg: Segment, doc: ReplyDocument, view: LocaleViews): TermExample {
  const { block, translation } = view;
  const hantText = view.hant.map((s) => s.text).join('');
  const hantForm = view.hant.find((s) => s.term === seg.term)?.text ?? toTraditional(seg.text);
  const en = translation.status === 'translated' && view.en ? { text: view.en.map((s) => s.text).join(''), linked: view.en.find((s) => s.term === seg.term)?.text } : null;
  return termExample(term, { slug: doc.slug, page: pageOf(block), block: block.id }, { text: block.zh, form: seg.text }, { text: hantText, form: hantForm }, en);
}

function replyInfo(doc: ReplyDocument, attached: AttachedTranslation, figureCount: number): Omit<ReplyInfo, 'headline'> {
  const byId = new Map(doc.blocks.map((b) => [b.id, b]));
  return {
    slug: doc.slug,
    meta: doc.meta,
    titleHant: toTraditional(doc.meta.title.zh),
    executive: attached.executive,
    counts: attached.counts,
    blockCount: doc.blocks.filter(isLetterBlock).length,
    figureCount,
    ...(attached.addressee ? { addresseeEn: attached.addressee } : {}),
    metadata: doc.metadataIds.map((id) => byId.get(id)!).map((b) => ({ id: b.id, field: b.field ?? 'other', zh: b.zh, hant: toTraditional(b.zh) })),
    sections: doc.sections.map((s) => {
      const heading = byId.get(s.id);
      const en = heading && attached.blocks[heading.id]?.status === 'translated' ? attached.blocks[heading.id]!.en : undefined;
      return {
        id: s.id,
        number: s.number,
        labelZh: s.label,
        labelEn: heading ? englishLabel(heading, s.number) : undefined,
        titleZh: s.titleZh || doc.meta.title.zh,
        titleHant: toTraditional(s.titleZh || doc.meta.title.zh),
        titleEn: en?.replace(/[.。]$/, '') ?? (s.id === 'body' ? doc.meta.title.en : undefined),
        summary: attached.sections[s.id]?.summary,
        summaryStale: attached.sections[s.id]?.stale,
      };
    }),
  };
}

function emitReplyPages(files: Map<string, string>, reply: LoadedReply, views: Map<string, LocaleViews>, locale: LocaleId): void {
  const { doc } = reply;
  const render = (ids: string[]) => {
    const used = new Set<string>();
    const blocks = ids.map((id) => {
      const v = views.get(id)!;
      for (const s of [...v.zh, ...(v.en ?? [])]) if (s.term) used.add(s.term);
      return blockData({ block: v.block, zh: locale === 'zh-hant' ? v.hant : v.zh, en: v.en, translation: v.translation, enLabel: v.enLabel, discrepancy: discrepancyView(reply, id) }, locale);
    });
    const pending = ids.filter((id) => views.get(id)!.translation.status !== 'translated').length;
    return { blocks, terms: [...used], pending };
  };
  const write = (page: string, data: Omit<PageData, 'notice' | 'locale' | 'reply' | 'page' | 'sourceHash'>) =>
    files.set(`pages/${locale}/${doc.slug}/${page}.json`, JSON.stringify({ notice: GENERATED_NOTICE, locale, reply: doc.slug, page, sourceHash: doc.sourceHash, ...data } satisfies PageData));
  const front = render(doc.frontIds);
  const back = render(doc.backIds);
  // Metadata lines are no letter text (no views, no term links): their Chinese verbatim, converted on zh-hant.
  const blockById = new Map(doc.blocks.map((b) => [b.id, b]));
  const metadata = doc.metadataIds.map((id) => {
    const block = blockById.get(id)!;
    return { id, field: block.field ?? 'other', lang: locale === 'zh-hant' ? 'zh-Hant' : 'zh-Hans', text: locale === 'zh-hant' ? toTraditional(block.zh) : block.zh } satisfies MetadataRow;
  });
  const script = (text?: string) => (text && locale === 'zh-hant' ? toTraditional(text) : text);
  const { session, addressee, documentNumber, issuingBody } = doc.meta;
  const metaText = { session: script(session), addressee: script(addressee), documentNumber: script(documentNumber), issuer: script(issuingBody?.zh) };
  write('index', { pending: front.pending + back.pending, terms: [...new Set([...front.terms, ...back.terms])], blocks: front.blocks, closing: back.blocks, metadata, metaText });
  for (const section of doc.sections) write(section.id, render(section.blockIds));
}

/** A block's source discrepancy (notes.yaml) with its Traditional text and links to the other blocks that state the same thing. */
function discrepancyView(reply: LoadedReply, id: string): BlockView['discrepancy'] {
  const d = reply.notes?.discrepancies[id];
  if (!d) return undefined;
  const byId = new Map(reply.doc.blocks.map((b) => [b.id, b]));
  const href = (other: string) => {
    const page = pageOf(byId.get(other)!);
    return `replies/${reply.doc.slug}/${page === 'index' ? '' : `${page}/`}#${other}`;
  };
  return { zh: d.zh, hant: toTraditional(d.zh), en: d.en, see: d.see.map((other) => ({ id: other, href: href(other) })) };
}

/** The public JSON of a reply (`data/replies/<slug>.json`): a contract for analysts, documented in README.md. */
export function publicDocument(doc: ReplyDocument, attached: AttachedTranslation): unknown {
  return {
    slug: doc.slug,
    meta: doc.meta,
    sourceHash: doc.sourceHash,
    metadataIds: doc.metadataIds,
    furnitureIds: doc.furnitureIds,
    sections: doc.sections.map((s) => ({ id: s.id, label: s.label, number: s.number, titleZh: s.titleZh, blockIds: s.blockIds })),
    blocks: doc.blocks.map((b) => ({
      id: b.id,
      kind: b.kind,
      level: b.level,
      number: b.label ?? null,
      ...(b.field ? { field: b.field } : {}),
      section: b.section,
      zh: b.zh,
      hash: b.hash,
      en: attached.blocks[b.id]?.status === 'translated' ? attached.blocks[b.id]!.en : null,
      translationStatus: attached.blocks[b.id]?.status ?? 'pending',
    })),
  };
}

export { translatableZh, pageOf };

/**
 * The search pages of a reply: one index record per page (overview, sections)
 * and locale, holding the page's letter blocks (never furniture or metadata)
 * with the text the reader sees there and the numbers of their key figures.
 */
function replySearchPages(doc: ReplyDocument, info: ReplyInfo, views: Map<string, LocaleViews>, figures: Figure[]): IndexEntry[] {
  const figureRow = figureRows(figures);
  const numbers = new Map<string, number[]>();
  for (const f of figures) {
    const written = Number(/^\d+(?:\.\d+)?/.exec(f.zh)?.[0]);
    for (const block of [f.block, ...(f.alsoIn ?? [])]) numbers.set(block, [...(numbers.get(block) ?? []), f.value, ...(Number.isFinite(written) ? [written] : [])]);
  }
  const replyTitle = { en: doc.meta.title.en ?? defaultEnglishTitle(doc.meta) ?? doc.meta.title.zh, 'zh-hans': doc.meta.title.zh, 'zh-hant': info.titleHant };
  const pages = new Map<string, SearchBlock[]>();
  for (const v of views.values()) {
    if (!isLetterBlock(v.block)) continue;
    const page = pageOf(v.block);
    const en = v.translation.en && v.translation.status !== 'pending' ? v.translation.en : v.block.zh;
    const block: SearchBlock = { id: v.block.id, kind: v.block.kind, text: { en, 'zh-hans': v.block.zh, 'zh-hant': v.hant.map((s) => s.text).join('') }, numbers: numbers.get(v.block.id) ?? [], ...(figureRow.get(v.block.id) ? { figureRow: figureRow.get(v.block.id) } : {}) };
    pages.set(page, [...(pages.get(page) ?? []), block]);
  }
  return [...pages].flatMap(([page, blocks]) => {
    const section = info.sections.find((s) => s.id === page);
    const title = section
      ? { en: `${section.labelEn ?? ''} ${section.titleEn ?? section.titleZh}`.trim(), 'zh-hans': `${section.labelZh}${section.titleZh}`, 'zh-hant': `${section.labelZh}${section.titleHant}` }
      : replyTitle;
    return pageRecords({ slug: doc.slug, page, title, crumb: replyTitle, blocks });
  });
}

/**
 * Where each figure-bearing block's figures start in the reply's figures table
 * (row n is `figures/<reply>/#fig-n`). The block's own record carries them: a
 * record per figure group would repeat the block's words, and cost a third of
 * the index (records, fragments, Pagefind memory) for no new text.
 */
function figureRows(figures: Figure[]): Map<string, number> {
  const rows = new Map<string, number>();
  figures.forEach((f, i) => {
    if (!rows.has(f.block)) rows.set(f.block, i + 1);
  });
  // A block whose figure is listed at its first statement (alsoIn) links to that row.
  figures.forEach((f, i) => {
    for (const block of f.alsoIn ?? []) if (!rows.has(block)) rows.set(block, i + 1);
  });
  return rows;
}
