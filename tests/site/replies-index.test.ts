/**
 * The replies index and its facet pages, and the overview's metadata table, over both builds:
 * every reply listed once with its title, issuer, type and number, date and outcome; one page per
 * facet value listing exactly the replies that have it (expected sets computed here from the
 * replies' meta, not from the facets file); reachable from the header and the home without
 * JavaScript; axe-core finds nothing and every Chinese text is in a Chinese lang context.
 */
import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { BUILDS, useSiteBrowser } from './helpers.ts';
import type { SiteData } from '../../scripts/lib/pipeline.ts';
import { outcomeLine, replyNumber, typeGroup } from '../../scripts/lib/wording.ts';

const LOCALES = ['en', 'zh-hans', 'zh-hant'] as const;
type Locale = (typeof LOCALES)[number];
const site = JSON.parse(readFileSync('src/generated/site.json', 'utf8')) as SiteData;
const replies = site.replies;

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
const textOf = (html: string) => decode(html.replace(/<[^>]+>/g, ''));
const read = (which: keyof typeof BUILDS, path: string) => readFileSync(join(BUILDS[which].dir, path, 'index.html'), 'utf8');

/** The list items of an index page: the slug each links to, and the item's visible text. */
function itemsOf(html: string): { slug: string; text: string }[] {
  const groups = /<div class="replies-groups">([\s\S]*?)<\/div><\/div>/.exec(html)?.[1] ?? '';
  return [...groups.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => ({ slug: /href="[^"]*\/replies\/([^/"]+)\/"/.exec(m[1]!)?.[1] ?? '', text: textOf(m[1]!) }));
}

/** An issuer's name on the English pages: the English name any of its replies gives (one issuer, one name), else the Chinese. */
const englishIssuer = (zh: string) => replies.find((r) => r.meta.issuingBody?.zh.replace(/\s+/g, '') === zh.replace(/\s+/g, '') && r.meta.issuingBody.en)?.meta.issuingBody?.en ?? zh;

/** The year a reply is listed under: meta.year, else the year of its date. */
const yearOf = (r: SiteData['replies'][number]) => r.meta.year ?? (r.meta.date ? Number(r.meta.date.slice(0, 4)) : undefined);

describe.each(Object.keys(BUILDS) as (keyof typeof BUILDS)[])('replies index of the %s build', (which) => {
  const base = BUILDS[which].base;

  it.each(LOCALES)('%s: lists every reply once, newest first, with issuer, type and number, date and outcome', (locale) => {
    const items = itemsOf(read(which, `${locale}/replies`));
    expect(items.map((i) => i.slug).sort()).toEqual(replies.map((r) => r.slug).sort());
    const keys = items.map((i) => {
      const meta = replies.find((r) => r.slug === i.slug)!.meta;
      return meta.date ?? (yearOf({ meta } as SiteData['replies'][number]) ? `${yearOf({ meta } as SiteData['replies'][number])}-99` : '');
    });
    expect(keys).toEqual([...keys].sort().reverse());
    for (const item of items) {
      const { meta } = replies.find((r) => r.slug === item.slug)!;
      const number = replyNumber(locale, meta);
      if (number) expect(item.text).toContain(number);
      if (meta.outcome) expect(item.text).toContain(outcomeLine(locale, meta.outcome));
      expect(item.text).toContain(meta.date ?? String(meta.year ?? ''));
      if (meta.issuingBody && locale !== 'zh-hant') expect(item.text).toContain(locale === 'en' ? englishIssuer(meta.issuingBody.zh) : meta.issuingBody.zh);
    }
  });

  it.each(LOCALES)('%s: one page per year, type, outcome and issuer, each listing exactly the replies that have it', (locale) => {
    const html = read(which, `${locale}/replies`);
    const facetLinks = [...html.matchAll(/href="([^"]*\/replies\/by\/(year|type|outcome|issuer)\/([^/"]+)\/)"/g)].map((m) => ({ href: m[1]!, facet: m[2]!, value: m[3]! }));
    const expected: Record<string, (r: SiteData['replies'][number]) => string | undefined> = {
      year: (r) => (yearOf(r) ? String(yearOf(r)) : undefined),
      type: (r) => r.meta.type,
      outcome: (r) => r.meta.outcome?.toLowerCase(),
    };
    for (const facet of ['year', 'type', 'outcome']) {
      const values = [...new Set(replies.map(expected[facet]!).filter((v): v is string => Boolean(v)))].sort();
      expect(facetLinks.filter((l) => l.facet === facet).map((l) => l.value).sort(), `${facet} values linked from the index`).toEqual(values);
    }
    const issuers = new Set(replies.map((r) => r.meta.issuingBody?.zh.replace(/\s+/g, '')).filter(Boolean));
    expect(facetLinks.filter((l) => l.facet === 'issuer')).toHaveLength(issuers.size);
    for (const link of facetLinks) {
      expect(link.href.startsWith(`${base}${locale}/replies/by/`), link.href).toBe(true);
      const page = read(which, link.href.slice(base.length));
      const listed = itemsOf(page).map((i) => i.slug).sort();
      const want = link.facet === 'issuer'
        ? replies.filter((r) => r.meta.issuingBody && listed.includes(r.slug)).map((r) => r.meta.issuingBody!.zh.replace(/\s+/g, ''))
        : replies.filter((r) => expected[link.facet]!(r) === link.value).map((r) => r.slug).sort();
      if (link.facet === 'issuer') {
        expect(listed.length).toBeGreaterThan(0);
        expect(new Set(want).size, `${link.href} lists replies of one issuer`).toBe(1);
        expect(replies.filter((r) => r.meta.issuingBody?.zh.replace(/\s+/g, '') === want[0]).map((r) => r.slug).sort()).toEqual(listed);
      } else {
        expect(listed, link.href).toEqual(want);
      }
      // The page marks its own value as current and leads back to the whole list.
      expect(page).toMatch(new RegExp(`<a href="${link.href}" aria-current="page">`));
      expect(page).toContain(`href="${base}${locale}/replies/"`);
      if (link.facet === 'type') expect(textOf(page)).toContain(typeGroup(locale, link.value as 'suggestion' | 'proposal'));
    }
  });

  it.each(LOCALES)('%s: the header of every page type and the home lead to the index', (locale) => {
    const index = `href="${base}${locale}/replies/"`;
    for (const path of [`${locale}`, `${locale}/glossary`, `${locale}/replies/${replies[0]!.slug}`]) {
      const header = /<header[\s\S]*?<\/header>/.exec(read(which, path))![0];
      expect(header, path).toContain(index);
    }
    const main = /<main[\s\S]*?<\/main>/.exec(read(which, locale))![0];
    expect(main).toContain(index);
  });

  it('the index and facet pages need no JavaScript: no module, no script but the shared deferred reading.js of every page', () => {
    for (const locale of LOCALES) {
      const html = read(which, `${locale}/replies`);
      const scripts = [...html.matchAll(/<script\b[^>]*\ssrc="([^"]+)"/gi)].map((m) => m[1]!);
      expect(scripts.filter((src) => !src.endsWith('/reading.js'))).toEqual([]);
      expect(html).toMatch(/<script defer src="[^"]*\/reading\.js">/);
      expect(html).not.toMatch(/type="module"/);
    }
  });
});

describe.each(Object.keys(BUILDS) as (keyof typeof BUILDS)[])('metadata table of the %s build', (which) => {
  it.each(LOCALES)('%s: each overview names the reply by its type and number and shows its outcome class', (locale) => {
    for (const reply of replies) {
      const html = read(which, `${locale}/replies/${reply.slug}`);
      const table = /<dl class="meta reply-meta">([\s\S]*?)<\/dl>/.exec(html)?.[1];
      expect(table, reply.slug).toBeDefined();
      const number = replyNumber(locale, reply.meta);
      if (number) expect(textOf(table!)).toContain(number);
      if (reply.meta.outcome) expect(textOf(table!)).toContain(outcomeLine(locale, reply.meta.outcome));
      // The metadata blocks of the document, if any, are rows with their block id.
      const data = JSON.parse(readFileSync(join(BUILDS[which].dir, 'data', 'replies', `${reply.slug}.json`), 'utf8')) as { blocks: { id: string; kind: string }[] };
      for (const block of data.blocks.filter((b) => b.kind === 'metadata')) expect(table).toContain(`id="${block.id}"`);
    }
  });
});

describe('accessibility of the replies index', () => {
  // Chromium and the root build; every test fails on a request off 127.0.0.1 or a console error of its pages.
  const browsing = useSiteBrowser('root', { requireVisit: true });

  const pages = LOCALES.flatMap((l) => {
    const paths = [`${l}/replies/`];
    const year = yearOf(replies[0]!);
    if (year) paths.push(`${l}/replies/by/year/${year}/`);
    return paths;
  });

  // A guard, not a timed assertion: axe over a long list takes a while on a loaded machine.
  it.each(pages)('/%s: no axe violations, Chinese text only in a Chinese lang context, keyboard reaches every facet link', { timeout: 240_000 }, async (path) => {
    expect(existsSync(join(BUILDS.root.dir, path, 'index.html'))).toBe(true);
    const page = await browsing.newPage();
    try {
      await page.goto(browsing.url(path));
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice']).setLegacyMode(true).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      const misplaced = await page.evaluate(() => {
        const out: string[] = [];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const lang = (n.parentElement?.closest('[lang]')?.getAttribute('lang') ?? '').toLowerCase();
          if (/\p{Script=Han}/u.test(n.nodeValue ?? '') && !lang.startsWith('zh') && !n.parentElement?.closest('script, input')) out.push(n.nodeValue!.trim());
        }
        return out;
      });
      expect(misplaced).toEqual([]);
      // Tab through the page, opening each folded facet group with Enter: every facet link takes the focus in turn.
      const facetLinks = await page.locator('nav.facets a').count();
      expect(facetLinks).toBeGreaterThan(1);
      const focused = new Set<string>();
      for (let i = 0; i < facetLinks + 40 && focused.size < facetLinks; i++) {
        await page.keyboard.press('Tab');
        const at = await page.evaluate(() => {
          const el = document.activeElement;
          if (!el?.closest('nav.facets')) return null;
          return el.tagName === 'SUMMARY' ? { closed: !(el.parentElement as HTMLDetailsElement).open } : { href: el.getAttribute('href') };
        });
        if (at && 'closed' in at && at.closed) await page.keyboard.press('Enter');
        if (at && 'href' in at && at.href) focused.add(at.href);
      }
      expect(focused.size).toBe(facetLinks);
    } finally {
      await page.close();
    }
  });
});
