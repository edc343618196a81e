// The glossary: validation errors (one exact line each), generated pinyin and Traditional forms, and the real glossary.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { admittedEnAliases, checkGlossary, chineseClauses, definitionIn, explanationIn, loadGlossary, plainPinyin, renderingSentence, termExample } from '../../scripts/lib/glossary.ts';
import { isChineseText } from '../../scripts/lib/schemas.ts';
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
    expect(caseNames(DIR)).toEqual(['bad-category', 'duplicate-alias', 'duplicate-id', 'duplicate-key', 'duplicate-term', 'exclusion-term', 'explanation-zh-empty', 'explanation-zh-not-chinese', 'tab-indent', 'valid']);
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
      'tests/fixtures/glossary/bad-category/glossary.yaml [terms.0.category (shi-si-wu)]: glossary: Invalid option: expected one of "evaluation-scheme"|"campaign"|"enterprise-category"|"statistic"|"reform"|"platform"|"programme"|"plan"|"concept"|"place"|"institution". Fix: correct `terms.0.category` so that it matches the schema described in README.md',
    );
  });

  it('an empty Chinese explanation: names the term and says to delete the key to mark it as pending', () => {
    expect(errorLine(() => loadCase('explanation-zh-empty'))).toBe(
      'tests/fixtures/glossary/explanation-zh-empty/glossary.yaml [terms.1.explanationZh (shuang-chuang)]: glossary: the Chinese explanation is empty (write one to three sentences in Simplified Chinese, or delete the key to mark it as pending). Fix: correct `terms.1.explanationZh` so that it matches the schema described in README.md',
    );
  });

  it('a Chinese explanation that is not Chinese (English with a Chinese word in it): names the term', () => {
    expect(errorLine(() => loadCase('explanation-zh-not-chinese'))).toBe(
      'tests/fixtures/glossary/explanation-zh-not-chinese/glossary.yaml [terms.0.explanationZh (shi-si-wu)]: glossary: the Chinese explanation is not written in Chinese (write it in Simplified Chinese; the zh-hant pages convert it). Fix: correct `terms.0.explanationZh` so that it matches the schema described in README.md',
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

describe('explanations per locale', () => {
  const text = readFileSync(fixturePath('valid'), 'utf8').replace(
    '    explanation: An explanation long enough for the schema of the glossary.\n    category: enterprise-category',
    '    explanation: A national category of SMEs. Recognition brings subsidies.\n    explanationZh: 国家设立的一类中小企业称号。获得认定的企业可获得补贴和其他政策支持。\n    category: enterprise-category',
  );
  const glossary = loadGlossary(text, 'g.yaml');
  const srdi = glossary.terms.find((t) => t.id === 'zhuan-jing-te-xin')!;
  const pending = glossary.terms.find((t) => t.id === 'shu-ju')!;

  it('gives the English on en, the Chinese on zh-hans and its Traditional conversion on zh-hant', () => {
    expect(explanationIn(srdi, 'en')).toBe('A national category of SMEs. Recognition brings subsidies.');
    expect(explanationIn(srdi, 'zh-hans')).toBe('国家设立的一类中小企业称号。获得认定的企业可获得补贴和其他政策支持。');
    expect(explanationIn(srdi, 'zh-hant')).toBe('國家設立的一類中小企業稱號。獲得認定的企業可獲得補貼和其他政策支持。');
  });

  it('the one-line definition is the first sentence in the locale', () => {
    expect(definitionIn(srdi, 'en')).toBe('A national category of SMEs.');
    expect(definitionIn(srdi, 'zh-hans')).toBe('国家设立的一类中小企业称号。');
    expect(definitionIn(srdi, 'zh-hant')).toBe('國家設立的一類中小企業稱號。');
  });

  it('a term without a Chinese explanation is pending on the Chinese pages (null, never the English) and a finding of npm run check', () => {
    expect(explanationIn(pending, 'zh-hans')).toBeNull();
    expect(definitionIn(pending, 'zh-hant')).toBeNull();
    expect(explanationIn(pending, 'en')).toBe('An explanation long enough for the schema of the glossary.');
    expect(checkGlossary(glossary, 'g.yaml').map((f) => `${f.kind} ${f.block}`)).toEqual(['explanation-missing mu-jun-lun-ying-xiong', 'explanation-missing shu-ju']);
    expect(checkGlossary(glossary, 'g.yaml')[0]).toEqual({
      kind: 'explanation-missing',
      file: 'g.yaml',
      block: 'mu-jun-lun-ying-xiong',
      message: 'no Chinese explanation (the Chinese pages show it as pending)',
      hint: 'add `explanationZh:` with the explanation in Simplified Chinese, faithful to `explanation`',
    });
  });

  it('tells Chinese text from English with a Chinese word in it', () => {
    expect(isChineseText('企业按评价结果分为若干类（通常为A至D类）。')).toBe(true);
    expect(isChineseText('英文译作base而不用hub。')).toBe(true);
    expect(isChineseText('The 十四五 period.')).toBe(false);
    expect(isChineseText('2021-2025')).toBe(false);
  });
});

describe('literal glosses and example sentences', () => {
  it('a literal gloss listed among the English forms is not an admitted alias', () => {
    expect(admittedEnAliases({ enAliases: ['per-mu output', 'Heroes judged by output per mu ', 'ABEM'], literal: 'heroes judged by output per mu' })).toEqual(['per-mu output', 'ABEM']);
    expect(admittedEnAliases({ enAliases: ['SRDI'], literal: undefined })).toEqual(['SRDI']);
  });

  it('cuts Chinese at 。！？ and semicolons, closing quotes kept', () => {
    expect(chineseClauses('全市工业企业1.6万家;完成“亩均论英雄”评价。下一步！')).toEqual(['全市工业企业1.6万家;', '完成“亩均论英雄”评价。', '下一步！']);
    expect(chineseClauses('他说：“好。”然后走了')).toEqual(['他说：“好。”', '然后走了']);
  });

  it('finds the rendering whatever its case, dashes and quotes between words, and the clause that carries it', () => {
    const en = 'Industry is the mainstay. It is one of the Zhengzhou–Luoyang–Xinxiang pilot cities; It established the “1 11 5” collaborative supporting system; it built 3 bases.';
    expect(renderingSentence(en, [undefined, 'Zhengzhou-Luoyang-Xinxiang'])).toEqual({ text: 'It is one of the Zhengzhou–Luoyang–Xinxiang pilot cities;', form: 'Zhengzhou–Luoyang–Xinxiang' });
    // A semicolon before a lower-case word continues the sentence.
    expect(renderingSentence(en, ['1 11 5 collaborative supporting system'])).toEqual({ text: 'It established the “1 11 5” collaborative supporting system; it built 3 bases.', form: '1 11 5” collaborative supporting system' });
    expect(renderingSentence(en, ['no such rendering'])).toEqual({ text: 'Industry is the mainstay.', form: '' });
  });

  it('an example pairs the Chinese clause with the term and the English sentence of the same block; untranslated, the English is missing', () => {
    const term = { en: 'per-mu output evaluation', enAliases: [] };
    const where = { slug: 'r', page: 's1', block: 's1-p1' };
    const zh = '2020年,全市工业企业1.6万家;完成9617家企业“亩均论英雄”综合评价,开展“一对一”服务。';
    const hant = toTraditional(zh);
    const en = 'In 2020 the city had 16,000 industrial enterprises. It completed the per-mu output evaluation of 9,617 enterprises and provided one-to-one services.';
    const example = termExample(term, where, { text: zh, form: '亩均论英雄' }, { text: hant, form: '畝均論英雄' }, { text: en });
    expect(example).toEqual({
      ...where,
      zh: '完成9617家企业“亩均论英雄”综合评价,开展“一对一”服务。',
      hant: '完成9617家企業“畝均論英雄”綜合評價,開展“一對一”服務。',
      zhForm: '亩均论英雄',
      hantForm: '畝均論英雄',
      en: 'It completed the per-mu output evaluation of 9,617 enterprises and provided one-to-one services.',
      enForm: 'per-mu output evaluation',
    });
    const untranslated = termExample(term, where, { text: zh, form: '亩均论英雄' }, { text: hant, form: '畝均論英雄' }, null);
    expect([untranslated.zh, untranslated.en, untranslated.enForm]).toEqual([example.zh, null, '']);
  });
});

describe('the real glossary (content/glossary.yaml)', () => {
  const file = join(ROOT, 'content', 'glossary.yaml');
  const glossary = loadGlossary(readFileSync(file, 'utf8'), rel(file));

  it('explains every term in Chinese too: no term is pending on the Chinese pages', () => {
    expect(checkGlossary(glossary, rel(file))).toEqual([]);
    for (const t of glossary.terms) expect(definitionIn(t, 'zh-hans'), t.id).toMatch(/[。！？]$/);
  });

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
