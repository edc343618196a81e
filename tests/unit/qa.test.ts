// Translation QA: one fixture folder per kind of finding (source.txt + en.yaml with exactly one fault → expected.txt;
// `<kind>--<variant>` for a kind found in more than one way), a clean case with none, and the real seed content.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReply } from '../../scripts/lib/parse.ts';
import { loadTranslation } from '../../scripts/lib/translations.ts';
import { loadGlossary } from '../../scripts/lib/glossary.ts';
import { loadContent } from '../../scripts/lib/load.ts';
import { checkQuotedPhrases, checkTranslation, formatFindings, type Finding, type FindingKind } from '../../scripts/lib/qa.ts';
import { capitalisedKeys, declaredRenderings, pinyinNames } from '../../scripts/lib/consistency.ts';
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
    const kinds: FindingKind[] = ['glossary', 'glossary-headline', 'inconsistent', 'leftover-chinese', 'missing', 'name-inconsistent', 'number-extra', 'number-missing', 'orphaned', 'stale', 'summary-number', 'summary-stale', 'unglossed-quote'];
    expect([...new Set(CASES.map((c) => c.split('--')[0]))].sort()).toEqual(['clean', ...kinds].sort());
    expect(CASES.filter((c) => c.startsWith('name-inconsistent--'))).toEqual(['name-inconsistent--note', 'name-inconsistent--pinyin', 'name-inconsistent--title']);
  });

  it.each(CASES)('%s: produces exactly its expected findings', (name) => {
    const findings = checkCase(name);
    expect(findings.map((f) => f.kind)).toEqual(name === 'clean' ? [] : [name.split('--')[0]]);
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

  it('reports every block and the addressee as missing when a reply has no translation file', () => {
    const sourcePath = join(DIR, 'clean', 'source.txt');
    const doc = parseReply(readSource(sourcePath), { slug: 'clean', file: rel(sourcePath) });
    const findings = checkTranslation(doc, undefined, 'en.yaml');
    expect(findings.map((f) => `${f.kind} ${f.block}`)).toEqual([...doc.blocks.map((b) => `missing ${b.id}`), 'missing meta.addressee']);
  });

  it('reports the addressee like a block: missing with the hash to use, stale when the Chinese addressee changed, orphaned without one', () => {
    expect(checkCase('missing--addressee')).toEqual([
      {
        kind: 'missing',
        file: 'tests/fixtures/qa/missing--addressee/en.yaml',
        block: 'meta.addressee',
        message: 'no English rendering of the addressee 王委员',
        hint: 'add `meta: { addressee: { source: 7d69873067db, text: … } }` (e.g. "Committee Member Wang Li", as the salutation\'s English names them)',
      },
    ]);
    expect(checkCase('stale--addressee').map((f) => `${f.kind} ${f.block}: ${f.message}`)).toEqual(['stale meta.addressee: the addressee changed since it was translated (hash 0123456789ab, now 7d69873067db: 王委员)']);
    const noSalutation = parseReply('您提出的建议收悉，现答复如下：\n一、基本情况\n全市工业运行平稳。\n', { slug: 'x', file: 'source.txt' });
    const withAddressee = loadTranslation('language: en\nmeta:\n  addressee: { source: 7d69873067db, text: 王 Wang }\n', 'en.yaml');
    expect(checkTranslation(noSalutation, withAddressee, 'en.yaml').filter((f) => f.block === 'meta.addressee').map((f) => f.kind)).toEqual(['orphaned']);
    const doc = parseReply(readSource(join(DIR, 'clean', 'source.txt')), { slug: 'clean', file: 'source.txt' });
    expect(checkTranslation(doc, withAddressee, 'en.yaml').filter((f) => f.block === 'meta.addressee').map((f) => `${f.kind}: ${f.message}`)).toEqual(['leftover-chinese: Chinese characters "王" in the English']);
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

describe('consistency checks (one name, one rendering)', () => {
  it('reads the renderings a translator declares in a note, names only', () => {
    expect(declaredRenderings('No known English names: 锐杰微 → Ruijiewei, 华锐光电 → Huarui Optoelectronics and 芯证 → Xinzheng are given in pinyin. 郑州合晶硅 → “Zhengzhou Hejing Silicon” (a subsidiary). 嘉晨电器 is rendered in pinyin as “Jiachen Electric”. 提升国家化 → 国际化.')).toEqual([
      { zh: '锐杰微', en: 'Ruijiewei' },
      { zh: '华锐光电', en: 'Huarui Optoelectronics' },
      { zh: '芯证', en: 'Xinzheng' },
      { zh: '郑州合晶硅', en: 'Zhengzhou Hejing Silicon' },
      { zh: '嘉晨电器', en: 'Jiachen Electric' },
    ]);
  });

  it('finds names written in pinyin, however they are spaced, and nothing in ordinary capitalised words', () => {
    expect(pinyinNames('建成“郑好有”线上平台', 'We built the “Zheng Hao You” online platform.').get('郑好有')).toBe('Zheng Hao You');
    expect([...pinyinNames('建成“郑好有”线上平台', 'We built the “Zhenghaoyou” online platform.')]).toEqual([['郑好有', 'Zhenghaoyou']]);
    expect(pinyinNames('加强顶层设计', 'Strengthening Top-Level Design')).toEqual(new Map());
    expect(capitalisedKeys('the Wafer Works (Zhengzhou) project').get('waferworks')).toBe('Wafer Works');
  });

  it('reports a pinyin name spelt two ways', () => {
    const doc = parseReply('尊敬的王委员：\n一、基本情况\n建成“郑好有”平台。\n二、下一步工作\n推广“郑好有”平台。\n', { slug: 'spelling', file: 'source.txt' });
    const tr = loadTranslation(
      `language: en\nblocks:\n${doc.blocks.map((b) => `  ${b.id}: { source: ${b.hash}, text: "${{ salutation: 'Dear Member Wang:', s1: 'Basic situation', 's1-p1': 'We built the Zheng Hao You platform.', s2: 'Next steps', 's2-p1': 'We will promote the Zhenghaoyou platform.' }[b.id]}" }`).join('\n')}\n`,
      'en.yaml',
    );
    const findings = checkTranslation(doc, tr, 'en.yaml').filter((f) => f.kind === 'name-inconsistent');
    expect(findings.map((f) => `${f.block}: ${f.message}`)).toEqual(['s2-p1: 郑好有 is written “Zhenghaoyou” here but “Zheng Hao You” in s1-p1']);
  });

  it('glossary headline: an admitted alias alone is fine, the literal gloss alone is a finding, no rendering at all only the block check', () => {
    const dir = join(DIR, 'glossary-headline');
    const glossary = loadGlossary(readFileSync(join(dir, 'glossary.yaml'), 'utf8'), 'glossary.yaml');
    const doc = parseReply(readSource(join(dir, 'source.txt')), { slug: 'headline', file: 'source.txt' });
    const base = readFileSync(join(dir, 'en.yaml'), 'utf8');
    const literal = 'We will cultivate no fewer than 150 “specialized, fine, special, new” SMEs.';
    const kinds = (s2p1: string) => checkTranslation(doc, loadTranslation(base.replace(literal, s2p1), 'en.yaml'), 'en.yaml', glossary).map((f) => `${f.kind} ${f.block}`);
    expect(kinds('We will cultivate no fewer than 150 SRDI SMEs.')).toEqual([]);
    expect(kinds('We will cultivate no fewer than 150 specialized, refined, distinctive and innovative SMEs.')).toEqual([]);
    expect(kinds(literal)).toEqual(['glossary-headline s2-p1']);
    expect(kinds('We will cultivate no fewer than 150 niche SMEs.')).toEqual(['glossary s2-p1']);
  });

  it('reports nothing on the real content', () => {
    const content = loadContent(join(ROOT, 'content'), ROOT);
    const kinds = new Set<FindingKind>(['name-inconsistent', 'glossary-headline']);
    const findings = content.replies.flatMap((r) => checkTranslation(r.doc, r.translation, r.files.translation, content.glossary)).filter((f) => kinds.has(f.kind));
    expect(formatFindings(findings)).toBe('');
  });
});
