/**
 * The downloadable data: the glossary as JSON, CSV and TBX, and the key
 * figures as JSON and CSV. Pure formatting; the Astro endpoints in
 * src/pages/data/ serve the results, so the files exist in every build.
 * Output is deterministic (no timestamps), so a rebuild without content
 * changes gives the same bytes.
 */
import { admittedEnAliases, explanationIn, type GlossaryTerm, type TermExample } from './glossary.ts';
import type { Figure } from './figures.ts';

/** Where a term occurs, as far as the exports need it (the site data has more). */
export interface OccurrenceRef {
  slug: string;
  page: string;
  block: string;
}

/** A glossary term as the exports take it: the loaded term, with its occurrences and example sentence when the pipeline has found them. */
export type ExportTerm = GlossaryTerm & { occurrences?: OccurrenceRef[]; example?: TermExample };

/** A figure as the exports take it: with the site path of its source block when the caller knows it. */
export type ExportFigure = Figure & { url?: string };

/** The separator of list values inside one CSV field (aliases, English alternatives). */
export const LIST_SEPARATOR = '; ';

/** Quotes one CSV field per RFC 4180: fields with a comma, quote, CR or LF are enclosed in quotes, quotes doubled. */
export function csvField(value: string | number | boolean | undefined | null): string {
  const text = value === undefined || value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Excel reads a CSV file as the system's legacy code page unless it starts with a UTF-8 byte-order mark; with it, the Chinese opens correctly on a double-click. */
export const CSV_BOM = '\uFEFF';

/** Writes a CSV document per RFC 4180 (header row, CRLF after every record including the last), UTF-8 with a byte-order mark. */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | boolean | undefined | null)[])[]): string {
  return CSV_BOM + [header, ...rows].map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}

/**
 * The columns of glossary.csv, in order: a public contract for spreadsheet users. `en_aliases` holds the admitted
 * alternatives only, `en_literal` the literal gloss (for understanding, never to translate with); `explanation_zh` is
 * empty while the Chinese explanation is pending; `example_*` is one sentence of the replies using the term, the
 * English empty while its block is untranslated.
 */
export const GLOSSARY_CSV_COLUMNS = ['id', 'zh', 'zh_hant', 'pinyin', 'pinyin_plain', 'en', 'en_aliases', 'en_literal', 'aliases', 'category', 'official', 'confidence', 'explanation', 'explanation_zh', 'explanation_zh_hant', 'example_zh', 'example_zh_hant', 'example_en', 'example_reply', 'example_block', 'sources'] as const;

/** The glossary as CSV, for translators working in a spreadsheet: one row per term, list fields joined with "; ". */
export function glossaryCsv(terms: readonly ExportTerm[]): string {
  return toCsv(
    GLOSSARY_CSV_COLUMNS,
    terms.map((t) => [
      t.id, t.zh, t.hant, t.pinyin, t.pinyinPlain, t.en, admittedEnAliases(t).join(LIST_SEPARATOR), t.literal, t.aliases.join(LIST_SEPARATOR), t.category, t.official ? 'true' : 'false', t.confidence,
      t.explanation, explanationIn(t, 'zh-hans'), explanationIn(t, 'zh-hant'), t.example?.zh, t.example?.hant, t.example?.en, t.example?.slug, t.example?.block, t.sources,
    ]),
  );
}

/**
 * JSON with one record per line: as readable and line-diffable as indented JSON, without its indentation, which made
 * figures.json a fifth larger (17.6 MB instead of 14.1 MB at 500 replies). `data` is an object whose last key holds the records.
 */
export function recordsJson(data: Record<string, unknown>): string {
  const entries = Object.entries(data);
  const [key, records] = entries.pop()! as [string, unknown[]];
  const head = entries.map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)},\n`).join('');
  return `{\n${head}${JSON.stringify(key)}: [${records.length ? `\n${records.map((r) => JSON.stringify(r)).join(',\n')}\n` : ''}]\n}\n`;
}

/** The site's English name in the exports' descriptions (from content/site.yaml); a neutral name where the caller gives none. */
const DEFAULT_SITE_NAME = 'Policy Replies';

/** The glossary as JSON: every field a reuser needs, in a fixed key order, with occurrences as block references. */
export function glossaryJson(terms: readonly ExportTerm[], siteName = DEFAULT_SITE_NAME): string {
  const data = {
    description: `Glossary of Chinese policy terms with English renderings (${siteName}). "official": true means an established English rendering was found; false means the rendering is our own. "enAliases" are admitted alternatives; "literal" is a literal gloss, for understanding only, not a translation to use. "explanationZh" is null while the Chinese explanation is pending. "example" is one sentence of the replies using the term, in Chinese and in English ("en" null while that block is untranslated).`,
    terms: terms.map((t) => ({
      id: t.id,
      zh: t.zh,
      zhHant: t.hant,
      pinyin: t.pinyin,
      pinyinPlain: t.pinyinPlain,
      en: t.en,
      enAliases: admittedEnAliases(t),
      aliases: t.aliases,
      aliasesHant: t.aliasesHant,
      literal: t.literal ?? null,
      category: t.category,
      official: t.official,
      confidence: t.confidence,
      explanation: t.explanation,
      explanationZh: explanationIn(t, 'zh-hans'),
      explanationZhHant: explanationIn(t, 'zh-hant'),
      example: t.example ? { reply: t.example.slug, page: t.example.page, block: t.example.block, zh: t.example.zh, zhHant: t.example.hant, en: t.example.en } : null,
      sources: t.sources,
      ...(t.occurrences ? { occurrences: t.occurrences.map((o) => ({ reply: o.slug, page: o.page, block: o.block })) } : {}),
    })),
  };
  return recordsJson(data);
}

/** Escapes text for XML content and attribute values, dropping characters XML 1.0 forbids. */
export function xmlEscape(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** The namespace of TBX v3 (ISO 30042:2019). */
export const TBX_NAMESPACE = 'urn:iso:std:iso:30042:ed-2';

/** A conceptEntry id for a term id: term ids may start with a digit, XML ids may not. */
export const conceptId = (termId: string) => (/^[A-Za-z_]/.test(termId) ? termId : `term-${termId}`);

/** Options of the TBX export. */
export interface TbxOptions {
  /** Human-readable names of the categories (subjectField); the category id is used when a name is missing. */
  categoryNames?: Record<string, string>;
  /** The text of the header's sourceDesc. */
  source?: string;
  /** The site's English name, named in the default sourceDesc. */
  siteName?: string;
}

/**
 * The glossary as TBX v3 (ISO 30042:2019), TBX-Basic dialect, DCA style: for CAT tools and termbases. Each language
 * section has the definition in its language (zh-Hant converted; none while the Chinese is pending). The English
 * rendering is the preferred term, other renderings admitted terms; a literal gloss is never admitted (deprecated,
 * noted). The example sentence is a context (`descrip type="context"`, with its source) of the term it uses, in each
 * language; the English one only when its block is translated.
 */
export function glossaryTbx(terms: readonly ExportTerm[], options: TbxOptions = {}): string {
  const x = xmlEscape;
  const source = options.source ?? `Glossary of Chinese policy terms with English renderings, from ${options.siteName ?? DEFAULT_SITE_NAME} (Chinese government replies to proposals and suggestions). Simplified and Traditional Chinese, English.`;
  const termSec = (indent: string, term: string, status: 'preferredTerm-admn-sts' | 'admittedTerm-admn-sts' | 'deprecatedTerm-admn-sts', extra: string[] = []) =>
    [`${indent}<termSec>`, `${indent}  <term>${x(term)}</term>`, `${indent}  <termNote type="administrativeStatus">${status}</termNote>`, ...extra.map((e) => `${indent}  ${e}`), `${indent}</termSec>`];
  const unique = (forms: string[]) => [...new Set(forms.filter((f) => f.trim() !== ''))];
  // A literal gloss listed among the English forms is for understanding only: deprecated, with a note, so a CAT tool never proposes it.
  const LITERAL_NOTE = '<note>Literal gloss, for understanding only: not a translation to use.</note>';
  /** The example sentence as a context of the term it uses, with the reply and block it comes from. */
  const context = (sentence: string, ex: TermExample) => [
    '<descripGrp>',
    `  <descrip type="context">${x(sentence)}</descrip>`,
    `  <admin type="source">${x(`Reply ${ex.slug}, block ${ex.block}`)}</admin>`,
    '</descripGrp>',
  ];
  /** One language section: head lines (definition, notes), the main term and its alternatives; `example` goes to the termSec of the form it uses (else the main term). */
  const langSec = (lang: string, main: string, aliases: string[], mainExtra: string[] = [], head: string[] = [], literal?: string, example?: { sentence: string; form: string; ex: TermExample }) => {
    const alts = unique(aliases).filter((a) => a !== main);
    const isLiteral = (a: string) => literal !== undefined && a.trim().toLowerCase() === literal.trim().toLowerCase();
    // The form as the sentence writes it may differ from the entry in case, dashes and quotes (the “1 11 5” system).
    const key = (f: string) => f.toLowerCase().replace(/[“”"‘’']/g, '').replace(/[\u2010-\u2015]/g, '-').replace(/\s+/g, ' ').trim();
    const holder = example ? ([main, ...alts].find((f) => key(f) === key(example.form)) ?? main) : undefined;
    const withContext = (form: string, extra: string[]) => (example && form === holder ? [...extra, ...context(example.sentence, example.ex)] : extra);
    return [
      `      <langSec xml:lang="${lang}">`,
      ...head.map((h) => `        ${h}`),
      ...termSec('        ', main, 'preferredTerm-admn-sts', withContext(main, mainExtra)),
      ...alts.flatMap((a) => (isLiteral(a) ? termSec('        ', a, 'deprecatedTerm-admn-sts', withContext(a, [LITERAL_NOTE])) : termSec('        ', a, 'admittedTerm-admn-sts', withContext(a, [])))),
      '      </langSec>',
    ];
  };
  const definition = (text: string | null) => (text ? [`<descrip type="definition">${x(text)}</descrip>`] : []);
  const entries = terms.flatMap((t) => {
    const notes = [t.literal ? `<note>Literally: ${x(t.literal)}</note>` : ''].filter(Boolean);
    const ex = t.example;
    return [
      `    <conceptEntry id="${x(conceptId(t.id))}">`,
      `      <descrip type="subjectField">${x(options.categoryNames?.[t.category] ?? t.category)}</descrip>`,
      ...langSec('zh-Hans', t.zh, t.aliases, [`<note>Pinyin: ${x(t.pinyin)}</note>`], definition(explanationIn(t, 'zh-hans')), undefined, ex && { sentence: ex.zh, form: ex.zhForm, ex }),
      ...langSec('zh-Hant', t.hant, t.aliasesHant, [], definition(explanationIn(t, 'zh-hant')), undefined, ex && { sentence: ex.hant, form: ex.hantForm, ex }),
      ...langSec(
        'en',
        t.en,
        t.enAliases,
        [`<admin type="source">${x(t.sources)}</admin>`, `<note>${t.official ? 'Established English rendering' : 'Our rendering (no established English found)'}; confidence: ${x(t.confidence)}.</note>`],
        [...definition(t.explanation), ...notes],
        t.literal,
        ex?.en ? { sentence: ex.en, form: ex.enForm, ex } : undefined,
      ),
      '    </conceptEntry>',
    ];
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<tbx style="dca" type="TBX-Basic" xml:lang="en" xmlns="${TBX_NAMESPACE}">`,
    '  <tbxHeader>',
    '    <fileDesc>',
    '      <sourceDesc>',
    `        <p>${x(source)}</p>`,
    '      </sourceDesc>',
    '    </fileDesc>',
    '  </tbxHeader>',
    '  <text>',
    '    <body>',
    ...entries.map((line) => `  ${line}`),
    '    </body>',
    '  </text>',
    '</tbx>',
    '',
  ].join('\n');
}

/** The columns of figures.csv, in order: a public contract for analysts. Read `value` with `qualifier` (more-than 1100 is 1100余, not 1100) and `status` (a target is not a result). */
export const FIGURES_CSV_COLUMNS = ['reply', 'block', 'kind', 'indicator_zh', 'indicator_en', 'qualifier', 'value', 'unit', 'status', 'period', 'period_from', 'zh', 'context_zh', 'label_en', 'also_in', 'url'] as const;

/** A value as plain digits (no exponent, no float noise such as 0.30000000000000004). */
export function plainNumber(value: number): string {
  const rounded = Number(value.toPrecision(12));
  if (Number.isInteger(rounded) && Math.abs(rounded) >= 1e21) return BigInt(rounded).toString();
  return Math.abs(rounded) < 1e-6 && rounded !== 0 ? rounded.toFixed(12).replace(/0+$/, '') : String(rounded);
}

/** The key figures as CSV: one row per figure, `url` the site path of the source block's anchor, `also_in` the other blocks that state it, joined with "; ". */
export function figuresCsv(figures: readonly ExportFigure[]): string {
  return toCsv(
    FIGURES_CSV_COLUMNS,
    figures.map((f) => [f.reply, f.block, f.kind, f.indicatorZh, f.indicatorEn, f.qualifier, plainNumber(f.value), f.unit, f.status, f.period, f.periodFrom, f.zh, f.contextZh, f.labelEn, (f.alsoIn ?? []).join(LIST_SEPARATOR), f.url]),
  );
}

/** The key figures as JSON, with the site path of each figure's source block. */
export function figuresJson(figures: readonly ExportFigure[], siteName = DEFAULT_SITE_NAME): string {
  const data = {
    description:
      `Figures stated in the replies (${siteName}). Read each value with its qualifier (more-than, nearly, at-least, about, at-most or none: "1100余个" is more-than 1100) and its status (result or target). Values are in base units (yuan, not billion yuan). period is the year or years the statement is about; periodFrom says whether the block states it (text), its section does (section) or it is the year of the reply (reply). indicatorZh and indicatorEn name what is counted; labelEn is the clause of the English translation that states the number.`,
    figures: figures.map((f) => ({
      reply: f.reply,
      block: f.block,
      kind: f.kind,
      indicatorZh: f.indicatorZh,
      indicatorEn: f.indicatorEn ?? null,
      qualifier: f.qualifier,
      value: Number(plainNumber(f.value)),
      unit: f.unit,
      status: f.status,
      period: f.period ?? null,
      periodFrom: f.periodFrom ?? null,
      zh: f.zh,
      contextZh: f.contextZh,
      labelEn: f.labelEn ?? null,
      alsoIn: f.alsoIn ?? [],
      url: f.url ?? null,
    })),
  };
  return recordsJson(data);
}
