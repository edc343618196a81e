/**
 * The facets of the replies index: year, issuer, type and outcome, each value
 * with a URL segment and a count, and the replies in reading order (newest
 * first). The index narrows by one facet value per static page
 * (`replies/<facet>/<value>/`), so it works without JavaScript and the number
 * of files grows with the number of values, not with their combinations.
 * Pure: prepare writes the result to src/generated/facets.json.
 */
import { pinyin } from 'pinyin-pro';
import { toTraditional } from './hant.ts';
import type { OutcomeClass, ReplyMeta, ReplyType } from './model.ts';

/** The facets a reply can be narrowed by, in the order the index shows them. */
export const FACETS = ['year', 'issuer', 'type', 'outcome'] as const;

/** One facet. */
export type Facet = (typeof FACETS)[number];

/** An issuer as the index lists it: its name in every script and its URL segment. */
export interface IssuerValue {
  slug: string;
  zh: string;
  hant: string;
  en?: string;
  count: number;
}

/** What the index needs about one reply's facets (slugs of the values it belongs to). */
export interface ReplyFacetValues {
  year?: number;
  issuer?: string;
  type?: ReplyType;
  outcome?: OutcomeClass;
}

/** Every facet value of the site, with counts, and each reply's values; written to src/generated/facets.json. */
export interface ReplyFacets {
  /** Reply slugs, newest first (by date, else year; undated last), then by slug. */
  order: string[];
  years: { slug: string; year: number; count: number }[];
  issuers: IssuerValue[];
  types: { slug: ReplyType; count: number }[];
  outcomes: { slug: OutcomeClass; count: number }[];
  byReply: Record<string, ReplyFacetValues>;
}

/** The year a reply belongs to: meta.year, else the year of its date. */
export function replyYear(meta: Pick<ReplyMeta, 'year' | 'date'>): number | undefined {
  if (meta.year) return meta.year;
  const m = meta.date ? /^(\d{4})/.exec(meta.date) : null;
  return m ? Number(m[1]) : undefined;
}

/** The issuing body's name as one key: whitespace inside and around removed (名称 copied with spaces is the same body). */
export const issuerKey = (zh: string) => zh.replace(/\s+/g, '');

/** An ASCII URL segment for an issuer: toneless pinyin syllables joined by hyphens (高平市卫生健康和体育局 → gao-ping-shi-wei-sheng-…). */
export function issuerSlug(zh: string): string {
  const syllables = pinyin(issuerKey(zh), { toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .map((s) => s.replace(/ü/g, 'v').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, ''))
    .filter(Boolean);
  const slug = syllables.join('-').slice(0, 80).replace(/-+$/, '');
  return slug || 'issuer';
}

/** Sort key: the date (or the year's end when only the year is known), so newer replies come first. */
const sortKey = (meta: ReplyMeta) => meta.date ?? (replyYear(meta) ? `${replyYear(meta)}-99` : '');

/** Computes the facets of the given replies (only what ReplyInfo carries: slug and meta). */
export function replyFacets(replies: readonly { slug: string; meta: ReplyMeta }[]): ReplyFacets {
  const ordered = [...replies].sort((a, b) => sortKey(b.meta).localeCompare(sortKey(a.meta)) || a.slug.localeCompare(b.slug));
  const byReply: Record<string, ReplyFacetValues> = {};
  const issuers = new Map<string, IssuerValue>();
  const used = new Set<string>();
  for (const reply of ordered) {
    const { meta } = reply;
    const values: ReplyFacetValues = {};
    const year = replyYear(meta);
    if (year) values.year = year;
    if (meta.type) values.type = meta.type;
    if (meta.outcome) values.outcome = meta.outcome;
    const body = meta.issuingBody?.zh && issuerKey(meta.issuingBody.zh);
    if (body) {
      let issuer = issuers.get(body);
      if (!issuer) {
        // Two names with the same pinyin (rare) get -2, -3: each issuer keeps its own page.
        const base = issuerSlug(body);
        let slug = base;
        for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`;
        used.add(slug);
        issuer = { slug, zh: body, hant: toTraditional(body), count: 0 };
        issuers.set(body, issuer);
      }
      issuer.count++;
      if (!issuer.en && meta.issuingBody?.en) issuer.en = meta.issuingBody.en;
      values.issuer = issuer.slug;
    }
    byReply[reply.slug] = values;
  }
  const count = <T extends string | number>(pick: (v: ReplyFacetValues) => T | undefined) => {
    const counts = new Map<T, number>();
    for (const v of Object.values(byReply)) {
      const key = pick(v);
      if (key !== undefined) counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return counts;
  };
  const years = [...count((v) => v.year)].sort((a, b) => b[0] - a[0]).map(([year, n]) => ({ slug: String(year), year, count: n }));
  const typeCounts = count((v) => v.type);
  const types = (['suggestion', 'proposal'] as const).flatMap((t) => (typeCounts.get(t) ? [{ slug: t, count: typeCounts.get(t)! }] : []));
  const outcomeCounts = count((v) => v.outcome);
  const outcomes = (['A', 'B', 'C'] as const).flatMap((o) => (outcomeCounts.get(o) ? [{ slug: o, count: outcomeCounts.get(o)! }] : []));
  return {
    order: ordered.map((r) => r.slug),
    years,
    issuers: [...issuers.values()].sort((a, b) => b.count - a.count || a.zh.localeCompare(b.zh, 'zh-Hans-CN')),
    types,
    outcomes,
    byReply,
  };
}

/** The URL segment of a facet value (outcome classes in lower case: `outcome/b/`). */
export const facetSegment = (value: string | number) => String(value).toLowerCase();
