// sitemap.xml: every page in every locale, with hreflang alternates. Needs SITE (absolute URLs); without it the sitemap is empty.
import { site, locales, url } from '../lib/site';
import { facetValues } from '../lib/replies';
import { FACETS } from '../../scripts/lib/facets.ts';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

// The paths below a locale that exist in every locale, in a stable order.
function sitePaths(): string[] {
  return [
    '',
    'replies/',
    ...FACETS.flatMap((facet) => facetValues('en')[facet].map((v) => `replies/by/${facet}/${v.segment}/`)),
    ...site.replies.flatMap((r) => [`replies/${r.slug}/`, ...r.sections.map((s) => `replies/${r.slug}/${s.id}/`)]),
    'glossary/',
    ...site.glossary.map((g) => `glossary/${g.id}/`),
    'figures/',
    ...site.replies.map((r) => `figures/${r.slug}/`),
    'search/',
  ];
}

/** Serves the sitemap at build time: one <url> per page and locale, each listing all locale versions (and x-default, English). */
export const GET = () => {
  const origin = import.meta.env.SITE;
  const head = '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n';
  if (!origin) {
    return new Response(`${head}<!-- Empty: a sitemap needs absolute URLs. Build with SITE=https://example.org to list the pages. -->\n</urlset>\n`, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
  }
  const abs = (locale: string, path: string) => new URL(url(locale, path), origin).href;
  const entries = sitePaths().flatMap((path) =>
    locales.map((l) => {
      const alternates = [...locales.map((a) => `    <xhtml:link rel="alternate" hreflang="${a.lang}" href="${esc(abs(a.id, path))}"/>`), `    <xhtml:link rel="alternate" hreflang="x-default" href="${esc(abs('en', path))}"/>`];
      return `  <url>\n    <loc>${esc(abs(l.id, path))}</loc>\n${alternates.join('\n')}\n  </url>\n`;
    }),
  );
  return new Response(`${head}${entries.join('')}</urlset>\n`, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
