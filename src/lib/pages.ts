/** Loading the generated MDX pages of a reply, shared by the overview and section routes. */
import { getCollection, type CollectionEntry } from 'astro:content';
import { site, type Locale } from './site';

/** One generated MDX page. */
export type PageEntry = CollectionEntry<'pages'>;

/** Every generated page with its locale, reply and page id. */
export async function replyPages(): Promise<PageEntry[]> {
  return getCollection('pages');
}

/** The reply data for a page entry. */
export const replyOf = (entry: PageEntry) => site.replies.find((r) => r.slug === entry.data.reply)!;

/** The path below the locale of a reply page. */
export const pagePath = (reply: string, page: string) => (page === 'index' ? `replies/${reply}/` : `replies/${reply}/${page}/`);

export type { Locale };
