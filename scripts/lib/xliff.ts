/**
 * The exchange with professional translators: a reply and its English as an
 * XLIFF 2.1 file for CAT tools, and the translated XLIFF read back into a
 * translation file. Pure: no I/O (scripts/xliff.ts reads and writes the files).
 *
 * One unit per block (id = block id), then one per section summary
 * (`summary:<sectionId>`), the executive summary (`summary:executive`) and,
 * when the reply names one, the addressee (`meta:addressee`).
 * A segment's state says whether its English may be trusted against the
 * current Chinese: "translated" (or "reviewed"/"final") entries take the
 * block's current hash on import; "initial" ones keep the hash they had, so a
 * stale entry stays stale until a translator confirms it.
 */
import { isDeepStrictEqual } from 'node:util';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { isLetterBlock, type ReplyDocument } from './model.ts';
import type { Glossary } from './glossary.ts';
import { translationSchema, validate, type TranslationFile } from './schemas.ts';
import { termMatcher, termsIn } from './annotate.ts';
import { translatableZh } from './qa.ts';
import { addresseeHash, sectionHash } from './translations.ts';
import { ContentError } from './errors.ts';

/** The XLIFF 2 core namespace (2.1 keeps the 2.0 namespace). */
export const XLIFF_NAMESPACE = 'urn:oasis:names:tc:xliff:document:2.0';

/** Unit id of the executive summary; section summaries are `summary:<sectionId>`. */
export const EXECUTIVE_UNIT = 'summary:executive';

/** Unit id of the addressee (en.yaml `meta.addressee`), which the English metadata table shows. */
export const ADDRESSEE_UNIT = 'meta:addressee';

const SUMMARY_PREFIX = 'summary:';
const VERSIONS = ['2.0', '2.1'];
const SRC_LANG = /^zh(-cn|-hans|-hans-cn)?$/i;
const TRG_LANG = /^en(-[a-z0-9]+)*$/i;
const STATES = ['initial', 'translated', 'reviewed', 'final'] as const;

/** A segment state of XLIFF 2: how far the target has come. */
export type SegmentState = (typeof STATES)[number];

/** What the export turns into one `<unit>`: a block, a section summary or the executive summary. */
interface UnitSpec {
  id: string;
  notes: { category: string; text: string }[];
  source: string;
  target?: string;
  state: SegmentState;
}

// ---------------------------------------------------------------------------
// Export
// ---------------------------------------------------------------------------

/** Escapes text content: `&`, `<` and `>` (the last so `]]>` can never appear); CR as a reference so parsers keep it. */
function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

/** Escapes an attribute value (double-quoted), including the whitespace characters XML would normalise. */
function escapeAttr(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

// Characters XML 1.0 cannot carry at all, not even as references.
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/u;

function checkXmlChars(text: string, slug: string, unit: string): void {
  const bad = NOT_XML.exec(text);
  if (bad) {
    const code = bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    throw new ContentError({ file: slug, block: unit }, `the text contains the character U+${code}, which XML cannot carry`, "remove it from the reply's source.txt or en.yaml");
  }
}

function stateOf(hasEntry: boolean, fresh: boolean): SegmentState {
  return hasEntry && fresh ? 'translated' : 'initial';
}

/** The units of a reply in export order: blocks in document order, then the section summaries, then the executive summary. */
function unitSpecs(doc: ReplyDocument, translation: TranslationFile | undefined, glossary: Glossary): UnitSpec[] {
  const matcher = termMatcher(glossary.terms, 'zh-Hans');
  const termById = new Map(glossary.terms.map((t) => [t.id, t]));
  const units: UnitSpec[] = [];
  for (const block of doc.blocks.filter(isLetterBlock)) {
    const zh = translatableZh(block);
    const entry = translation?.blocks[block.id];
    const notes = [
      { category: 'block', text: block.label ? `${block.kind}, ${block.label}` : block.kind },
      { category: 'hash', text: block.hash },
      ...termsIn(zh, matcher).map((id) => ({ category: 'glossary', text: `${termById.get(id)!.zh} = ${termById.get(id)!.en}` })),
      ...(entry?.note !== undefined ? [{ category: 'translator', text: entry.note }] : []),
    ];
    units.push({ id: block.id, notes, source: zh, target: entry?.text, state: stateOf(!!entry, entry?.source === block.hash) });
  }
  for (const section of doc.sections) {
    const summary = translation?.sections[section.id];
    const hash = sectionHash(doc, section.id);
    const name = section.label ? `${section.label}${section.titleZh}` : section.titleZh || 'the reply body';
    units.push({
      id: `${SUMMARY_PREFIX}${section.id}`,
      notes: [
        { category: 'summary', text: `summary of section ${name}: a short English summary of the whole section that cites only figures the section gives` },
        { category: 'hash', text: hash },
      ],
      source: summarySource(doc, section.id),
      target: summary?.summary,
      state: stateOf(!!summary, summary?.source === hash),
    });
  }
  const executive = translation?.executive;
  units.push({
    id: EXECUTIVE_UNIT,
    notes: [
      { category: 'summary', text: 'executive summary of the whole reply: at most 200 words, citing only figures the reply gives' },
      { category: 'hash', text: doc.sourceHash },
    ],
    source: doc.meta.title.zh,
    target: executive?.text,
    state: stateOf(!!executive, executive?.source === doc.sourceHash),
  });
  const hash = addresseeHash(doc);
  if (hash) {
    const entry = translation?.meta?.addressee;
    units.push({
      id: ADDRESSEE_UNIT,
      notes: [
        { category: 'meta', text: 'the addressee, as the salutation names them: shown in the English metadata table (a name in pinyin with the title, e.g. "Committee Member Wang Li"), consistent with the salutation' },
        { category: 'hash', text: hash },
        ...(entry?.note !== undefined ? [{ category: 'translator', text: entry.note }] : []),
      ],
      source: doc.meta.addressee!,
      target: entry?.text,
      state: stateOf(!!entry, entry?.source === hash),
    });
  }
  return units;
}

/** The Chinese a summary unit shows as its source: the section title (the reply title for an untitled body). */
function summarySource(doc: ReplyDocument, sectionId: string): string {
  const section = doc.sections.find((s) => s.id === sectionId);
  return section?.titleZh || doc.meta.title.zh;
}

/** Writes a reply and its English as XLIFF 2.1 for translators: one unit per block, then the section and executive summaries. */
export function exportXliff(doc: ReplyDocument, translation: TranslationFile | undefined, glossary: Glossary): string {
  const units = unitSpecs(doc, translation, glossary);
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<xliff xmlns="${XLIFF_NAMESPACE}" version="2.1" srcLang="zh-CN" trgLang="en">`,
    `  <file id="${escapeAttr(doc.slug)}">`,
    '    <notes>',
    `      <note category="title">${escapeText(doc.meta.title.zh)}</note>`,
    '      <note category="instructions">Translate each unit into English and set its state to translated when done. Do not change unit ids or sources. Units summary:… hold summaries: revise them against the translated text.</note>',
    '    </notes>',
  ];
  for (const unit of units) {
    for (const text of [unit.source, unit.target ?? '', ...unit.notes.map((n) => n.text)]) checkXmlChars(text, doc.slug, unit.id);
    out.push(`    <unit id="${escapeAttr(unit.id)}">`, '      <notes>');
    for (const note of unit.notes) out.push(`        <note category="${escapeAttr(note.category)}">${escapeText(note.text)}</note>`);
    out.push('      </notes>', `      <segment state="${unit.state}">`, `        <source>${escapeText(unit.source)}</source>`);
    if (unit.target !== undefined) out.push(`        <target>${escapeText(unit.target)}</target>`);
    out.push('      </segment>', '    </unit>');
  }
  out.push('  </file>', '</xliff>', '');
  return out.join('\n');
}

// ---------------------------------------------------------------------------
// Import
// ---------------------------------------------------------------------------

/** An XML element, simplified from fast-xml-parser's ordered output, with the line it starts on. */
interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: (XmlElement | string)[];
  line: number;
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  htmlEntities: true,
  captureMetaData: true,
});
const META = XMLParser.getMetaDataSymbol() as unknown as symbol;

/** The id of the unit a position (1-based line and column) lies in, read from the raw text, for errors the parser cannot place in the tree. */
function unitAround(xml: string, line: number, col: number): string | undefined {
  const lines = xml.split('\n');
  const before = [...lines.slice(0, line - 1), (lines[line - 1] ?? '').slice(0, Math.max(0, col - 1))].join('\n');
  const open = [...before.matchAll(/<unit\b[^>]*?\bid\s*=\s*(["'])(.*?)\1/g)].at(-1);
  if (!open) return undefined;
  return before.indexOf('</unit>', open.index) === -1 ? open[2] : undefined;
}

/** Validates and parses XML into a tree; a well-formedness error becomes a ContentError with the line. */
function parseXml(xml: string, file: string, slug: string): XmlElement {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new ContentError(
      { file, line: valid.err.line, block: unitAround(xml, valid.err.line, valid.err.col) },
      `not well-formed XML: ${valid.err.msg.replace(/\.$/, '')}`,
      `correct the markup on that line (in text, write & as &amp; and < as &lt;), or export the reply again with \`npm run xliff:export -- ${slug}\``,
    );
  }
  const lineStarts = [0];
  for (let i = xml.indexOf('\n'); i !== -1; i = xml.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const lineAt = (index: number | undefined): number => {
    if (index === undefined) return 0;
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= index) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  const convert = (nodes: Record<string, unknown>[]): (XmlElement | string)[] =>
    nodes.map((node) => {
      if ('#text' in node) return String(node['#text']);
      const name = Object.keys(node).find((k) => k !== ':@')!;
      const meta = (node as Record<symbol, { startIndex?: number } | undefined>)[META];
      return { name, attrs: (node[':@'] ?? {}) as Record<string, string>, children: convert(node[name] as Record<string, unknown>[]), line: lineAt(meta?.startIndex) };
    });
  const root = convert(parser.parse(xml) as Record<string, unknown>[]).find((n): n is XmlElement => typeof n !== 'string');
  if (!root) throw new ContentError({ file }, 'the file has no root element', `export the reply again with \`npm run xliff:export -- ${slug}\``);
  return root;
}

const elements = (el: XmlElement, name?: string): XmlElement[] =>
  el.children.filter((c): c is XmlElement => typeof c !== 'string' && (name === undefined || c.name === name));

/** The units of a file, including those inside (nested) groups, in document order. */
function collectUnits(el: XmlElement): XmlElement[] {
  return elements(el).flatMap((c) => (c.name === 'unit' ? [c] : c.name === 'group' ? collectUnits(c) : []));
}

/** What one imported unit says. */
interface UnitContent {
  source: string;
  target?: string;
  state: SegmentState;
  translatorNote?: string;
}

/** Reads a unit's source, target, state and translator note; several segments (a CAT tool may split one) are joined. */
function readUnit(unit: XmlElement, id: string, file: string): UnitContent {
  const where = { file, line: unit.line, block: id };
  const text = (el: XmlElement): string => {
    const inline = elements(el)[0];
    if (inline) throw new ContentError({ ...where, line: inline.line }, `the <${el.name}> contains the inline element <${inline.name}>`, 'remove the tags and keep their text: the reply is plain text');
    return el.children.join('');
  };
  const parts = elements(unit).filter((c) => c.name === 'segment' || c.name === 'ignorable');
  if (!parts.some((p) => p.name === 'segment')) throw new ContentError(where, 'the unit has no <segment>', 'restore the segment the export wrote, or delete the unit');
  let source = '';
  const targets: (string | undefined)[] = [];
  let state: SegmentState = 'final';
  for (const part of parts) {
    const sources = elements(part, 'source');
    if (sources.length !== 1) throw new ContentError({ ...where, line: part.line }, `a <${part.name}> has ${sources.length} <source> elements`, 'keep exactly one <source> per segment, as exported');
    const partSource = text(sources[0]!);
    source += partSource;
    const target = elements(part, 'target')[0];
    if (part.name === 'ignorable') {
      targets.push(target ? text(target) : partSource);
      continue;
    }
    targets.push(target ? text(target) : undefined);
    const partState = part.attrs.state ?? 'initial';
    if (!(STATES as readonly string[]).includes(partState)) {
      throw new ContentError({ ...where, line: part.line }, `unknown segment state "${partState}"`, 'use one of initial, translated, reviewed, final');
    }
    if (STATES.indexOf(partState as SegmentState) < STATES.indexOf(state)) state = partState as SegmentState;
  }
  const segmentTargets = targets.filter((_, i) => parts[i]!.name === 'segment');
  const translated = segmentTargets.filter((t) => t !== undefined).length;
  if (translated > 0 && translated < segmentTargets.length) {
    throw new ContentError(where, `only ${translated} of the unit's ${segmentTargets.length} segments have a target`, 'translate every segment of the unit, or none');
  }
  const notes = elements(unit, 'notes').flatMap((n) => elements(n, 'note')).filter((n) => n.attrs.category === 'translator');
  return {
    source,
    target: translated > 0 ? targets.join('') : undefined,
    state,
    translatorNote: notes.length ? notes.map(text).join('\n') : undefined,
  };
}

const sameText = (a: string, b: string) => a.replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim();

/** What a unit id refers to in the reply, with the Chinese and hash it is checked against and the entry it updates. */
type UnitTarget =
  | { kind: 'block'; id: string; source: string; hash: string; entry?: { source: string; text: string; note?: string } }
  | { kind: 'addressee'; source: string; hash: string; entry?: { source: string; text: string; note?: string } }
  | { kind: 'section'; id: string; source: string; hash: string; entry?: { source: string; text: string } }
  | { kind: 'executive'; source: string; hash: string; entry?: { source: string; text: string } };

function resolveUnit(id: string, doc: ReplyDocument, existing: TranslationFile | undefined, where: { file: string; line: number; block: string }): UnitTarget {
  const reexport = `re-export with \`npm run xliff:export -- ${doc.slug}\` and carry the English over from translation memory, or delete the unit`;
  if (id === EXECUTIVE_UNIT) {
    const e = existing?.executive;
    return { kind: 'executive', source: doc.meta.title.zh, hash: doc.sourceHash, entry: e ? { source: e.source, text: e.text } : undefined };
  }
  if (id === ADDRESSEE_UNIT) {
    const hash = addresseeHash(doc);
    if (!hash) throw new ContentError(where, `orphan unit: reply ${doc.slug} names no addressee (no salutation, no addressee in meta.yaml)`, reexport);
    return { kind: 'addressee', source: doc.meta.addressee!, hash, entry: existing?.meta?.addressee };
  }
  if (id.startsWith(SUMMARY_PREFIX)) {
    const sectionId = id.slice(SUMMARY_PREFIX.length);
    if (!doc.sections.some((s) => s.id === sectionId)) {
      throw new ContentError(where, `orphan unit: reply ${doc.slug} has no section "${sectionId}" (it was removed or renumbered since the export)`, reexport);
    }
    const s = existing?.sections[sectionId];
    return { kind: 'section', id: sectionId, source: summarySource(doc, sectionId), hash: sectionHash(doc, sectionId), entry: s ? { source: s.source, text: s.summary } : undefined };
  }
  const block = doc.blocks.find((b) => b.id === id);
  if (!block) throw new ContentError(where, `orphan unit: "${id}" is not a block of reply ${doc.slug} (it was removed or renumbered since the export)`, reexport);
  return { kind: 'block', id, source: translatableZh(block), hash: block.hash, entry: existing?.blocks[id] };
}

/** Reads a translated XLIFF back into the reply's translation file; units without a target leave their entry as it was. */
export function importXliff(xml: string, doc: ReplyDocument, existing: TranslationFile | undefined, file: string): TranslationFile {
  // XML end-of-line handling: CRLF and CR read as LF (the line numbers do not change).
  const text = xml.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const root = parseXml(text, file, doc.slug);
  const again = `export the reply again with \`npm run xliff:export -- ${doc.slug}\``;
  const rootAt = { file, line: root.line };
  if (root.name !== 'xliff') throw new ContentError(rootAt, `the root element is <${root.name}>, not <xliff>`, again);
  const ns = root.attrs.xmlns;
  if (ns !== XLIFF_NAMESPACE) {
    throw new ContentError(rootAt, `the root element is not in the XLIFF 2 namespace (xmlns is ${ns === undefined ? 'missing' : `"${ns}"`}, expected "${XLIFF_NAMESPACE}")`, `save the file as XLIFF 2.1 or 2.0 in the CAT tool (XLIFF 1.2 is not supported), or ${again}`);
  }
  const version = root.attrs.version;
  if (!VERSIONS.includes(version ?? '')) {
    throw new ContentError(rootAt, `XLIFF version ${version === undefined ? 'missing' : `"${version}"`} is not supported (expected "2.1" or "2.0")`, `save the file as XLIFF 2.1 or 2.0 in the CAT tool, or ${again}`);
  }
  const srcLang = root.attrs.srcLang;
  if (!SRC_LANG.test(srcLang ?? '')) {
    throw new ContentError(rootAt, `the source language is ${srcLang === undefined ? 'missing' : `"${srcLang}"`}, not zh-CN`, `import the XLIFF exported for this reply (srcLang="zh-CN"), or ${again}`);
  }
  const trgLang = root.attrs.trgLang;
  if (!TRG_LANG.test(trgLang ?? '')) {
    throw new ContentError(rootAt, `the target language is ${trgLang === undefined ? 'missing' : `"${trgLang}"`}, not en`, 'set trgLang="en": this project imports English only');
  }
  const files = elements(root, 'file');
  if (files.length !== 1) throw new ContentError(rootAt, `the XLIFF has ${files.length} <file> elements, not one`, `keep the single <file id="${doc.slug}"> the export wrote`);
  const fileEl = files[0]!;
  if (fileEl.attrs.id !== doc.slug) {
    throw new ContentError({ file, line: fileEl.line }, `this XLIFF is for reply "${fileEl.attrs.id ?? ''}", not ${doc.slug}`, `import it into that reply, or ${again}`);
  }

  const blocks = new Map<string, TranslationFile['blocks'][string]>();
  const sections = new Map<string, TranslationFile['sections'][string]>();
  let executive = existing?.executive;
  let addressee = existing?.meta?.addressee;
  const seen = new Map<string, number>();
  for (const unit of collectUnits(fileEl)) {
    const id = unit.attrs.id;
    if (!id) throw new ContentError({ file, line: unit.line }, 'a <unit> has no id', 'restore the id the export wrote (the block id), or delete the unit');
    const where = { file, line: unit.line, block: id };
    const first = seen.get(id);
    if (first !== undefined) throw new ContentError(where, `duplicate unit id: "${id}" was already used on line ${first}`, 'keep one unit per block and delete the other');
    seen.set(id, unit.line);
    const target = resolveUnit(id, doc, existing, where);
    const content = readUnit(unit, id, file);
    if (!sameText(content.source, target.source)) {
      throw new ContentError(where, 'the Chinese source differs from the current text of the reply (the reply changed since the export)', `re-export with \`npm run xliff:export -- ${doc.slug}\` and translate the changed text (never edit <source>)`);
    }
    const english = content.target?.trim();
    if (!english) continue;
    const prev = target.entry;
    const confirmed = content.state !== 'initial';
    const source = confirmed ? target.hash : prev?.source;
    if (source === undefined) {
      throw new ContentError(where, 'the unit has an English target but its state is "initial", so nothing says the English is finished', 'set state="translated" on the segment once the English is final, or empty the target');
    }
    // Unchanged English keeps its exact text (a summary may end with a newline the XLIFF tool trims).
    const value = prev && prev.text.trim() === english ? prev.text : english;
    if (target.kind === 'block' || target.kind === 'addressee') {
      const note = content.translatorNote ?? target.entry?.note;
      const entry = note === undefined ? { source, text: value } : { source, text: value, note };
      if (target.kind === 'block') blocks.set(target.id, entry);
      else addressee = entry;
    } else if (target.kind === 'section') {
      sections.set(target.id, { source, summary: value });
    } else {
      executive = { source, text: value };
    }
  }

  // Document order first, then entries of the old file the reply no longer has (QA reports them as orphaned).
  const orderedBlocks: TranslationFile['blocks'] = {};
  for (const b of doc.blocks) {
    const entry = blocks.get(b.id) ?? existing?.blocks[b.id];
    if (entry) orderedBlocks[b.id] = entry;
  }
  for (const [id, entry] of Object.entries(existing?.blocks ?? {})) if (!(id in orderedBlocks)) orderedBlocks[id] = entry;
  const orderedSections: TranslationFile['sections'] = {};
  for (const s of doc.sections) {
    const entry = sections.get(s.id) ?? existing?.sections[s.id];
    if (entry) orderedSections[s.id] = entry;
  }
  for (const [id, entry] of Object.entries(existing?.sections ?? {})) if (!(id in orderedSections)) orderedSections[id] = entry;

  const result: Record<string, unknown> = { language: 'en' };
  if (existing?.title !== undefined) result.title = existing.title;
  if (addressee) result.meta = { addressee };
  if (executive) result.executive = executive;
  result.sections = orderedSections;
  result.blocks = orderedBlocks;
  return validate(translationSchema, result, file, 'imported translation');
}

/** The entries (`blocks.<id>`, `sections.<id>`, `executive`, `title`, `meta.addressee`) that differ between two translation files, so the import can say what it changed. */
export function changedEntries(before: TranslationFile | undefined, after: TranslationFile): string[] {
  const changed: string[] = [];
  const same = isDeepStrictEqual;
  if (!same(before?.title, after.title)) changed.push('title');
  if (!same(before?.meta?.addressee, after.meta?.addressee)) changed.push('meta.addressee');
  if (!same(before?.executive, after.executive)) changed.push('executive');
  for (const kind of ['sections', 'blocks'] as const) {
    const a: Record<string, unknown> = before?.[kind] ?? {};
    const b: Record<string, unknown> = after[kind];
    for (const id of new Set([...Object.keys(a), ...Object.keys(b)])) if (!same(a[id], b[id])) changed.push(`${kind}.${id}`);
  }
  return changed;
}
