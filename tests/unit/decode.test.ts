// Stage 0 (bytes → text): every encoding a reply may arrive in, and the exact one-line error for each bad file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeSource } from '../../scripts/lib/decode.ts';
import { ContentError } from '../../scripts/lib/errors.ts';
import { errorLine, fixtureDir } from './helpers.ts';

const DIR = fixtureDir('decode');
const FILE = 'content/replies/x/source.txt';
const bytes = (name: string): Uint8Array => readFileSync(join(DIR, name));
const decode = (name: string) => decodeSource(bytes(name), FILE);
const isUtf8 = (b: Uint8Array) => {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b);
    return true;
  } catch {
    return false;
  }
};

/** The text every well-formed fixture holds, whatever its encoding. */
const TEXT = '尊敬的王委员：\n您提出的建议收悉，现答复如下：\n一、基本情况\n全市工业企业1.6万家。\n';
const FIX_ENCODING = 'save the reply as UTF-8 plain text (or GBK), e.g. `iconv -f <encoding> -t UTF-8 in.txt > source.txt`';
const FIX_BINARY = 'export the reply as plain text (.txt) and save it as source.txt';

describe('decodeSource: files that decode', () => {
  it('reads UTF-8 without a BOM as is, with no warning', () => {
    expect(decode('utf8.txt')).toEqual({ text: TEXT, encoding: 'utf-8', bom: false, warnings: [] });
  });

  it('drops a UTF-8 BOM and reports that there was one', () => {
    expect(Array.from(bytes('utf8-bom.txt').subarray(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
    expect(decode('utf8-bom.txt')).toEqual({ text: TEXT, encoding: 'utf-8', bom: true, warnings: [] });
  });

  it('keeps CRLF line ends (the parser splits on them)', () => {
    expect(Buffer.from(bytes('crlf.txt')).includes('\r\n')).toBe(true);
    const decoded = decode('crlf.txt');
    expect(decoded.text).toBe(TEXT.replaceAll('\n', '\r\n'));
    expect(decoded.warnings).toEqual([]);
  });

  it('decodes GBK/GB18030 (made with `iconv -f UTF-8 -t GB18030`) and warns, naming the file', () => {
    expect(isUtf8(bytes('gbk.txt'))).toBe(false);
    expect(decode('gbk.txt')).toEqual({
      text: TEXT,
      encoding: 'gb18030',
      bom: false,
      warnings: ['content/replies/x/source.txt: decoded as GBK/GB18030, not UTF-8. Fix: convert it once with `iconv -f GB18030 -t UTF-8` so diffs stay readable'],
    });
  });
});

describe('decodeSource: UTF-16, as Windows Notepad saves "Unicode"', () => {
  const warning = (enc: string, bom: boolean) =>
    `content/replies/x/source.txt: decoded as ${enc}${bom ? '' : ' (no byte-order mark; guessed from its zero bytes)'}, not UTF-8. Fix: convert it once with \`iconv -f ${enc} -t UTF-8\` so diffs stay readable`;

  it('decodes little-endian with a BOM (made with `iconv -t UTF-16`) and warns', () => {
    expect(Array.from(bytes('utf16.txt').subarray(0, 2))).toEqual([0xff, 0xfe]);
    expect(decode('utf16.txt')).toEqual({ text: TEXT, encoding: 'utf-16le', bom: true, warnings: [warning('UTF-16LE', true)] });
  });

  it('decodes big-endian with a BOM', () => {
    expect(Array.from(bytes('utf16be.txt').subarray(0, 2))).toEqual([0xfe, 0xff]);
    expect(decode('utf16be.txt')).toEqual({ text: TEXT, encoding: 'utf-16be', bom: true, warnings: [warning('UTF-16BE', true)] });
  });

  it('decodes little-endian without a BOM when its zero bytes say so, and says it guessed', () => {
    expect(bytes('utf16le-nobom.txt')[0]).not.toBe(0xff);
    expect(decode('utf16le-nobom.txt')).toEqual({ text: TEXT, encoding: 'utf-16le', bom: false, warnings: [warning('UTF-16LE', false)] });
  });

  it('still calls binary data binary, whatever its zero bytes', () => {
    expect(errorLine(() => decode('binary.txt'))).toContain('looks binary');
    const ascii = new TextEncoder().encode('PK zip header').reduce<number[]>((out, b) => [...out, b, 0], []);
    expect(errorLine(() => decodeSource(new Uint8Array(ascii), FILE))).toContain('looks binary');
  });
});

describe('decodeSource: files that stop the build with one line', () => {
  it('rejects an empty file', () => {
    expect(bytes('empty.txt').length).toBe(0);
    expect(errorLine(() => decode('empty.txt'))).toBe('content/replies/x/source.txt: the file is empty. Fix: paste the full text of the reply into it');
  });

  it('rejects a file of spaces, tabs, line breaks and ideographic spaces', () => {
    expect(errorLine(() => decode('whitespace.txt'))).toBe('content/replies/x/source.txt: the file contains only whitespace. Fix: paste the full text of the reply into it');
  });

  it('rejects binary data (a PNG header with NUL bytes)', () => {
    expect(errorLine(() => decode('binary.txt'))).toBe(`content/replies/x/source.txt: the file contains NUL bytes and looks binary (a .doc, .pdf or image?). Fix: ${FIX_BINARY}`);
  });

  it('rejects text with terminal control characters as binary', () => {
    expect(errorLine(() => decode('control.txt'))).toBe(`content/replies/x/source.txt: the file contains control characters and looks binary. Fix: ${FIX_BINARY}`);
  });

  it('rejects a saved web page (HTML) with a fix that says how to copy the text', () => {
    expect(errorLine(() => decode('saved-page.html.txt'))).toBe(
      "content/replies/x/source.txt: the file is a saved web page (HTML), not the reply's text. Fix: open the page in a browser, select the reply from its title to its date, copy, and paste the text into source.txt",
    );
  });

  it('rejects an RTF file (WordPad, Word) as not plain text', () => {
    expect(errorLine(() => decode('wordpad.rtf.txt'))).toBe(
      "content/replies/x/source.txt: the file is RTF (a WordPad or Word document), not plain text. Fix: save it as plain text (.txt, UTF-8), or copy the reply's text into source.txt",
    );
  });

  it('keeps a reply that merely mentions markup or less-than signs', () => {
    const text = '尊敬的王委员：\n增速<5%的企业，<br>标签不算网页。\n';
    expect(decodeSource(new TextEncoder().encode(text), FILE).text).toBe(text);
  });

  it('rejects UTF-16 that is cut in the middle of a character', () => {
    const cut = new Uint8Array([0xff, 0xfe, 0x0a, 0x5c, 0x6c]);
    expect(errorLine(() => decodeSource(cut, FILE))).toBe(`content/replies/x/source.txt: the file starts like UTF-16LE but is not valid UTF-16LE. Fix: ${FIX_ENCODING}`);
  });

  it('rejects bytes that are neither UTF-8 nor GB18030', () => {
    const b = bytes('undecodable.txt');
    expect(isUtf8(b)).toBe(false);
    expect(errorLine(() => decode('undecodable.txt'))).toBe(`content/replies/x/source.txt: the file is neither valid UTF-8 nor GBK/GB18030. Fix: ${FIX_ENCODING}`);
  });

  it('rejects a text without a single Chinese character', () => {
    expect(errorLine(() => decode('no-chinese.txt'))).toBe('content/replies/x/source.txt: the file contains no Chinese characters; this does not look like a reply. Fix: check that the right file was saved as source.txt');
  });

  it('throws ContentError (printed without a stack) that carries the file as its location', () => {
    let caught: unknown;
    try {
      decode('empty.txt');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ContentError);
    expect((caught as ContentError).location).toEqual({ file: FILE });
    expect((caught as ContentError).hint).toBe('paste the full text of the reply into it');
  });
});
