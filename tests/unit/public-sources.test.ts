// Public output names public sources only: no path of a build machine and no file of the project's working notes
// in content, docs, generated site data or the built site; every glossary `sources` value names a public source.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT, rel } from './helpers.ts';

/** What must never appear in public output: machine paths and the working-notes files that glossary research and reviews live in. */
const FORBIDDEN = /\/work\/|\/tmp\/|glossary-sources|shared\/notes|shared\/reviews/;
const TEXT = /\.(?:md|mdx|ya?ml|json|html|xml|csv|tbx|txt|svg|js|css|xlf)$/;

/** Text files under a path (a file or a folder), skipping what is not text. */
function textFiles(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).flatMap((name) => {
    const p = join(path, name);
    return statSync(p).isDirectory() ? textFiles(p) : TEXT.test(name) ? [p] : [];
  });
}

/** The lines of the files that contain a forbidden string, as `file:line: text`. */
function offending(files: string[]): string[] {
  return files.flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((line, i) => (FORBIDDEN.test(line) ? [`${rel(file)}:${i + 1}: ${line.trim().slice(0, 160)}`] : [])),
  );
}

describe('no machine path or working-notes file in public output', () => {
  it('the scan itself finds a planted path and a planted notes file', () => {
    expect(FORBIDDEN.test('sources: "Xinhua (per glossary-sources.md)"')).toBe(true);
    expect(FORBIDDEN.test('cd /work/main && npm test')).toBe(true);
    expect(FORBIDDEN.test('see ../shared/reviews/x.md')).toBe(true);
    expect(FORBIDDEN.test('https://english.www.gov.cn/ (a public source)')).toBe(false);
  });

  it('content/, README.md and docs/ are clean', () => {
    const files = [join(ROOT, 'content'), join(ROOT, 'README.md'), join(ROOT, 'docs')].flatMap(textFiles);
    expect(files.length).toBeGreaterThan(3);
    expect(offending(files)).toEqual([]);
  });

  it('the generated site data and the built sites, where present, are clean', () => {
    const files = [join(ROOT, 'src', 'generated'), join(ROOT, 'dist'), join(ROOT, '.test-dist')].flatMap(textFiles);
    expect(offending(files)).toEqual([]);
  });
});

describe('glossary sources are public', () => {
  const glossary = parse(readFileSync(join(ROOT, 'content', 'glossary.yaml'), 'utf8')) as { terms: { id: string; official: boolean; sources: string }[] };

  it('every term names a public source with its URL, or says that no public English source was found', () => {
    const bad = glossary.terms.filter((t) => !/https?:\/\/\S+/.test(t.sources) && !/no public English source found/.test(t.sources));
    expect(bad.map((t) => `${t.id}: ${t.sources}`)).toEqual([]);
  });

  it('a term marked official names a source with a URL', () => {
    const official = glossary.terms.filter((t) => t.official);
    expect(official.length).toBeGreaterThan(10);
    expect(official.filter((t) => !/https?:\/\/\S+/.test(t.sources)).map((t) => t.id)).toEqual([]);
  });
});
