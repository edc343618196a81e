/**
 * Schemas for every hand-written data file: reply metadata, translation files
 * and the glossary. A file that does not match fails with one line per problem.
 */
import { z } from 'zod';
import { ContentError } from './errors.ts';

/** meta.yaml beside a reply's source.txt: what the text itself may not say. */
export const metaSchema = z.strictObject({
  type: z.enum(['suggestion', 'proposal'], 'suggestion (人大代表建议) or proposal (政协委员提案)').optional(),
  proposalNumber: z.string().regex(/^[0-9A-Za-z][0-9A-Za-z-]{0,39}$/, 'the number as written, without 第 and 号 (e.g. 71, 03154, 2025D048)').optional(),
  documentNumber: z.string().min(1).optional(),
  outcome: z.enum(['A', 'B', 'C'], 'A, B or C (the 办复类别 the reply states)').optional(),
  session: z.string().optional(),
  addressee: z.string().optional(),
  issuingBody: z.strictObject({ zh: z.string().min(1), en: z.string().min(1).optional() }).optional(),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD').optional(),
  year: z.number().int().min(1949).max(2100).optional(),
  title: z.strictObject({ zh: z.string().min(1).optional(), en: z.string().min(1).optional() }).optional(),
  sourceUrl: z.string().optional(),
  notes: z.string().optional(),
});

const translationEntry = z.strictObject({
  source: z.string().regex(/^[0-9a-f]{12}$/, 'the 12-character hash of the Chinese block, as `npm run check` reports it'),
  text: z.string().trim().min(1, 'empty translation: delete the entry to mark the block as pending'),
  note: z.string().optional(),
});

/** `<lang>.yaml` in a reply folder: translations keyed by block id, each with the hash of the Chinese it was made from. */
export const translationSchema = z.strictObject({
  language: z.literal('en'),
  title: z.string().min(1).optional(),
  /** The English of metadata the page shows in Chinese otherwise: the addressee (hash of meta.addressee as `source`). */
  meta: z.strictObject({ addressee: translationEntry.optional() }).optional(),
  executive: z.strictObject({ source: z.string().regex(/^[0-9a-f]{12}$/), text: z.string().min(1) }).optional(),
  sections: z.record(z.string(), z.strictObject({ source: z.string().regex(/^[0-9a-f]{12}$/), summary: z.string().min(1) })).default({}),
  blocks: z.record(z.string().regex(/^[a-z0-9-]+$/, 'a block id such as s2-1-p1'), translationEntry).default({}),
});

/** The glossary categories a term can belong to (used to group the glossary index). */
export const glossaryCategories = ['evaluation-scheme', 'campaign', 'enterprise-category', 'statistic', 'reform', 'platform', 'programme', 'plan', 'concept', 'place', 'institution'] as const;

/** Whether a text is written in Chinese: it has Han characters, and they are at least half of its letters (a Latin name or "A to D" may stand in it). */
export function isChineseText(text: string): boolean {
  const letters = text.match(/\p{L}/gu) ?? [];
  const han = letters.filter((c) => /\p{Script=Han}/u.test(c)).length;
  return han > 0 && han * 2 >= letters.length;
}

const glossaryTerm = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'kebab-case ASCII such as mu-jun-lun-ying-xiong'),
  zh: z.string().regex(/\p{Script=Han}/u, 'Simplified Chinese text'),
  en: z.string().min(1),
  official: z.boolean(),
  literal: z.string().optional(),
  explanation: z.string().min(20, 'one to three sentences for a foreign investor'),
  /** The explanation in Simplified Chinese, for the Chinese pages (zh-hant converts it); without it those pages mark it as pending. */
  explanationZh: z
    .string()
    .trim()
    .min(1, { message: 'the Chinese explanation is empty (write one to three sentences in Simplified Chinese, or delete the key to mark it as pending)', abort: true })
    .refine(isChineseText, 'the Chinese explanation is not written in Chinese (write it in Simplified Chinese; the zh-hant pages convert it)')
    .optional(),
  category: z.enum(glossaryCategories),
  aliases: z.array(z.string().min(1)).default([]),
  enAliases: z.array(z.string().min(1)).default([]),
  sources: z.string().min(1),
  confidence: z.enum(['high', 'medium', 'low']),
  notes: z.string().optional(),
  pinyin: z.string().optional(),
  hant: z.string().optional(),
});

/** content/glossary.yaml: the terms and the quoted phrases deliberately left out. */
export const glossarySchema = z.strictObject({
  terms: z.array(glossaryTerm).min(1),
  exclusions: z.array(z.strictObject({ phrase: z.string().min(1), reason: z.string().min(1) })).default([]),
});

export type MetaFile = z.infer<typeof metaSchema>;
export type TranslationFile = z.infer<typeof translationSchema>;
export type GlossaryFile = z.infer<typeof glossarySchema>;
export type GlossaryTermInput = z.infer<typeof glossaryTerm>;

/** Validates data against a schema, turning the first problem into a one-line ContentError naming the file and key path. */
export function validate<T>(schema: z.ZodType<T>, data: unknown, file: string, what: string): T {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const unknown = issue.code === 'unrecognized_keys' ? issue.keys : [];
  const path = [...issue.path, ...unknown.slice(0, 1)].join('.') || '(top level)';
  const more = result.error.issues.length > 1 ? ` (and ${result.error.issues.length - 1} more)` : '';
  const hint = unknown.length ? `remove or rename \`${unknown.join('`, `')}\` (see the schema described in README.md)` : `correct \`${path}\` so that it matches the schema described in README.md`;
  throw new ContentError({ file, block: path }, `${what}: ${issue.message}${more}`, hint);
}

const blockHash = z.string().regex(/^[0-9a-f]{12}$/, 'the 12-character hash of the Chinese block, as `npm run check` reports it');

/** notes.yaml beside a reply's source.txt: source discrepancies shown on the block in every locale, keyed by block id; the Chinese itself is never changed. */
export const notesSchema = z.strictObject({
  discrepancies: z
    .record(
      z.string().regex(/^[a-z0-9-]+$/, 'a block id such as s1-p2-pt4'),
      z.strictObject({
        source: blockHash,
        zh: z.string().trim().regex(/\p{Script=Han}/u, 'the explanation in Chinese (the zh-hant page gets it converted)'),
        en: z.string().trim().min(1, 'the explanation in English'),
        see: z.array(z.string().regex(/^[a-z0-9-]+$/, 'a block id such as s2-5-p1-pt2')).default([]),
      }),
    )
    .default({}),
});

export type NotesFile = z.infer<typeof notesSchema>;
