// The replies index's facets: year, issuer, type, outcome; counts, order (newest first) and stable ASCII URL segments, whatever the meta holds.
import { describe, expect, it } from 'vitest';
import { facetSegment, issuerSlug, replyFacets, replyYear } from '../../scripts/lib/facets.ts';
import type { ReplyMeta } from '../../scripts/lib/model.ts';

const reply = (slug: string, meta: Partial<ReplyMeta>) => ({ slug, meta: { title: { zh: '答复' }, ...meta } as ReplyMeta });

/** A small corpus with the kinds of variation real replies have: suggestions and proposals, outcomes or none, dates or a year or neither, issuers named with stray spaces, an English name on one reply only. */
const CORPUS = [
  reply('gaoping-2023-71', { type: 'suggestion', proposalNumber: '71', date: '2023-06-29', issuingBody: { zh: '高平市卫生健康和体育局' } }),
  reply('huainan-2023-182', { type: 'suggestion', outcome: 'B', date: '2023-05-05', issuingBody: { zh: '淮南市交通运输局', en: 'Huainan Municipal Transport Bureau' } }),
  reply('huainan-2022-12', { type: 'proposal', outcome: 'A', year: 2022, issuingBody: { zh: '淮南市 交通运输局 ' } }),
  reply('baoji-2019-225', { type: 'proposal', outcome: 'C', date: '2019-07-26', issuingBody: { zh: '宝鸡市生态环境局' } }),
  reply('undated', { outcome: 'B' }),
  reply('zhengzhou-2021', { proposalNumber: '20210574', year: 2021, issuingBody: { zh: '郑州市工业和信息化局', en: 'Zhengzhou Municipal Bureau of Industry and Information Technology' } }),
];

describe('replyFacets', () => {
  const f = replyFacets(CORPUS);

  it('orders replies newest first (date, else year), undated last', () => {
    expect(f.order).toEqual(['gaoping-2023-71', 'huainan-2023-182', 'huainan-2022-12', 'zhengzhou-2021', 'baoji-2019-225', 'undated']);
  });

  it('counts each value of each facet', () => {
    expect(f.years).toEqual([
      { slug: '2023', year: 2023, count: 2 },
      { slug: '2022', year: 2022, count: 1 },
      { slug: '2021', year: 2021, count: 1 },
      { slug: '2019', year: 2019, count: 1 },
    ]);
    expect(f.types).toEqual([{ slug: 'suggestion', count: 2 }, { slug: 'proposal', count: 2 }]);
    expect(f.outcomes).toEqual([{ slug: 'A', count: 1 }, { slug: 'B', count: 2 }, { slug: 'C', count: 1 }]);
  });

  it('treats an issuer written with spaces as the same issuer, keeps its English name and converts it to Traditional', () => {
    const huainan = f.issuers.find((i) => i.zh === '淮南市交通运输局')!;
    expect(huainan).toEqual({ slug: 'huai-nan-shi-jiao-tong-yun-shu-ju', zh: '淮南市交通运输局', hant: '淮南市交通運輸局', en: 'Huainan Municipal Transport Bureau', count: 2 });
    expect(f.issuers[0]).toBe(huainan);
    expect(f.issuers).toHaveLength(4);
    expect(f.byReply['huainan-2022-12']).toEqual({ year: 2022, type: 'proposal', outcome: 'A', issuer: 'huai-nan-shi-jiao-tong-yun-shu-ju' });
  });

  it('leaves out what a reply does not state', () => {
    expect(f.byReply.undated).toEqual({ outcome: 'B' });
    expect(f.byReply['zhengzhou-2021']).toEqual({ year: 2021, issuer: 'zheng-zhou-shi-gong-ye-he-xin-xi-hua-ju' });
  });

  it('the counts of every facet add up to the replies that have it', () => {
    for (const [facet, list] of [['year', f.years], ['type', f.types], ['outcome', f.outcomes]] as const) {
      const having = Object.values(f.byReply).filter((v) => v[facet] !== undefined).length;
      expect(list.reduce((n, v) => n + v.count, 0)).toBe(having);
    }
    expect(f.issuers.reduce((n, v) => n + v.count, 0)).toBe(5);
  });

  it('gives two issuers whose pinyin is the same their own segments', () => {
    const twins = replyFacets([reply('a', { issuingBody: { zh: '市教育局' } }), reply('b', { issuingBody: { zh: '市教育菊' } })]);
    expect(twins.issuers.map((i) => i.slug).sort()).toEqual(['shi-jiao-yu-ju', 'shi-jiao-yu-ju-2']);
  });

  it('is empty for no replies', () => {
    expect(replyFacets([])).toEqual({ order: [], years: [], issuers: [], types: [], outcomes: [], byReply: {} });
  });
});

describe('segments', () => {
  it('issuer slugs are ASCII, kebab-case and bounded, also for Latin letters and digits in the name', () => {
    for (const name of ['高平市卫生健康和体育局', '云南省工业和信息化委员会（ABC）', '第2工作组', '绿色发展局', '内蒙古自治区呼和浩特市赛罕区人民政府办公室行政审批服务局和大数据中心综合科']) {
      const slug = issuerSlug(name);
      expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(slug.length).toBeLessThanOrEqual(80);
    }
    expect(issuerSlug('绿色发展局')).toBe('lv-se-fa-zhan-ju');
    expect(issuerSlug('（）')).toBe('issuer');
  });

  it('years come from meta.year, else the date', () => {
    expect(replyYear({ year: 2020, date: '2021-01-02' })).toBe(2020);
    expect(replyYear({ date: '2021-01-02' })).toBe(2021);
    expect(replyYear({})).toBeUndefined();
    expect(facetSegment('B')).toBe('b');
  });
});
