/**
 * The glossary: loaded from content/glossary.yaml, validated, and completed
 * with generated pinyin and Traditional forms. Duplicate terms or aliases are
 * content errors naming both entries.
 */
import { pinyin } from 'pinyin-pro';
import { ContentError } from './errors.ts';
import { glossarySchema, validate, type GlossaryTermInput } from './schemas.ts';
import { toTraditional } from './hant.ts';
import { parseYaml } from './yaml-file.ts';
import { firstSentence } from './sentences.ts';
import type { Finding } from './qa.ts';

/** A glossary term with everything the site and search need. */
export interface GlossaryTerm extends GlossaryTermInput {
  /** Pinyin with tone marks, syllables separated by spaces. */
  pinyin: string;
  /** Toneless pinyin without spaces, as typed in a search box (zhuanjingtexin). */
  pinyinPlain: string;
  hant: string;
  aliasesHant: string[];
}

/** The validated glossary, ready for annotation, pages and exports. */
export interface Glossary {
  terms: GlossaryTerm[];
  exclusions: { phrase: string; reason: string }[];
}

/** Parses and validates glossary YAML text; `file` is named in every error. */
export function loadGlossary(text: string, file: string): Glossary {
  const raw = parseYaml(text, file);
  const data = withTermId(raw, () => validate(glossarySchema, raw, file, 'glossary'));
  const owner = new Map<string, string>();
  const claim = (form: string, by: string, what: string) => {
    const previous = owner.get(form);
    if (previous) {
      throw new ContentError({ file, block: by }, `${what} "${form}" is already used by term "${previous}"`, 'keep each term, alias and exclusion once: merge the two entries or delete one');
    }
    owner.set(form, by);
  };
  const ids = new Set<string>();
  for (const term of data.terms) {
    if (ids.has(term.id)) throw new ContentError({ file, block: term.id }, `the id "${term.id}" is used by two terms`, 'give each term its own id');
    ids.add(term.id);
    claim(term.zh, term.id, 'the term');
    for (const alias of term.aliases) claim(alias, term.id, 'the alias');
  }
  for (const ex of data.exclusions) claim(ex.phrase, `exclusion:${ex.phrase}`, 'the excluded phrase');
  const terms = data.terms.map((term): GlossaryTerm => ({
    ...term,
    pinyin: term.pinyin ?? displayPinyin(term.zh),
    pinyinPlain: term.pinyin ? stripTones(term.pinyin) : plainPinyin(term.zh),
    hant: term.hant ?? toTraditional(term.zh),
    aliasesHant: term.aliases.map(toTraditional),
  }));
  return { terms, exclusions: data.exclusions };
}

/** Toneless pinyin without spaces or punctuation, the form people type: 专精特新 → zhuanjingtexin (ü as v: 绿色 → lvse). */
export function plainPinyin(text: string): string {
  return pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('').replace(/ü/g, 'v').replace(/[^a-z0-9]/gi, '').toLowerCase();
}

/** Toneless, spaceless form of a pinyin string written with tone marks (for overrides): liàn zhǎng zhì → lianzhangzhi. */
export function stripTones(pinyinText: string): string {
  return pinyinText.normalize('NFD').replace(/u\u0308/g, 'v').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]/gi, '').toLowerCase();
}

/** Pinyin with tone marks for display, Chinese punctuation turned into its Latin form: 大走访、大调研 → dà zǒu fǎng, dà diào yán. */
export function displayPinyin(text: string): string {
  return pinyin(text, { toneType: 'symbol', nonZh: 'consecutive' })
    .replace(/\s*[、，,]\s*/g, ', ')
    .replace(/\s*[·•]\s*/g, ' · ')
    .replace(/[“”"]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Runs a schema validation and names the term in a problem under `terms.<n>` (`[terms.3.explanationZh (shuang-chuang)]`), so an editor finds it by its id. */
function withTermId<T>(raw: unknown, run: () => T): T {
  try {
    return run();
  } catch (error) {
    const block = error instanceof ContentError ? error.location.block : undefined;
    const n = block ? /^terms\.(\d+)(\.|$)/.exec(block)?.[1] : undefined;
    const id = n === undefined ? undefined : (raw as { terms?: { id?: unknown }[] } | null)?.terms?.[Number(n)]?.id;
    if (!(error instanceof ContentError) || typeof id !== 'string') throw error;
    throw new ContentError({ ...error.location, block: `${block} (${id})` }, error.message, error.hint, { cause: error });
  }
}

/** The locales a term is explained in. */
export type GlossaryLocale = 'en' | 'zh-hans' | 'zh-hant';

/** The BCP 47 tag of the text of a locale. */
export const glossaryLang = (locale: GlossaryLocale) => (locale === 'en' ? 'en' : locale === 'zh-hant' ? 'zh-Hant' : 'zh-Hans');

/**
 * A term's explanation in a locale's language: the English on English pages, the Chinese on Chinese pages
 * (converted to Traditional on zh-hant). Null while the term has no Chinese explanation: the page then marks
 * it as pending, never shows the English in its place.
 */
export function explanationIn(term: Pick<GlossaryTermInput, 'explanation' | 'explanationZh'>, locale: GlossaryLocale): string | null {
  if (locale === 'en') return term.explanation.trim();
  if (!term.explanationZh) return null;
  return locale === 'zh-hant' ? toTraditional(term.explanationZh) : term.explanationZh;
}

/** A term's one-line definition in a locale (what popovers and search snippets show): the first sentence of its explanation there; null while pending. */
export function definitionIn(term: Pick<GlossaryTermInput, 'explanation' | 'explanationZh'>, locale: GlossaryLocale): string | null {
  const text = explanationIn(term, locale);
  return text === null ? null : firstSentence(text);
}

const sameForm = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** The English renderings a translation may use besides the headline: `enAliases` without the literal gloss (which explains a term, never translates it). */
export function admittedEnAliases(term: Pick<GlossaryTermInput, 'enAliases' | 'literal'>): string[] {
  return term.enAliases.filter((a) => term.literal === undefined || !sameForm(a, term.literal));
}

/** Whether a form is the term's literal gloss. */
export const isLiteralGloss = (term: Pick<GlossaryTermInput, 'literal'>, form: string) => term.literal !== undefined && sameForm(form, term.literal);

/** English text cut into sentences (and at semicolons before a capital or figure), as the English term pages show an occurrence. */
export const englishClauses = (text: string): string[] => text.split(/(?<=[.!?;])\s+(?=["“(]?[A-Z0-9])/);

/** Chinese text cut after 。！？ and semicolons (full- or half-width), closing quotes and brackets kept with their clause. */
export const chineseClauses = (text: string): string[] => (text.match(/[^。！？；;]*(?:[。！？；;]+[”’」』）)]*|$)/gu) ?? []).filter((c) => c.trim() !== '');

/**
 * The sentence of an English text that carries a term's rendering: the first of `forms` (the linked form, the headline,
 * the other renderings) found, case-insensitively, and the clause that holds it; the first clause, unmarked, when none is found.
 */
export function renderingSentence(text: string, forms: readonly (string | undefined)[]): { text: string; form: string } {
  const clauses = englishClauses(text);
  // Case, hyphens and dashes (Zhengzhou-Luoyang ~ Zhengzhou–Luoyang), runs of spaces and quotes between words (the “1 11 5” system) do not matter.
  const pattern = (f: string) => new RegExp(f.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[\u2010-\u2015-]/g, '[\\u2010-\\u2015-]').replace(/\s+/g, '["“”‘’\']?\\s+["“”‘’\']?'), 'i');
  const form = forms.filter((f): f is string => Boolean(f?.trim())).map((f) => pattern(f).exec(text)?.[0]).find((m) => m !== undefined);
  if (!form) return { text: clauses[0]!, form: '' };
  return { text: clauses.find((x) => x.includes(form)) ?? text, form };
}

/** A term's example: the Chinese sentence of a block that uses it (Simplified and Traditional) and the English sentence of the same block that renders it. */
export interface TermExample {
  slug: string;
  /** `index` or the section id of the reply page holding the block. */
  page: string;
  block: string;
  zh: string;
  hant: string;
  /** The term as written in `zh` and in `hant`. */
  zhForm: string;
  hantForm: string;
  /** The English sentence, or null while the block's translation is pending or stale (never the Chinese in its place). */
  en: string | null;
  /** The rendering as written in `en` ('' when the sentence does not contain one). */
  enForm: string;
}

/** The example a block gives of a term: the clause of its Chinese holding the term (same offsets in the Traditional when the conversion kept the length) and the English sentence carrying its rendering. */
export function termExample(
  term: Pick<GlossaryTermInput, 'en' | 'enAliases'>,
  where: { slug: string; page: string; block: string },
  zh: { text: string; form: string },
  hant: { text: string; form: string },
  en: { text: string; linked?: string } | null,
): TermExample {
  const at = Math.max(0, zh.text.indexOf(zh.form));
  let start = 0;
  let sentence = zh.text;
  for (const clause of chineseClauses(zh.text)) {
    if (at < start + clause.length) {
      sentence = clause;
      break;
    }
    start += clause.length;
  }
  const hantSentence = hant.text.length === zh.text.length ? hant.text.slice(start, start + sentence.length) : toTraditional(sentence);
  const english = en ? renderingSentence(en.text, [en.linked, term.en, ...term.enAliases]) : null;
  return { ...where, zh: sentence.trim(), hant: hantSentence.trim(), zhForm: zh.form, hantForm: hant.form, en: english?.text ?? null, enForm: english?.form ?? '' };
}

/** The glossary's own findings for `npm run check`: a term without a Chinese explanation (the Chinese pages mark it as pending). */
export function checkGlossary(glossary: Glossary, file: string): Finding[] {
  return glossary.terms
    .filter((t) => !t.explanationZh)
    .map((t) => ({ kind: 'explanation-missing' as const, file, block: t.id, message: 'no Chinese explanation (the Chinese pages show it as pending)', hint: 'add `explanationZh:` with the explanation in Simplified Chinese, faithful to `explanation`' }));
}

/** Splits a text into plain and marked parts, the first occurrence of `form` marked (the term in an example sentence); one plain part when the form is empty or absent. */
export function markedParts(text: string, form: string): { text: string; mark: boolean }[] {
  const at = form ? text.indexOf(form) : -1;
  if (at < 0) return [{ text, mark: false }];
  return [{ text: text.slice(0, at), mark: false }, { text: form, mark: true }, { text: text.slice(at + form.length), mark: false }].filter((p) => p.text !== '');
}
