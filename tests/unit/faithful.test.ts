// No text is lost or reordered by the parser: the blocks joined give back the source (line breaks and the
// whitespace around lines aside), for every real reply, every parse fixture and random texts.
// Two oracles: `independent` below uses nothing of the project (raw bytes, TextDecoder, one regex), so a defect in
// the parser's own line splitting (sourceLines, normalizedSource) cannot hide itself; expectFaithful adds the
// stricter line-by-line properties.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizedSource, parseReply, sourceLines, unwrapLines } from '../../scripts/lib/parse.ts';
import { caseNames, errorLine, fixtureDir, readSource, rel, ROOT } from './helpers.ts';

const repliesDir = join(ROOT, 'content', 'replies');
const sources = [
  ...caseNames(repliesDir).map((slug) => join(repliesDir, slug, 'source.txt')),
  ...caseNames(fixtureDir('parse')).map((name) => join(fixtureDir('parse'), name, 'input.txt')),
];

/** Every character but whitespace (line breaks, spaces, U+3000, a BOM), in order: what no parser may change. */
const strip = (text: string) => text.replace(/\s/gu, '');

/** The source file's text, decoded without project code: UTF-8, or GB18030 when it is not valid UTF-8. */
function rawText(path: string): string {
  const bytes = readFileSync(path);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** The independent oracle: the blocks joined and the raw source agree on every non-whitespace character. */
function expectIndependentlyFaithful(raw: string, blocks: { zh: string }[]): void {
  const joined = strip(blocks.map((b) => b.zh).join(''));
  expect(joined.length, 'a text with something in it').toBeGreaterThan(0);
  expect(joined).toBe(strip(raw));
}

/** Asserts the faithfulness properties of one parsed text. */
function expectFaithful(text: string): void {
  const doc = parseReply(text, { slug: 'x', file: 'x.txt' });
  expect(doc.blocks.map((b) => b.zh).join('')).toBe(normalizedSource(text));
  // Blocks come in source line order, and each block is a slice of the line it names (in a hard-wrapped copy, of the lines joined from there).
  const lineText = new Map(unwrapLines(sourceLines(text)).lines.map((l) => [l.line, l.text]));
  let previous = 0;
  for (const block of doc.blocks) {
    expect(block.line).toBeGreaterThanOrEqual(previous);
    expect(lineText.get(block.line)).toContain(block.zh);
    previous = block.line;
  }
  // Each line's blocks, joined, are exactly that line.
  const perLine = Map.groupBy(doc.blocks, (b) => b.line);
  for (const [line, blocks] of perLine) expect(blocks.map((b) => b.zh).join('')).toBe(lineText.get(line));
  expect(doc.blocks.filter((b) => b.zh.trim() === '').map((b) => b.id)).toEqual([]);
}

describe('every reply and parse fixture keeps its text', () => {
  it('finds the seed reply and all parse fixtures', () => {
    expect(sources.map(rel)).toContain('content/replies/zhengzhou-2021-20210574/source.txt');
    expect(sources.length).toBeGreaterThanOrEqual(12);
  });

  it.each(sources.map((path) => [rel(path), path]))('%s', (_name, path) => {
    const text = readSource(path);
    expectFaithful(text);
    const doc = parseReply(text, { slug: 'x', file: 'x.txt' });
    expect(doc.blocks.length).toBeGreaterThan(0);
    expectIndependentlyFaithful(rawText(path), doc.blocks);
  });
});

// Random replies: lines drawn from the shapes the parser reacts to, mixed with markup and odd whitespace.
const numeral = fc.constantFrom('一', '二', '三', '四', '十', '十一', '二十');
const chinese = fc.string({ unit: fc.constantFrom(...'工业企业发展统一是的规模以上增长亿万家个批次年月日关于答复郑州市局'), minLength: 1, maxLength: 12 });
const syntax = fc.string({ unit: fc.constantFrom(...'{}<>*_`#[]()&|\\\'"-:：，,。；;！? \t\u3000\u2028'), maxLength: 6 });
const text = fc.oneof(chinese, syntax, fc.constantFrom('1.6万家', '20.9%', '<script>alert(1)</script>', '[link](http://x)', '{1+1}', '&amp;', '“亩均论英雄”'));
const phrase = fc.array(text, { minLength: 1, maxLength: 4 }).map((parts) => parts.join(''));
const line = fc.oneof(
  phrase,
  fc.tuple(numeral, fc.constantFrom('、', '，', ',', '．', '.'), phrase).map(([n, p, t]) => `${n}${p}${t}`),
  fc.tuple(fc.constantFrom('(', '（'), numeral, fc.constantFrom(')', '）'), phrase).map(([o, n, c, t]) => `${o}${n}${c}${t}`),
  fc.tuple(fc.integer({ min: 1, max: 12 }), fc.constantFrom('、', '.', '．'), phrase).map(([n, p, t]) => `${n}${p}${t}`),
  fc.tuple(fc.constantFrom('(', '（'), fc.integer({ min: 1, max: 9 }), fc.constantFrom(')', '）'), phrase).map(([o, n, c, t]) => `${o}${n}${c}${t}`),
  fc.tuple(phrase, phrase, phrase).map(([a, b, c]) => `${a}：一是${b}；二是${c}。`),
  fc.tuple(phrase, phrase).map(([a, b]) => `统一是${a}，二是${b}`),
  fc.constantFrom('尊敬的王委员：', '再次感谢您的支持。', '郑州市工业和信息化局', '2021年7月19日', '二〇二一年七月十九日', '联系人：张三', '# 标题', '> 引用', '- 列表', '|a|b|', '---', 'import x from \'y\'', ''),
);
const padding = fc.constantFrom('', ' ', '\t', '\u3000', '  ');
const paddedLine = fc.tuple(padding, line, padding).map(([a, l, b]) => `${a}${l}${b}`);
const reply = fc.tuple(fc.constantFrom('', '\uFEFF'), fc.array(paddedLine, { minLength: 1, maxLength: 14 }), fc.constantFrom('\n', '\r\n', '\r')).map(([bom, lines, eol]) => bom + lines.join(eol));

describe('random replies keep their text (fast-check)', () => {
  it('the blocks joined equal the normalized source, in line order, and no block is empty', () => {
    fc.assert(
      fc.property(reply, (source) => {
        if (normalizedSource(source) === '') {
          expect(errorLine(() => parseReply(source, { slug: 'x', file: 'x.txt' }))).toBe('x.txt: the reply has no text. Fix: paste the full text of the reply into source.txt');
          return;
        }
        expectFaithful(source);
        expectIndependentlyFaithful(source, parseReply(source, { slug: 'x', file: 'x.txt' }).blocks);
      }),
      { numRuns: 500 },
    );
  });
});
