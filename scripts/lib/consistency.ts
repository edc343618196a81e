/**
 * Consistency checks across the blocks of one translated reply, the errors a
 * block-by-block QA misses: one Chinese name (company, place, programme,
 * document title) written two ways in English, and a glossary term that the
 * translation renders only by its literal gloss (neither its headline nor an admitted alias). Pure functions over the document, its
 * translation file and the glossary; findings carry their fix like the rest of
 * the QA (qa.ts calls this at the end of checkTranslation).
 *
 * Names are found three ways, none of which needs a list kept by hand:
 * - renderings a translator declares in a block's note as `中文 → English` or
 *   `中文 (is) rendered “English”`: every block whose Chinese contains the name
 *   must then contain that English;
 * - names rendered in pinyin (芯证 → Xinzheng, 郑好有 → Zhenghaoyou): a run of
 *   capitalised English words whose letters spell the toneless pinyin of a
 *   Chinese phrase of the same block; every other block with that phrase must
 *   write it the same way;
 * - document titles in 《》 and quoted phrases that are not glossary terms: the
 *   blocks that contain one must share a quoted English rendering.
 */
import { pinyin } from 'pinyin-pro';
import type { ReplyDocument } from './model.ts';
import type { TranslationFile } from './schemas.ts';
import { admittedEnAliases, isLiteralGloss, type Glossary } from './glossary.ts';
import { termMatcher, termsIn } from './annotate.ts';
import type { Finding } from './qa.ts';

type Add = (kind: Finding['kind'], block: string, message: string, hint: string) => void;

interface TranslatedBlock {
  id: string;
  zh: string;
  en: string;
  note?: string;
}

const norm = (s: string) => s.toLowerCase().replace(/[\u2010-\u2015-]/g, ' ').replace(/[’']/g, "'").replace(/[“”"‘]/g, '').replace(/\s+/g, ' ').trim();
const HAN = /\p{Script=Han}/u;
/** Crude plural folding, so a headline in the singular matches the plural in a sentence (green factory ~ green factories). */
const fold = (s: string) => norm(s).replace(/ies\b/g, 'y').replace(/(?<=[a-z]{2})s\b/g, '');

/** Runs every consistency check over one reply's translation. */
export function checkConsistency(doc: ReplyDocument, tr: TranslationFile | undefined, glossary: Glossary | undefined, add: Add): void {
  const blocks: TranslatedBlock[] = [];
  for (const b of doc.blocks) {
    const entry = tr?.blocks[b.id];
    if (entry) blocks.push({ id: b.id, zh: b.zh, en: entry.text, note: entry.note });
  }
  checkDeclaredNames(blocks, add);
  checkPinyinNames(blocks, add);
  checkQuotedNames(blocks, glossary, add);
  if (glossary) checkGlossaryHeadlines(blocks, glossary, add);
}

/** Renderings declared in translator's notes: `合晶 → Wafer Works`, `黎明重工 rendered “Liming Heavy Industry”`. */
export function declaredRenderings(note: string): { zh: string; en: string }[] {
  const found: { zh: string; en: string }[] = [];
  const name = String.raw`[A-Z0-9][\w'’&-]*(?:\s+(?:(?:of|and|for|the|&)\s+)?[A-Z0-9][\w'’&-]*)*`;
  const arrow = new RegExp(String.raw`(\p{Script=Han}[\p{Script=Han}·]*)\s*→\s*[“"]?(${name})`, 'gu');
  const rendered = /(\p{Script=Han}[\p{Script=Han}·]*)\s+(?:is\s+|are\s+)?rendered(?:\s+[a-z]+){0,3}\s+[“"]([^”"]+)[”"]/gu;
  for (const m of note.matchAll(arrow)) found.push({ zh: m[1]!, en: m[2]! });
  for (const m of note.matchAll(rendered)) found.push({ zh: m[1]!, en: m[2]!.trim() });
  return found.filter((d) => d.en.length > 1 && !HAN.test(d.en));
}

function checkDeclaredNames(blocks: TranslatedBlock[], add: Add): void {
  const declared = new Map<string, { en: string; block: string }>();
  for (const b of blocks) {
    for (const d of declaredRenderings(b.note ?? '')) if (!declared.has(d.zh)) declared.set(d.zh, { en: d.en, block: b.id });
  }
  for (const [zh, { en, block: where }] of declared) {
    for (const b of blocks) {
      if (b.id === where || !b.zh.includes(zh) || norm(b.en).includes(norm(en))) continue;
      add('name-inconsistent', b.id, `${zh} is “${en}” in the note of ${where}, but this block's English does not write “${en}”`, `write “${en}” here, or change the rendering in both blocks and the note of ${where}`);
    }
  }
}

/** The capitalised word runs of English text, each sub-run (up to 4 words) keyed by its lower-case letters: "Zheng Hao You" → zhenghaoyou. */
export function capitalisedKeys(en: string): Map<string, string> {
  const keys = new Map<string, string>();
  const runs = en.match(/\b[A-Z][a-z]+(?:[ -][A-Z][a-z]+)*\b/g) ?? [];
  for (const run of runs) {
    const words = [...run.matchAll(/[A-Z][a-z]+/g)];
    for (let i = 0; i < words.length; i++) {
      for (let j = i; j < Math.min(words.length, i + 4); j++) {
        const surface = run.slice(words[i]!.index, words[j]!.index + words[j]![0].length);
        const key = surface.toLowerCase().replace(/[^a-z]/g, '');
        if (key.length >= 5 && !keys.has(key)) keys.set(key, surface);
      }
    }
  }
  return keys;
}

/** Chinese phrases of 2–6 characters whose toneless pinyin is spelled by capitalised English words of the same block, with that English. */
export function pinyinNames(zh: string, en: string): Map<string, string> {
  const keys = capitalisedKeys(en);
  const names = new Map<string, string>();
  if (keys.size === 0) return names;
  // Plain toneless syllables, one per character ('array' is about 7× faster than 'all', which also splits
  // initials and finals): a character has a reading when pinyin-pro gives it one different from itself.
  const origin = Array.from(zh);
  const syllables = pinyin(zh, { type: 'array', toneType: 'none' });
  const isZh = (k: number) => syllables[k] !== origin[k] && /\p{Script=Han}/u.test(origin[k]!);
  for (let i = 0; i < origin.length; i++) {
    let key = '';
    for (let j = i; j < Math.min(origin.length, i + 6); j++) {
      if (!isZh(j)) break;
      key += syllables[j]!.replace(/ü/g, 'u');
      const surface = keys.get(key);
      if (j > i && surface) names.set(origin.slice(i, j + 1).join(''), surface);
    }
  }
  return names;
}

function checkPinyinNames(blocks: TranslatedBlock[], add: Add): void {
  const seen = new Map<string, { surface: string; block: string }>();
  const perBlock = new Map(blocks.map((b) => [b.id, pinyinNames(b.zh, b.en)]));
  for (const b of blocks) for (const [zh, surface] of perBlock.get(b.id)!) if (!seen.has(zh)) seen.set(zh, { surface, block: b.id });
  // Longest names first; a shorter name inside a span already reported in a block (郑好 in 郑好有) adds nothing.
  const names = [...seen].sort((x, y) => y[0].length - x[0].length);
  for (const b of blocks) {
    const reported: [number, number][] = [];
    for (const [zh, first] of names) {
      if (b.id === first.block || !b.zh.includes(zh)) continue;
      const here = perBlock.get(b.id)!.get(zh);
      if (here === first.surface) continue;
      const at = [...b.zh.matchAll(new RegExp(zh, 'g'))].map((m) => m.index);
      if (at.every((i) => reported.some(([s, e]) => i >= s && i + zh.length <= e))) continue;
      for (const i of at) reported.push([i, i + zh.length]);
      if (here) add('name-inconsistent', b.id, `${zh} is written “${here}” here but “${first.surface}” in ${first.block}`, `spell the name one way in every block (“${first.surface}” or “${here}”)`);
      else add('name-inconsistent', b.id, `${zh} is “${first.surface}” in ${first.block}, but this block's English does not name it “${first.surface}”`, `use one English name for ${zh} in every block, and say in a note if it is a subsidiary or a trade name`);
    }
  }
}

/** The quoted phrases of English text, keyed by their normalised form (the value is the phrase as written). */
const quotedEnglish = (en: string) => new Map([...en.matchAll(/[“"]([^”"]+)[”"]/g)].map((m) => [norm(m[1]!).replace(/[.,;:]$/, ''), m[1]!] as const));

function checkQuotedNames(blocks: TranslatedBlock[], glossary: Glossary | undefined, add: Add): void {
  const terms = new Set(glossary?.terms.flatMap((t) => [t.zh, ...t.aliases]));
  const groups = new Map<string, TranslatedBlock[]>();
  for (const b of blocks) {
    const names = new Set([...b.zh.matchAll(/《([^》]+)》/g)].map((m) => `《${m[1]}》`));
    for (const m of b.zh.matchAll(/“([^”]+)”/g)) if (!terms.has(m[1]!)) names.add(`“${m[1]}”`);
    for (const name of names) groups.set(name, [...(groups.get(name) ?? []), b]);
  }
  for (const [name, group] of groups) {
    if (group.length < 2) continue;
    const sets = group.map((b) => quotedEnglish(b.en));
    // A quoted phrase may be translated without quotes; a title never is.
    if (name.startsWith('“') && sets.some((m) => m.size === 0)) continue;
    const common = sets.slice(1).reduce((acc, m) => acc.filter((k) => m.has(k)), [...sets[0]!.keys()]);
    if (common.length > 0) continue;
    const quoted = (i: number) => [...sets[i]!.values()].map((q) => `“${q}”`).join(' ') || 'nothing quoted';
    add('name-inconsistent', group.map((b) => b.id).join(', '), `${name} has no English rendering in common between these blocks (${group.map((b, i) => `${b.id}: ${quoted(i)}`).join('; ')})`, `quote the same English ${name.startsWith('《') ? 'title' : 'phrase'} in every block that names it`);
  }
}

/**
 * A glossary term the reply's translation never renders by an admitted English form. The headline and every
 * `enAliases` entry but the literal gloss are admitted: a translation that writes only an alias ("SRDI") is
 * fine, one that writes only the literal gloss ("heroes judged by output per mu") is a finding. The block check
 * ('glossary' in qa.ts) accepts any `enAliases` entry, so this reports only what it lets through: a literal gloss
 * listed there. A block that writes no form at all is already reported by the block check, and not again here.
 */
function checkGlossaryHeadlines(blocks: TranslatedBlock[], glossary: Glossary, add: Add): void {
  const matcher = termMatcher(glossary.terms, 'zh-Hans');
  const used = new Map<string, { admitted: boolean; literal: string[] }>();
  for (const b of blocks) {
    const text = fold(b.en);
    for (const id of termsIn(b.zh, matcher)) {
      const term = glossary.terms.find((t) => t.id === id)!;
      const u = used.get(id) ?? { admitted: false, literal: [] as string[] };
      used.set(id, u);
      if ([term.en, ...admittedEnAliases(term)].some((form) => text.includes(fold(form)))) u.admitted = true;
      else if (term.literal && term.enAliases.some((a) => isLiteralGloss(term, a)) && text.includes(fold(term.literal))) u.literal.push(b.id);
    }
  }
  for (const [id, u] of used) {
    if (u.admitted || u.literal.length === 0) continue;
    const term = glossary.terms.find((t) => t.id === id)!;
    const admitted = admittedEnAliases(term);
    add('glossary-headline', u.literal.join(', '), `the translation renders ${term.zh} only by its literal gloss "${term.literal}", never by the headline "${term.en}"${admitted.length ? ' or an admitted alias' : ''}`, `write "${term.en}"${admitted.length ? ` or one of: ${admitted.join('; ')}` : ''} (a literal gloss explains a term, it does not translate it), or change the term in content/glossary.yaml`);
  }
}
