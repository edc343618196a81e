/**
 * Stage 0: bytes → text. Replies arrive as UTF-8 (with or without BOM) or in
 * GBK/GB18030; anything else stops the build with a one-line error.
 */
import { ContentError } from './errors.ts';

/** The decoded text of a source file and how it was decoded. */
export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'gb18030';
  bom: boolean;
  warnings: string[];
}

const FIX_ENCODING = 'save the reply as UTF-8 plain text (or GBK), e.g. `iconv -f <encoding> -t UTF-8 in.txt > source.txt`';

/** Decodes a reply's bytes, detecting BOM, UTF-8 and GB18030; rejects empty, binary and undecodable input. */
export function decodeSource(bytes: Uint8Array, file: string): DecodedText {
  if (bytes.length === 0) {
    throw new ContentError({ file }, 'the file is empty', 'paste the full text of the reply into it');
  }
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    throw new ContentError({ file }, 'the file is UTF-16, which is not supported', FIX_ENCODING);
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
  if (/[\u0001-\u0008\u000e-\u001f\u007f]/.test(text)) {
    throw new ContentError({ file }, 'the file contains control characters and looks binary', 'export the reply as plain text (.txt) and save it as source.txt');
  }
  if (text.trim() === '') {
    throw new ContentError({ file }, 'the file contains only whitespace', 'paste the full text of the reply into it');
  }
  if (!/\p{Script=Han}/u.test(text)) {
    throw new ContentError({ file }, 'the file contains no Chinese characters; this does not look like a reply', 'check that the right file was saved as source.txt');
  }
  return { text, encoding, bom, warnings };
}
