/** Query planning and the lexicon: script folding, glossary lookup in every form, phrase quoting. */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadGlossary } from '../../scripts/lib/glossary.ts';
import { buildLexicon, foldMaps, termRecord } from '../../scripts/lib/search-data.ts';
import { findTerm, foldScript, planQuery } from '../../src/scripts/search-core.ts';
import { normalizeQuery } from '../../src/scripts/normalize.ts';
import { relativeUrl, runSearch, toHit, PAGE } from '../../src/scripts/search.ts';
import { toTraditional } from '../../scripts/lib/hant.ts';
import { loadContent } from '../../scripts/lib/load.ts';
import { runPipeline } from '../../scripts/lib/pipeline.ts';

const glossary = loadGlossary(readFileSync('content/glossary.yaml', 'utf8'), 'content/glossary.yaml');
const corpus = readFileSync('content/replies/zhengzhou-2021-20210574/source.txt', 'utf8').split('\n');
const maps = foldMaps([...corpus.map((l): [string, string] => [l, toTraditional(l)]), ...glossary.terms.map((t): [string, string] => [t.zh, t.hant])]);
const lexicon = (l: 'en' | 'zh-hans' | 'zh-hant') => buildLexicon(l, glossary.terms, maps);

describe('normalizeQuery', () => {
  it('drops tones, case, spaces and punctuation', () => {
    expect(normalizeQuery('Zhuān jīng-tè xīn')).toBe('zhuanjingtexin');
    expect(normalizeQuery('“亩均论英雄”')).toBe('亩均论英雄');
    expect(normalizeQuery('ＳＲＤＩ')).toBe('srdi');
  });
});

describe('foldMaps', () => {
  it('maps Traditional to Simplified and back, from the corpus', () => {
    expect(maps.t2s['畝']).toBe('亩');
    expect(maps.s2t['亩']).toBe('畝');
  });
  it('keeps a character unchanged when that is its majority pairing (制 in 制度 and 链长制)', () => {
    const m = foldMaps([['制度', '制度'], ['制定', '制定'], ['制造', '製造']]);
    expect(m.s2t['制']).toBeUndefined();
    expect(m.t2s['製']).toBe('制');
  });
  it('ignores pairs whose lengths differ', () => {
    expect(foldMaps([['发', '發髮']])).toEqual({ s2t: {}, t2s: {} });
  });
});

describe('findTerm and planQuery', () => {
  it.each([
    ['zh-hans', '亩均论英雄', 'mu-jun-lun-ying-xiong'],
    ['zh-hans', '畝均論英雄', 'mu-jun-lun-ying-xiong'],
    ['zh-hant', '鏈長制', 'lian-zhang-zhi'],
    ['zh-hant', '三送一强', 'san-song-yi-qiang'],
    ['en', 'zhuanjingtexin', 'zhuan-jing-te-xin'],
    ['en', 'zhuan jing te xin', 'zhuan-jing-te-xin'],
    ['en', 'SRDI', 'zhuan-jing-te-xin'],
    ['en', '专精特新', 'zhuan-jing-te-xin'],
    ['zh-hans', 'lvsezhizao', 'lv-se-zhi-zao'],
  ] as const)('%s: %s names the term %s', (locale, q, id) => {
    expect(planQuery(q, lexicon(locale)).term?.id).toBe(id);
  });

  it('folds a Traditional query to the Simplified site and quotes Chinese phrases', () => {
    const plan = planQuery('富士康招聘員工', lexicon('zh-hans'));
    expect(plan.folded).toBe('富士康招聘员工');
    expect(plan.text).toBe('"富士康招聘员工"');
    expect(plan.fallback).toBe('富士康招聘员工');
    expect(plan.term).toBeUndefined();
  });

  it('folds a Simplified query to the Traditional site', () => {
    expect(planQuery('防护口罩', lexicon('zh-hant')).folded).toBe('防護口罩');
  });

  it('does not treat a multi-word English query as the prefix of a term', () => {
    expect(planQuery('entrepreneur training', lexicon('en')).term).toBeUndefined();
    expect(planQuery('Foxconn', lexicon('en')).text).toBe('Foxconn');
  });

  it('finds a term inside a longer Chinese query', () => {
    expect(findTerm('亩均论英雄综合评价', lexicon('zh-hans').terms)?.id).toBe('mu-jun-lun-ying-xiong');
  });

  it('searches the blocks of a named term by its own form, unquoted, and for a Chinese term by its phrase too', () => {
    expect(planQuery('mujunlunyingxiong', lexicon('zh-hans'))).toMatchObject({ termText: '亩均论英雄', termPhrase: '"亩均论英雄"', text: 'mujunlunyingxiong' });
    expect(planQuery('畝均論英雄', lexicon('zh-hans'))).toMatchObject({ termText: '亩均论英雄', termPhrase: '"亩均论英雄"', text: '"亩均论英雄"' });
    expect(planQuery('亩均论英雄', lexicon('zh-hant'))).toMatchObject({ termText: '畝均論英雄', termPhrase: '"畝均論英雄"' });
    const en = planQuery('SRDI', lexicon('en'));
    expect(en.termText).toBe('specialized, refined, distinctive and innovative');
    expect(en.termPhrase).toBeUndefined();
    expect(planQuery('Foxconn', lexicon('en')).termText).toBeUndefined();
  });

  it('highlights the term in the locale script when a term is named', () => {
    expect(planQuery('mujunlunyingxiong', lexicon('zh-hant')).highlight).toBe('畝均論英雄');
    expect(foldScript('畝均', lexicon('zh-hans').t2s)).toBe('亩均');
  });
});

describe('search records', () => {
  it('a term record is in the locale script and language, with the kind filter only', () => {
    const t = glossary.terms.find((x) => x.id === 'mu-jun-lun-ying-xiong')!;
    const r = termRecord(t, 'zh-hant');
    expect(r.meta.title).toBe('畝均論英雄');
    expect(r.content).toContain('mujunlunyingxiong');
    expect(r.filters).toEqual({ kind: ['term'] });
  });

  it('one record per block and per glossary term in each locale; blocks stating figures carry kind figure and their first row', () => {
    const content = loadContent('content');
    const { search, figures } = runPipeline(content);
    const blocks = content.replies.reduce((n, r) => n + r.doc.blocks.length, 0);
    for (const locale of ['en', 'zh-hans', 'zh-hant']) {
      const mine = search.records.filter((r) => r.language === locale);
      expect(mine).toHaveLength(blocks + glossary.terms.length);
      expect(mine.filter((r) => r.url.includes('/figures/'))).toEqual([]);
    }
    for (const r of search.records) {
      expect(Object.keys(r.filters).sort(), r.url).toEqual(r.filters.kind![0] === 'term' ? ['kind'] : ['kind', 'reply', 'section']);
      expect(r.filters.kind!.includes('figure'), r.url).toBe(r.meta.fig !== undefined);
    }
    const [slug, list] = [...figures][0]!;
    const first = list[0]!;
    const record = search.records.find((r) => r.language === 'en' && r.url.endsWith(`#${first.block}`) && r.url.includes(slug))!;
    expect(record.filters.kind).toEqual([expect.any(String), 'figure']);
    expect(record.meta.fig).toBe('1');
    // Blocks that restate a figure listed at its first statement (alsoIn) link to that row too.
    const figureBlocks = new Set(list.flatMap((f) => [f.block, ...(f.alsoIn ?? [])]));
    expect(search.records.filter((r) => r.language === 'zh-hans' && r.meta.fig)).toHaveLength(figureBlocks.size);
    const own = new Set(list.map((f) => f.block));
    const restated = list.flatMap((f, i) => (f.alsoIn ?? []).filter((b) => !own.has(b)).map((b) => ({ b, row: String(i + 1) })));
    for (const { b, row } of restated) expect(search.records.find((r) => r.language === 'en' && r.url.endsWith(`#${b}`))!.meta.fig, b).toBe(restated.find((x) => x.b === b)!.row);
  });

  it('result URLs become relative to the base whether or not Pagefind prefixed it', () => {
    expect(relativeUrl('/policy/en/replies/x/s1/#s1-p1', '/policy/')).toBe('en/replies/x/s1/#s1-p1');
    expect(relativeUrl('/en/glossary/a/', '/')).toBe('en/glossary/a/');
    expect(relativeUrl('en/glossary/a/', '/policy/')).toBe('en/glossary/a/');
  });
});

/** A stand-in for Pagefind: each query returns the given records in order; counts fragment loads. */
function fakePagefind(byQuery: Record<string, { url: string; kind?: string[]; meta?: Record<string, string>; reply?: string }[]>, base = '/') {
  const loads: string[] = [];
  const queries: { q: string | null; filters?: Record<string, string> }[] = [];
  return {
    loads,
    queries,
    pf: {
      options: async () => {},
      search: async (q: string | null, o?: { filters?: Record<string, string> }) => {
        queries.push({ q, filters: o?.filters });
        return {
          results: (byQuery[q ?? ''] ?? []).map((r) => ({
            id: r.url,
            data: async () => {
              loads.push(r.url);
              return { url: `${base}${r.url}`, excerpt: `<mark>${q}</mark>`, meta: { title: r.url, crumb: 'c', ...r.meta }, filters: { kind: r.kind ?? ['paragraph'], ...(r.reply ? { reply: [r.reply] } : {}) } };
            },
          })),
        };
      },
    },
  };
}

describe('runSearch', () => {
  const blocks = (n: number, prefix = 'zh-hans/replies/r/s1/#b') => Array.from({ length: n }, (_, i) => ({ url: `${prefix}${i + 1}` }));

  it('lists the term page, then the blocks with the term (ranked by the loose query, kept if they hold the phrase), then text matches, without a term filter', async () => {
    const plan = planQuery('mujunlunyingxiong', lexicon('zh-hans'));
    const term = { url: 'zh-hans/glossary/mu-jun-lun-ying-xiong/', kind: ['term'] };
    const { pf, queries } = fakePagefind({
      亩均论英雄: [term, { url: 'zh-hans/replies/r/s2/#b' }, { url: 'zh-hans/replies/r/s3/#apart' }, { url: 'zh-hans/replies/r/s1/#a' }],
      '"亩均论英雄"': [term, { url: 'zh-hans/replies/r/s1/#a' }, { url: 'zh-hans/replies/r/s2/#b' }],
      mujunlunyingxiong: [term, { url: 'zh-hans/replies/r/s4/#pinyin' }],
    }, '/policy/');
    const results = await runSearch(pf, '/policy/', plan, 'Term');
    expect(results.hits.map((h) => h.url)).toEqual(['zh-hans/glossary/mu-jun-lun-ying-xiong/', 'zh-hans/replies/r/s2/#b', 'zh-hans/replies/r/s1/#a', 'zh-hans/replies/r/s4/#pinyin']);
    expect(results.hits[0]!.kind).toBe('term');
    expect(queries.every((q) => !q.filters || !('term' in q.filters))).toBe(true);
    expect(results.remaining()).toBe(0);
  });

  it('asks Pagefind each distinct query once', async () => {
    const plan = planQuery('亩均论英雄', lexicon('zh-hans'));
    const { pf, queries } = fakePagefind({ '"亩均论英雄"': blocks(2) });
    await runSearch(pf, '/', plan, 'Term');
    expect(queries.map((q) => q.q).sort()).toEqual(['"亩均论英雄"', '亩均论英雄']);
  });

  it(`loads ${PAGE} fragments at first and ${PAGE} more on demand, each once`, async () => {
    const plan = planQuery('口罩', lexicon('zh-hans'));
    const { pf, loads } = fakePagefind({ '"口罩"': blocks(25) });
    const results = await runSearch(pf, '/', plan, 'Term');
    expect(results.hits).toHaveLength(PAGE);
    expect(loads).toHaveLength(PAGE);
    expect(results.remaining()).toBe(25 - PAGE);
    const added = await results.more();
    expect(added.map((h) => h.url)).toEqual(blocks(25).slice(PAGE, 2 * PAGE).map((b) => b.url));
    await results.more();
    expect(results.hits.map((h) => h.url)).toEqual(blocks(25).map((b) => b.url));
    expect(new Set(loads).size).toBe(loads.length);
    expect(results.remaining()).toBe(0);
    expect(await results.more()).toEqual([]);
  });

  it('puts blocks before term pages within what it loads, and tops a page up when a result repeats the term page', async () => {
    const plan = planQuery('专精特新', lexicon('zh-hans'));
    const { pf } = fakePagefind({ '"专精特新"': [{ url: 'zh-hans/glossary/zhuan-jing-te-xin/', kind: ['term'] }, { url: 'zh-hans/glossary/other/', kind: ['term'] }, ...blocks(12)] });
    const results = await runSearch(pf, '/', plan, 'Term');
    expect(results.hits.map((h) => h.url)).toEqual(['zh-hans/glossary/zhuan-jing-te-xin/', ...blocks(8).map((b) => b.url), 'zh-hans/glossary/other/']);
    expect(results.remaining()).toBe(4);
  });

  it('falls back to the loose query when the phrase finds nothing, and passes the narrowing filters on', async () => {
    const plan = planQuery('富士康员工', lexicon('zh-hans'));
    const { pf, queries } = fakePagefind({ 富士康员工: blocks(2) });
    const results = await runSearch(pf, '/', plan, 'Term', { kind: 'paragraph', reply: 'r', section: '' });
    expect(results.hits).toHaveLength(2);
    expect(queries.map((q) => q.q)).toEqual(['"富士康员工"', '富士康员工']);
    expect(queries.every((q) => JSON.stringify(q.filters) === JSON.stringify({ kind: 'paragraph', reply: 'r' }))).toBe(true);
  });

  it('links a block that states key figures to its rows on the figures page', () => {
    const hit = toHit({ url: '/policy/en/replies/r/s1/#s1-p1', excerpt: '', meta: { title: 't', crumb: 'c', fig: '5' }, filters: { kind: ['paragraph', 'figure'], reply: ['r'] } }, '/policy/');
    expect(hit).toMatchObject({ url: 'en/replies/r/s1/#s1-p1', kind: 'paragraph', figures: 'en/figures/r/#fig-5' });
    expect(toHit({ url: '/en/glossary/a/', excerpt: '', meta: { title: 'a' }, filters: { kind: ['term'] } }, '/').figures).toBeUndefined();
  });
});
