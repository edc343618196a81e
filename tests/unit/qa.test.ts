// Translation QA: one fixture folder per kind of finding (source.txt + en.yaml with exactly one fault → expected.txt),
// a clean case with none, and the real seed content.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReply } from '../../scripts/lib/parse.ts';
import { loadTranslation } from '../../scripts/lib/translations.ts';
import { loadGlossary } from '../../scripts/lib/glossary.ts';
import { loadContent } from '../../scripts/lib/load.ts';
import { checkQuotedPhrases, checkTranslation, formatFindings, type Finding, type FindingKind } from '../../scripts/lib/qa.ts';
import { caseNames, expectFile, fixtureDir, readSource, rel, ROOT } from './helpers.ts';

const DIR = fixtureDir('qa');
const CASES = caseNames(DIR);

/** Runs the same checks as `npm run check` over one fixture folder. */
function checkCase(name: string): Finding[] {
  const sourcePath = join(DIR, name, 'source.txt');
  const trPath = join(DIR, name, 'en.yaml');
  const glossaryPath = existsSync(join(DIR, name, 'glossary.yaml')) ? join(DIR, name, 'glossary.yaml') : join(DIR, 'glossary.yaml');
  const glossary = loadGlossary(readFileSync(glossaryPath, 'utf8'), rel(glossaryPath));
  const doc = parseReply(readSource(sourcePath), { slug: name, file: rel(sourcePath) });
  const translation = loadTranslation(readFileSync(trPath, 'utf8'), rel(trPath));
  return [...checkTranslation(doc, translation, rel(trPath), glossary), ...checkQuotedPhrases(doc, glossary, rel(sourcePath))];
}

describe('QA fixtures (tests/fixtures/qa/<kind>/ → expected.txt)', () => {
  it('has a clean case and one case per kind of finding', () => {
    const kinds: FindingKind[] = ['glossary', 'inconsistent', 'leftover-chinese', 'missing', 'number-extra', 'number-missing', 'orphaned', 'stale', 'summary-number', 'summary-stale', 'unglossed-quote'];
    expect(CASES).toEqual(['clean', ...kinds].sort());
  });

  it.each(CASES)('%s: produces exactly its expected findings', (name) => {
    const findings = checkCase(name);
    expect(findings.map((f) => f.kind)).toEqual(name === 'clean' ? [] : [name]);
    expectFile(join(DIR, name, 'expected.txt'), findings.length ? `${formatFindings(findings)}\n` : '');
  });

  it('clean: the same checks over the clean case find nothing at all', () => {
    expect(checkCase('clean')).toEqual([]);
    expect(formatFindings([])).toBe('');
  });

  it('locates each finding in the file an editor must change', () => {
    expect(checkCase('stale')[0]).toEqual({
      kind: 'stale',
      file: 'tests/fixtures/qa/stale/en.yaml',
      block: 's2-p1',
      message: 'the Chinese changed since this was translated (hash 0123456789ab, now 04d767f0d4df)',
      hint: 'review the English against the new Chinese, then set `source: 04d767f0d4df`',
    });
    expect(checkCase('unglossed-quote')[0]!.file).toBe('tests/fixtures/qa/unglossed-quote/source.txt');
  });

  it('reports every block as missing when a reply has no translation file', () => {
    const sourcePath = join(DIR, 'clean', 'source.txt');
    const doc = parseReply(readSource(sourcePath), { slug: 'clean', file: rel(sourcePath) });
    const findings = checkTranslation(doc, undefined, 'en.yaml');
    expect(findings.map((f) => `${f.kind} ${f.block}`)).toEqual(doc.blocks.map((b) => `missing ${b.id}`));
  });
});

describe('the real content', () => {
  it('has no missing, stale, orphaned or number findings in strict mode', () => {
    const content = loadContent(join(ROOT, 'content'), ROOT);
    expect(content.replies.length).toBeGreaterThan(0);
    const strictKinds = new Set<FindingKind>(['missing', 'stale', 'orphaned', 'number-missing', 'number-extra']);
    const findings = content.replies.flatMap((r) => checkTranslation(r.doc, r.translation, r.files.translation, content.glossary)).filter((f) => strictKinds.has(f.kind));
    expect(formatFindings(findings)).toBe('');
  });
});
