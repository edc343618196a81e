// The static SVG bar charts: well-formed, accessible, one bar per value, lengths proportional, same input → same bytes.
import { describe, it, expect } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { barChart, CHART, formatNumber, MIN_READABLE_WIDTH, wrapLabel, textWidth } from '../../scripts/lib/svg-chart.ts';

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, isArray: (name) => ['g', 'a', 'text', 'rect', 'tspan'].includes(name) });
type Node = Record<string, unknown>;

const bars = [
  { label: '全市规模以上工业增加值增长6.1%', value: 6.1, lang: 'zh-Hans' },
  { label: 'Industrial investment grew by 20.9%', value: 20.9 },
  { label: 'Investment in high-tech industries grew by 52.6%', value: 52.6 },
  { label: 'A very long label that goes on and on about the value added of industrial enterprises above designated size in the city and much more besides', value: 3.3 },
];
const options = { title: 'Growth rates', bars, unit: '%', description: 'Four growth rates.', id: 'growth', lang: 'en' };
const rectsOf = (svg: string) => {
  const root = (parser.parse(svg) as Node).svg as Node;
  return { root, rects: ((root.g as Node[]) ?? []).concat(((root.a as Node[]) ?? [])).flatMap((g) => g.rect as Node[]) };
};

describe('barChart', () => {
  const svg = barChart(options);

  it('is well-formed XML in the SVG namespace', () => {
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  });

  it('is an image named by its title and described by its desc', () => {
    const { root } = rectsOf(svg);
    expect(root['@role']).toBe('img');
    expect(root['@aria-labelledby']).toBe('growth-title');
    expect(root['@aria-describedby']).toBe('growth-desc');
    expect((root.title as Node)['@id']).toBe('growth-title');
    expect((root.title as Node)['#text']).toBe('Growth rates');
    expect((root.desc as Node)['#text']).toBe('Four growth rates.');
    expect(root['@lang']).toBe('en');
  });

  it('draws one bar per value, with its label and its value as text', () => {
    const { rects } = rectsOf(svg);
    expect(rects).toHaveLength(bars.length);
    for (const b of bars) expect(svg).toContain(`>${formatNumber(b.value)}%</text>`);
    expect(svg).toContain('全市规模以上工业增加值增长6.1%');
    expect(svg).toContain('lang="zh-Hans"');
  });

  it('makes bar lengths proportional to the values', () => {
    const { rects } = rectsOf(svg);
    const widths = rects.map((r) => Number(r['@width']));
    const ratio = widths[0]! / bars[0]!.value;
    for (const [i, b] of bars.entries()) expect(widths[i]! / b.value).toBeCloseTo(ratio, 1);
    expect(Math.max(...widths)).toBeGreaterThan(Math.min(...widths));
    // Every bar starts at the same baseline.
    expect(new Set(rects.map((r) => r['@x'])).size).toBe(1);
  });

  it('is deterministic', () => {
    expect(barChart(options)).toBe(svg);
    expect(barChart({ ...options, id: undefined })).toBe(barChart({ ...options, id: undefined }));
  });

  it('loads nothing: no script, no external font or image, no style sheet', () => {
    expect(svg).not.toMatch(/<script|<style|@import|@font-face|url\(|<image|<use|href="http/i);
  });

  it('escapes markup in titles and labels', () => {
    const out = barChart({ title: 'A & B <c>', bars: [{ label: '"x" < y & z', value: 1, href: '#fig-1' }], unit: 'enterprises' });
    expect(XMLValidator.validate(out)).toBe(true);
    expect(out).toContain('A &amp; B &lt;c&gt;');
    expect(out).toContain('&quot;x&quot; &lt; y &amp; z');
    expect(out).toContain('<a href="#fig-1">');
  });

  it('prints the unit once, and values with thousands separators', () => {
    const out = barChart({ title: 'Enterprises', bars: [{ label: 'a', value: 16000 }, { label: 'b', value: 2367 }], unit: 'enterprises', unitLabel: 'Unit: {unit}' });
    expect(out).toContain('>Unit: enterprises</text>');
    expect(out).toContain('>16,000</text>');
    expect(out).toContain('>2,367</text>');
  });

  it('draws negative values to the left of a zero line, still proportional', () => {
    const out = barChart({ title: 'Change', bars: [{ label: 'up', value: 4 }, { label: 'down', value: -2 }], unit: '%' });
    expect(XMLValidator.validate(out)).toBe(true);
    const { rects } = rectsOf(out);
    const [up, down] = rects.map((r) => ({ x: Number(r['@x']), w: Number(r['@width']) }));
    expect(up!.w / down!.w).toBeCloseTo(2, 2);
    expect(down!.x + down!.w).toBeCloseTo(up!.x, 1);
    expect(out).toContain('<line');
  });

  it('handles an empty chart and all-zero values without dividing by zero', () => {
    expect(XMLValidator.validate(barChart({ title: 'None', bars: [], unit: '%' }))).toBe(true);
    const zero = barChart({ title: 'Zero', bars: [{ label: 'z', value: 0 }], unit: '%' });
    expect(zero).not.toContain('NaN');
    expect(zero).toContain('width="0"');
  });
});

describe('label helpers', () => {
  it('formats numbers with grouping and at most two decimals by default', () => {
    expect(formatNumber(192800000000)).toBe('192,800,000,000');
    expect(formatNumber(25.78)).toBe('25.78');
    expect(formatNumber(0.0124, 4)).toBe('0.0124');
    expect(formatNumber(6.10)).toBe('6.1');
    expect(formatNumber(-1234.5)).toBe('−1,234.5');
  });

  it('wraps long labels into at most the given lines, ending in an ellipsis', () => {
    const lines = wrapLabel(bars[3]!.label, 30, 2);
    expect(lines).toHaveLength(2);
    expect(lines[1]!.endsWith('…')).toBe(true);
    for (const l of lines) expect(textWidth(l)).toBeLessThanOrEqual(30);
    expect(wrapLabel('短标签', 30, 2)).toEqual(['短标签']);
    expect(wrapLabel('全市规模以上工业增加值增长', 5, 3)).toEqual(['全市规模以', '上工业增加', '值增长']);
  });
});

describe('readable on a phone', () => {
  it('is drawn at most 360 units wide and never shown wider, so 13-unit text stays at least 12 px down to a 332 px column', () => {
    const svg = barChart(options);
    const root = (parser.parse(svg) as Node).svg as Node;
    expect(root['@width']).toBe(String(CHART.width));
    expect(root['@viewBox']).toMatch(new RegExp(`^0 0 ${CHART.width} `));
    expect(Number(root['@font-size'])).toBe(CHART.fontSize);
    // A 390 px phone leaves the page's main column 358 px (16 px padding each side).
    expect(MIN_READABLE_WIDTH).toBeLessThanOrEqual(358);
    expect((CHART.fontSize * 358) / CHART.width).toBeGreaterThanOrEqual(12);
  });

  it('prints a value text that carries the qualifier in place of the bare number', () => {
    const out = barChart({ title: 'Counts', bars: [{ label: 'Provincial pilots · 2020', value: 1100, valueText: 'more than 1,100' }, { label: 'National pilots · 2020', value: 213 }], unit: 'units' });
    expect(out).toContain('>more than 1,100</text>');
    expect(out).toContain('>213</text>');
    const { rects } = rectsOf(out);
    expect(Number(rects[0]!['@width']) / Number(rects[1]!['@width'])).toBeCloseTo(1100 / 213, 1);
  });
});
