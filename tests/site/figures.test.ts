/**
 * The key figures pages in Chromium, as the review read them: every table row
 * names its indicator, period and status and keeps the text's qualifier; the
 * headline figures link to their rows; chart text stays at least 12 px on a
 * 390 px phone and the page does not scroll sideways; the downloads carry the
 * same columns.
 */
import { describe, it, expect } from 'vitest';
import { useSiteBrowser } from './helpers.ts';

const SLUG = 'zhengzhou-2021-20210574';
// Chromium and the /policy/ build; every test fails on a request off 127.0.0.1 or a console error of its pages.
const { newContext, url } = useSiteBrowser('sub');

describe.each([
  ['en', 'more than 1,100 units', 'Target'],
  ['zh-hans', '1,100余个', '目标'],
  ['zh-hant', '1,100餘個', '目標'],
])('%s figures page', (locale, hedged, target) => {
  it('has indicator, value with qualifier, period and status on every row, and headline figures that link to rows', async () => {
    const context = await newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(url(`${locale}/figures/${SLUG}/`));
    const rows = await page.$$eval('.figures-table tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')));
    expect(rows.length).toBeGreaterThan(50);
    for (const row of rows) {
      expect(row[1], `indicator of row ${row[0]}`).not.toBe('');
      expect(row[2], `value of row ${row[0]}`).not.toBe('');
      expect(row[3], `period and status of row ${row[0]}`).toMatch(/^\d{4}.*[,，]\s?\S+$/);
    }
    expect(rows.some((r) => r[2] === hedged), `a row reads ${hedged}`).toBe(true);
    expect(rows.some((r) => r[3]!.endsWith(target))).toBe(true);
    const headline = await page.$$eval('.headline-figures a', (as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(headline.length).toBeGreaterThanOrEqual(3);
    expect(headline.length).toBeLessThanOrEqual(5);
    for (const href of headline) expect(await page.locator(href).count(), href).toBe(1);
    await context.close();
  });

  it('keeps chart text at least 12 px on a 390 px phone, without sideways scrolling', async () => {
    const context = await newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(url(`${locale}/figures/${SLUG}/`));
    const sizes = await page.$$eval('svg.chart', (svgs) => (svgs as SVGSVGElement[]).map((svg) => (svg.getBoundingClientRect().width / svg.viewBox.baseVal.width) * Number(svg.getAttribute('font-size'))));
    expect(sizes.length).toBeGreaterThan(2);
    for (const size of sizes) expect(size).toBeGreaterThanOrEqual(12);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await context.close();
  });
});

describe('figures downloads', () => {
  it('carry the indicator, qualifier, status and period columns', async () => {
    const bytes = new Uint8Array(await (await fetch(url(`data/figures.csv`))).arrayBuffer());
    expect([...bytes.slice(0, 3)], 'UTF-8 byte-order mark').toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(csv.split('\r\n')[0]).toBe('\uFEFFreply,block,kind,indicator_zh,indicator_en,qualifier,value,unit,status,period,period_from,zh,context_zh,label_en,also_in,url');
    const json = (await (await fetch(url(`data/figures.json`))).json()) as { figures: { qualifier: string; status: string; zh: string; url: string }[] };
    expect(json.figures.find((f) => f.zh === '近400万吨')?.qualifier).toBe('nearly');
    expect(json.figures.every((f) => f.url.startsWith('/policy/en/'))).toBe(true);
  });
});
