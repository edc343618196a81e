/**
 * Translation QA, as professional tools check a bilingual file: missing,
 * orphaned and stale entries, numbers, glossary renderings, leftover Chinese,
 * inconsistent repetitions, names and glossary headlines used consistently
 * across blocks (consistency.ts), and the coverage of quoted phrases by the glossary.
 */
import { isLetterBlock, type ReplyDocument } from './model.ts';
import type { TranslationFile } from './schemas.ts';
import { admittedEnAliases, type Glossary } from './glossary.ts';
import { compareNumbers, chineseNumbers, englishNumbers } from './numbers.ts';
import { termMatcher, termsIn } from './annotate.ts';
import { addresseeHash, sectionHash } from './translations.ts';
import { formatProblem } from './errors.ts';
import { checkConsistency } from './consistency.ts';

/** The kinds of finding, each with its own fix. */
export type FindingKind =
  | 'missing'
  | 'orphaned'
  | 'stale'
  | 'number-missing'
  | 'number-extra'
  | 'glossary'
  | 'leftover-chinese'
  | 'inconsistent'
  | 'summary-stale'
  | 'summary-number'
  | 'summary-length'
  | 'moved'
  | 'unglossed-quote'
  | 'name-inconsistent'
  | 'glossary-headline'
  | 'explanation-missing';

/** One problem, located in a file and block, with how to fix it. */
export interface Finding {
  kind: FindingKind;
  file: string;
  block: string;
  message: string;
  hint: string;
}

/** The Chinese of a block as translated: headings and items are translated without their number label. */
export function translatableZh(block: { kind: string; label?: string; zh: string }): string {
  return block.label && block.kind !== 'point' && block.zh.startsWith(block.label) ? block.zh.slice(block.label.length) : block.zh;
}

const HAN_RUN = /\p{Script=Han}[\p{Script=Han}·、]*/gu;
const norm = (s: string) => s.toLowerCase().replace(/[\u2010-\u2015-]/g, ' ').replace(/[’']/g, "'").replace(/[“”"‘]/g, '').replace(/\s+/g, ' ');

/** Checks one reply's translation file against its document (and the glossary, when given). */
export function checkTranslation(doc: ReplyDocument, tr: TranslationFile | undefined, file: string, glossary?: Glossary): Finding[] {
  const findings: Finding[] = [];
  const add = (kind: FindingKind, block: string, message: string, hint: string) => findings.push({ kind, file, block, message, hint });
  const entries = tr?.blocks ?? {};
  const ids = new Set(doc.blocks.map((b) => b.id));
  const zhMatcher = glossary ? termMatcher(glossary.terms, 'zh-Hans') : undefined;
  const termById = new Map(glossary?.terms.map((t) => [t.id, t]));
  const quotable = new Set(glossary?.terms.flatMap((t) => [t.zh, ...t.aliases]));

  for (const block of doc.blocks.filter(isLetterBlock)) {
    const entry = entries[block.id];
    if (!entry) {
      add('missing', block.id, 'no English translation', `add \`${block.id}: { source: ${block.hash}, text: … }\` under \`blocks\``);
      continue;
    }
    if (entry.source !== block.hash) {
      add('stale', block.id, `the Chinese changed since this was translated (hash ${entry.source}, now ${block.hash})`, `review the English against the new Chinese, then set \`source: ${block.hash}\``);
    }
    const zh = translatableZh(block);
    const { missing, extra } = compareNumbers(zh, entry.text);
    for (const n of missing) add('number-missing', block.id, `the number ${n.text} (${formatValue(n.value)}) is not in the English`, 'write it in figures with its unit converted (1.6万 → 16,000; 1928亿元 → 192.8 billion yuan)');
    for (const n of extra) add('number-extra', block.id, `the English has the figure "${n.text}", which is not in the Chinese`, 'remove it or correct it to the number the Chinese gives');
    for (const run of entry.text.match(HAN_RUN) ?? []) {
      if (!quotable.has(run)) add('leftover-chinese', block.id, `Chinese characters "${run}" in the English`, 'translate them (only an exact glossary term may be quoted in Chinese)');
    }
    if (zhMatcher) {
      const haystack = norm(entry.text);
      for (const id of termsIn(zh, zhMatcher)) {
        const term = termById.get(id)!;
        if (![term.en, ...term.enAliases].some((r) => haystack.includes(norm(r)))) {
          const admitted = admittedEnAliases(term);
          add('glossary', block.id, `the term ${term.zh} is not rendered as "${term.en}"`, `use the glossary rendering "${term.en}"${admitted.length ? ` or one of: ${admitted.join('; ')}` : ''}, or update content/glossary.yaml`);
        }
      }
    }
  }
  // The addressee, shown in the English metadata table: translated like a block, against the hash of the Chinese addressee.
  const addressee = tr?.meta?.addressee;
  const hash = addresseeHash(doc);
  if (hash && !addressee) {
    add('missing', 'meta.addressee', `no English rendering of the addressee ${doc.meta.addressee}`, `add \`meta: { addressee: { source: ${hash}, text: … } }\` (e.g. "Committee Member Wang Li", as the salutation's English names them)`);
  } else if (hash && addressee) {
    if (addressee.source !== hash) add('stale', 'meta.addressee', `the addressee changed since it was translated (hash ${addressee.source}, now ${hash}: ${doc.meta.addressee})`, `review the English against the new addressee, then set \`source: ${hash}\``);
    for (const run of addressee.text.match(HAN_RUN) ?? []) add('leftover-chinese', 'meta.addressee', `Chinese characters "${run}" in the English`, 'write the name in pinyin and translate the title');
  } else if (addressee) {
    add('orphaned', 'meta.addressee', 'the reply names no addressee (no salutation, no `addressee` in meta.yaml)', 'delete `meta.addressee` from en.yaml, or set `addressee` in meta.yaml');
  }
  for (const id of Object.keys(entries)) {
    if (!ids.has(id)) add('orphaned', id, 'this entry belongs to no block of the reply (the block was removed or renumbered)', 'move the English to the block\'s new id, or delete the entry');
  }
  // The same Chinese translated two ways (Xbench's "inconsistency in target").
  const byZh = new Map<string, string[]>();
  for (const block of doc.blocks) {
    if (!entries[block.id]) continue;
    const zh = translatableZh(block);
    byZh.set(zh, [...(byZh.get(zh) ?? []), block.id]);
  }
  for (const [zh, group] of byZh) {
    const texts = new Set(group.map((id) => entries[id]!.text.trim()));
    if (group.length > 1 && texts.size > 1) add('inconsistent', group.join(', '), `"${zh.slice(0, 20)}…" is translated in ${texts.size} different ways`, 'use one translation for identical Chinese');
  }
  // One name, one rendering: names, titles and glossary headlines across blocks (consistency.ts).
  checkConsistency(doc, tr, glossary, add);
  // Summaries: fresh, and every figure in them stated by the Chinese they summarise.
  for (const [id, s] of Object.entries(tr?.sections ?? {})) {
    const section = doc.sections.find((x) => x.id === id);
    if (!section) {
      add('orphaned', `sections.${id}`, 'summary of a section the reply does not have', 'delete it or rename it to an existing section id');
      continue;
    }
    if (s.source !== sectionHash(doc, id)) add('summary-stale', `sections.${id}`, 'the section changed since it was summarised', `review the summary, then set \`source: ${sectionHash(doc, id)}\``);
    checkSummaryNumbers(s.summary, section.blockIds.map((b) => doc.blocks.find((x) => x.id === b)!.zh).join(''), `sections.${id}`, add);
  }
  if (tr?.executive) {
    if (tr.executive.source !== doc.sourceHash) add('summary-stale', 'executive', 'the reply changed since the executive summary was written', `review it, then set \`source: ${doc.sourceHash}\``);
    checkSummaryNumbers(tr.executive.text, doc.blocks.map((b) => b.zh).join(''), 'executive', add);
    const words = tr.executive.text.trim().split(/\s+/).length;
    if (words > 200) add('summary-length', 'executive', `the executive summary has ${words} words`, 'shorten it to at most 200 words');
  }
  return findings;
}

function checkSummaryNumbers(summary: string, zh: string, where: string, add: (k: FindingKind, b: string, m: string, h: string) => void): void {
  const stated = new Set(chineseNumbers(zh).map((n) => Number(n.value.toPrecision(10))));
  for (const n of englishNumbers(summary).figures) {
    if (!stated.has(Number(n.value.toPrecision(10)))) add('summary-number', where, `the summary states "${n.text}", which the Chinese it summarises does not`, 'cite only figures the reply gives, converted exactly');
  }
}

/** Quoted phrases (“…”) of a reply that the glossary neither defines nor excludes. */
export function checkQuotedPhrases(doc: ReplyDocument, glossary: Glossary, file: string): Finding[] {
  const known = new Set([...glossary.terms.flatMap((t) => [t.zh, ...t.aliases]), ...glossary.exclusions.map((e) => e.phrase)]);
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const block of doc.blocks.filter(isLetterBlock)) {
    for (const m of block.zh.matchAll(/“([^”]+)”/g)) {
      const phrase = m[1]!;
      if (known.has(phrase) || seen.has(phrase)) continue;
      seen.add(phrase);
      findings.push({ kind: 'unglossed-quote', file, block: block.id, message: `the quoted phrase “${phrase}” is neither a glossary term nor excluded`, hint: 'add it to content/glossary.yaml as a term or alias, or under `exclusions` with a reason' });
    }
  }
  return findings;
}

function formatValue(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 4 });
}

/** Prints findings like a linter: grouped by file, one line each, then a count per kind. */
export function formatFindings(findings: Finding[]): string {
  if (findings.length === 0) return '';
  const lines: string[] = [];
  const byFile = Map.groupBy(findings, (f) => f.file);
  for (const [file, list] of byFile) {
    lines.push(file);
    for (const f of list) lines.push(`  ${formatProblem({ file: f.kind, block: f.block }, f.message, f.hint)}`);
  }
  const counts = Map.groupBy(findings, (f) => f.kind);
  lines.push(`${findings.length} finding${findings.length === 1 ? '' : 's'}: ${[...counts].map(([k, v]) => `${v.length} ${k}`).join(', ')}`);
  return lines.join('\n');
}
