/**
 * No text lost on the way to the public data: for every reply the test builds
 * were made from (content/ and the real replies tests/global-setup.ts adds), the
 * `zh` of the blocks in the built `data/replies/<slug>.json` (both builds),
 * joined in order, equals the source.txt it came from, whitespace aside. The
 * oracle uses no project code: raw bytes, TextDecoder, one regex.
 */
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILDS } from './helpers.ts';
import { TEST_CONTENT } from '../global-setup.ts';

const CONTENT = fileURLToPath(new URL(`../../${TEST_CONTENT}/replies/`, import.meta.url));
const slugs = readdirSync(CONTENT).filter((n) => !n.startsWith('.') && statSync(join(CONTENT, n)).isDirectory()).sort();
const strip = (text: string) => text.replace(/\s/gu, '');

function rawSource(slug: string): string {
  const bytes = readFileSync(join(CONTENT, slug, 'source.txt'));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

describe.each(Object.keys(BUILDS) as (keyof typeof BUILDS)[])('data/replies of the %s build', (which) => {
  const dataDir = join(BUILDS[which].dir, 'data', 'replies');

  it('has one JSON file per reply of the test content, and no other', () => {
    expect(slugs.length).toBeGreaterThan(0);
    expect(readdirSync(dataDir).filter((f) => f.endsWith('.json')).sort()).toEqual(slugs.map((s) => `${s}.json`));
  });

  it.each(slugs)('%s: the blocks joined equal source.txt, whitespace aside', (slug) => {
    const data = JSON.parse(readFileSync(join(dataDir, `${slug}.json`), 'utf8')) as { slug: string; blocks: { id: string; zh: string }[] };
    expect(data.slug).toBe(slug);
    expect(data.blocks.length).toBeGreaterThan(0);
    const joined = strip(data.blocks.map((b) => b.zh).join(''));
    const source = strip(rawSource(slug));
    expect(source.length).toBeGreaterThan(0);
    expect(joined).toBe(source);
  });
});
