/**
 * The replies index and its facet pages (year, issuer, type, outcome): which
 * pages exist, what each lists and how a facet value is named in each locale.
 * Reads src/generated/facets.json (written by prepare from the replies' meta).
 */
import { FACETS, facetSegment, type Facet, type ReplyFacets } from '../../scripts/lib/facets.ts';
import { outcomeLine, typeGroup } from '../../scripts/lib/wording.ts';
import { locales, readGenerated, site, t, type Locale } from './site';
import type { UiKey } from '../../scripts/lib/ui-strings.ts';

type ReplyInfo = (typeof site.replies)[number];

let cached: ReplyFacets | undefined;
/** The facets of the site's replies (read once per build). */
export const facets = (): ReplyFacets => (cached ??= readGenerated<ReplyFacets>('facets.json'));

/** One value of a facet as a page shows it: its URL segment, its label in the locale (and the label's language when it differs from the page's), and how many replies have it. */
export interface FacetValueView {
  facet: Facet;
  segment: string;
  label: string;
  lang?: string;
  count: number;
}

/** The name of a facet in a locale (Year, Issuer, Type, Outcome class). */
export const facetName = (locale: Locale, facet: Facet) => t(locale, `index.${facet}` as UiKey);

const valuesCache = new Map<Locale, Record<Facet, FacetValueView[]>>();

/** Every value of every facet, in display order (years newest first, issuers by number of replies); computed once per locale. */
export function facetValues(locale: Locale): Record<Facet, FacetValueView[]> {
  if (!valuesCache.has(locale)) valuesCache.set(locale, computeValues(locale));
  return valuesCache.get(locale)!;
}

function computeValues(locale: Locale): Record<Facet, FacetValueView[]> {
  const f = facets();
  return {
    year: f.years.map((y) => ({ facet: 'year', segment: y.slug, label: y.slug, count: y.count })),
    issuer: f.issuers.map((i) => ({
      facet: 'issuer',
      segment: i.slug,
      label: locale === 'en' ? i.en ?? i.zh : locale === 'zh-hant' ? i.hant : i.zh,
      ...(locale === 'en' && !i.en ? { lang: 'zh-Hans' } : {}),
      count: i.count,
    })),
    type: f.types.map((ty) => ({ facet: 'type', segment: ty.slug, label: typeGroup(locale, ty.slug), count: ty.count })),
    outcome: f.outcomes.map((o) => ({ facet: 'outcome', segment: facetSegment(o.slug), label: outcomeLine(locale, o.slug), count: o.count })),
  };
}

let ordered: ReplyInfo[] | undefined;

/** Every reply, newest first. */
export function orderedReplies(): ReplyInfo[] {
  if (!ordered) {
    const map = new Map(site.replies.map((r) => [r.slug, r]));
    ordered = facets().order.map((slug) => map.get(slug)!).filter(Boolean);
  }
  return ordered;
}

/** The replies that have one facet value, newest first. */
export function repliesWith(facet: Facet, segment: string): ReplyInfo[] {
  const values = facets().byReply;
  return orderedReplies().filter((r) => {
    const v = values[r.slug]?.[facet];
    return v !== undefined && facetSegment(v) === segment;
  });
}

/** getStaticPaths of the facet pages: one page per locale, facet and value (never per combination, so files grow with values only). */
export function facetPagePaths() {
  return locales.flatMap((l) => {
    const values = facetValues(l.id);
    return FACETS.flatMap((facet) => values[facet].map((value) => ({ params: { locale: l.id, facet, value: value.segment }, props: { value } })));
  });
}

/** The issuer of a reply in a locale, from the facets (Traditional on zh-hant; Chinese with its lang on English pages when there is no English name). */
export function issuerOf(locale: Locale, reply: ReplyInfo): { label: string; lang?: string } | undefined {
  const slug = facets().byReply[reply.slug]?.issuer;
  const value = slug ? facetValues(locale).issuer.find((i) => i.segment === slug) : undefined;
  return value ? { label: value.label, lang: value.lang } : undefined;
}

/** Replies grouped by year for the index (newest first; a last group for replies whose year is not stated). */
export function groupByYear(replies: ReplyInfo[]): { year?: number; replies: ReplyInfo[] }[] {
  const groups: { year?: number; replies: ReplyInfo[] }[] = [];
  for (const reply of replies) {
    const year = facets().byReply[reply.slug]?.year;
    let group = groups.find((g) => g.year === year);
    if (!group) groups.push((group = { year, replies: [] }));
    group.replies.push(reply);
  }
  return groups.sort((a, b) => (b.year ?? -Infinity) - (a.year ?? -Infinity));
}

/** "12 replies" / "1 reply" in a locale. */
export const replyCount = (locale: Locale, n: number) => (n === 1 ? t(locale, 'index.countOne') : t(locale, 'index.count', { n }));
