// The downloadable data: TBX well-formed and complete, CSV quoting that survives a round trip, one row per term and per figure.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { admittedEnAliases, loadGlossary, type GlossaryTerm, type TermExample } from '../../scripts/lib/glossary.ts';
import { toTraditional } from '../../scripts/lib/hant.ts';
import { loadContent } from '../../scripts/lib/load.ts';
import { attachTranslation } from '../../scripts/lib/translations.ts';
import { extractFigures } from '../../scripts/lib/figures.ts';
import { ROOT } from './helpers.ts';
import { conceptId, csvField, FIGURES_CSV_COLUMNS, figuresCsv, figuresJson, GLOSSARY_CSV_COLUMNS, glossaryCsv, glossaryJson, glossaryTbx, recordsJson, TBX_NAMESPACE, xmlEscape } from '../../scripts/lib/exports.ts';

const terms = loadGlossary(readFileSync(join(ROOT, 'content/glossary.yaml'), 'utf8'), 'content/glossary.yaml').terms;

/** A minimal RFC 4180 reader: quoted fields with doubled quotes, commas and line breaks inside; CRLF or LF between records. */
function parseCsv(withBom: string): string[][] {
  expect(withBom.startsWith('\uFEFF'), 'CSV starts with a UTF-8 byte-order mark (for Excel)').toBe(true);
  const text = withBom.slice(1);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') continue;
    else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, isArray: (name) => ['conceptEntry', 'langSec', 'termSec', 'termNote', 'note', 'descrip', 'admin', 'descripGrp'].includes(name) });

/** An example of 亩均论英雄 that uses its alias in Chinese and its headline in English, and one whose block is untranslated. */
const muJun = terms.find((t) => t.id === 'mu-jun-lun-ying-xiong')!;
const srdi = terms.find((t) => t.id === 'zhuan-jing-te-xin')!;
const translatedExample: TermExample = {
  slug: 'r', page: 's1', block: 's1-p2-pt3',
  zh: '完成9617家企业“亩均论英雄综合评价”。', hant: '完成9617家企業“畝均論英雄綜合評價”。', zhForm: '亩均论英雄综合评价', hantForm: '畝均論英雄綜合評價',
  en: 'We completed the Per-Mu Output Evaluation of 9,617 enterprises.', enForm: 'Per-Mu Output Evaluation',
};
const untranslatedExample: TermExample = { slug: 'r', page: 's2', block: 's2-p1', zh: '培育“专精特新”中小企业不低于150家。', hant: '培育“專精特新”中小企業不低於150家。', zhForm: '专精特新', hantForm: '專精特新', en: null, enForm: '' };
const withExamples = terms.map((t) => (t === muJun ? { ...t, example: translatedExample } : t === srdi ? { ...t, example: untranslatedExample } : t));
type Node = Record<string, unknown>;
const text = (node: unknown): string => (typeof node === 'object' && node !== null ? String((node as Node)['#text'] ?? '') : String(node));
const termsOf = (langSec: Node) => (langSec.termSec as Node[]).map((s) => text(s.term));
const statusOf = (termSec: Node) => (termSec.termNote as Node[]).filter((n) => n['@type'] === 'administrativeStatus').map(text);

describe('glossaryTbx', () => {
  const tbx = glossaryTbx(terms);
  const doc = parser.parse(tbx) as Node;
  const root = doc.tbx as Node;
  const entries = ((root.text as Node).body as Node).conceptEntry as Node[];

  it('is well-formed XML with the declaration first', () => {
    expect(XMLValidator.validate(tbx)).toBe(true);
    expect(tbx.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
  });

  it('declares TBX v3 (ISO 30042:2019), the TBX-Basic dialect, DCA style', () => {
    expect(TBX_NAMESPACE).toBe('urn:iso:std:iso:30042:ed-2');
    expect(root['@xmlns']).toBe('urn:iso:std:iso:30042:ed-2');
    expect(root['@type']).toBe('TBX-Basic');
    expect(root['@style']).toBe('dca');
    expect(root['@xml:lang']).toBe('en');
    const sourceDesc = ((root.tbxHeader as Node).fileDesc as Node).sourceDesc as Node;
    expect(text(sourceDesc.p).length).toBeGreaterThan(0);
  });

  it('has exactly one conceptEntry per term, each with zh-Hans, zh-Hant and en language sections', () => {
    expect(entries).toHaveLength(terms.length);
    expect(entries.map((e) => e['@id'])).toEqual(terms.map((t) => conceptId(t.id)));
    expect(new Set(entries.map((e) => e['@id'])).size).toBe(terms.length);
    for (const [i, entry] of entries.entries()) {
      const term = terms[i]!;
      const langs = (entry.langSec as Node[]).map((l) => l['@xml:lang']);
      expect(langs).toEqual(['zh-Hans', 'zh-Hant', 'en']);
      const [hans, hant, en] = entry.langSec as [Node, Node, Node];
      expect(termsOf(hans)).toEqual([...new Set([term.zh, ...term.aliases])]);
      expect(termsOf(hant)[0]).toBe(term.hant);
      expect(termsOf(en)).toEqual([...new Set([term.en, ...term.enAliases])]);
      const enSecs = en.termSec as Node[];
      expect(statusOf(enSecs[0]!)).toEqual(['preferredTerm-admn-sts']);
      // Other renderings are admitted; a literal gloss among them is deprecated, with a note not to use it.
      const isLiteral = (s: Node) => Boolean(term.literal) && text(s.term).toLowerCase() === term.literal!.toLowerCase();
      for (const s of enSecs.slice(1)) expect(statusOf(s)).toEqual([isLiteral(s) ? 'deprecatedTerm-admn-sts' : 'admittedTerm-admn-sts']);
      for (const s of enSecs.slice(1).filter(isLiteral)) expect(([] as unknown[]).concat(s.note ?? []).map(text).join(' ')).toMatch(/Literal gloss.*not a translation to use/);
      const subject = (entry.descrip as Node[]).find((d) => d['@type'] === 'subjectField');
      expect(text(subject)).toBe(term.category);
      const definition = [...((entry.descrip as Node[]) ?? []), ...((en.descrip as Node[]) ?? [])].find((d) => d['@type'] === 'definition');
      expect(text(definition)).toBe(term.explanation);
    }
  });

  it('gives conceptEntry ids that are valid XML ids, even for term ids starting with a digit', () => {
    for (const e of entries) expect(String(e['@id'])).toMatch(/^[A-Za-z_][\w.-]*$/);
    expect(conceptId('1-11-5-x')).toBe('term-1-11-5-x');
  });

  it('uses category names as subject fields when given', () => {
    const named = parser.parse(glossaryTbx(terms.slice(0, 1), { categoryNames: { [terms[0]!.category]: 'Evaluation & schemes' } })) as Node;
    const entry = (((named.tbx as Node).text as Node).body as Node).conceptEntry as Node[];
    expect(text((entry[0]!.descrip as Node[])[0])).toBe('Evaluation & schemes');
  });

  it('escapes markup characters in terms, aliases and explanations', () => {
    const nasty: GlossaryTerm = { ...terms[0]!, id: 'nasty', zh: '<&"测试', hant: '<&"測試', en: 'a <b> & "quoted" \'term\'', aliases: ['x</term>'], aliasesHant: ['x</term>'], enAliases: ['A&B'], explanation: 'Less < more & "so" on > here.', sources: '<script>' };
    const out = glossaryTbx([nasty]);
    expect(XMLValidator.validate(out)).toBe(true);
    expect(out).not.toContain('<&"');
    expect(out).not.toContain('<b>');
    expect(out).not.toContain('<script>');
    expect(out).toContain('&lt;&amp;&quot;测试');
    const entry = (((parser.parse(out) as Node).tbx as Node).text as Node).body as Node;
    const [hans, , en] = (entry.conceptEntry as Node[])[0]!.langSec as [Node, Node, Node];
    expect(termsOf(hans)).toEqual(['<&"测试', 'x</term>']);
    expect(termsOf(en)).toEqual(['a <b> & "quoted" \'term\'', 'A&B']);
  });

  it('drops characters XML 1.0 cannot carry', () => {
    expect(xmlEscape('a\u0001b\u000Bc\tok')).toBe('abc\tok');
  });

  it('is deterministic', () => {
    expect(glossaryTbx(terms)).toBe(tbx);
  });

  it('gives each Chinese language section its definition: the Chinese explanation, converted on zh-Hant', () => {
    for (const [i, entry] of entries.entries()) {
      const [hans, hant] = entry.langSec as [Node, Node];
      const def = (l: Node) => ((l.descrip as Node[]) ?? []).filter((d) => d['@type'] === 'definition').map(text);
      expect(def(hans)).toEqual([terms[i]!.explanationZh]);
      expect(def(hant)).toEqual([toTraditional(terms[i]!.explanationZh!)]);
    }
    const pending = parser.parse(glossaryTbx([{ ...muJun, explanationZh: undefined }])) as Node;
    const [hans, hant, en] = ((((pending.tbx as Node).text as Node).body as Node).conceptEntry as Node[])[0]!.langSec as [Node, Node, Node];
    expect([hans.descrip, hant.descrip]).toEqual([undefined, undefined]);
    expect((en.descrip as Node[]).map(text)).toEqual([muJun.explanation]);
  });

  it('puts the example sentence as a context, with its source, on the term it uses in each language; none in English while untranslated', () => {
    const out = glossaryTbx(withExamples);
    expect(XMLValidator.validate(out)).toBe(true);
    const all = (((parser.parse(out) as Node).tbx as Node).text as Node).body as Node;
    const entryOf = (id: string) => (all.conceptEntry as Node[]).find((e) => e['@id'] === id)!;
    const contexts = (langSec: Node) =>
      (langSec.termSec as Node[]).flatMap((s) => ((s.descripGrp as Node[]) ?? []).map((g) => `${text(s.term)} | ${text((g.descrip as Node[])[0])} | ${text((g.admin as Node[])[0])}`));
    const [hans, hant, en] = entryOf('mu-jun-lun-ying-xiong').langSec as [Node, Node, Node];
    expect(contexts(hans)).toEqual(['亩均论英雄综合评价 | 完成9617家企业“亩均论英雄综合评价”。 | Reply r, block s1-p2-pt3']);
    expect(contexts(hant)).toEqual(['畝均論英雄綜合評價 | 完成9617家企業“畝均論英雄綜合評價”。 | Reply r, block s1-p2-pt3']);
    expect(contexts(en)).toEqual(['per-mu output evaluation | We completed the Per-Mu Output Evaluation of 9,617 enterprises. | Reply r, block s1-p2-pt3']);
    const [sHans, , sEn] = entryOf('zhuan-jing-te-xin').langSec as [Node, Node, Node];
    expect(contexts(sHans)).toEqual(['专精特新 | 培育“专精特新”中小企业不低于150家。 | Reply r, block s2-p1']);
    expect(contexts(sEn), 'no English context, and never the Chinese in its place').toEqual([]);
  });
});

describe('glossaryCsv', () => {
  it('has a header row and one row per term, every row as wide as the header', () => {
    const rows = parseCsv(glossaryCsv(terms));
    expect(rows[0]).toEqual([...GLOSSARY_CSV_COLUMNS]);
    expect(rows[0]).toEqual(['id', 'zh', 'zh_hant', 'pinyin', 'pinyin_plain', 'en', 'en_aliases', 'en_literal', 'aliases', 'category', 'official', 'confidence', 'explanation', 'explanation_zh', 'explanation_zh_hant', 'example_zh', 'example_zh_hant', 'example_en', 'example_reply', 'example_block', 'sources']);
    expect(rows).toHaveLength(terms.length + 1);
    for (const row of rows) expect(row).toHaveLength(GLOSSARY_CSV_COLUMNS.length);
    expect(rows.slice(1).map((r) => r[0])).toEqual(terms.map((t) => t.id));
    const col = (name: (typeof GLOSSARY_CSV_COLUMNS)[number]) => GLOSSARY_CSV_COLUMNS.indexOf(name);
    const byId = new Map(rows.slice(1).map((r) => [r[0], r]));
    for (const t of terms) {
      const r = byId.get(t.id)!;
      expect(r[col('zh')]).toBe(t.zh);
      expect(r[col('zh_hant')]).toBe(t.hant);
      expect(r[col('en')]).toBe(t.en);
      expect(r[col('official')]).toBe(String(t.official));
      expect(r[col('explanation')]).toBe(t.explanation);
      expect(r[col('explanation_zh')]).toBe(t.explanationZh);
      expect(r[col('explanation_zh_hant')]).toBe(toTraditional(t.explanationZh!));
      expect(r[col('en_literal')]).toBe(t.literal ?? '');
    }
  });

  it('keeps literal glosses apart from the admitted English alternatives', () => {
    const rows = parseCsv(glossaryCsv(terms));
    const r = rows.find((x) => x[0] === 'mu-jun-lun-ying-xiong')!;
    const col = (name: (typeof GLOSSARY_CSV_COLUMNS)[number]) => GLOSSARY_CSV_COLUMNS.indexOf(name);
    expect(muJun.enAliases).toContain('heroes judged by output per mu');
    expect(r[col('en_literal')]).toBe('heroes judged by output per mu');
    expect(r[col('en_aliases')]).toBe('per-mu output; Area-based Evaluation Mechanism; ABEM');
    for (const row of rows.slice(1)) {
      const literal = row[col('en_literal')];
      if (literal) expect(row[col('en_aliases')]!.split('; ').map((a) => a.toLowerCase())).not.toContain(literal.toLowerCase());
    }
  });

  it('has the example in both languages; an untranslated block leaves the English empty, and a pending Chinese explanation is empty, never English', () => {
    const rows = parseCsv(glossaryCsv(withExamples.map((t) => (t === muJun ? t : t.id === 'shuang-chuang' ? { ...t, explanationZh: undefined } : t))));
    const col = (name: (typeof GLOSSARY_CSV_COLUMNS)[number]) => GLOSSARY_CSV_COLUMNS.indexOf(name);
    const row = (id: string) => rows.find((x) => x[0] === id)!;
    const pick = (id: string, names: (typeof GLOSSARY_CSV_COLUMNS)[number][]) => names.map((n) => row(id)[col(n)]);
    const example = ['example_zh', 'example_zh_hant', 'example_en', 'example_reply', 'example_block'] as const;
    expect(pick('mu-jun-lun-ying-xiong', [...example])).toEqual(['完成9617家企业“亩均论英雄综合评价”。', '完成9617家企業“畝均論英雄綜合評價”。', 'We completed the Per-Mu Output Evaluation of 9,617 enterprises.', 'r', 's1-p2-pt3']);
    expect(pick('zhuan-jing-te-xin', [...example])).toEqual(['培育“专精特新”中小企业不低于150家。', '培育“專精特新”中小企業不低於150家。', '', 'r', 's2-p1']);
    expect(pick('shuang-chuang', ['explanation_zh', 'explanation_zh_hant'])).toEqual(['', '']);
    expect(row('shuang-chuang')[col('explanation')]).toMatch(/^Short for/);
  });

  it('round-trips a value holding a comma, a quote and line breaks (RFC 4180)', () => {
    const tricky = 'one, "two"\nthree\r\nfour';
    const rows = parseCsv(glossaryCsv([{ ...terms[0]!, en: tricky, explanation: `${tricky} ""` }]));
    expect(rows).toHaveLength(2);
    expect(rows[1]![GLOSSARY_CSV_COLUMNS.indexOf('en')]).toBe(tricky);
    expect(rows[1]![GLOSSARY_CSV_COLUMNS.indexOf('explanation')]).toBe(`${tricky} ""`);
    expect(csvField('a"b')).toBe('"a""b"');
    expect(csvField('plain')).toBe('plain');
  });

  it('ends every record with CRLF', () => {
    const csv = glossaryCsv(terms.slice(0, 2));
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.indexOf('\uFEFF'), 'one byte-order mark, at the start').toBe(csv.lastIndexOf('\uFEFF'));
    expect(csv.replace(/"[^"]*"/g, '').split('\r\n')).toHaveLength(4);
  });
});

describe('recordsJson', () => {
  it('writes one record per line, without indentation, and parses back to the same data', () => {
    const data = { description: 'quotes " and\nline breaks', terms: [{ id: 'a', forms: ['亩均', 'x'] }, { id: 'b', note: null }] };
    const text = recordsJson(data);
    expect(JSON.parse(text)).toEqual(data);
    expect(text.split('\n').filter((l) => l.startsWith('{"id"'))).toEqual(['{"id":"a","forms":["亩均","x"]},', '{"id":"b","note":null}']);
    expect(text).not.toMatch(/^ +/m);
    expect(JSON.parse(recordsJson({ description: 'none', terms: [] }))).toEqual({ description: 'none', terms: [] });
  });
});

describe('glossaryJson', () => {
  it('lists every term with its Simplified and Traditional forms', () => {
    const data = JSON.parse(glossaryJson(terms)) as { terms: { id: string; zh: string; zhHant: string; occurrences?: unknown }[] };
    expect(data.terms.map((t) => t.id)).toEqual(terms.map((t) => t.id));
    expect(data.terms[0]!.zhHant).toBe(terms[0]!.hant);
    expect(data.terms[0]!.occurrences).toBeUndefined();
    const withOcc = JSON.parse(glossaryJson([{ ...terms[0]!, occurrences: [{ slug: 'r', page: 's1', block: 's1-p1' }] }])) as { terms: { occurrences: unknown }[] };
    expect(withOcc.terms[0]!.occurrences).toEqual([{ reply: 'r', page: 's1', block: 's1-p1' }]);
  });

  it('lists admitted English alternatives apart from the literal gloss, the Chinese explanation and the example', () => {
    type JsonTerm = { id: string; enAliases: string[]; literal: string | null; explanationZh: string | null; explanationZhHant: string | null; example: unknown };
    const data = JSON.parse(glossaryJson(withExamples.map((t) => (t.id === 'shuang-chuang' ? { ...t, explanationZh: undefined } : t)))) as { terms: JsonTerm[] };
    const byId = new Map(data.terms.map((t) => [t.id, t]));
    const mu = byId.get('mu-jun-lun-ying-xiong')!;
    expect(mu.enAliases).toEqual(admittedEnAliases(muJun));
    expect(mu.enAliases).not.toContain('heroes judged by output per mu');
    expect(mu.literal).toBe('heroes judged by output per mu');
    expect(mu.explanationZh).toBe(muJun.explanationZh);
    expect(mu.explanationZhHant).toBe(toTraditional(muJun.explanationZh!));
    expect(mu.example).toEqual({ reply: 'r', page: 's1', block: 's1-p2-pt3', zh: translatedExample.zh, zhHant: translatedExample.hant, en: translatedExample.en });
    expect(byId.get('zhuan-jing-te-xin')!.example).toMatchObject({ zh: untranslatedExample.zh, en: null });
    expect([byId.get('shuang-chuang')!.explanationZh, byId.get('shuang-chuang')!.explanationZhHant, byId.get('shuang-chuang')!.example]).toEqual([null, null, null]);
  });
});

describe('figuresCsv', () => {
  const content = loadContent(join(ROOT, 'content'), ROOT);
  const figures = content.replies.flatMap((r) => extractFigures(r.doc, attachTranslation(r.doc, r.translation)));
  const col = (name: (typeof FIGURES_CSV_COLUMNS)[number]) => FIGURES_CSV_COLUMNS.indexOf(name);

  it('has a header row and one row per figure, with qualifier, status, period and indicator columns', () => {
    expect(figures.length).toBeGreaterThan(0);
    const rows = parseCsv(figuresCsv(figures.map((f) => ({ ...f, url: `/en/replies/${f.reply}/#${f.block}` }))));
    expect(rows[0]).toEqual([...FIGURES_CSV_COLUMNS]);
    expect(rows[0]).toEqual(['reply', 'block', 'kind', 'indicator_zh', 'indicator_en', 'qualifier', 'value', 'unit', 'status', 'period', 'period_from', 'zh', 'context_zh', 'label_en', 'also_in', 'url']);
    expect(rows).toHaveLength(figures.length + 1);
    for (const [i, f] of figures.entries()) {
      const row = rows[i + 1]!;
      expect(row).toHaveLength(FIGURES_CSV_COLUMNS.length);
      expect(Number(row[col('value')])).toBe(Number(f.value.toPrecision(12)));
      expect(row[col('context_zh')]).toBe(f.contextZh);
      expect(row[col('label_en')]).toBe(f.labelEn ?? '');
      expect(row[col('url')]).toBe(`/en/replies/${f.reply}/#${f.block}`);
      expect(row[col('qualifier')]).toMatch(/^(none|more-than|nearly|at-least|about|at-most)$/);
      expect(row[col('status')]).toMatch(/^(result|target)$/);
      expect(row[col('period')]).toMatch(/^\d{4}(-\d{4})?$/);
      expect(row[col('indicator_zh')]).not.toBe('');
      expect(row[col('also_in')]).toBe((f.alsoIn ?? []).join('; '));
    }
  });

  it('keeps the qualifier of a hedged figure beside its number (1100余个 is more than 1100, 近400万吨 nearly 4 million)', () => {
    const rows = parseCsv(figuresCsv(figures)).slice(1);
    const byZh = (zh: string) => rows.find((r) => r[col('zh')] === zh)!;
    expect(byZh('1100余个')[col('qualifier')]).toBe('more-than');
    expect(byZh('近400万吨')[col('qualifier')]).toBe('nearly');
    expect(byZh('近400万吨')[col('value')]).toBe('4000000');
    expect(byZh('不低于150家')[col('qualifier')]).toBe('at-least');
    expect(byZh('不低于150家')[col('status')]).toBe('target');
  });

  it('writes values as plain digits, without exponents or float noise', () => {
    const base = figures[0]!;
    const rows = parseCsv(figuresCsv([{ ...base, value: 192800000000 }, { ...base, value: 0.1 + 0.2 }]));
    expect(rows[1]![col('value')]).toBe('192800000000');
    expect(rows[2]![col('value')]).toBe('0.3');
  });

  it('matches the JSON export figure for figure, with the same fields', () => {
    const data = JSON.parse(figuresJson(figures)) as { figures: { block: string; value: number; qualifier: string; status: string; indicatorZh: string; period: string; alsoIn: string[] }[] };
    expect(data.figures).toHaveLength(figures.length);
    expect(data.figures.map((f) => f.block)).toEqual(figures.map((f) => f.block));
    expect(data.figures.map((f) => [f.qualifier, f.status, f.indicatorZh, f.period])).toEqual(figures.map((f) => [f.qualifier, f.status, f.indicatorZh, f.period]));
    expect(data.figures.map((f) => f.alsoIn)).toEqual(figures.map((f) => f.alsoIn ?? []));
  });
});
