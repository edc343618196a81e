/**
 * Static bar charts as SVG strings, drawn at build time: no chart library, no
 * script, no web font. Pure and deterministic (same input, same bytes), so a
 * rebuild changes a chart only when its data changes. Horizontal bars, one
 * row per value: the label above the bar, the value printed after it, so long
 * Chinese or English labels never collide.
 */

/** One bar: its label, its value and, optionally, where it links to. */
export interface Bar {
  label: string;
  value: number;
  /** A link for the bar. Links inside role="img" are not announced by screen readers: repeat them outside the chart. */
  href?: string;
  /** BCP 47 tag of the label when it differs from the chart's (a Chinese label on an English page). */
  lang?: string;
  /** The value as printed after the bar, when it says more than the number ("more than 1,100", "1,100余"). Default: the formatted value. */
  valueText?: string;
}

/** What a chart shows and how its numbers are written. */
export interface BarChartOptions {
  title: string;
  bars: Bar[];
  /** The unit of every value, printed under the title ("%" is instead appended to each value). */
  unit: string;
  /** A longer text description for assistive technology (`<desc>`, referenced by aria-describedby). */
  description?: string;
  /** Formats a value for printing; the default groups thousands with commas and keeps at most two decimals. */
  format?: (value: number) => string;
  /** Prefix of the element ids (title, desc); give each chart on a page its own. Default: derived from the content. */
  id?: string;
  /** BCP 47 tag of the chart's texts. */
  lang?: string;
  /** Text of the unit line, e.g. "Unit: {unit}"; `{unit}` is replaced. Default: the unit alone. */
  unitLabel?: string;
}

/**
 * The chart's geometry, exported so that tests and pages agree on it. The SVG is drawn 360 units wide
 * and shown at most at that width (the width attribute; CSS only lets it shrink), so its 13-unit text
 * is 13 px on a desktop and stays at least 12 px wherever the chart has 332 px or more: on a 390 px
 * phone, with the page's 16 px margins, it has 358 px (12.9 px text).
 */
export const CHART = { width: 360, pad: 4, fontSize: 13, lineHeight: 17, barHeight: 14, gap: 12, valueSpace: 118, maxLabelLines: 3 } as const;

/** The narrowest width (px) at which the chart's text stays at least 12 px. */
export const MIN_READABLE_WIDTH = Math.ceil((CHART.width * 12) / CHART.fontSize);

const esc = (s: string) =>
  s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Rounds to two decimals for coordinates: stable output without float noise. */
const r2 = (n: number) => String(Math.round(n * 100) / 100);

/** Groups thousands with commas and keeps at most `digits` decimals, independent of the runtime's locale data. */
export function formatNumber(value: number, digits = 2): string {
  const negative = value < 0;
  const fixed = Math.abs(value).toFixed(digits).replace(/\.?0+$/, '');
  const [int, frac] = fixed.split('.') as [string, string | undefined];
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '−' : ''}${grouped}${frac ? `.${frac}` : ''}`;
}

/** Approximate advance of a character in em: CJK and full-width forms are square, Latin about half as wide. */
function charWidth(c: string): number {
  const cp = c.codePointAt(0)!;
  if ((cp >= 0x2e80 && cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0x3000 && cp <= 0x303f) || cp >= 0x20000) return 1;
  if (/[mwMW@%]/.test(c)) return 0.85;
  if (/[A-Z0-9]/.test(c)) return 0.65;
  if (/[il.,:;'!|]/.test(c)) return 0.3;
  return 0.55;
}

/** Estimated width in em of a text (no font metrics are available at build time, so this errs on the wide side). */
export function textWidth(text: string): number {
  let w = 0;
  for (const c of text) w += charWidth(c);
  return w;
}

/** Breaks a label into at most `maxLines` lines of `maxEm` em; words stay whole in Latin text, CJK breaks between characters; an overflow ends in an ellipsis. */
export function wrapLabel(text: string, maxEm: number, maxLines: number): string[] {
  const tokens = text.trim().split(/(?<=[\s\u2e80-\u9fff\uff00-\uff60\u3000-\u303f])|(?=[\u2e80-\u9fff\uff00-\uff60\u3000-\u303f])/u).filter((t) => t !== '');
  const lines: string[] = [];
  let line = '';
  for (const token of tokens) {
    if (line && textWidth(line + token.trimEnd()) > maxEm) {
      lines.push(line.trimEnd());
      line = token.trimStart();
    } else line += token;
  }
  if (line.trim()) lines.push(line.trimEnd());
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = kept[maxLines - 1]!;
  while (last && textWidth(`${last}…`) > maxEm) last = [...last].slice(0, -1).join('');
  kept[maxLines - 1] = `${last.trimEnd()}…`;
  return kept;
}

/** A short, stable hash (FNV-1a) for default element ids. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(36);
}

/** Draws a horizontal bar chart as an accessible SVG string (role="img", `<title>` referenced by aria-labelledby), bar lengths proportional to the values from a zero baseline. */
export function barChart(options: BarChartOptions): string {
  const { title, bars, unit, description, lang } = options;
  const format = options.format ?? ((v: number) => formatNumber(v));
  const id = options.id ?? `chart-${hash(JSON.stringify([title, unit, bars]))}`;
  const { width, pad, fontSize, lineHeight, barHeight, gap, valueSpace, maxLabelLines } = CHART;
  const values = bars.map((b) => (Number.isFinite(b.value) ? b.value : 0));
  const max = Math.max(0, ...values);
  const min = Math.min(0, ...values);
  const plotWidth = width - 2 * pad - valueSpace - (min < 0 ? valueSpace : 0);
  const scale = max - min > 0 ? plotWidth / (max - min) : 0;
  const zeroX = pad + (min < 0 ? valueSpace : 0) + -min * scale;
  const suffix = unit === '%' ? '%' : '';
  const unitLine = unit && unit !== '%' ? (options.unitLabel ?? '{unit}').replace('{unit}', unit) : '';

  const parts: string[] = [];
  let y = pad;
  if (unitLine) {
    y += lineHeight;
    parts.push(`<text class="chart-unit" x="${pad}" y="${r2(y - 4)}" fill="#555a64">${esc(unitLine)}</text>`);
  }
  bars.forEach((bar, i) => {
    const value = values[i]!;
    const lines = wrapLabel(bar.label, (width - 2 * pad) / fontSize, maxLabelLines);
    const langAttr = bar.lang && bar.lang !== lang ? ` lang="${esc(bar.lang)}"` : '';
    const label = lines.map((line, n) => `<tspan x="${pad}" dy="${n === 0 ? 0 : lineHeight}">${esc(line)}</tspan>`).join('');
    const labelY = y + lineHeight - 4;
    const barY = y + lines.length * lineHeight + 2;
    const w = Math.abs(value) * scale;
    const x = value < 0 ? zeroX - w : zeroX;
    const text = bar.valueText ?? `${format(value)}${suffix}`;
    const textX = value < 0 ? x - 6 : x + w + 6;
    const row = [
      `<text class="chart-label" x="${pad}" y="${r2(labelY)}"${langAttr}>${label}</text>`,
      `<rect class="bar" x="${r2(x)}" y="${r2(barY)}" width="${r2(w)}" height="${barHeight}" fill="#0b5cad" data-value="${esc(String(value))}"/>`,
      `<text class="chart-value" x="${r2(textX)}" y="${r2(barY + barHeight - 3)}"${value < 0 ? ' text-anchor="end"' : ''} font-weight="600">${esc(text)}</text>`,
    ].join('');
    parts.push(bar.href ? `<a href="${esc(bar.href)}">${row}</a>` : `<g>${row}</g>`);
    y = barY + barHeight + gap;
  });
  if (min < 0) parts.push(`<line x1="${r2(zeroX)}" x2="${r2(zeroX)}" y1="${pad}" y2="${r2(y - gap)}" stroke="#1b1b1f" stroke-width="1"/>`);
  const height = Math.max(y - gap + pad, 2 * pad);
  const langAttrs = lang ? ` lang="${esc(lang)}"` : '';
  const descAttr = description ? ` aria-describedby="${esc(id)}-desc"` : '';
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" viewBox="0 0 ${width} ${r2(height)}" width="${width}" height="${r2(height)}" aria-labelledby="${esc(id)}-title"${descAttr}${langAttrs} font-family="system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans CJK SC', 'Noto Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif" font-size="${fontSize}" fill="#1b1b1f">`,
    `<title id="${esc(id)}-title">${esc(title)}</title>`,
    description ? `<desc id="${esc(id)}-desc">${esc(description)}</desc>` : '',
    ...parts,
    '</svg>',
  ].join('');
}
