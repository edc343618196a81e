/**
 * Stage 0: bytes → text. Replies arrive as UTF-8 (with or without BOM), in
 * GBK/GB18030, or as UTF-16 (what Windows Notepad saves as "Unicode"); a saved
 * web page, an RTF file or anything else stops the build with a one-line error.
 */
import { ContentError } from './errors.ts';

/** The decoded text of a source file and how it was decoded. */
export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';
  bom: boolean;
  warnings: string[];
}

const FIX_ENCODING = 'save the reply as UTF-8 plain text (or GBK), e.g. `iconv -f <encoding> -t UTF-8 in.txt > source.txt`';

/** Decodes a reply's bytes, detecting BOM, UTF-8, GB18030 and UTF-16; rejects empty, binary, undecodable and non-text (HTML, RTF) input. */
export function decodeSource(bytes: Uint8Array, file: string): DecodedText {
  if (bytes.length === 0) {
    throw new ContentError({ file }, 'the file is empty', 'paste the full text of the reply into it');
  }
  const utf16 = utf16Of(bytes);
  if (utf16) {
    const { encoding, bom } = utf16;
    let text: string;
    try {
      text = new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
      throw new ContentError({ file }, `the file starts like ${encoding.toUpperCase()} but is not valid ${encoding.toUpperCase()}`, FIX_ENCODING);
    }
    const warning = `${file}: decoded as ${encoding.toUpperCase()}${bom ? '' : ' (no byte-order mark; guessed from its zero bytes)'}, not UTF-8. Fix: convert it once with \`iconv -f ${encoding.toUpperCase()} -t UTF-8\` so diffs stay readable`;
    return checkText({ text, encoding, bom, warnings: [warning] }, file);
  }
  if (bytes.includes(0)) {
    throw new ContentError({ file }, 'the file contains NUL bytes and looks binary (a .doc, .pdf or image?)', 'export the reply as plain text (.txt) and save it as source.txt');
  }
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  const warnings: string[] = [];
  let text: string;
  let encoding: DecodedText['encoding'] = 'utf-8';
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    try {
      text = new TextDecoder('gb18030', { fatal: true }).decode(body);
    } catch {
      throw new ContentError({ file }, 'the file is neither valid UTF-8 nor GBK/GB18030', FIX_ENCODING);
    }
    encoding = 'gb18030';
    warnings.push(`${file}: decoded as GBK/GB18030, not UTF-8. Fix: convert it once with \`iconv -f GB18030 -t UTF-8\` so diffs stay readable`);
  }
  return checkText({ text, encoding, bom, warnings }, file);
}

/** UTF-16 by its byte-order mark, or without one when the zero bytes fall mostly on one side and the text decodes to mostly Chinese. */
function utf16Of(bytes: Uint8Array): { encoding: 'utf-16le' | 'utf-16be'; bom: boolean } | undefined {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bom: true };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bom: true };
  if (bytes.length < 4 || bytes.length % 2 !== 0 || !bytes.includes(0)) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0) i % 2 === 0 ? evenZeros++ : oddZeros++;
  // ASCII puts its zero on one side (LE: odd bytes); a few Chinese characters (一 U+4E00) put one on the other.
  const encoding = oddZeros >= 4 * evenZeros ? 'utf-16le' : evenZeros >= 4 * oddZeros ? 'utf-16be' : undefined;
  if (!encoding) return undefined;
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
  const visible = text.replace(/\s/g, '');
  const han = visible.match(/\p{Script=Han}/gu)?.length ?? 0;
  return han >= 2 && han / visible.length >= 0.3 ? { encoding, bom: false } : undefined;
}

/** What every decoded text must be: plain text (no control characters, not a saved web page or RTF), not blank, with Chinese in it. */
function checkText(decoded: DecodedText, file: string): DecodedText {
  const { text } = decoded;
  if (/[\u0001-\u0008\u000e-\u001f\u007f]/.test(text)) {
    throw new ContentError({ file }, 'the file contains control characters and looks binary', 'export the reply as plain text (.txt) and save it as source.txt');
  }
  if (text.trim() === '') {
    throw new ContentError({ file }, 'the file contains only whitespace', 'paste the full text of the reply into it');
  }
  const start = text.replace(/^\uFEFF/, '').trimStart().slice(0, 200).toLowerCase();
  if (start.startsWith('{\\rtf')) {
    throw new ContentError({ file }, 'the file is RTF (a WordPad or Word document), not plain text', 'save it as plain text (.txt, UTF-8), or copy the reply\'s text into source.txt');
  }
  const tags = text.match(/<\/(?:p|div|span|td|tr|li|a|font)>|<br\s*\/?>/gi)?.length ?? 0;
  if (/^<!doctype\s+html|^<html[\s>]|^<\?xml[^>]*>\s*<html/.test(start) || tags >= 5) {
    throw new ContentError({ file }, "the file is a saved web page (HTML), not the reply's text", 'open the page in a browser, select the reply from its title to its date, copy, and paste the text into source.txt');
  }
  if (!/\p{Script=Han}/u.test(text)) {
    throw new ContentError({ file }, 'the file contains no Chinese characters; this does not look like a reply', 'check that the right file was saved as source.txt');
  }
  return decoded;
}
