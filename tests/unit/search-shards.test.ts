// Search across shard sites (content/site.yaml searchShards): results of a merged shard index link to that shard's pages,
// this site's results stay relative to its own base, and a glossary term every shard has is listed once, on this site.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadGlossary } from '../../scripts/lib/glossary.ts';
import { buildLexicon, foldMaps } from '../../scripts/lib/search-data.ts';
import { toTraditional } from '../../scripts/lib/hant.ts';
import { planQuery, type Anchor } from '../../src/scripts/search-core.ts';
import { locate, runSearch, termRecordHit, type Found, type PagefindData, type Shard } from '../../src/scripts/search.ts';
import { ROOT } from './helpers.ts';

const glossary = loadGlossary(readFileSync(join(ROOT, 'content/glossary.yaml'), 'utf8'), 'content/glossary.yaml');
const lexicon = buildLexicon('en', glossary.terms, foldMaps([]), { toHant: toTraditional });
const B: Shard = { name: 'Replies of 2020', base: 'http://127.0.0.1:4000/shard-b/' };
const PATH_B: Shard = { name: 'Replies of 2020', base: '/shard-b/' };

describe('locate', () => {
  const B2: Shard = { name: 'Replies of 2020', base: '/shard-b/' };
  it('a URL under a shard base: the path relative to that shard, and the shard (same host: paths; another host: absolute)', () => {
    expect(locate('/shard-b/en/replies/x/s1/', '/shard-a/', [B2])).toEqual({ path: 'en/replies/x/s1/', site: B2 });
    expect(locate('http://127.0.0.1:4000/shard-b/en/replies/x/s1/', '/shard-a/', [B2])).toEqual({ path: 'en/replies/x/s1/', site: B2 });
    expect(locate('http://127.0.0.1:4000/shard-b/en/replies/x/s1/#s1-p1', '/shard-a/', [B])).toEqual({ path: 'en/replies/x/s1/#s1-p1', site: B });
  });
  it("this site's URLs, absolute or not, stay relative to its base", () => {
    expect(locate('http://127.0.0.1:4000/shard-a/en/replies/x/s1/', '/shard-a/', [B2])).toEqual({ path: 'en/replies/x/s1/' });
    expect(locate('/shard-a/en/glossary/t/', '/shard-a/', [B, B2])).toEqual({ path: 'en/glossary/t/' });
  });
  it('a shard at the root does not capture the pages of a site under a sub-path, nor a shard under a longer path', () => {
    const root: Shard = { name: 'root', base: '/' };
    const deep: Shard = { name: 'deep', base: '/policy/2020/' };
    expect(locate('/policy/en/replies/x/', '/policy/', [root, deep])).toEqual({ path: 'en/replies/x/' });
    expect(locate('/en/replies/x/', '/policy/', [root, deep])).toEqual({ path: 'en/replies/x/', site: root });
    expect(locate('/policy/2020/en/replies/x/', '/policy/', [root, deep])).toEqual({ path: 'en/replies/x/', site: deep });
  });
  it('another host is another shard, even under the same path', () => {
    const other: Shard = { name: 'province', base: 'https://replies.example.org/' };
    expect(locate('https://replies.example.org/zh-hans/replies/y/', '/', [other])).toEqual({ path: 'zh-hans/replies/y/', site: other });
    expect(locate('/zh-hans/replies/y/', '/', [other])).toEqual({ path: 'zh-hans/replies/y/' });
  });
});

/** A Pagefind stand-in holding the records of two shards, as one instance holds its own index and a merged one. */
function mergedPagefind(records: { url: string; text: string; fig?: Record<string, number> }[]) {
  const found = (r: (typeof records)[number]): Found => ({
    id: r.url,
    data: async (): Promise<PagefindData> => ({
      url: r.url,
      meta: { title: `title of ${r.url}`, crumb: 'crumb', ...(r.fig ? { fig: JSON.stringify(r.fig) } : {}) },
      anchors: [{ element: 'p', id: 's1-p1', text: r.text, location: 0 } satisfies Anchor],
      filters: { reply: [r.url.split('/').at(-3)!] },
    }),
  });
  return {
    options: async () => {},
    search: async (q: string | null, o?: { filters?: Record<string, string> }) => ({
      results: o?.filters?.kind === 'term' ? [] : records.filter((r) => r.text.toLowerCase().includes((q ?? '').replace(/"/g, '').toLowerCase())).map(found),
    }),
  };
}

describe('runSearch over merged shard indexes', () => {
  it("lists both shards' blocks; the other shard's link to its own base with its name in the crumb", async () => {
    const pf = mergedPagefind([
      { url: '/shard-a/en/replies/a1/s1/', text: 'Hydrogen buses run in the city.' },
      { url: '/shard-b/en/replies/b1/s1/', text: 'More hydrogen buses were bought.', fig: { 's1-p1': 3 } },
    ]);
    const results = await runSearch(pf, '/shard-a/', planQuery('hydrogen', lexicon), lexicon, 'Term', { shards: [PATH_B] });
    const byUrl = Object.fromEntries(results.hits.map((h) => [h.url, h]));
    expect(Object.keys(byUrl).sort()).toEqual(['en/replies/a1/s1/#s1-p1', 'en/replies/b1/s1/#s1-p1']);
    expect(byUrl['en/replies/a1/s1/#s1-p1']!.site).toBeUndefined();
    expect(byUrl['en/replies/b1/s1/#s1-p1']!.site).toEqual(PATH_B);
    expect(byUrl['en/replies/b1/s1/#s1-p1']!.crumb).toBe('Replies of 2020 › crumb');
    expect(byUrl['en/replies/b1/s1/#s1-p1']!.figures).toBe('en/figures/b1/#fig-3');
  });

  it('keeps two hits with the same path on two shards apart', async () => {
    const pf = mergedPagefind([
      { url: '/shard-a/en/replies/r1/s1/', text: 'Hydrogen buses run in the city.' },
      { url: '/shard-b/en/replies/r1/s1/', text: 'Hydrogen buses run in the county.' },
    ]);
    const results = await runSearch(pf, '/shard-a/', planQuery('hydrogen', lexicon), lexicon, 'Term', { shards: [PATH_B] });
    expect(results.hits.map((h) => `${h.site?.base ?? '/shard-a/'}${h.url}`).sort()).toEqual(['/shard-a/en/replies/r1/s1/#s1-p1', '/shard-b/en/replies/r1/s1/#s1-p1']);
  });

  it("a term found in another shard's index is this site's term page when this site has the term, else the shard's", () => {
    const term = lexicon.terms[0]!;
    const shared = termRecordHit({ url: `${B.base}${term.url}`, meta: { title: 'x', def: 'A definition.' } }, '/shard-a/', lexicon, 'Term', [B]);
    expect(shared.url).toBe(term.url);
    expect(shared.site).toBeUndefined();
    const own = termRecordHit({ url: `${B.base}en/glossary/only-in-b/`, meta: { title: 'Only in B', def: 'Def.' } }, '/shard-a/', lexicon, 'Term', [B]);
    expect(own).toMatchObject({ url: 'en/glossary/only-in-b/', site: B, title: 'Only in B' });
  });
});
