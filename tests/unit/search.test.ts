/** Query planning and the lexicon: script folding, glossary lookup in every form, phrase quoting. */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadGlossary } from '../../scripts/lib/glossary.ts';
import { buildLexicon, foldMaps, termRecord } from '../../scripts/lib/search-data.ts';
import { findTerm, foldScript, planQuery } from '../../src/scripts/search-core.ts';
import { normalizeQuery } from '../../src/scripts/normalize.ts';
import { relativeUrl } from '../../src/scripts/search.ts';
import { toTraditional } from '../../scripts/lib/hant.ts';

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

  it('highlights the term in the locale script when a term is named', () => {
    expect(planQuery('mujunlunyingxiong', lexicon('zh-hant')).highlight).toBe('畝均論英雄');
    expect(foldScript('畝均', lexicon('zh-hans').t2s)).toBe('亩均');
  });
});

describe('search records', () => {
  it('a term record is in the locale script and language, with the term filter', () => {
    const t = glossary.terms.find((x) => x.id === 'mu-jun-lun-ying-xiong')!;
    const r = termRecord(t, 'zh-hant');
    expect(r.meta.title).toBe('畝均論英雄');
    expect(r.content).toContain('mujunlunyingxiong');
    expect(r.filters).toEqual({ kind: ['term'], term: ['mu-jun-lun-ying-xiong'] });
  });

  it('result URLs become relative to the base whether or not Pagefind prefixed it', () => {
    expect(relativeUrl('/policy/en/replies/x/s1/#s1-p1', '/policy/')).toBe('en/replies/x/s1/#s1-p1');
    expect(relativeUrl('/en/glossary/a/', '/')).toBe('en/glossary/a/');
    expect(relativeUrl('en/glossary/a/', '/policy/')).toBe('en/glossary/a/');
  });
});
