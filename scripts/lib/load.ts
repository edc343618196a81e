/**
 * Reads the content folder: one folder per reply (source.txt, optional
 * meta.yaml and en.yaml), the glossary and the optional About page. With
 * about.ts, the only code that reads content files; everything after it is pure.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ContentError } from './errors.ts';
import { decodeSource } from './decode.ts';
import { parseReply } from './parse.ts';
import { metaSchema, validate, type NotesFile, type TranslationFile } from './schemas.ts';
import { parseYaml } from './yaml-file.ts';
import { loadTranslation } from './translations.ts';
import { loadGlossary, type Glossary } from './glossary.ts';
import type { ReplyDocument } from './model.ts';
import { loadAbout, type AboutPages } from './about.ts';
import { loadNotes } from './notes.ts';

/** A reply as read from its folder, with the paths problems are reported against. */
export interface LoadedReply {
  doc: ReplyDocument;
  translation?: TranslationFile;
  /** Source discrepancies (notes.yaml), shown on their blocks in every locale. */
  notes?: NotesFile;
  files: { source: string; meta?: string; translation: string; notes?: string };
}

/** Everything the pipeline needs from content/. */
export interface LoadedContent {
  replies: LoadedReply[];
  glossary: Glossary;
  glossaryFile: string;
  /** The hand-written About page (content/about/), if there is one. */
  about?: AboutPages;
  warnings: string[];
}

/** The content folder the CLIs read: `CONTENT_DIR` when set (tests and `npm run dev` point it at a scratch copy), else content/. */
export function contentDirFromEnv(): string {
  return process.env.CONTENT_DIR || 'content';
}

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Loads one reply folder; `root` is only used to print short paths. */
export function loadReply(dir: string, root = process.cwd()): { reply: LoadedReply; warnings: string[] } {
  const slug = dir.split(/[\\/]/).filter(Boolean).pop()!;
  const rel = (p: string) => relative(root, p) || p;
  if (!SLUG.test(slug)) {
    throw new ContentError({ file: rel(dir) }, `the folder name "${slug}" is not a valid slug`, 'rename it to lower-case letters, digits and hyphens, e.g. zhengzhou-2021-20210574');
  }
  const sourcePath = join(dir, 'source.txt');
  if (!existsSync(sourcePath)) {
    throw new ContentError({ file: rel(dir) }, 'the reply folder has no source.txt', 'put the plain text of the reply in source.txt, or remove the folder');
  }
  const decoded = decodeSource(readFileSync(sourcePath), rel(sourcePath));
  const metaPath = join(dir, 'meta.yaml');
  const meta = existsSync(metaPath) ? validate(metaSchema, parseYaml(readFileSync(metaPath, 'utf8'), rel(metaPath)), rel(metaPath), 'reply metadata') : undefined;
  const doc = parseReply(decoded.text, {
    slug,
    file: rel(sourcePath),
    meta: meta ? { ...meta, title: meta.title?.zh ? { zh: meta.title.zh, en: meta.title.en } : undefined } : undefined,
  });
  if (meta?.title?.en && !meta.title.zh) doc.meta.title.en = meta.title.en;
  const trPath = join(dir, 'en.yaml');
  const translation = existsSync(trPath) ? loadTranslation(readFileSync(trPath, 'utf8'), rel(trPath)) : undefined;
  if (translation?.title && !doc.meta.title.en) doc.meta.title.en = translation.title;
  const notesPath = join(dir, 'notes.yaml');
  const notes = existsSync(notesPath) ? loadNotes(readFileSync(notesPath, 'utf8'), rel(notesPath), doc) : undefined;
  return {
    reply: { doc, translation, notes, files: { source: rel(sourcePath), meta: meta ? rel(metaPath) : undefined, translation: rel(trPath), notes: notes ? rel(notesPath) : undefined } },
    warnings: [...decoded.warnings, ...doc.warnings],
  };
}

/** Loads every reply folder under `content/replies` and the glossary. */
export function loadContent(contentDir: string, root = process.cwd()): LoadedContent {
  const repliesDir = join(contentDir, 'replies');
  if (!existsSync(repliesDir)) throw new ContentError({ file: relative(root, repliesDir) }, 'there is no replies folder', 'create content/replies/<slug>/source.txt for each reply');
  const folders = readdirSync(repliesDir).filter((n) => !n.startsWith('.') && statSync(join(repliesDir, n)).isDirectory()).sort();
  if (folders.length === 0) throw new ContentError({ file: relative(root, repliesDir) }, 'there are no replies', 'add a folder content/replies/<slug>/ with the reply text in source.txt');
  const warnings: string[] = [];
  const replies = folders.map((name) => {
    const { reply, warnings: w } = loadReply(join(repliesDir, name), root);
    warnings.push(...w);
    return reply;
  });
  const glossaryPath = join(contentDir, 'glossary.yaml');
  const glossaryFile = relative(root, glossaryPath);
  if (!existsSync(glossaryPath)) throw new ContentError({ file: glossaryFile }, 'the glossary is missing', 'restore content/glossary.yaml (it may list a single term)');
  const glossary = loadGlossary(readFileSync(glossaryPath, 'utf8'), glossaryFile);
  return { replies, glossary, glossaryFile, about: loadAbout(contentDir, root), warnings };
}
