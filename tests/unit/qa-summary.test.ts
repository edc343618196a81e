// QA of summaries and the paths where QA must stay silent (audit M4): one folder per case in
// tests/fixtures/qa-summary/ (source.txt + en.yaml → expected.txt), each with the findings written by hand below.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReply } from '../../scripts/lib/parse.ts';
import { loadTranslation } from '../../scripts/lib/translations.ts';
import { loadGlossary } from '../../scripts/lib/glossary.ts';
import { checkQuotedPhrases, checkTranslation, formatFindings, type Finding } from '../../scripts/lib/qa.ts';
import type { TranslationFile } from '../../scripts/lib/schemas.ts';
import { caseNames, expectFile, fixtureDir, readSource, rel } from './helpers.ts';

const DIR = fixtureDir('qa-summary');
const glossaryPath = join(DIR, 'glossary.yaml');
const glossary = loadGlossary(readFileSync(glossaryPath, 'utf8'), rel(glossaryPath));

/** The findings of each case, as `kind block`: what the fixture's comment says it plants. */
const EXPECTED: Record<string, string[]> = {
  'clean-aliases': [],
  'executive-long': ['summary-length executive'],
  'executive-number': ['summary-number executive'],
  'executive-stale': ['summary-stale executive'],
  'orphaned-summary': ['orphaned sections.s3'],
};

function checkCase(name: string): Finding[] {
  const sourcePath = join(DIR, name, 'source.txt');
  const trPath = join(DIR, name, 'en.yaml');
  const doc = parseReply(readSource(sourcePath), { slug: name, file: rel(sourcePath) });
  const translation = loadTranslation(readFileSync(trPath, 'utf8'), rel(trPath));
  return [...checkTranslation(doc, translation, rel(trPath), glossary), ...checkQuotedPhrases(doc, glossary, rel(sourcePath))];
}

describe('summary QA fixtures (tests/fixtures/qa-summary/<case>/ → expected.txt)', () => {
  it('has exactly the cases listed here', () => {
    expect(caseNames(DIR)).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.keys(EXPECTED))('%s: exactly its findings', (name) => {
    const findings = checkCase(name);
    expect(findings.map((f) => `${f.kind} ${f.block}`)).toEqual(EXPECTED[name]);
    expectFile(join(DIR, name, 'expected.txt'), findings.length ? `${formatFindings(findings)}\n` : '');
  });

  it('the figure the executive summary invents is named', () => {
    expect(checkCase('executive-number')[0]!.message).toBe('the summary states "200", which the Chinese it summarises does not');
  });

  it('the executive summary may have 200 words, not 201', () => {
    const sourcePath = join(DIR, 'executive-long', 'source.txt');
    const doc = parseReply(readSource(sourcePath), { slug: 'x', file: 'x.txt' });
    const file = (words: number): TranslationFile => ({ language: 'en', sections: {}, blocks: {}, executive: { source: doc.sourceHash, text: Array.from({ length: words }, () => 'word').join(' ') } });
    const lengthFindings = (words: number) => checkTranslation(doc, file(words), 'en.yaml').filter((f) => f.block === 'executive').map((f) => `${f.kind}: ${f.message}`);
    expect(lengthFindings(200)).toEqual([]);
    expect(lengthFindings(201)).toEqual(['summary-length: the executive summary has 201 words']);
  });
});
