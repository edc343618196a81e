/**
 * What a reader needs to cite a reply: its reference (type and number) for
 * page titles, and the citation's fixed part (title, issuer, reference, date)
 * that the cite links' script completes with the block id, the URL and the day.
 */
import { t, replyTitle, type Locale, site } from './site';

type Reply = (typeof site.replies)[number];

/** "Proposal No. 20210574" / "第20210574号提案", or undefined when the reply has no number. */
export function replyRef(locale: Locale, reply: Reply): string | undefined {
  const { type, proposalNumber } = reply.meta;
  if (!proposalNumber) return undefined;
  return t(locale, type === 'suggestion' ? 'cite.suggestion' : type === 'proposal' ? 'cite.proposal' : 'cite.reply', { n: proposalNumber });
}

/** A page title that names the reply's number unless the title already does. */
export function titleWithRef(locale: Locale, reply: Reply, title: string): string {
  const ref = replyRef(locale, reply);
  return ref && !title.includes(reply.meta.proposalNumber!) ? `${title} · ${ref}` : title;
}

/** The fixed part of a citation in the page's language: title, issuer, type and number, document number, date. */
export function citationPrefix(locale: Locale, reply: Reply): string {
  const { meta } = reply;
  const title = replyTitle(locale, reply);
  const issuer = meta.issuingBody ? (locale === 'en' ? meta.issuingBody.en ?? meta.issuingBody.zh : meta.issuingBody.zh) : undefined;
  const date = meta.date ?? (meta.year ? String(meta.year) : undefined);
  const ref = meta.proposalNumber && title.includes(meta.proposalNumber) ? undefined : replyRef(locale, reply);
  const parts = [issuer, ref, meta.documentNumber, date].filter((p): p is string => Boolean(p));
  return locale === 'en' ? `${[`“${title}”`, ...parts].join('. ')}.` : `${[`《${title}》`, ...parts].join('，')}。`;
}
