/**
 * Stage 1: reply text → document model. Pure: no I/O. Every block's `zh` is an
 * exact slice of a source line, so the blocks joined in order give back the
 * source (line breaks and the whitespace around lines aside).
 */
import { createHash } from 'node:crypto';
import type { Block, BlockKind, ReplyDocument, ReplyMeta, Section } from './model.ts';
import { ContentError } from './errors.ts';

/** Short content hash used to detect stale translations and changed sources. */
export function hashText(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 12);
}

const CN_DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** Reads a small Chinese numeral (一 … 九十九) as used in section labels; NaN if it is not one. */
export function cnSmallInt(text: string): number {
  if (!/^[一二三四五六七八九十]{1,3}$/.test(text)) return Number.NaN;
  if (text === '十') return 10;
  const tens = text.indexOf('十');
  if (tens === -1) return text.length === 1 ? CN_DIGITS[text]! : Number.NaN;
  const high = tens === 0 ? 1 : CN_DIGITS[text.slice(0, tens)] ?? Number.NaN;
  const lowText = text.slice(tens + 1);
  const low = lowText === '' ? 0 : lowText.length === 1 ? CN_DIGITS[lowText] ?? Number.NaN : Number.NaN;
  return high * 10 + low;
}

const CN_NUMERAL = '[一二三四五六七八九十]{1,3}';
const RE_HEADING = new RegExp(`^(${CN_NUMERAL})([、，,．.])`);
const RE_SUBHEADING = new RegExp(`^([(（])(${CN_NUMERAL})([)）])`);
const RE_ITEM = /^(\d{1,2})([、．.])(?!\d)/;
const RE_SUBITEM = /^([(（])(\d{1,2})([)）])/;
const RE_CIRCLED = /^([\u2460-\u2473])/;
const RE_SALUTATION = /^.{1,40}[:：]$/u;
const RE_CLOSING = /^(再次感谢|再次对|特此答复|此复|专此答复|衷心感谢|感谢您|谢谢)/;
const RE_DATE = /^(\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*([\d一二三四五六七八九十]{1,3})\s*月\s*([\d一二三四五六七八九十]{1,3})\s*日$/;
const RE_CONTACT = /^[(（]?(联系人|联系电话|联系单位|联系方式|经办人|承办人|抄送|签发)/;
const SENTENCE_END = /[。！？!?]/;
const POINT_BOUNDARY = '。；;：:，,！？!? \u3000';

/** One trimmed, non-empty source line with its 1-based line number. */
export interface SourceLine {
  text: string;
  line: number;
}

/** Splits text into trimmed non-empty lines (CRLF, CR and LF alike). */
export function sourceLines(text: string): SourceLine[] {
  const out: SourceLine[] = [];
  text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/).forEach((raw, index) => {
    const trimmed = raw.trim();
    if (trimmed !== '') out.push({ text: trimmed, line: index + 1 });
  });
  return out;
}

/** The source as the faithfulness check sees it: lines trimmed and joined without breaks. */
export function normalizedSource(text: string): string {
  return sourceLines(text).map((l) => l.text).join('');
}

/** Splits a paragraph at inline enumerations (一是…二是…), returning the lead-in (possibly empty) and the points. */
export function splitPoints(text: string): { lead: string; points: { label: string; text: string }[] } {
  const starts: { at: number; label: string }[] = [];
  let from = 0;
  for (let n = 1; n <= 20; n++) {
    const numeral = n <= 10 ? '一二三四五六七八九十'[n - 1]! : `十${'一二三四五六七八九十'[n - 11]}`;
    const found = findMarker(text, from, [`${numeral}是`, `第${numeral}，`, `第${numeral},`, `其${numeral}，`, `其${numeral},`]);
    if (!found) break;
    starts.push(found);
    from = found.at + found.label.length;
  }
  if (starts.length < 2) return { lead: text, points: [] };
  const points = starts.map((s, i) => ({ label: s.label, text: text.slice(s.at, starts[i + 1]?.at ?? text.length) }));
  return { lead: text.slice(0, starts[0]!.at), points };
}

function findMarker(text: string, from: number, markers: string[]): { at: number; label: string } | undefined {
  let best: { at: number; label: string } | undefined;
  for (const marker of markers) {
    let at = text.indexOf(marker, from);
    while (at !== -1 && at > 0 && !POINT_BOUNDARY.includes(text[at - 1]!)) at = text.indexOf(marker, at + 1);
    if (at !== -1 && (!best || at < best.at)) best = { at, label: marker.replace(/[，,]$/, '') };
  }
  return best;
}

/**
 * Splits a heading line into its title (up to the first full stop) and the body that follows on the same line.
 * A title that ends in a colon before an enumeration (（二）加强服务：一是…；二是…) ends at the colon, so its points are split.
 */
function splitHeading(rest: string): { title: string; body: string } {
  const m = SENTENCE_END.exec(rest);
  // Every colon before the first full stop (a time such as 10:30 may come first); spaces after it stay with the title.
  for (const colon of rest.slice(0, m ? m.index : rest.length).matchAll(/[：:]\s*/g)) {
    const at = colon.index + colon[0].length;
    if (at < rest.length && splitPoints(rest.slice(at)).lead === '') return { title: rest.slice(0, at), body: rest.slice(at) };
  }
  if (!m || m.index === rest.length - 1) return { title: rest, body: '' };
  return { title: rest.slice(0, m.index + 1), body: rest.slice(m.index + 1) };
}

interface Builder {
  blocks: Block[];
  ids: Set<string>;
  warnings: string[];
  file: string;
}

function addBlock(b: Builder, block: Omit<Block, 'hash'>): Block {
  let id = block.id;
  if (b.ids.has(id)) {
    let n = 2;
    while (b.ids.has(`${id}-${n}`)) n++;
    b.warnings.push(`${b.file}:${block.line} [${id}]: the numbering repeats, so this block was given the id ${id}-${n}. Fix: correct the numbering in the source if it is a typo`);
    id = `${id}-${n}`;
  }
  b.ids.add(id);
  const full: Block = { ...block, id, hash: hashText(block.zh) };
  b.blocks.push(full);
  return full;
}

/** Adds a run of text as a paragraph, or as a lead-in paragraph plus points when it enumerates 一是…二是…. */
function addParagraph(b: Builder, text: string, base: { id: string; level: number; section: string; line: number }): void {
  const { lead, points } = splitPoints(text);
  if (points.length === 0) {
    addBlock(b, { id: base.id, kind: 'paragraph', level: base.level, zh: text, section: base.section, line: base.line });
    return;
  }
  const pieces: { kind: BlockKind; id: string; label?: string; zh: string }[] = [];
  if (lead.trim() !== '') pieces.push({ kind: 'paragraph', id: base.id, zh: lead });
  points.forEach((p, i) => pieces.push({ kind: 'point', id: `${base.id}-pt${i + 1}`, label: p.label, zh: p.text }));
  if (lead !== '' && lead.trim() === '') pieces[0]!.zh = lead + pieces[0]!.zh;
  for (const p of pieces) {
    addBlock(b, { id: p.id, kind: p.kind, level: p.kind === 'point' ? base.level + 1 : base.level, label: p.label, zh: p.zh, section: base.section, line: base.line });
  }
}

/** Finds where the back matter (closing formula, signature, date, contact) starts, scanning from the end. */
function backMatterStart(lines: SourceLine[], from: number): number {
  let start = lines.length;
  for (let i = lines.length - 1; i >= from; i--) {
    const t = lines[i]!.text;
    const isBack = RE_DATE.test(t) || RE_CONTACT.test(t) || RE_CLOSING.test(t) || isSignature(t);
    if (!isBack) break;
    start = i;
  }
  return start;
}

function isSignature(text: string): boolean {
  return text.length <= 30 && !/[。，,；;：:！？]/.test(text) && /(局|委员会|委|办公室|厅|政府|中心|部|院|处|集团|公司)$/.test(text);
}

function backKind(text: string): BlockKind {
  if (RE_DATE.test(text)) return 'date';
  if (RE_CONTACT.test(text)) return 'contact';
  if (RE_CLOSING.test(text)) return 'closing';
  return 'signature';
}

/** Parses the decoded text of a reply into its document model. Pure; throws a ContentError for text with no content. */
export function parseReply(text: string, options: { slug: string; file: string; meta?: Partial<ReplyMeta> }): ReplyDocument {
  const lines = sourceLines(text);
  if (lines.length === 0) {
    throw new ContentError({ file: options.file }, 'the reply has no text', 'paste the full text of the reply into source.txt');
  }
  const b: Builder = { blocks: [], ids: new Set(), warnings: [], file: options.file };
  const frontIds: string[] = [];
  const backIds: string[] = [];
  const sections: Section[] = [];

  const firstHeading = lines.findIndex((l) => RE_HEADING.test(l.text) && !isEnumerationLine(l.text));
  const searchEnd = firstHeading === -1 ? Math.min(lines.length, 6) : Math.min(firstHeading, 6);
  const salutationIndex = lines.slice(0, searchEnd).findIndex((l) => RE_SALUTATION.test(l.text) && !RE_HEADING.test(l.text));
  let i = 0;
  if (salutationIndex !== -1) {
    for (; i < salutationIndex; i++) frontIds.push(addBlock(b, { id: `title-${i + 1}`, kind: 'title', level: 0, zh: lines[i]!.text, section: 'front', line: lines[i]!.line }).id);
    frontIds.push(addBlock(b, { id: 'salutation', kind: 'salutation', level: 0, zh: lines[i]!.text, section: 'front', line: lines[i]!.line }).id);
    i++;
  } else {
    // Without a salutation, leading short lines without sentence punctuation are title lines.
    for (; i < lines.length && i < 4 && lines[i]!.text.length <= 40 && !/[。，,；;]/.test(lines[i]!.text) && !RE_HEADING.test(lines[i]!.text); i++) {
      frontIds.push(addBlock(b, { id: `title-${i + 1}`, kind: 'title', level: 0, zh: lines[i]!.text, section: 'front', line: lines[i]!.line }).id);
    }
  }
  const backStart = Math.max(i, backMatterStart(lines, i));
  const hasHeadings = firstHeading !== -1 && firstHeading < backStart;

  // Containers track the current place in the document's numbering.
  let section: Section | undefined;
  let sectionId = hasHeadings ? 'intro' : 'body';
  let container = { id: sectionId, level: 1 };
  let subContainer: { id: string; level: number } | undefined;
  let itemContainer: { id: string; level: number } | undefined;
  const paragraphCounts = new Map<string, number>();
  const nextParagraphId = (containerId: string): string => {
    const n = (paragraphCounts.get(containerId) ?? 0) + 1;
    paragraphCounts.set(containerId, n);
    return `${containerId}-p${n}`;
  };
  const current = () => itemContainer ?? subContainer ?? container;
  const pushToPage = (block: Block) => {
    if (section) section.blockIds.push(block.id);
    else if (sectionId === 'body') ensureBodySection().blockIds.push(block.id);
    else frontIds.push(block.id);
  };
  const ensureBodySection = (): Section => {
    if (!section) {
      section = { id: 'body', label: '', number: 1, titleZh: '', blockIds: [] };
      sections.push(section);
    }
    return section;
  };
  const emitted = (from: number) => b.blocks.slice(from).forEach(pushToPage);

  for (; i < backStart; i++) {
    const { text: t, line } = lines[i]!;
    const before = b.blocks.length;
    const heading = hasHeadings ? RE_HEADING.exec(t) : null;
    const sub = RE_SUBHEADING.exec(t);
    const item = RE_ITEM.exec(t);
    const subitem = RE_SUBITEM.exec(t) ?? RE_CIRCLED.exec(t);
    if (heading && !isEnumerationLine(t)) {
      const n = cnSmallInt(heading[1]!);
      const id = `s${n}`;
      const { title, body } = splitHeading(t.slice(heading[0].length));
      section = { id, label: heading[0], number: sections.length + 1, titleZh: title.replace(SENTENCE_END, '').trim(), blockIds: [] };
      sections.push(section);
      sectionId = id;
      const block = addBlock(b, { id, kind: 'heading', level: 1, label: heading[0], title, zh: t.slice(0, t.length - body.length), section: sectionId, line });
      // A repeated number gets a suffixed id: the section, and the heading's own `section`, follow it.
      section.id = block.id;
      sectionId = block.id;
      block.section = block.id;
      container = { id: block.id, level: 1 };
      subContainer = undefined;
      itemContainer = undefined;
      if (body) addParagraph(b, body, { id: nextParagraphId(block.id), level: 2, section: sectionId, line });
    } else if (sub) {
      const n = cnSmallInt(sub[2]!);
      const { title, body } = splitHeading(t.slice(sub[0].length));
      const block = addBlock(b, { id: `${container.id}-${n}`, kind: 'subheading', level: 2, label: sub[0], title, zh: t.slice(0, t.length - body.length), section: sectionId, line });
      subContainer = { id: block.id, level: 2 };
      itemContainer = undefined;
      if (body) addParagraph(b, body, { id: nextParagraphId(block.id), level: 3, section: sectionId, line });
    } else if (item) {
      const parent = subContainer ?? container;
      const block = addBlock(b, { id: `${parent.id}-i${item[1]}`, kind: 'item', level: parent.level + 1, label: item[0], zh: t, section: sectionId, line });
      itemContainer = { id: block.id, level: parent.level + 1 };
    } else if (subitem) {
      const parent = current();
      const n = subitem[2] ?? String(subitem[1]!.codePointAt(0)! - 0x245f);
      addBlock(b, { id: `${parent.id}-n${n}`, kind: 'subitem', level: parent.level + 1, label: subitem[0], zh: t, section: sectionId, line });
    } else {
      const parent = current();
      addParagraph(b, t, { id: nextParagraphId(parent.id), level: parent.level + 1, section: sectionId, line });
    }
    emitted(before);
  }
  for (; i < lines.length; i++) {
    const { text: t, line } = lines[i]!;
    const kind = backKind(t);
    const base = kind === 'closing' ? 'closing' : kind;
    const count = b.blocks.filter((x) => x.kind === kind).length;
    backIds.push(addBlock(b, { id: count ? `${base}-${count + 1}` : base, kind, level: 0, zh: t, section: 'back', line }).id);
  }

  const meta = readMeta(b.blocks, options.meta ?? {});
  return { slug: options.slug, meta, frontIds, backIds, metadataIds: [], furnitureIds: [], sections, blocks: b.blocks, sourceHash: hashText(normalizedSource(text)), warnings: b.warnings };
}

/** A heading-like line that is really an enumeration inside prose (e.g. "一、二、三等奖"), kept as text. */
function isEnumerationLine(text: string): boolean {
  return /^[一二三四五六七八九十]、[一二三四五六七八九十]、/.test(text);
}

/** Fills metadata not given in meta.yaml from what the text says (proposal number, addressee, date, body). */
function readMeta(blocks: Block[], given: Partial<ReplyMeta>): ReplyMeta {
  const all = blocks.map((x) => x.zh).join('\n');
  const proposal = /(?:第\s*)?([0-9０-９]{3,12})\s*号(?:提案|建议)/.exec(all)?.[1];
  const salutation = blocks.find((x) => x.kind === 'salutation')?.zh;
  const addressee = salutation?.replace(/^尊敬的/, '').replace(/[:：]$/, '');
  const dateText = blocks.find((x) => x.kind === 'date')?.zh;
  const signature = blocks.find((x) => x.kind === 'signature')?.zh;
  const titles = blocks.filter((x) => x.kind === 'title').map((x) => x.zh);
  // The title is the line that names the reply, not a letterhead line with the issuing body.
  const title = titles.find((t) => /答复|提案|建议|复函/.test(t)) ?? titles.find((t) => t !== signature) ?? (proposal ? `关于第${proposal}号提案的答复` : '提案答复');
  return {
    ...given,
    proposalNumber: given.proposalNumber ?? proposal,
    addressee: given.addressee ?? addressee,
    date: given.date ?? (dateText ? normalizeDate(dateText) : undefined),
    issuingBody: given.issuingBody ?? (signature ? { zh: signature } : undefined),
    title: { zh: given.title?.zh ?? title, en: given.title?.en },
  };
}

/** Turns 2021年7月19日 or 二〇二一年七月十九日 into 2021-07-19. */
export function normalizeDate(text: string): string | undefined {
  const m = RE_DATE.exec(text);
  if (!m) return undefined;
  const year = /^\d+$/.test(m[1]!) ? Number(m[1]) : Number([...m[1]!].map((c) => CN_DIGITS[c]).join(''));
  const num = (s: string) => (/^\d+$/.test(s) ? Number(s) : cnSmallInt(s));
  const month = num(m[2]!);
  const day = num(m[3]!);
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= 31)) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
