// The glossary: validation errors (one exact line each), generated pinyin and Traditional forms, and the real glossary.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadGlossary, plainPinyin } from '../../scripts/lib/glossary.ts';
import { toTraditional } from '../../scripts/lib/hant.ts';
import { parseReply } from '../../scripts/lib/parse.ts';
import { checkQuotedPhrases } from '../../scripts/lib/qa.ts';
import { caseNames, errorLine, fixtureDir, readSource, rel, ROOT } from './helpers.ts';

const DIR = fixtureDir('glossary');
const fixturePath = (name: string) => join(DIR, name, 'glossary.yaml');
const loadCase = (name: string) => loadGlossary(readFileSync(fixturePath(name), 'utf8'), rel(fixturePath(name)));
const MERGE = 'Fix: keep each term, alias and exclusion once: merge the two entries or delete one';

describe('glossary errors (tests/fixtures/glossary/<case>/glossary.yaml)', () => {
  it('has one fixture per error and a valid one', () => {
    expect(caseNames(DIR)).toEqual(['bad-category', 'duplicate-alias', 'duplicate-id', 'duplicate-key', 'duplicate-term', 'exclusion-term', 'tab-indent', 'valid']);
  });

  it('duplicate term: names the second entry and the term that has it', () => {
    expect(errorLine(() => loadCase('duplicate-term'))).toBe(`tests/fixtures/glossary/duplicate-term/glossary.yaml [mu-jun]: the term "亩均论英雄" is already used by term "mu-jun-lun-ying-xiong". ${MERGE}`);
  });

  it('duplicate alias: an alias equal to another term', () => {
    expect(errorLine(() => loadCase('duplicate-alias'))).toBe(`tests/fixtures/glossary/duplicate-alias/glossary.yaml [zhuan-jing-te-xin-qi-ye]: the alias "专精特新" is already used by term "zhuan-jing-te-xin". ${MERGE}`);
  });

  it('an exclusion equal to a term', () => {
    expect(errorLine(() => loadCase('exclusion-term'))).toBe(`tests/fixtures/glossary/exclusion-term/glossary.yaml [exclusion:三送一强]: the excluded phrase "三送一强" is already used by term "san-song-yi-qiang". ${MERGE}`);
  });

  it('duplicate id', () => {
    expect(errorLine(() => loadCase('duplicate-id'))).toBe('tests/fixtures/glossary/duplicate-id/glossary.yaml [shuang-chuang]: the id "shuang-chuang" is used by two terms. Fix: give each term its own id');
  });

  it('bad category: names the key path and the allowed values', () => {
    expect(errorLine(() => loadCase('bad-category'))).toBe(
      'tests/fixtures/glossary/bad-category/glossary.yaml [terms.0.category]: glossary: Invalid option: expected one of "evaluation-scheme"|"campaign"|"enterprise-category"|"statistic"|"reform"|"platform"|"programme"|"plan"|"concept"|"place"|"institution". Fix: correct `terms.0.category` so that it matches the schema described in README.md',
    );
  });

  it('invalid YAML (tab indentation): names the file and the line', () => {
    // Regression (fixed): scripts/lib/yaml-file.ts parseYaml() reads error.linePos, but parses with `prettyErrors: false`, and the
    // yaml package only sets linePos when prettyErrors is on. So the line (4 here) is never printed:
    // actual "…/glossary.yaml: invalid YAML (…)" instead of "…/glossary.yaml:4: invalid YAML (…)".
    expect(errorLine(() => loadCase('tab-indent'))).toBe('tests/fixtures/glossary/tab-indent/glossary.yaml:4: invalid YAML (Tabs are not allowed as indentation). Fix: fix the indentation or quoting on that line (a YAML linter helps)');
  });

  it('duplicate YAML key: names the file and the line', () => {
    // Regression (fixed): same cause as the tab case (scripts/lib/yaml-file.ts, linePos is undefined without prettyErrors): the line 5 is missing.
    expect(errorLine(() => loadCase('duplicate-key'))).toBe('tests/fixtures/glossary/duplicate-key/glossary.yaml:5: a key appears twice. Fix: keep one entry per key');
  });
});

describe('generated forms', () => {
  const valid = loadCase('valid');
  const term = (zh: string) => valid.terms.find((t) => t.zh === zh)!;

  it('generates pinyin with tone marks and the toneless form people type', () => {
    expect(term('专精特新')).toMatchObject({ pinyin: 'zhuān jīng tè xīn', pinyinPlain: 'zhuanjingtexin' });
    expect(plainPinyin('亩均论英雄')).toBe('mujunlunyingxiong');
  });

  it('generates Traditional forms of terms and aliases', () => {
    expect(term('亩均论英雄').hant).toBe('畝均論英雄');
    expect(term('专精特新')).toMatchObject({ hant: '專精特新', aliasesHant: ['專精特新中小企業'] });
  });

  it('converts characters only (tw), keeping mainland vocabulary: 数据 → 數據, not 資料', () => {
    expect(term('数据').hant).toBe('數據');
    expect(toTraditional('数据')).toBe('數據');
    expect(toTraditional('知识产权和营商环境优化')).toBe('知識產權和營商環境優化');
  });

  it('keeps given pinyin and Traditional overrides', () => {
    const text = readFileSync(fixturePath('valid'), 'utf8').replace('    zh: 数据\n', '    zh: 数据\n    pinyin: shù jù (override)\n    hant: 数据(override)\n');
    const t = loadGlossary(text, 'g.yaml').terms.find((x) => x.zh === '数据')!;
    expect([t.pinyin, t.hant]).toEqual(['shù jù (override)', '数据(override)']);
  });
});

describe('the real glossary (content/glossary.yaml)', () => {
  const file = join(ROOT, 'content', 'glossary.yaml');
  const glossary = loadGlossary(readFileSync(file, 'utf8'), rel(file));

  it('loads, with at least 40 terms including the key policy terms', () => {
    expect(glossary.terms.length).toBeGreaterThanOrEqual(40);
    expect(glossary.terms.map((t) => t.zh)).toEqual(expect.arrayContaining(['亩均论英雄', '专精特新', '三送一强']));
    expect(glossary.terms.find((t) => t.zh === '亩均论英雄')!.hant).toBe('畝均論英雄');
    expect(glossary.terms.find((t) => t.zh === '专精特新')!.pinyinPlain).toBe('zhuanjingtexin');
  });

  it('defines, aliases or excludes every quoted phrase of the seed reply', () => {
    const source = join(ROOT, 'content/replies/zhengzhou-2021-20210574/source.txt');
    const doc = parseReply(readSource(source), { slug: 'zhengzhou-2021-20210574', file: rel(source) });
    expect(doc.blocks.some((b) => b.zh.includes('“'))).toBe(true);
    expect(checkQuotedPhrases(doc, glossary, rel(source))).toEqual([]);
  });
});
