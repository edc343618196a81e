/**
 * Page-to-text ratio (issue #13, "lighter markup"): a page's gzip size divided
 * by the gzip size of its visible text. 1.0 would be text alone; the markup,
 * the inline CSS and scripts and the head make up the rest. Visible text is
 * the text of <body> without <script>, <style> and <template>: text a reader
 * opens (the collapsed list of terms, a term's definition) counts.
 *
 *   node scripts/bench/page-ratio.ts dist/en/replies/<slug>/s2/index.html …
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: '\u00a0' };
const SKIPPED = new Set(['script', 'style', 'template', 'head']);

/** The visible text of an HTML page, as defined above, with white space collapsed. */
export function visibleText(html: string): string {
  const body = /<body\b[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? html;
  const out: string[] = [];
  const tag = /<(\/?)([a-zA-Z][\w-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|<!--[\s\S]*?-->/g;
  let at = 0;
  let skip: { name: string; depth: number } | null = null;
  for (let m = tag.exec(body); m; m = tag.exec(body)) {
    if (!skip) out.push(body.slice(at, m.index));
    at = tag.lastIndex;
    if (!m[2]) continue;
    const [, close, rawName, attrs = ''] = m;
    const name = rawName!.toLowerCase();
    if (skip) {
      if (name === skip.name) skip.depth += close ? -1 : /\/\s*$/.test(attrs) ? 0 : 1;
      if (skip.depth === 0) skip = null;
    } else if (!close && SKIPPED.has(name)) {
      skip = { name, depth: 1 };
    } else {
      out.push(' ');
    }
  }
  if (!skip) out.push(body.slice(at));
  return out.join('').replace(/&(#?\w+);/g, (e, k: string) => ENTITIES[k] ?? (k.startsWith('#') ? String.fromCodePoint(Number(k.slice(1).replace(/^x/, '0x'))) : e)).replace(/\s+/g, ' ').trim();
}

/** Gzip size (level 9) of a string in bytes. */
const gz = (s: string) => gzipSync(Buffer.from(s), { level: 9 }).length;

/** The page-to-text figures of one HTML page. */
export function pageTextRatio(html: string): { pageBytes: number; pageGzip: number; textBytes: number; textGzip: number; ratio: number } {
  const text = visibleText(html);
  const pageGzip = gz(html);
  const textGzip = gz(text);
  return { pageBytes: Buffer.byteLength(html), pageGzip, textBytes: Buffer.byteLength(text), textGzip, ratio: Math.round((pageGzip / textGzip) * 1000) / 1000 };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const file of process.argv.slice(2)) {
    const r = pageTextRatio(readFileSync(file, 'utf8'));
    console.log(`${file}: page ${r.pageBytes} B / ${r.pageGzip} B gzip, visible text ${r.textBytes} B / ${r.textGzip} B gzip, ratio ${r.ratio}`);
  }
}
