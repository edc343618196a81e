// Sentence boundaries for blurbs (scripts/lib/sentences.ts): fixture cases with abbreviations, decimals and
// malformed input, then every summary of every reply and fixture cut into whole sentences.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { firstSentence, splitSentences } from '../../scripts/lib/sentences.ts';
import { fixtureDir, rel, ROOT } from './helpers.ts';

const CASES = parse(readFileSync(join(fixtureDir('sentences'), 'cases.yaml'), 'utf8')) as { name: string; text: string; sentences: string[] }[];

describe('splitSentences (tests/fixtures/sentences/cases.yaml)', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_, c) => {
    expect(splitSentences(c.text)).toEqual(c.sentences);
    expect(firstSentence(c.text)).toBe(c.sentences[0] ?? '');
  });
});

/** Every en.yaml under a folder (replies in content/, translation fixtures in tests/fixtures/). */
function translationFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return translationFiles(path);
    return name === 'en.yaml' ? [path] : [];
  });
}

const SUMMARIES = [join(ROOT, 'content'), join(ROOT, 'tests', 'fixtures')].flatMap(translationFiles).flatMap((file) => {
  let data: { executive?: { text?: string }; sections?: Record<string, { summary?: string }> } | null;
  try {
    data = parse(readFileSync(file, 'utf8'));
  } catch {
    return []; // malformed YAML fixtures are the loaders' concern
  }
  const texts: [string, string][] = [];
  if (typeof data?.executive?.text === 'string') texts.push([`${rel(file)} executive`, data.executive.text]);
  for (const [id, s] of Object.entries(data?.sections ?? {})) if (typeof s?.summary === 'string') texts.push([`${rel(file)} sections.${id}`, s.summary]);
  return texts;
});

const ABBREVIATION_END = /(?:^|\s)(?:No|Nos|Art|approx|e\.g|i\.e|para|Fig|Mr|Dr)\.$/;

describe('every summary of every reply and fixture is cut on whole sentences', () => {
  it('finds the summaries (the seed executive summary among them)', () => {
    expect(SUMMARIES.length).toBeGreaterThan(10);
    expect(SUMMARIES.some(([where]) => where === 'content/replies/zhengzhou-2021-20210574/en.yaml executive')).toBe(true);
  });

  it.each(SUMMARIES)('%s', (_, text) => {
    const sentences = splitSentences(text);
    expect(sentences.join(' ')).toBe(text.trim().replace(/\s*\n\s*/g, ' '));
    for (const s of sentences.slice(0, -1)) {
      expect(s).toMatch(/[.!?。！？]["'”’)\]」』）]*$/);
      expect(s).not.toMatch(ABBREVIATION_END);
    }
    const first = firstSentence(text);
    expect(text.trim().startsWith(first)).toBe(true);
    expect(first).not.toMatch(ABBREVIATION_END);
  });

  it('cuts the seed blurb after the sentence, not at "No."', () => {
    const seed = SUMMARIES.find(([where]) => where.endsWith('zhengzhou-2021-20210574/en.yaml executive'))![1];
    const blurb = firstSentence(seed);
    expect(blurb).toMatch(/^In this reply to proposal No\. 20210574, .*\.$/);
    expect(blurb.length).toBeGreaterThan(60);
  });
});
