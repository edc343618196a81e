/** The public route contract: every file a complete build must contain, relative to dist/. */
import type { SiteData } from './pipeline.ts';
import { LOCALES } from './page-data.ts';

/** Lists the files (relative to dist/) that the routes of README.md promise, for every locale, reply, section and term. */
export function expectedRoutes(site: SiteData): string[] {
  const files = ['index.html', '404.html', 'robots.txt', 'pagefind/pagefind.js', 'data/glossary.json', 'data/glossary.csv', 'data/glossary.tbx', 'data/figures.json', 'data/figures.csv'];
  for (const { id: l } of LOCALES) {
    files.push(`${l}/index.html`, `${l}/replies/index.html`, `${l}/glossary/index.html`, `${l}/figures/index.html`, `${l}/search/index.html`, `search/lexicon.${l}.json`);
    for (const r of site.replies) {
      files.push(`${l}/replies/${r.slug}/index.html`, `${l}/figures/${r.slug}/index.html`);
      for (const s of r.sections) files.push(`${l}/replies/${r.slug}/${s.id}/index.html`);
    }
    for (const t of site.glossary) files.push(`${l}/glossary/${t.id}/index.html`);
    if (site.about) files.push(`${l}/about/index.html`);
  }
  for (const r of site.replies) files.push(`data/replies/${r.slug}.json`);
  return files;
}
