/**
 * Shared helpers for the unit tests: fixture paths, expected-output files
 * (rewritten with UPDATE=1, which then fails for review), capturing content errors, and small builders.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { ContentError } from '../../scripts/lib/errors.ts';
import { decodeSource } from '../../scripts/lib/decode.ts';
import type { GlossaryTerm } from '../../scripts/lib/glossary.ts';

/** The repository root (where package.json lives). */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** tests/fixtures/<stage> as an absolute path. */
export function fixtureDir(stage: string): string {
  return join(ROOT, 'tests', 'fixtures', stage);
}

/** A path relative to the repository root, with forward slashes: what errors and findings print. */
export function rel(path: string): string {
  return relative(ROOT, path).split('\\').join('/');
}

/** With UPDATE=1 the tests rewrite expected files that differ from the actual output (and fail, see expectFile). */
export const UPDATE = process.env.UPDATE === '1';

/** The sub-folders of a fixture folder (one per case), sorted. */
export function caseNames(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => statSync(join(dir, name)).isDirectory())
    .sort();
}

/**
 * Compares text with an expected file. With UPDATE=1 a file that differs (or is missing) is rewritten from
 * the actual output and the test fails all the same, so a golden file is never silently regenerated: review
 * the diff, then run the tests again without UPDATE.
 */
export function expectFile(path: string, actual: string): void {
  const expected = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  if (UPDATE && expected !== actual) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    throw new Error(`${rel(path)} was rewritten (UPDATE=1): review the diff (git diff -- ${rel(path)}), then run the tests again without UPDATE`);
  }
  if (expected === undefined) throw new Error(`${rel(path)} does not exist: run the tests once with UPDATE=1 and review it`);
  expect(actual).toBe(expected);
}

/** Compares a value, as pretty JSON, with an expected .json file (regenerated with UPDATE=1). */
export function expectJsonFile(path: string, actual: unknown): void {
  expectFile(path, `${JSON.stringify(actual, null, 2)}\n`);
}

/** Runs `fn`, which must throw a ContentError, and returns it (anything else fails the test). */
export function contentError(fn: () => unknown): ContentError {
  let thrown: unknown;
  try {
    fn();
  } catch (error) {
    thrown = error;
  }
  if (thrown === undefined) throw new Error('expected a ContentError, but nothing was thrown');
  if (!(thrown instanceof ContentError)) throw thrown;
  return thrown;
}

/** The one line an editor would see for the ContentError that `fn` throws. */
export function errorLine(fn: () => unknown): string {
  return contentError(fn).toLine();
}

/** Reads a source file the way the pipeline does (bytes → decodeSource) and returns its text. */
export function readSource(path: string): string {
  return decodeSource(readFileSync(path), rel(path)).text;
}

/** A glossary term for matcher tests; only the fields annotation reads need to be given. */
export function makeTerm(fields: { id: string; zh: string; en: string; aliases?: string[]; enAliases?: string[]; hant?: string }): GlossaryTerm {
  return {
    id: fields.id,
    zh: fields.zh,
    en: fields.en,
    official: false,
    explanation: 'A term made up for a unit test, long enough for the schema.',
    category: 'concept',
    aliases: fields.aliases ?? [],
    enAliases: fields.enAliases ?? [],
    sources: 'unit test',
    confidence: 'high',
    pinyin: '',
    pinyinPlain: '',
    hant: fields.hant ?? fields.zh,
    aliasesHant: fields.aliases ?? [],
  };
}

/** A fresh temporary folder, removed by the returned cleanup function. */
export function tempDir(prefix: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `${prefix}-`));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Copies a file or folder (recursively), creating the target's parent folders. */
export function copy(from: string, to: string): void {
  mkdirSync(dirname(to), { recursive: true });
  cpSync(from, to, { recursive: true });
}
