/**
 * The reply pages: which exist (from site.json) and their generated page data
 * (read from src/generated/pages/ when the page is rendered, so no page's
 * bundle carries another page's text).
 */
import type { PageData } from '../../scripts/lib/page-data.ts';
import { locales, readGenerated, site, type Locale } from './site';

/** A reply page to render: locale, reply slug and page id (`index` or a section id). */
export interface PageRef { locale: Locale; reply: string; page: string }

/** Every reply page of the site: per locale, each reply's overview and sections. */
export function replyPages(): PageRef[] {
  return locales.flatMap((l) => site.replies.flatMap((r) => [{ locale: l.id, reply: r.slug, page: 'index' }, ...r.sections.map((s) => ({ locale: l.id, reply: r.slug, page: s.id }))]));
}

/** The generated data of one reply page. */
export const pageData = (ref: PageRef): PageData => readGenerated(`pages/${ref.locale}/${ref.reply}/${ref.page}.json`);

/** The reply data for a page. */
export const replyOf = (ref: PageRef) => site.replies.find((r) => r.slug === ref.reply)!;

/** The path below the locale of a reply page. */
export const pagePath = (reply: string, page: string) => (page === 'index' ? `replies/${reply}/` : `replies/${reply}/${page}/`);

export type { Locale, PageData };
