/**
 * Stage 1: reply text → document model. Pure: no I/O. Every block's `zh` is an
 * exact slice of a source line (or, in a hard-wrapped copy, of lines joined
 * back into their paragraph), so the blocks joined in order give back the
 * source (line breaks and the whitespace around lines aside).
 */
import { createHash } from 'node:crypto';
import type { Block, BlockKind, MetadataField, ReplyDocument, ReplyMeta, Section } from './model.ts';
import { dateLine, signatureDate, isClosingLine, isContactLine, isFurnitureLine, isGreetingLine, isOrganisationLine, isSalutationLine, isSignatureLabel, isTitleEnd, metadataField, normalizeDate } from './letter-lines.ts';
import { readMeta } from './meta-extract.ts';

export { normalizeDate };
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
const SENTENCE_END = /[。！？!?]/;
const POINT_BOUNDARY = '。；;：:，,！？!? \u3000';

/** One trimmed, non-empty source line with its 1-based line number. */
export interface SourceLine {
  text: string;
  line: number;
  /** The printed width of the line's indent (spaces, tabs, ideographic spaces), when it has one: in a hard-wrapped copy, a paragraph's first line. */
  indent?: number;
  /** Set on a line joined from a hard-wrapped copy: the last source line it takes in. */
  lastLine?: number;
}

/** Splits text into trimmed non-empty lines (CRLF, CR and LF alike). */
export function sourceLines(text: string): SourceLine[] {
  const out: SourceLine[] = [];
  text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/).forEach((raw, index) => {
    const trimmed = raw.trim();
    const indent = printWidth(/^[ \t\u3000]*/.exec(raw)![0].replaceAll('\t', '    '));
    if (trimmed !== '') out.push({ text: trimmed, line: index + 1, ...(indent >= 2 ? { indent } : {}) });
  });
  return out;
}

/** How wide a line prints: CJK characters and full-width forms count two, the rest one (how a PDF or a fixed-width page wraps). */
function printWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\p{Script=Han}\u3000-\u303f\uff00-\uffef\u2018-\u201d\u2026]/u.test(ch) ? 2 : 1;
  return width;
}

/** A line that opens something of its own, never the tail of a wrapped paragraph: numbering, salutation, closing, signature, date, contact, page furniture, metadata. */
function opensOwnLine(text: string): boolean {
  // Punctuation alone (the 。 a wrap pushed onto its own line) opens nothing.
  if (!/[\p{L}\p{N}]/u.test(text)) return false;
  return RE_HEADING.test(text) || RE_SUBHEADING.test(text) || RE_ITEM.test(text) || RE_SUBITEM.test(text) || RE_CIRCLED.test(text) || isGreetingLine(text) || isClosingLine(text) || isStandaloneLine(text);
}

/** Short letter parts and page parts that stand on a line of their own and never run on to the next line. */
function isStandaloneLine(text: string): boolean {
  return isFurnitureLine(text) || metadataField(text) !== undefined || isSalutationLine(text) || isContactLine(text) || dateLine(text) !== undefined || isSignatureLabel(text) || isOrganisationLine(text) || signatureDate(text) !== undefined;
}

/**
 * The lines of a hard-wrapped copy (text copied from a PDF, or from a page that
 * breaks every printed line) joined back into paragraphs; any other text is
 * returned as it is. A text counts as hard-wrapped when at least three lines,
 * and a quarter of its long lines, end at the same printed width and almost
 * none is wider. Then a line of that width is joined with the next unless the
 * next opens something of its own (一、, （一）, 1., a closing, a date, a
 * signature…) or, where the copy indents its paragraphs, is indented; where it
 * does not, unless the line ends a sentence. Joining keeps every character: the
 * joined text is the lines run together, as Chinese is written.
 */
export function unwrapLines(lines: SourceLine[]): { lines: SourceLine[]; width?: number } {
  const printed = (l: SourceLine) => printWidth(l.text) + (l.indent ?? 0);
  // Page furniture and metadata lines keep their own length: they are not wrapped with the letter.
  const widths = lines.filter((l) => !isFurnitureLine(l.text) && metadataField(l.text) === undefined).map(printed);
  const long = widths.filter((w) => w >= 24);
  if (long.length < 3) return { lines };
  const counts = new Map<number, number>();
  for (const w of long) counts.set(w, (counts.get(w) ?? 0) + 1);
  // The wrap width: the widest width band [w-2, w] that holds enough lines.
  const band = (w: number) => (counts.get(w) ?? 0) + (counts.get(w - 1) ?? 0) + (counts.get(w - 2) ?? 0);
  const width = [...counts.keys()].sort((a, b) => b - a).find((w) => band(w) >= 3 && band(w) >= long.length / 4);
  if (width === undefined || long.filter((w) => w > width).length > long.length / 10) return { lines };
  // The copy marks paragraphs by indenting their first line (a tenth of its lines or more are indented).
  const indents = lines.filter((l) => l.indent).length >= lines.length / 10;
  const out: SourceLine[] = [];
  let inLetter = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const previous = out.at(-1);
    inLetter ||= previous !== undefined && isSalutationLine(previous.text, line.text);
    const joinable =
      previous !== undefined &&
      printed(lines[i - 1]!) >= width - 2 &&
      printed(lines[i - 1]!) <= width &&
      (indents ? !line.indent : !/[。！？!?；;：:]$/.test(previous.text)) &&
      !opensOwnLine(line.text) &&
      !isStandaloneLine(previous.text) &&
      // Above the salutation, a whole title (…的答复) ends there, even at full width: the page's heading repeating it comes first.
      (inLetter || !isTitleEnd(previous.text));
    if (joinable) out[out.length - 1] = { ...previous, text: previous.text + line.text, lastLine: line.line };
    else out.push(line);
  }
  return out.length === lines.length ? { lines } : { lines: out, width };
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

/** What a line of the head or tail of the text is, before the body is parsed. */
interface LineRole {
  kind: BlockKind;
  field?: MetadataField;
}

/** Lines that open the body of a letter: sentences, numbered headings and items. */
function looksLikeBody(text: string): boolean {
  return /[。；;]/.test(text) || text.length > 80 || RE_HEADING.test(text) || RE_SUBHEADING.test(text) || RE_ITEM.test(text);
}

/** Letters only, no spaces next to Chinese characters: how a title split over lines (`答 复`) reads as one. */
export function joinTitle(parts: string[]): string {
  return parts.join('').replace(/\s+/g, (space, at: number, all: string) => (/\p{Script=Han}/u.test(all[at - 1] ?? '') || /\p{Script=Han}/u.test(all[at + space.length] ?? '') ? '' : ' '));
}

/**
 * The head of the text, up to and including the salutation (and a greeting
 * after it): furniture, metadata, the letter's title (joined when split over
 * lines; earlier copies of it, such as the page heading, are furniture) and
 * other title lines such as a letterhead with the issuer's name.
 */
function classifyHead(lines: SourceLine[]): { roles: Map<number, LineRole>; end: number; title: number[] } {
  const roles = new Map<number, LineRole>();
  let salutation = -1;
  for (let j = 0; j < Math.min(lines.length, 80); j++) {
    const t = lines[j]!.text;
    if (isFurnitureLine(t) || metadataField(t)) continue;
    if (isSalutationLine(t, lines[j + 1]?.text)) {
      salutation = j;
      break;
    }
    if (looksLikeBody(t)) break;
  }
  let end = 0;
  const candidates: number[] = [];
  for (let j = 0; j < (salutation === -1 ? lines.length : salutation); j++) {
    const t = lines[j]!.text;
    const field = metadataField(t);
    // A labelled data line is metadata even with page controls on it (发布时间:… 浏览次数:88).
    if (field) roles.set(j, { kind: 'metadata', field });
    else if (isFurnitureLine(t)) roles.set(j, { kind: 'furniture' });
    else if (salutation !== -1 || (candidates.length < 4 && t.length <= 40 && !/[。，,；;]/.test(t) && !looksLikeBody(t)) || isTitleEnd(t)) candidates.push(j);
    else break;
    end = j + 1;
  }
  if (salutation !== -1) {
    roles.set(salutation, { kind: 'salutation' });
    end = salutation + 1;
    if (end < lines.length && isGreetingLine(lines[end]!.text)) roles.set(end++, { kind: 'salutation' });
  }
  // Title groups: a line that ends like a title (…的答复), with the lines just before it that begin it.
  const groups: number[][] = [];
  const inGroup = new Set<number>();
  for (const c of candidates) {
    if (!isTitleEnd(lines[c]!.text)) continue;
    const group = [c];
    for (let p = c - 1; p >= 0 && candidates.includes(p) && !inGroup.has(p) && !isTitleEnd(lines[p]!.text) && !isOrganisationLine(lines[p]!.text) && lines[p]!.text.length <= 60; p--) group.unshift(p);
    group.forEach((g) => inGroup.add(g));
    groups.push(group);
  }
  const chosen = groups.at(-1) ?? [];
  const chosenText = joinTitle(chosen.map((g) => lines[g]!.text));
  for (const group of groups.slice(0, -1)) {
    const text = joinTitle(group.map((g) => lines[g]!.text));
    // The page's heading repeats the letter's title (or a part of it): furniture.
    if (text === chosenText || chosenText.includes(text) || text.includes(chosenText)) group.forEach((g) => roles.set(g, { kind: 'furniture' }));
  }
  for (const c of candidates) if (!roles.has(c)) roles.set(c, { kind: 'title' });
  return { roles, end, title: chosen };
}

/**
 * Where the letter's back matter starts, scanning up from the end: closing
 * formulas, signature, date and contact lines in any order, with document
 * metadata (办复类别, 注:"主动公开") and page furniture (footers, previous/next
 * links) among or after them.
 */
function classifyTail(lines: SourceLine[], from: number): { roles: Map<number, LineRole>; start: number } {
  const roles = new Map<number, LineRole>();
  let start = lines.length;
  for (let i = lines.length - 1; i >= from; i--) {
    const t = lines[i]!.text;
    const field = metadataField(t);
    let role: LineRole | undefined;
    if (isFurnitureLine(t)) role = { kind: 'furniture' };
    else if (dateLine(t)) role = { kind: 'date' };
    else if (isContactLine(t)) role = { kind: 'contact' };
    else if (isSignatureLabel(t) || isOrganisationLine(t) || signatureDate(t)) role = { kind: 'signature' };
    else if (field) role = { kind: 'metadata', field };
    else if (isClosingLine(t) || RE_ATTACHMENT.test(t)) role = { kind: 'closing' };
    else role = continuationOf(lines, i, from);
    if (!role) break;
    roles.set(i, role);
    start = i;
  }
  return { roles, start };
}

const RE_ATTACHMENT = /^附\s*件\s*\d*\s*[:：]\s*\S.{0,80}$/;

/**
 * A short line that continues the contact or attachment line above it (a 抄送
 * list wrapped over lines, 附件:1.… then 2.…): it takes that line's kind.
 */
function continuationOf(lines: SourceLine[], i: number, from: number): LineRole | undefined {
  for (let j = i - 1; j >= Math.max(from, i - 4); j--) {
    const t = lines[j]!.text;
    if (isContactLine(t)) return { kind: 'contact' };
    if (RE_ATTACHMENT.test(t)) return { kind: 'closing' };
    if (t.length > 40 || /[。？?！!]$/.test(t)) return undefined;
  }
  return undefined;
}

/**
 * True when the document's 一、 lines are numbered statements to the reader
 * (一、您这一提案提得很好…) rather than section headings: then none of them
 * starts a page.
 */
function numberedStatements(lines: SourceLine[]): boolean {
  return lines.some((l) => {
    const m = RE_HEADING.exec(l.text);
    if (!m || isEnumerationLine(l.text)) return false;
    const rest = l.text.slice(m[0].length);
    const head = rest.split(/[。：:]/)[0]!;
    // A heading may name the reader (一、关于您提出的…问题); a statement to the reader is a sentence.
    return /[您你]/.test(head) && !/^关于/.test(head) && (/[。：:]/.test(rest) || rest.length > 40);
  });
}

/** Parses the decoded text of a reply into its document model. Pure; throws a ContentError for text with no content. */
export function parseReply(text: string, options: { slug: string; file: string; meta?: Partial<ReplyMeta> }): ReplyDocument {
  const raw = sourceLines(text);
  if (raw.length === 0) {
    throw new ContentError({ file: options.file }, 'the reply has no text', 'paste the full text of the reply into source.txt');
  }
  const { lines, width } = unwrapLines(raw);
  const b: Builder = { blocks: [], ids: new Set(), warnings: [], file: options.file };
  if (width !== undefined) {
    const joined = lines.filter((l) => l.lastLine !== undefined);
    b.warnings.push(
      `${options.file}:${joined[0]!.line}: the text looks hard-wrapped (lines end at about ${Math.round(width / 2)} Chinese characters), so ${raw.length - lines.length} line breaks inside ${joined.length} paragraphs were joined (first: lines ${joined[0]!.line}–${joined[0]!.lastLine}). Fix: nothing if the paragraphs read right; otherwise paste the text with one paragraph per line`,
    );
  }
  const frontIds: string[] = [];
  const backIds: string[] = [];
  const metadataIds: string[] = [];
  const furnitureIds: string[] = [];
  const sections: Section[] = [];
  const counters = new Map<string, number>();
  /** Adds a furniture, metadata, title or back-matter block, numbered by order of appearance among its kind. */
  const addOuter = (role: LineRole, index: number, section: 'front' | 'back'): void => {
    const { text: zh, line } = lines[index]!;
    const n = (counters.get(role.kind) ?? 0) + 1;
    counters.set(role.kind, n);
    const base = role.kind === 'metadata' ? 'meta' : role.kind;
    const numbered = role.kind === 'furniture' || role.kind === 'metadata' || role.kind === 'title';
    const id = numbered ? `${base}-${n}` : role.kind === 'salutation' && n > 1 ? 'greeting' : n > 1 ? `${base}-${n}` : base;
    const block = addBlock(b, { id, kind: role.kind, level: 0, zh, section, line, ...(role.field ? { field: role.field } : {}) });
    if (role.kind === 'furniture') furnitureIds.push(block.id);
    else if (role.kind === 'metadata') metadataIds.push(block.id);
    else (section === 'front' ? frontIds : backIds).push(block.id);
    if (role.kind === 'date' && !normalizeDate(zh)) {
      b.warnings.push(`${b.file}:${line} [${block.id}]: "${zh}" looks like a date but cannot be read as one, so the reply has no date. Fix: correct it in the source (e.g. 2023年6月18日) or set date: in meta.yaml`);
    }
  };

  const head = classifyHead(lines);
  for (let j = 0; j < head.end; j++) addOuter(head.roles.get(j)!, j, 'front');
  const tail = classifyTail(lines, head.end);
  const statements = numberedStatements(lines.slice(head.end, tail.start));
  const firstHeading = statements ? -1 : lines.findIndex((l, j) => j >= head.end && RE_HEADING.test(l.text) && !isEnumerationLine(l.text));
  const hasHeadings = firstHeading !== -1 && firstHeading < tail.start;
  let i = head.end;
  const backStart = tail.start;
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
      section = { id, label: heading[0], number: sections.length + 1, titleZh: title.replace(SENTENCE_END, '').replace(/[:：]\s*$/, '').trim(), blockIds: [] };
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
  for (let j = backStart; j < lines.length; j++) addOuter(tail.roles.get(j)!, j, 'back');

  const titleText = head.title.length ? joinTitle(head.title.map((j) => lines[j]!.text)) : undefined;
  const meta = readMeta(b.blocks, { title: titleText }, options.meta ?? {});
  return { slug: options.slug, meta, frontIds, backIds, metadataIds, furnitureIds, sections, blocks: b.blocks, sourceHash: hashText(normalizedSource(text)), warnings: b.warnings };
}

/** A heading-like line that is really an enumeration inside prose (e.g. "一、二、三等奖"), kept as text. */
function isEnumerationLine(text: string): boolean {
  return /^[一二三四五六七八九十]、[一二三四五六七八九十]、/.test(text);
}

