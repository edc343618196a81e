/**
 * How a key figure reads on a page: its value with the text's qualifier
 * (English "more than 1,100", Chinese 1,100余 as written), money in billion
 * yuan or 亿元, its indicator and period in the page's language. Shared by the
 * figures pages and anyone showing headline figures, so they all say the same.
 */
import type { Figure } from '../../scripts/lib/figures.ts';
import { AFTER_UNIT } from '../../scripts/lib/figure-clauses.ts';
import { toTraditional } from '../../scripts/lib/hant.ts';
import { formatNumber } from '../../scripts/lib/svg-chart.ts';
import { t, type Locale } from './site';

/** Chinese units for the Chinese pages (the figures carry English units). */
const UNIT_ZH: Record<string, string> = {
  enterprises: '家', organizations: '家', units: '个', people: '人', 'person-times': '人次', items: '项', vehicles: '辆', permits: '张', events: '场', times: '次', loans: '笔', copies: '本',
  yuan: '元', tonnes: '吨', pieces: '只', '%': '%', 'percentage points': '个百分点', 'vehicle trips': '车次', days: '天', mm: '毫米', km: '公里', 'm²': '平方米', m: '米', mu: '亩', hectares: '公顷',
  'units (housing)': '套', institutions: '所', lines: '条', households: '户', structures: '座', machines: '台', cases: '件', rooms: '间', 'times over': '倍', rank: '位',
};

const ordinal = (n: number) => `${n}${n % 100 >= 11 && n % 100 <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;

/** A figure's number and unit as a page shows them: money scaled (billion yuan, 亿元), ranks as ordinals, the qualifier in the page's words. */
export function figureValue(f: Pick<Figure, 'value' | 'unit' | 'kind' | 'qualifier' | 'qualifierZh'>, locale: Locale, options: { moneyScale?: number } = {}): { number: string; unit: string } {
  const zh = locale !== 'en';
  let number: string;
  let unit: string;
  if (f.kind === 'money' && options.moneyScale) {
    // A chart's common scale (billion yuan, 亿元), so that every bar's text is in the chart's unit.
    number = formatNumber(f.value / options.moneyScale, 4);
    unit = t(locale, 'figures.money.billion');
  } else if (f.kind === 'money') {
    const [scale, key] = zh ? (f.value >= 1e8 ? [1e8, 'figures.money.billion'] : f.value >= 1e4 ? [1e4, 'figures.money.million'] : [1, 'figures.money.yuan']) : f.value >= 1e9 ? [1e9, 'figures.money.billion'] : f.value >= 1e6 ? [1e6, 'figures.money.million'] : [1, 'figures.money.yuan'];
    number = formatNumber(f.value / (scale as number), 4);
    unit = t(locale, key as 'figures.money.billion');
  } else if (f.unit === 'rank') {
    number = zh ? `第${f.value}` : ordinal(f.value);
    unit = zh ? (locale === 'zh-hant' ? toTraditional('位') : '位') : '';
  } else {
    number = formatNumber(f.value, 4);
    unit = zh ? (locale === 'zh-hant' ? toTraditional(UNIT_ZH[f.unit] ?? f.unit) : UNIT_ZH[f.unit] ?? f.unit) : f.unit;
  }
  if (f.unit === '%') {
    number = `${number}%`;
    unit = '';
  }
  if (f.qualifier !== 'none') {
    if (zh) {
      // The Chinese words as written: 近 before the number, 余/多 after it, 以上/左右 after the unit.
      const words = (f.qualifierZh ?? '').split('…').filter(Boolean);
      const conv = (list: string[]) => list.map((w) => (locale === 'zh-hant' ? toTraditional(w) : w));
      const after = conv(words.filter((w) => AFTER_UNIT.includes(w)));
      const inner = conv(words.filter((w) => w === '余' || w === '多'));
      const before = conv(words.filter((w) => !AFTER_UNIT.includes(w) && w !== '余' && w !== '多'));
      number = `${before.join('')}${number}${inner.join('')}`;
      if (after.length) {
        if (unit) unit = `${unit}${after.join('')}`;
        else number = `${number}${after.join('')}`;
      }
    } else number = `${t(locale, `figures.q.${f.qualifier}` as 'figures.q.about')} ${number}`;
  }
  return { number, unit };
}

/** A figure's value with its unit in one string ("more than 1,100 units", "1,100余个"). */
export function figureValueText(f: Pick<Figure, 'value' | 'unit' | 'kind' | 'qualifier' | 'qualifierZh'>, locale: Locale): string {
  const { number, unit } = figureValue(f, locale);
  return unit ? `${number}${locale === 'en' ? ' ' : ''}${unit}` : number;
}

/** A figure's indicator in the page's language, with the language it is in (English pages fall back to the Chinese while a block is untranslated). */
export function figureIndicator(f: Pick<Figure, 'indicatorZh' | 'indicatorEn'>, locale: Locale): { text: string; lang: string } {
  if (locale === 'en' && f.indicatorEn) return { text: f.indicatorEn.replace(/[a-z]/, (c) => c.toUpperCase()), lang: 'en' };
  if (locale === 'zh-hant') return { text: toTraditional(f.indicatorZh), lang: 'zh-Hant' };
  return { text: f.indicatorZh, lang: 'zh-Hans' };
}

/** A figure's period as a page labels it: the year or years, plus the status when it is a target ("2021, target"). */
export function figurePeriod(f: Pick<Figure, 'period' | 'status'>, locale: Locale): string {
  const period = f.period ?? '—';
  return f.status === 'target' ? `${period}${locale === 'en' ? ', ' : '，'}${t(locale, 'figures.status.target')}` : period;
}
