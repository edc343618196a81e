/**
 * The About page: prose written by hand in MDX (content/about/en.mdx and
 * zh-hans.mdx), as opposed to the replies, whose pages are generated data.
 * Checked here so a broken file stops prepare with one line (file, line,
 * problem, fix) instead of an Astro stack; the Traditional page is converted
 * from the Simplified one.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { compileSync } from '@mdx-js/mdx';
import { z } from 'zod';
import { ContentError } from './errors.ts';
import { parseYaml } from './yaml-file.ts';
import { validate } from './schemas.ts';
import { toTraditional } from './hant.ts';
import { GENERATED_NOTICE } from './page-data.ts';

/** The frontmatter every About file needs: the page title and its meta description. */
export const aboutFrontmatterSchema = z.strictObject({ title: z.string().trim().min(1), description: z.string().trim().min(1) });

/** The hand-written locales; zh-hant is generated from zh-hans. */
export const ABOUT_LOCALES = ['en', 'zh-hans'] as const;

/** The About page in each hand-written locale. */
export type AboutPages = Record<(typeof ABOUT_LOCALES)[number], AboutPage>;

/** One checked About file: its frontmatter and its full MDX text. */
export interface AboutPage {
  title: string;
  description: string;
  mdx: string;
}

const FIX_TEXT = 'save the About page as UTF-8 text (Markdown with frontmatter)';

/** UTF-8 text (a BOM is dropped); binary or otherwise encoded files are refused. */
function decodeUtf8(bytes: Uint8Array, file: string): string {
  if (bytes.includes(0)) throw new ContentError({ file }, 'the file contains NUL bytes and looks binary', FIX_TEXT);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new ContentError({ file }, 'the file is not valid UTF-8', FIX_TEXT);
  }
}

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/;

/** Checks one About file's text: frontmatter with title and description, and MDX that compiles. */
export function checkAboutPage(text: string, file: string): AboutPage {
  const match = FRONTMATTER.exec(text);
  if (!match) throw new ContentError({ file, line: 1 }, 'the file does not start with frontmatter', 'begin it with ---, a title: and a description: line, and --- again');
  const front = validate(aboutFrontmatterSchema, parseYaml(match[1]!, file), file, 'About page frontmatter');
  try {
    compileSync(text.slice(match[0].length));
  } catch (error) {
    const e = error as { line?: number; reason?: string; message?: string };
    const bodyLine = e.line ? e.line + match[0].split('\n').length - 1 : undefined;
    throw new ContentError({ file, line: bodyLine }, `the MDX does not compile (${(e.reason ?? e.message ?? String(error)).split('\n')[0]})`, 'write plain Markdown; escape a literal { or < as \\{ or \\<');
  }
  return { ...front, mdx: text };
}

/** Reads content/about/ if it exists (the page is optional): both hand-written locales are then required. */
export function loadAbout(contentDir: string, root = process.cwd()): AboutPages | undefined {
  const dir = join(contentDir, 'about');
  if (!existsSync(dir)) return undefined;
  const pages = {} as AboutPages;
  for (const locale of ABOUT_LOCALES) {
    const path = join(dir, `${locale}.mdx`);
    const file = relative(root, path) || path;
    if (!existsSync(path)) throw new ContentError({ file }, 'the About page is missing in this language', `write ${locale}.mdx next to the other About file, or remove content/about/ to build without an About page`);
    pages[locale] = checkAboutPage(decodeUtf8(readFileSync(path), file), file);
  }
  return pages;
}

/** The generated About files (src/generated/about/<locale>.mdx): the hand-written ones marked as generated copies, and zh-hant converted. */
export function aboutFiles(pages: AboutPages): Map<string, string> {
  const mark = (mdx: string) => mdx.replace(/^---\r?\n/, `---\n# ${GENERATED_NOTICE}\n`);
  return new Map([
    ['about/en.mdx', mark(pages.en.mdx)],
    ['about/zh-hans.mdx', mark(pages['zh-hans'].mdx)],
    ['about/zh-hant.mdx', mark(toTraditional(pages['zh-hans'].mdx))],
  ]);
}
