// Key figures: the period a figure belongs to, and a figure the reply states twice is listed once.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractFigures, figureSchema, isRestatement, statementPeriod, statementYear, type Figure } from '../../scripts/lib/figures.ts';
import { chartGroups, headlineFigures, numberFigures, COUNT_RANGE, HEADLINE_MAX, HEADLINE_MIN } from '../../scripts/lib/figure-views.ts';
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

describe('statementPeriod', () => {
  it.each([
    ['2020年，全市规模以上工业增加值增长6.1%', undefined, '2020'],
    ['2021-2022年完成农村公路提质改造工程283公里', undefined, '2021-2022'],
    ['“十三五”时期建设农村公路3513公里', undefined, '2016-2020'],
    ['出台实施氢燃料电池汽车发展规划(2020-2025年)', undefined, undefined],
    ['2012年来累计投入约6亿元', 2019, '2012-2019'],
    ['力争到2025年，增长8%', undefined, '2025'],
    ['比2019年降低0.4个百分点', undefined, undefined],
  ] as const)('%s → %s', (zh, year, period) => {
    expect(statementPeriod(zh, year)).toBe(period);
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
  const base: Figure = { reply: 'r', block: 'a', page: 's1', kind: 'growth', value: 20.9, unit: '%', qualifier: 'none', status: 'result', indicatorZh: '工业投资增速', period: '2020', zh: '20.9%', contextZh: '增速达到20.9%' };
  const text = new Map([['a', '工业投资快速增长，增速达到20.9%'], ['b', '全市工业投资增长20.9%'], ['c', '软件收入增长20.9%']]);
  it('needs the same value, unit, kind and period, and a shared four-character phrase', () => {
    expect(isRestatement(base, { ...base, block: 'b' }, text)).toBe(true);
    expect(isRestatement(base, { ...base, block: 'c' }, text)).toBe(false);
    expect(isRestatement(base, { ...base, block: 'b', period: '2019' }, text)).toBe(false);
    expect(isRestatement(base, { ...base, block: 'b', kind: 'share' }, text)).toBe(false);
    expect(isRestatement(base, { ...base, block: 'a' }, text)).toBe(false);
    expect(isRestatement(base, { ...base, block: 'b', status: 'target' }, text)).toBe(false);
    expect(isRestatement(base, { ...base, block: 'b', qualifier: 'more-than' }, text)).toBe(false);
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

  it('has qualifier, status, period and indicators in both languages on every row', () => {
    for (const f of figures) {
      expect(f.period, f.zh).toMatch(/^\d{4}$/);
      expect(f.indicatorZh, f.zh).toBeTruthy();
      expect(f.indicatorEn, f.zh).toBeTruthy();
      // An indicator names what is counted; it is not the sentence.
      expect(f.indicatorEn!.split(/\s+/).length, f.indicatorEn).toBeLessThanOrEqual(18);
      expect(f.indicatorZh.length, f.indicatorZh).toBeLessThanOrEqual(32);
    }
  });

  it('writes figures that match the schema of the generated data, and the schema rejects a figure without qualifier or status', () => {
    for (const f of figures) expect(figureSchema.safeParse(JSON.parse(JSON.stringify(f))).success, f.zh).toBe(true);
    const { qualifier: _q, ...noQualifier } = figures[0]!;
    expect(figureSchema.safeParse(noQualifier).success).toBe(false);
    expect(figureSchema.safeParse({ ...figures[0]!, status: 'plan' }).success).toBe(false);
    expect(figureSchema.safeParse({ ...figures[0]!, qualifier: 'nearly' }).success).toBe(false);
  });

  it('keeps the qualifiers the review found dropped', () => {
    const q = (zh: string) => figures.find((f) => f.zh === zh)?.qualifier;
    expect(q('1100余个')).toBe('more-than');
    expect(q('近400万吨')).toBe('nearly');
    expect(q('400家左右')).toBe('about');
    expect(q('不低于150家')).toBe('at-least');
    expect(q('2000多本')).toBe('more-than');
    expect(q('80%以上')).toBe('more-than');
    expect(q('30余个')).toBe('more-than');
    expect(figures.filter((f) => f.qualifier !== 'none').length).toBeGreaterThanOrEqual(14);
  });

  it('pairs 5 technological innovation demonstration enterprises with their own English clause, not the innovation centres', () => {
    const five = figures.filter((f) => f.block === 's2-5-p1-pt1' && f.value === 5);
    expect(five.map((f) => f.indicatorZh)).toEqual(['市级制造业创新中心', '技术创新示范企业']);
    expect(five[1]!.labelEn).toMatch(/technological innovation demonstration enterprises/);
    expect(five[1]!.labelEn).not.toMatch(/innovation centers/);
    expect(five[1]!.indicatorEn).toBe('technological innovation demonstration enterprises');
  });

  it('lists the 33,000 cloud-based enterprises and the 18,000 5G base stations once each', () => {
    for (const value of [33000, 18000]) {
      const list = figures.filter((f) => f.value === value);
      expect(list, String(value)).toHaveLength(1);
      expect(list[0]!.alsoIn, String(value)).toEqual(['s2-5-p1-pt2']);
    }
  });

  it('marks the plans of section III as targets and the work of sections I and II as results, but for the estimate (预计)', () => {
    expect(new Set(figures.filter((f) => f.page === 's3').map((f) => f.status))).toEqual(new Set(['target']));
    expect(figures.filter((f) => f.page !== 's3' && f.status === 'target').map((f) => f.zh)).toEqual(['6亿元']);
  });

  it('charts comparable figures only: one kind, unit and status per chart, counts only from one sentence', () => {
    const groups = chartGroups(numberFigures(figures));
    expect(groups.length).toBeGreaterThan(2);
    for (const g of groups) {
      expect(new Set(g.figures.map((f) => `${f.kind}|${f.unit}|${f.status}`)).size, g.id).toBe(1);
      if (g.block) expect(new Set(g.figures.map((f) => `${f.block}|${f.sentence}`)).size, g.id).toBe(1);
    }
    // Not 16,000 enterprises next to 13, nor 1,084 enterprises next to 3 green factories.
    expect(groups.some((g) => g.figures.some((f) => f.value === 16000))).toBe(false);
    expect(groups.some((g) => g.figures.some((f) => f.value === 1084))).toBe(false);
    for (const g of groups.filter((x) => x.block)) expect(Math.max(...g.figures.map((f) => f.value)) / Math.min(...g.figures.map((f) => f.value)), g.id).toBeLessThanOrEqual(COUNT_RANGE);
    const listed = groups.find((g) => g.figures.some((f) => f.zh === '143家'))!;
    expect(listed.figures.map((f) => f.zh)).toEqual(['11家', '10家', '5家', '62家', '143家']);
    expect(groups.some((g) => g.figures.some((f) => f.status === 'target') && g.figures.some((f) => f.status === 'result'))).toBe(false);
    expect(new Set(groups.map((g) => g.id)).size).toBe(groups.length);
  });

  it('picks 3 to 5 headline results, money and growth first', () => {
    const head = headlineFigures(numberFigures(figures));
    expect(head.length).toBeGreaterThanOrEqual(HEADLINE_MIN);
    expect(head.length).toBeLessThanOrEqual(HEADLINE_MAX);
    expect(head.every((f) => f.status === 'result')).toBe(true);
    expect(head.map((f) => f.kind).slice(0, 4)).toEqual(['money', 'growth', 'money', 'growth']);
    expect(head[0]!.zh).toBe('1928亿元');
    expect(head.map((f) => f.row)).toEqual(head.map((f) => figures.indexOf(figures.find((g) => g.zh === f.zh && g.block === f.block)!) + 1));
  });

  it('falls back to targets when a reply states fewer than three results', () => {
    const targets = numberFigures(figures.filter((f) => f.status === 'target'));
    const head = headlineFigures(targets);
    expect(head.length).toBe(HEADLINE_MIN);
    expect(head.every((f) => f.status === 'target')).toBe(true);
    expect(headlineFigures([])).toEqual([]);
  });
});

