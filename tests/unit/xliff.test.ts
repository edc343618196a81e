// XLIFF exchange with translators: the export is valid XLIFF 2.1, a round trip through it changes nothing, and bad files fail with one exact line.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parseReply } from '../../scripts/lib/parse.ts';
import { loadGlossary } from '../../scripts/lib/glossary.ts';
import { loadTranslation } from '../../scripts/lib/translations.ts';
import { loadContent } from '../../scripts/lib/load.ts';
import { ContentError } from '../../scripts/lib/errors.ts';
import { changedEntries, exportXliff, importXliff, XLIFF_NAMESPACE } from '../../scripts/lib/xliff.ts';
import { formatTranslationFile } from '../../scripts/lib/translation-file.ts';
import { ROOT } from './helpers.ts';

const DIR = 'tests/fixtures/xliff';
const read = (name: string) => readFileSync(join(ROOT, DIR, name), 'utf8');
const SLUG = 'xliff-fixture';

const doc = parseReply(read('reply.txt'), { slug: SLUG, file: `${DIR}/reply.txt` });
const glossary = loadGlossary(read('glossary.yaml'), `${DIR}/glossary.yaml`);
const translationText = read('en.yaml');
const translation = loadTranslation(translationText, `${DIR}/en.yaml`);
const xml = exportXliff(doc, translation, glossary);

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', trimValues: false, parseTagValue: false, isArray: (name) => ['unit', 'note', 'segment'].includes(name) });
interface ParsedUnit {
  id: string;
  notes: { note: { category: string; '#text': string }[] };
  segment: { state: string; source: string; target?: string }[];
}
const parsed = parser.parse(xml) as { xliff: Record<string, string> & { file: { id: string; unit: ParsedUnit[] } } };
const unit = (id: string) => parsed.xliff.file.unit.find((u) => u.id === id)!;
const segment = (id: string) => {
  const { state, source, target } = unit(id).segment[0]!;
  return target === undefined ? { state, source } : { state, source, target };
};
const notes = (id: string, category: string) => unit(id).notes.note.filter((n) => n.category === category).map((n) => n['#text']);

/** Replaces the one occurrence of `from` in the export (fails loudly if it is not exactly one). */
function edit(text: string, from: string, to: string): string {
  expect(text.split(from)).toHaveLength(2);
  return text.replace(from, to);
}

function contentError(run: () => unknown): ContentError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ContentError);
    return error as ContentError;
  }
  throw new Error('expected a ContentError');
}

describe('exportXliff', () => {
  it('writes well-formed XLIFF 2.1 with the 2.0 namespace, zh-CN source and English target', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
    expect(parsed.xliff.xmlns).toBe(XLIFF_NAMESPACE);
    expect(parsed.xliff.xmlns).toBe('urn:oasis:names:tc:xliff:document:2.0');
    expect(parsed.xliff.version).toBe('2.1');
    expect(parsed.xliff.srcLang).toBe('zh-CN');
    expect(parsed.xliff.trgLang).toBe('en');
    expect(parsed.xliff.file.id).toBe(SLUG);
  });

  it('has one unit per block in document order, then the section and executive summaries, then the addressee', () => {
    expect(parsed.xliff.file.unit.map((u) => u.id)).toEqual([...doc.blocks.map((b) => b.id), 'summary:s1', 'summary:s2', 'summary:executive', 'meta:addressee']);
    expect(doc.blocks).toHaveLength(10);
    for (const u of parsed.xliff.file.unit) expect(u.segment).toHaveLength(1);
  });

  it('escapes <, & and > in sources, targets and notes, and keeps " and \' readable', () => {
    expect(xml).toContain('<source>2020年,全市“专精特新”中小企业达到12家,营业收入&lt;5亿元&amp;利润&gt;1亿元的企业3家,"亩均论英雄"评价覆盖100家。</source>');
    expect(xml).toContain('operating revenue &lt;500 million yuan &amp; profit &gt;100 million yuan, and the "per-mu output evaluation" covered 100 enterprises; it\'s a start.</target>');
    expect(xml).toContain('<note category="translator">Zhang San is a placeholder name; check &lt;the original&gt; &amp; "confirm" it\'s right.</note>');
    // …and a parser reads back exactly the text of the reply and the translation.
    expect(unit('s1-p1').segment[0]!.source).toBe(doc.blocks.find((b) => b.id === 's1-p1')!.zh);
    expect(unit('s1-p1').segment[0]!.target).toBe(translation.blocks['s1-p1']!.text);
    expect(unit('summary:executive').segment[0]!.target).toBe(translation.executive!.text);
    expect(notes('salutation', 'translator')).toEqual([translation.blocks.salutation!.note]);
  });

  it('gives each block its kind and label, hash, glossary terms and translator note', () => {
    expect(notes('s1-p1', 'block')).toEqual(['paragraph']);
    expect(notes('s1', 'block')).toEqual(['heading, 一、']);
    expect(notes('s2-p1-pt1', 'block')).toEqual(['point, 一是']);
    expect(notes('s1-p1', 'hash')).toEqual(['8f6bf021879f']);
    expect(notes('s1-p1', 'glossary')).toEqual(['专精特新 = specialized, refined, distinctive and innovative', '亩均论英雄 = per-mu output evaluation']);
    expect(notes('s2-p1-pt1', 'glossary')).toEqual(['专精特新 = specialized, refined, distinctive and innovative']);
    expect(notes('intro-p1', 'glossary')).toEqual([]);
    expect(notes('s1-p1', 'translator')).toEqual([]);
  });

  it('sources headings without their label, and marks translated, stale and pending segments', () => {
    expect(segment('s1')).toEqual({ state: 'translated', source: '总体情况', target: 'Overall situation' });
    expect(segment('s2-p1-pt1')).toEqual({ state: 'initial', source: '一是加大对“专精特新”企业的支持力度。', target: 'First, increase support for SRDI enterprises.' });
    expect(segment('s2-p1-pt2')).toEqual({ state: 'initial', source: '二是优化营商环境。' });
    expect(segment('summary:s1')).toMatchObject({ state: 'translated', source: '总体情况' });
    expect(segment('summary:s2')).toMatchObject({ state: 'initial', source: '下步工作', target: 'The bureau will support SRDI enterprises.' });
    expect(segment('summary:executive')).toMatchObject({ state: 'translated', source: '关于第1234号提案的答复' });
    expect(segment('meta:addressee')).toEqual({ state: 'translated', source: '张三委员', target: 'Member Zhang San' });
    expect(notes('meta:addressee', 'hash')).toEqual(['bea1f8b8df18']);
  });
});

describe('importXliff', () => {
  it('round-trips the fixture: the same TranslationFile and byte-identical en.yaml', () => {
    const back = importXliff(xml, doc, translation, `${DIR}/fixture.xlf`);
    expect(back).toStrictEqual(translation);
    expect(changedEntries(translation, back)).toEqual([]);
    expect(formatTranslationFile(back, SLUG)).toBe(translationText);
    expect(formatTranslationFile(translation, SLUG)).toBe(translationText);
  });

  it('round-trips the seed reply', () => {
    const content = loadContent(join(ROOT, 'content'), ROOT);
    const reply = content.replies.find((r) => r.doc.slug === 'zhengzhou-2021-20210574')!;
    expect(reply.translation).toBeDefined();
    const exported = exportXliff(reply.doc, reply.translation, content.glossary);
    expect(XMLValidator.validate(exported)).toBe(true);
    expect(exported.match(/<unit /g)).toHaveLength(reply.doc.blocks.length + reply.doc.sections.length + 2);
    expect(exported).toContain('<unit id="meta:addressee">');
    expect(reply.translation!.meta?.addressee?.text).toBe('Committee Member Xing Tongliang');
    const back = importXliff(exported, reply.doc, reply.translation, 'xliff/zhengzhou-2021-20210574.en.xlf');
    expect(back).toStrictEqual(reply.translation);
    expect(formatTranslationFile(back, reply.doc.slug)).toBe(formatTranslationFile(reply.translation!, reply.doc.slug));
  });

  it('reads CRLF line endings and a byte-order mark as written', () => {
    expect(importXliff(`\uFEFF${xml.replace(/\n/g, '\r\n')}`, doc, translation, 'crlf.xlf')).toStrictEqual(translation);
  });

  it('changes exactly the block whose target was edited', () => {
    const edited = edit(xml, '<target>Overall situation</target>', '<target>General situation &amp; &lt;overview&gt;</target>');
    const back = importXliff(edited, doc, translation, 'edited.xlf');
    expect(changedEntries(translation, back)).toEqual(['blocks.s1']);
    expect(back).toStrictEqual({ ...translation, blocks: { ...translation.blocks, s1: { source: 'd3260afdb42b', text: 'General situation & <overview>' } } });
    expect(Object.keys(back.blocks)).toEqual(Object.keys(translation.blocks));
  });

  it('takes the current hash when a translator confirms a stale entry, and keeps it stale otherwise', () => {
    const stale = '<segment state="initial">\n        <source>一是加大对“专精特新”企业的支持力度。</source>';
    const confirmed = importXliff(edit(xml, stale, stale.replace('initial', 'translated')), doc, translation, 'confirmed.xlf');
    expect(changedEntries(translation, confirmed)).toEqual(['blocks.s2-p1-pt1']);
    expect(confirmed.blocks['s2-p1-pt1']).toStrictEqual({ source: 'c4ea8b28d0c6', text: 'First, increase support for SRDI enterprises.' });
    const revised = importXliff(edit(xml, 'First, increase support for SRDI enterprises.', 'First, step up support for SRDI enterprises.'), doc, translation, 'revised.xlf');
    expect(revised.blocks['s2-p1-pt1']).toStrictEqual({ source: 'aaaaaaaaaaaa', text: 'First, step up support for SRDI enterprises.' });
  });

  it('imports the addressee: an edited target changes only meta.addressee, and a fresh file gets it after the title', () => {
    const edited = importXliff(edit(xml, '<target>Member Zhang San</target>', '<target>Committee Member Zhang San</target>'), doc, translation, 'addressee.xlf');
    expect(changedEntries(translation, edited)).toEqual(['meta.addressee']);
    expect(edited.meta).toStrictEqual({ addressee: { source: 'bea1f8b8df18', text: 'Committee Member Zhang San' } });
    const withoutMeta = { ...translation, meta: undefined };
    delete withoutMeta.meta;
    const added = importXliff(xml, doc, withoutMeta, 'addressee.xlf');
    expect(changedEntries(withoutMeta, added)).toEqual(['meta.addressee']);
    expect(formatTranslationFile(added, SLUG)).toBe(translationText);
  });

  it('adds a newly translated block in document order, and confirms a stale summary', () => {
    const pending = '<segment state="initial">\n        <source>二是优化营商环境。</source>';
    const withNew = edit(xml, pending, '<segment state="reviewed">\n        <source>二是优化营商环境。</source>\n        <target>Second, improve the business environment.</target>');
    const summary = '<segment state="initial">\n        <source>下步工作</source>';
    const back = importXliff(edit(withNew, summary, summary.replace('initial', 'final')), doc, translation, 'new.xlf');
    expect(changedEntries(translation, back)).toEqual(['sections.s2', 'blocks.s2-p1-pt2']);
    expect(back.blocks['s2-p1-pt2']).toStrictEqual({ source: '7f9096648247', text: 'Second, improve the business environment.' });
    expect(back.sections.s2).toStrictEqual({ source: 'fea88bd0ebf1', summary: 'The bureau will support SRDI enterprises.' });
    expect(Object.keys(back.blocks)).toEqual(doc.blocks.map((b) => b.id));
    expect(formatTranslationFile(back, SLUG)).toContain('  s2-p1-pt2:\n    source: 7f9096648247\n    text: Second, improve the business environment.\n  closing:\n');
  });

  it('keeps a translator note edited in the XLIFF, and the old note when the tool dropped the notes', () => {
    const noted = edit(xml, 'it\'s right.</note>', 'it\'s right. Confirmed.</note>');
    expect(importXliff(noted, doc, translation, 'noted.xlf').blocks.salutation!.note).toBe('Zhang San is a placeholder name; check <the original> & "confirm" it\'s right. Confirmed.');
    const noNotes = xml.replace(/\s*<notes>[\s\S]*?<\/notes>/g, '');
    expect(noNotes).not.toContain('<note ');
    expect(importXliff(noNotes, doc, translation, 'no-notes.xlf')).toStrictEqual(translation);
  });

  it('joins the segments of a unit a CAT tool has split', () => {
    const split = edit(
      xml,
      '<segment state="translated">\n        <source>尊敬的张三委员:</source>\n        <target>Dear Member Zhang San:</target>\n      </segment>',
      '<segment state="translated"><source>尊敬的</source><target>Dear </target></segment><ignorable><source>张三</source></ignorable><segment state="reviewed"><source>委员:</source><target>Member:</target></segment>',
    );
    expect(importXliff(split, doc, translation, 'split.xlf').blocks.salutation).toStrictEqual({ ...translation.blocks.salutation, text: 'Dear 张三Member:' });
  });

  it('starts a translation file from scratch, refusing English left in the "initial" state', () => {
    const error = contentError(() => importXliff(xml, doc, undefined, 'fresh.xlf'));
    expect(error.toLine()).toBe('fresh.xlf:61 [s2-p1-pt1]: the unit has an English target but its state is "initial", so nothing says the English is finished. Fix: set state="translated" on the segment once the English is final, or empty the target');
    const ready = xml.replaceAll('state="initial"', 'state="translated"');
    const fresh = importXliff(ready, doc, undefined, 'fresh.xlf');
    expect(fresh.title).toBeUndefined();
    expect(Object.keys(fresh.blocks)).toEqual(doc.blocks.filter((b) => b.id !== 's2-p1-pt2').map((b) => b.id));
    expect(fresh.blocks['s2-p1-pt1']!.source).toBe('c4ea8b28d0c6');
    expect(fresh.sections.s2!.source).toBe('fea88bd0ebf1');
  });

  const FIX_EXPORT = 'export the reply again with `npm run xliff:export -- xliff-fixture`';
  const malformed: [string, string][] = [
    [
      'not-well-formed.xlf',
      `${DIR}/not-well-formed.xlf:13 [s1-p1]: not well-formed XML: Tag '500' is an invalid name. Fix: correct the markup on that line (in text, write & as &amp; and < as &lt;), or ${FIX_EXPORT}`,
    ],
    [
      'wrong-namespace.xlf',
      `${DIR}/wrong-namespace.xlf:2: the root element is not in the XLIFF 2 namespace (xmlns is "urn:oasis:names:tc:xliff:document:1.2", expected "urn:oasis:names:tc:xliff:document:2.0"). Fix: save the file as XLIFF 2.1 or 2.0 in the CAT tool (XLIFF 1.2 is not supported), or ${FIX_EXPORT}`,
    ],
    [
      'orphan-unit.xlf',
      `${DIR}/orphan-unit.xlf:10 [s3-p1]: orphan unit: "s3-p1" is not a block of reply xliff-fixture (it was removed or renumbered since the export). Fix: re-export with \`npm run xliff:export -- xliff-fixture\` and carry the English over from translation memory, or delete the unit`,
    ],
    [
      'changed-source.xlf',
      `${DIR}/changed-source.xlf:10 [s1-p1]: the Chinese source differs from the current text of the reply (the reply changed since the export). Fix: re-export with \`npm run xliff:export -- xliff-fixture\` and translate the changed text (never edit <source>)`,
    ],
    ['duplicate-unit.xlf', `${DIR}/duplicate-unit.xlf:16 [s1]: duplicate unit id: "s1" was already used on line 4. Fix: keep one unit per block and delete the other`],
  ];
  it.each(malformed)('rejects %s with one exact line', (name, line) => {
    const error = contentError(() => importXliff(read(name), doc, translation, `${DIR}/${name}`));
    expect(error.toLine()).toBe(line);
  });

  it('rejects a wrong version, source language or reply', () => {
    const at = (text: string) => contentError(() => importXliff(text, doc, translation, 'x.xlf')).toLine();
    expect(at(xml.replace('version="2.1"', 'version="1.2"'))).toBe(`x.xlf:2: XLIFF version "1.2" is not supported (expected "2.1" or "2.0"). Fix: save the file as XLIFF 2.1 or 2.0 in the CAT tool, or ${FIX_EXPORT}`);
    expect(at(xml.replace('srcLang="zh-CN"', 'srcLang="ja"'))).toBe(`x.xlf:2: the source language is "ja", not zh-CN. Fix: import the XLIFF exported for this reply (srcLang="zh-CN"), or ${FIX_EXPORT}`);
    expect(at(xml.replace('<file id="xliff-fixture">', '<file id="other-reply">'))).toBe(`x.xlf:3: this XLIFF is for reply "other-reply", not xliff-fixture. Fix: import it into that reply, or ${FIX_EXPORT}`);
    expect(at(xml.replace('<unit id="summary:s2">', '<unit id="summary:s9">'))).toMatch(/^x\.xlf:\d+ \[summary:s9\]: orphan unit: reply xliff-fixture has no section "s9"/);
  });
});
