/**
 * Stage 3: finds glossary terms in text (Simplified, Traditional or English),
 * longest match first, so they can be linked without changing the text.
 */
import type { GlossaryTerm } from './glossary.ts';

/** A run of text: plain, or an occurrence of a glossary term. */
export interface Segment {
  text: string;
  term?: string;
}

/** The surface forms to look for, per script, mapped to the term id. */
export interface TermMatcher {
  forms: Map<string, string>;
  /** Forms by their first character, longest first. */
  byFirst: Map<string, string[]>;
  caseInsensitive: boolean;
}

/** Builds a matcher for one script: 'zh-Hans' (term + aliases), 'zh-Hant' (their Traditional forms) or 'en' (renderings). */
export function termMatcher(terms: GlossaryTerm[], script: 'zh-Hans' | 'zh-Hant' | 'en'): TermMatcher {
  const forms = new Map<string, string>();
  for (const t of terms) {
    const list = script === 'zh-Hans' ? [t.zh, ...t.aliases] : script === 'zh-Hant' ? [t.hant, ...t.aliasesHant] : [t.en, ...t.enAliases];
    for (const f of list) {
      const key = script === 'en' ? f.toLowerCase() : f;
      if (!forms.has(key)) forms.set(key, t.id);
    }
  }
  const byFirst = new Map<string, string[]>();
  for (const form of forms.keys()) {
    const first = form[0]!;
    byFirst.set(first, [...(byFirst.get(first) ?? []), form]);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.length - a.length);
  return { forms, byFirst, caseInsensitive: script === 'en' };
}

/** Lower-cases character by character, leaving any character whose lower case is longer (İ) as it is, so positions stay valid. */
function lowerKeepingLength(text: string): string {
  let out = '';
  for (const c of text) {
    const lower = c.toLowerCase();
    out += lower.length === c.length ? lower : c;
  }
  return out;
}

const isWordChar = (c: string | undefined) => c !== undefined && /[A-Za-z0-9]/.test(c);

/** Splits text into segments at glossary terms; longest match wins, matches never overlap, and the text is unchanged when joined. */
export function annotate(text: string, matcher: TermMatcher): Segment[] {
  const haystack = matcher.caseInsensitive ? lowerKeepingLength(text) : text;
  const segments: Segment[] = [];
  let plainStart = 0;
  let i = 0;
  while (i < haystack.length) {
    const candidates = matcher.byFirst.get(haystack[i]!);
    const hit = candidates?.find((form) => haystack.startsWith(form, i) && (!matcher.caseInsensitive || (!isWordChar(haystack[i - 1]) && !isWordChar(haystack[i + form.length]))));
    if (!hit) {
      i++;
      continue;
    }
    if (i > plainStart) segments.push({ text: text.slice(plainStart, i) });
    segments.push({ text: text.slice(i, i + hit.length), term: matcher.forms.get(hit)! });
    i += hit.length;
    plainStart = i;
  }
  if (plainStart < text.length) segments.push({ text: text.slice(plainStart) });
  return segments;
}

/** The ids of the glossary terms a text mentions, in order of first occurrence. */
export function termsIn(text: string, matcher: TermMatcher): string[] {
  return [...new Set(annotate(text, matcher).flatMap((s) => (s.term ? [s.term] : [])))];
}
