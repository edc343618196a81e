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
  const data = validate(glossarySchema, parseYaml(text, file), file, 'glossary');
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
