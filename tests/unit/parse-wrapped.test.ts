// Hard-wrapped copies (text copied from a PDF, or from a page that breaks every printed line): the parser joins the
// lines back into their paragraphs, so a wrapped copy of a reply parses like the reply itself. The wrapped copies are
// made here from the seed and the fourteen real replies, at three widths, with and without paragraph indents.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReply, sourceLines, unwrapLines } from '../../scripts/lib/parse.ts';

const REAL = 'tests/fixtures/real-replies';
const SEED = 'content/replies/zhengzhou-2021-20210574/source.txt';
const sources = [SEED, ...readdirSync(REAL).map((d) => join(REAL, d, 'source.txt'))];
const name = (path: string) => path.split('/').at(-2)!;

/** Printed width as a PDF lays text out: CJK and full-width forms two, the rest one (written apart from the parser's). */
const widthOf = (ch: string) => (/[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef“”‘’…]/u.test(ch) ? 2 : 1);

/** Wraps every letter line at `width` (furniture and metadata lines of the page stay whole), indenting paragraphs when asked. */
function hardWrap(text: string, width: number, indent: boolean, keep: Set<string>): string {
  return text
    .split('\n')
    .flatMap((raw) => {
      const line = raw.trim();
      if (line === '' || keep.has(line)) return [raw];
      const out: string[] = [];
      let current = indent ? '\u3000\u3000' : '';
      let w = indent ? 4 : 0;
      for (const ch of line) {
        if (w + widthOf(ch) > width) {
          out.push(current);
          current = '';
          w = 0;
        }
        current += ch;
        w += widthOf(ch);
      }
      out.push(current);
      return out;
    })
    .join('\n');
}

const signature = (text: string, file: string) => parseReply(text, { slug: 'x', file }).blocks.map((b) => `${b.id}|${b.kind}|${b.zh.replace(/\s/g, '')}`);
const pageLines = (text: string, file: string) => new Set(parseReply(text, { slug: 'x', file }).blocks.filter((b) => b.kind === 'furniture' || b.kind === 'metadata').map((b) => b.zh.trim()));

describe('hard-wrapped copies parse like the reply', () => {
  it('leaves every reply as published untouched (none looks hard-wrapped)', () => {
    for (const path of sources) {
      const text = readFileSync(path, 'utf8');
      expect(unwrapLines(sourceLines(text)).width, name(path)).toBeUndefined();
      expect(parseReply(text, { slug: 'x', file: path }).warnings.filter((w) => w.includes('hard-wrapped'))).toEqual([]);
    }
  });

  it.each(sources.flatMap((path) => [56, 68, 80].map((width) => [`${name(path)} at ${width}`, path, width] as const)))(
    'with indented paragraphs: %s print columns give the same blocks',
    (label, path, width) => {
      const text = readFileSync(path, 'utf8');
      const wrapped = hardWrap(text, width, true, pageLines(text, path));
      expect(wrapped.split('\n').length).toBeGreaterThan(text.split('\n').length);
      const same = JSON.stringify(signature(wrapped, path)) === JSON.stringify(signature(text, path));
      expect(same, label).toBe(true);
    },
  );

  it('without indents, joins all but the lines that happen to end a sentence at the margin (at least 85% of all blocks unchanged at each width)', () => {
    for (const width of [56, 68, 80]) {
      let total = 0;
      let kept = 0;
      for (const path of sources) {
        const text = readFileSync(path, 'utf8');
        const wrapped = hardWrap(text, width, false, pageLines(text, path));
        const before = signature(text, path);
        const after = new Set(signature(wrapped, path));
        total += before.length;
        kept += before.filter((s) => after.has(s)).length;
      }
      expect(kept / total, `at ${width}`).toBeGreaterThanOrEqual(0.85);
    }
  });

  it('says what it joined, in one warning with the line and the fix', () => {
    const text = readFileSync(SEED, 'utf8');
    const doc = parseReply(hardWrap(text, 68, true, new Set()), { slug: 'x', file: 'wrapped.txt' });
    const warnings = doc.warnings.filter((w) => w.includes('hard-wrapped'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^wrapped\.txt:\d+: the text looks hard-wrapped \(lines end at about 34 Chinese characters\), so \d+ line breaks inside \d+ paragraphs were joined \(first: lines \d+–\d+\)\. Fix: nothing if the paragraphs read right; otherwise paste the text with one paragraph per line$/);
  });
});

describe('what a wrapped copy keeps apart', () => {
  // 31 characters per line, indented paragraphs: a PDF copy with the page's heading repeating the title, a 。 pushed
  // onto its own line, a numbered heading that starts at the margin, and a closing wrapped over two lines.
  const text = [
    '某市工业和信息化局关于市政协十届二次会议第58号提案的答复',
    '某市工业和信息化局关于市政协十届二次会议第58号提案的答复',
    '尊敬的张三委员：',
    '　　您提出的《关于支持中小企业数字化转型的提案》已收悉，现答复',
    '如下：',
    '　　一、基本情况',
    '　　全市规模以上工业企业1200家，其中中小企业占比超过九成，数字',
    '化转型需求旺盛。近年来，我局先后出台多项扶持政策，支持企业上云',
    '用数赋智，推动中小企业数字化改造全面覆盖，培育一批示范标杆企业',
    '。',
    '二、下一步工作',
    '　　我们将继续加大政策支持力度，推动更多企业开展数字化改造，提',
    '升企业竞争力。',
    '　　感谢您对我市工业和信息化工作的关心和支持，欢迎继续提出宝贵',
    '意见。',
    '某市工业和信息化局',
    '2023年6月30日',
  ].join('\n');
  const doc = parseReply(text, { slug: 'x', file: 'x.txt' });
  const byId = new Map(doc.blocks.map((b) => [b.id, b]));

  it('joins the paragraphs, the lone 。 with them, and the wrapped closing', () => {
    expect(byId.get('intro-p1')?.zh).toBe('您提出的《关于支持中小企业数字化转型的提案》已收悉，现答复如下：');
    expect(byId.get('s1-p1')?.zh).toBe('全市规模以上工业企业1200家，其中中小企业占比超过九成，数字化转型需求旺盛。近年来，我局先后出台多项扶持政策，支持企业上云用数赋智，推动中小企业数字化改造全面覆盖，培育一批示范标杆企业。');
    expect(byId.get('closing')?.zh).toBe('感谢您对我市工业和信息化工作的关心和支持，欢迎继续提出宝贵意见。');
  });

  it('keeps the title lines, headings, signature and date on their own', () => {
    expect(doc.blocks.map((b) => b.kind)).toEqual(['furniture', 'title', 'salutation', 'paragraph', 'heading', 'paragraph', 'heading', 'paragraph', 'closing', 'signature', 'date']);
    expect(byId.get('s2')?.zh).toBe('二、下一步工作');
    expect(doc.meta.date).toBe('2023-06-30');
  });

  it('names the first line of each joined block as its line', () => {
    expect(byId.get('s1-p1')?.line).toBe(7);
    expect(byId.get('closing')?.line).toBe(14);
  });
});
