/**
 * The concordance a term page shows: bounded, so that a term page stays the
 * same size however many replies use the term. At 500 replies a full
 * concordance listed up to 1,800 paragraphs (1.5 MB per page, 73 MB of the
 * site); a reader scanning how a term is used needs the latest replies and a
 * few paragraphs of each, and reaches every other occurrence through search
 * (which finds every block holding the term, and can be narrowed to one
 * reply) or the glossary download (every occurrence as a block reference).
 */

/**
 * How much a term page lists: every occurrence when there are at most `all`; otherwise the newest `replies` replies
 * using the term, the first `perReply` paragraphs of each.
 */
export const CONCORDANCE_LIMITS = { all: 40, replies: 10, perReply: 4 } as const;

/** One reply of a bounded concordance: the occurrences shown, in reading order, and how many of its occurrences are not shown. */
export interface ConcordanceGroup<O> {
  slug: string;
  shown: O[];
  /** Occurrences of this reply left out of the list (reachable through a search narrowed to the reply). */
  hidden: number;
}

/** A term's concordance as a term page lists it, with the counts the page states. */
export interface BoundedConcordance<O> {
  /** Every occurrence of the term (paragraphs), listed or not. */
  total: number;
  /** Replies using the term. */
  replyCount: number;
  groups: ConcordanceGroup<O>[];
  /** Replies using the term that are not listed (older than the listed ones). */
  hiddenReplies: number;
  /** Occurrences not listed, in listed and unlisted replies together. */
  hiddenOccurrences: number;
  /** Occurrences in the replies not listed. */
  olderOccurrences: number;
}

/**
 * Groups a term's occurrences by reply, newest reply first (`order`: every
 * slug, newest first; replies missing from it come last, in the order of the
 * occurrences); beyond `all` occurrences, keeps the first `perReply`
 * occurrences of the first `replies` replies. Occurrences keep their reading
 * order within a reply.
 */
export function boundedConcordance<O extends { slug: string }>(occurrences: readonly O[], order: readonly string[], limits: { all: number; replies: number; perReply: number } = CONCORDANCE_LIMITS): BoundedConcordance<O> {
  const bySlug = new Map<string, O[]>();
  for (const o of occurrences) {
    const list = bySlug.get(o.slug);
    if (list) list.push(o);
    else bySlug.set(o.slug, [o]);
  }
  const rank = new Map(order.map((slug, i) => [slug, i]));
  const slugs = [...bySlug.keys()].sort((a, b) => (rank.get(a) ?? Infinity) - (rank.get(b) ?? Infinity));
  const bounded = occurrences.length > limits.all;
  const groups = (bounded ? slugs.slice(0, limits.replies) : slugs).map((slug) => {
    const all = bySlug.get(slug)!;
    const shown = bounded ? all.slice(0, limits.perReply) : all;
    return { slug, shown, hidden: all.length - shown.length };
  });
  const listed = groups.reduce((n, g) => n + g.shown.length + g.hidden, 0);
  const shown = groups.reduce((n, g) => n + g.shown.length, 0);
  return { total: occurrences.length, replyCount: slugs.length, groups, hiddenReplies: slugs.length - groups.length, hiddenOccurrences: occurrences.length - shown, olderOccurrences: occurrences.length - listed };
}
