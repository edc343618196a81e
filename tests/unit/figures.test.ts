// Key figures: the period a figure belongs to, and a figure the reply states twice is listed once.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractFigures, isRestatement, statementYear, type Figure } from '../../scripts/lib/figures.ts';
import { loadContent } from '../../scripts/lib/load.ts';
import { attachTranslation } from '../../scripts/lib/translations.ts';
import { parseReply } from '../../scripts/lib/parse.ts';
import { ROOT } from './helpers.ts';

describe('statementYear', () => {
  it.each([
    ['2020年，全市规模以上工业增加值增长6.1%', '2020'],
    ['高耗能产业比重降至26.2%，比2019年降低0.4个百分点', undefined],
    ['出台实施氢燃料电池汽车发展规划(2020-2025年)', undefined],
    ['出台实施《郑州市制造业招商引资三年行动计划(2020-2022年)》', undefined],
    ['印发《2020年全市工信系统安全生产工作要点》', undefined],
    ['比2019年增长5%，2020年新增企业30家', '2020'],
    ['2018至2020年累计投资', undefined],
    ['2018年至2020年累计投资', undefined],
    ['规划(2020年—2025年)', undefined],
    ['没有年份', undefined],
  ])('%s → %s', (zh, year) => {
    expect(statementYear(zh)).toBe(year);
  });
});

describe('extractFigures on a reply that restates its figures', () => {
  const source = [
    '尊敬的委员：',
    '一、现状',
    '2020年，我市工业投资快速增长，增速达到20.9%，新增企业3家。',
    '二、工作',
    '2020年，我们狠抓工业投资。',
    '（一）抓项目。出台《三年行动计划(2020-2022年)》。全市工业投资增长20.9%，培育工厂3家，签约项目450个。',
    '（二）抓投资。另有签约项目450个。',
  ].join('\n');
  const doc = parseReply(source, { slug: 'x', file: 'x.txt', meta: { year: 2021 } });
  const figures = extractFigures(doc, attachTranslation(doc, undefined));
  const find = (zh: string) => figures.filter((f) => f.zh === zh);

  it('takes the period from the statement year, not from a plan period or a title, and inherits it within the section', () => {
    expect(find('20.9%').map((f) => f.period)).toEqual(['2020']);
    expect(find('450个').map((f) => f.period)).toEqual(['2020', '2020']);
  });

  it('lists a restated specific figure once, pointing to where it is stated again', () => {
    expect(find('20.9%')).toHaveLength(1);
    expect(find('20.9%')[0]!.alsoIn).toHaveLength(1);
  });

  it('never merges round small numbers, which coincide by chance', () => {
    expect(find('3家')).toHaveLength(2);
    expect(find('450个')).toHaveLength(2);
  });
});

describe('isRestatement', () => {
  const base: Figure = { reply: 'r', block: 'a', page: 's1', kind: 'growth', value: 20.9, unit: '%', period: '2020', zh: '20.9%', contextZh: '增速达到20.9%' };
  const text = new Map([['a', '工业投资快速增长，增速达到20.9%'], ['b', '全市工业投资增长20.9%'], ['c', '软件收入增长20.9%']]);
  it('needs the same value, unit, kind and period, and a shared four-character phrase', () => {
    expect(isRestatement(base, { ...base, block: 'b' }, text)).toBe(true);
    expect(isRestatement(base, { ...base, block: 'c' }, text)).toBe(false);
    expect(isRestatement(base, { ...base, block: 'b', period: '2019' }, text)).toBe(false);
    expect(isRestatement(base, { ...base, block: 'b', kind: 'share' }, text)).toBe(false);
    expect(isRestatement(base, { ...base, block: 'a' }, text)).toBe(false);
  });
});

describe('the seed reply', () => {
  const content = loadContent(join(ROOT, 'content'), ROOT);
  const reply = content.replies.find((r) => r.doc.slug === 'zhengzhou-2021-20210574')!;
  const figures = extractFigures(reply.doc, attachTranslation(reply.doc, reply.translation));

  it('lists the growth rates of industrial investment once, for 2020', () => {
    for (const zh of ['20.9%', '52.6%', '26.7%']) {
      const f = figures.filter((x) => x.zh === zh);
      expect(f, zh).toHaveLength(1);
      expect(f[0]!.period).toBe('2020');
      expect(f[0]!.alsoIn).toEqual(['s2-4-p1-pt3']);
    }
  });

  it('keeps both cloud-enterprise shares, which the reply gives differently (38% and 32%)', () => {
    expect(figures.filter((f) => f.kind === 'share' && (f.value === 38 || f.value === 32)).map((f) => f.block)).toEqual(['s1-p2-pt4', 's2-5-p1-pt2']);
  });

  it('dates no figure by a plan period or a comparison year', () => {
    expect(figures.filter((f) => f.period === '2019' || f.period === '2022' || f.period === '2025')).toEqual([]);
  });
});
