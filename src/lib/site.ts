/**
 * What every page needs: the generated site data, UI strings per locale and
 * URL helpers that respect the base path (never a leading '/' literal).
 */
import siteJson from '../generated/site.json';
import uiJson from '../generated/ui.json';
import settingsJson from '../generated/site-config.json';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Occurrence, SiteData } from '../../scripts/lib/pipeline.ts';
import type { TermExample } from '../../scripts/lib/glossary.ts';
import { termPopoverId } from '../../scripts/lib/page-data.ts';
import type { Figure } from '../../scripts/lib/figures.ts';
import type { UiKey } from '../../scripts/lib/ui-strings.ts';
import type { SiteSettings } from '../../scripts/lib/site-config.ts';
import { defaultEnglishTitle } from '../../scripts/lib/wording.ts';

/** The generated site data (replies, glossary, figures). */
export const site = siteJson as unknown as SiteData;

/** The site's name, description, region and contact from content/site.yaml, in every locale. */
export const settings = settingsJson as SiteSettings;

/** The locales, in switcher order. */
export const locales = [
  { id: 'en', lang: 'en', name: 'English' },
  { id: 'zh-hans', lang: 'zh-Hans', name: '简体中文' },
  { id: 'zh-hant', lang: 'zh-Hant', name: '繁體中文' },
] as const;

/** A locale's URL segment. */
export type Locale = (typeof locales)[number]['id'];

/** The BCP 47 tag of a locale. */
export const langOf = (locale: Locale) => locales.find((l) => l.id === locale)!.lang;

const ui = uiJson as Record<Locale, Record<UiKey, string>>;

/** A UI string in a locale, with {placeholders} filled. */
export function t(locale: Locale, key: UiKey, vars: Record<string, string | number> = {}): string {
  return ui[locale][key].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));
}

/** A URL inside the site: `url('en', 'glossary/')` → `<base>en/glossary/`. */
export function url(...parts: string[]): string {
  const base = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;
  const path = parts.filter(Boolean).map((p) => p.replace(/^\/+|\/+$/g, '')).join('/');
  return `${base}${path}${path && !/\.\w+$/.test(path) ? '/' : ''}`;
}

/** getStaticPaths helper: one path per locale. */
export const localePaths = () => locales.map((l) => ({ params: { locale: l.id } }));

/** The Chinese script of a locale: Traditional on zh-hant, Simplified elsewhere. */
export const zhOf = (locale: Locale, simplified: string, traditional: string) => (locale === 'zh-hant' ? traditional : simplified);

/** A reply's title in a locale. */
export function replyTitle(locale: Locale, reply: SiteData['replies'][number]): string {
  if (locale === 'en') return reply.meta.title.en ?? defaultEnglishTitle(reply.meta) ?? reply.meta.title.zh;
  return locale === 'zh-hant' ? reply.titleHant : reply.meta.title.zh;
}

/** Glossary category names per locale. */
export const categoryNames: Record<string, [string, string]> = {
  'evaluation-scheme': ['Evaluation schemes', '评价机制'],
  campaign: ['Campaigns', '专项活动'],
  'enterprise-category': ['Enterprise categories', '企业类别'],
  statistic: ['Statistics', '统计指标'],
  reform: ['Reforms', '改革'],
  platform: ['Platforms', '平台'],
  programme: ['Programmes and designations', '计划与称号'],
  plan: ['Plans and strategies', '规划与战略'],
  concept: ['Concepts', '概念'],
  place: ['Places', '地区'],
  institution: ['Institutions and companies', '机构与企业'],
};

const termsById = new Map(site.glossary.map((g) => [g.id, g]));
const termNumbers = new Map(site.glossary.map((g, n) => [g.id, n]));
/** The popover id of a glossary term on a reading page (`g<n>`, numbered over the whole glossary): the id the hover rules of src/generated/term-tips.css name. */
export const termPopover = (id: string): string => termPopoverId(termNumbers.get(id) ?? -1);

/**
 * What a term link shows on hover and focus: the Chinese term, its pinyin and English rendering.
 * The explanation is in the page's "terms in this section" list (the link's aria-describedby) and on
 * the term page; repeating it in the hover rules cost a section page about 5 KB gzip.
 */
export function termTip(id: string, locale: Locale): string {
  const g = termsById.get(id);
  return g ? `${locale === 'zh-hant' ? g.hant : g.zh} (${g.pinyin}) · ${g.en}` : '';
}

/** Reads a generated JSON file at build time from the project root (the build runs there), so it is not bundled into every page. */
export const readGenerated = <T>(path: string): T => JSON.parse(readFileSync(join(process.cwd(), 'src/generated', path), 'utf8')) as T;

/** The concordance of a term (read only by its term pages, so it stays out of every other page's bundle). */
export const occurrencesOf = (termId: string): Occurrence[] => readGenerated(`occurrences/${termId}.json`);

let examples: Record<string, TermExample> | undefined;
/** The example sentence of a term (glossary pages and exports), or undefined when the term occurs in no reply. */
export const exampleOf = (termId: string): TermExample | undefined => (examples ??= readGenerated<Record<string, TermExample>>('glossary-examples.json'))[termId];

/** The key figures of a reply. */
export const figuresOf = (slug: string): Figure[] => readGenerated(`figures/${slug}.json`);

/** The key figures of every reply, in reply order. */
export const allFigures = (): Figure[] => site.replies.flatMap((r) => figuresOf(r.slug));
