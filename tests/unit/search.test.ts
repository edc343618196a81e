/** Search: the index records (one per reply page), the lexicon, query planning, block ranking, and the result flow over a stand-in for Pagefind. */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadGlossary } from '../../scripts/lib/glossary.ts';
import { buildLexicon, foldMaps, isSearchPage, loadSynonyms, loadVocabulary, packLexicon, pageRecords, pinyinTables, pinyinWords, termRecord, type Lexicon, type SearchPage, type VocabularyEntry } from '../../scripts/lib/search-data.ts';
import { bridgeTargets, rarePinyinPhrase, suggestTerms, vocabularyOf } from '../../src/scripts/search-dead-end.ts';
import { findTerm, foldScript, latinWords, matchTier, pageBlocks, pinyinPhrase, planQuery, scoreBlock, snippet, synonymsOf, termMatches, unpackLexicon, type Anchor } from '../../src/scripts/search-core.ts';
import { normalizeQuery, numberToken, queryNumbers } from '../../scripts/lib/query-normalize.ts';
import { relativeUrl, runSearch, termRecordHit, PAGE, PAGE_BATCH, type DeadEndData, type Found, type PagefindData } from '../../src/scripts/search.ts';
import { toTraditional } from '../../scripts/lib/hant.ts';
import { loadContent } from '../../scripts/lib/load.ts';
import { runPipeline } from '../../scripts/lib/pipeline.ts';
import { isLetterBlock } from '../../scripts/lib/model.ts';
import { caseNames, errorLine, fixtureDir, rel } from './helpers.ts';

const glossary = loadGlossary(readFileSync('content/glossary.yaml', 'utf8'), 'content/glossary.yaml');
const termIds = new Set(glossary.terms.map((t) => t.id));
const corpus = readFileSync('content/replies/zhengzhou-2021-20210574/source.txt', 'utf8').split('\n');
const maps = foldMaps([...corpus.map((l): [string, string] => [l, toTraditional(l)]), ...glossary.terms.map((t): [string, string] => [t.zh, t.hant])]);
const synonyms = loadSynonyms(readFileSync('content/search-synonyms.yaml', 'utf8'), 'content/search-synonyms.yaml', termIds);
const pinyin = pinyinWords(corpus);
const lexicon = (l: 'en' | 'zh-hans' | 'zh-hant'): Lexicon => buildLexicon(l, glossary.terms, maps, { pinyin, synonyms, toHant: toTraditional });

describe('normalizeQuery and numbers', () => {
  it('drops tones, case, spaces and punctuation', () => {
    expect(normalizeQuery('Zhuān jīng-tè xīn')).toBe('zhuanjingtexin');
    expect(normalizeQuery('“亩均论英雄”')).toBe('亩均论英雄');
    expect(normalizeQuery('ＳＲＤＩ')).toBe('srdi');
  });
  it.each([
    ['9617', [9617]],
    ['9,617', [9617]],
    ['1928', [1928]],
    ['1928亿元', [192800000000]],
    ['1.6万家', [16000]],
    ['98.8%', [98.8]],
    ['192.8 billion yuan', [192800000000]],
    ['0.4个百分点', [0.4]],
    ['４ million', [4000000]],
  ])('reads %s as the value %j', (q, values) => {
    expect(queryNumbers(q)).toEqual(values);
  });
  it.each(['2019年的投资', 'bank loans', '', '9617 enterprises in Zhengzhou', '12.3.4'])('does not read %j as a number', (q) => {
    expect(queryNumbers(q)).toEqual([]);
  });
  it('writes one index token per value, the same for every way of typing it', () => {
    expect(numberToken(9617)).toBe('n9617');
    expect(numberToken(98.8)).toBe('n98d8');
    expect(numberToken(192.8 * 1e9)).toBe('n192800000000');
    expect(numberToken(0.1 + 0.2)).toBe('n0d3');
  });
});

describe('foldMaps', () => {
  it('maps Traditional to Simplified and back, from the corpus', () => {
    expect(maps.t2s['畝']).toBe('亩');
    expect(maps.s2t['亩']).toBe('畝');
  });
  it('keeps a character unchanged when that is its majority pairing (制 in 制度 and 链长制)', () => {
    const m = foldMaps([['制度', '制度'], ['制定', '制定'], ['制造', '製造']]);
    expect(m.s2t['制']).toBeUndefined();
    expect(m.t2s['製']).toBe('制');
  });
  it('ignores pairs whose lengths differ', () => {
    expect(foldMaps([['发', '發髮']])).toEqual({ s2t: {}, t2s: {} });
  });
});

describe('pinyin of frequent words', () => {
  it('maps toneless pinyin to words of two or more characters that occur at least twice, the most frequent first', () => {
    const map = pinyinWords(['企业服务企业服务', '企业家', '服务']);
    expect(map.qiye).toBe('企业');
    expect(map.fuwu).toBe('服务');
    expect(Object.values(map)).not.toContain('企业家');
  });
  it('keeps at most the limit', () => {
    expect(Object.keys(pinyinWords(corpus, 5))).toHaveLength(5);
  });
  it.each([
    ['qiye fuwu', '企业服务'],
    ['qiyefuwu', '企业服务'],
    ['QiYe FuWu', '企业服务'],
  ])('reads %s as %s', (q, zh) => {
    expect(pinyinPhrase(q, pinyin)).toBe(zh);
  });
  it('reads nothing when the letters do not spell frequent words', () => {
    expect(pinyinPhrase('bank loans', pinyin)).toBeUndefined();
    expect(pinyinPhrase('qiye3', pinyin)).toBeUndefined();
  });
});

describe('pinyin of rarer words (fetched on a dead end, one first letter at a time)', () => {
  const texts = ['企业服务企业服务', '新建停车场一处', '企业家'];
  const { common, rare } = pinyinTables(texts);
  const loader = () => {
    const asked: string[] = [];
    return { asked, load: async (letter: string) => (asked.push(letter), rare[letter] ?? {}) };
  };
  it('keeps every word the frequent map leaves out, by the first letter of its pinyin, and never one the frequent map has', () => {
    expect(common).toEqual(pinyinWords(texts));
    expect(rare.t?.tingchechang).toBe('停车场');
    expect(rare.q?.qiyejia).toBe('企业家');
    const all = Object.values(rare).flatMap((shard) => Object.keys(shard));
    expect(all.filter((k) => k in common)).toEqual([]);
    for (const [letter, shard] of Object.entries(rare)) for (const key of Object.keys(shard)) expect(key[0]).toBe(letter);
  });
  it('a word that occurs twice but falls beyond the limit is rare, not lost', () => {
    const capped = pinyinTables(texts, 1);
    expect(Object.keys(capped.common)).toHaveLength(1);
    expect({ ...capped.common, ...Object.assign({}, ...Object.values(capped.rare)) }).toMatchObject({ qiye: '企业', fuwu: '服务' });
  });
  it.each([
    // 停车 is a word too: a word may start after it, at c.
    ['tingchechang', '停车场', ['t', 'c']],
    ['Ting Che Chang', '停车场', ['t', 'c']],
    ['qiye tingchechang', '企业停车场', ['q', 't', 'c']],
  ])('reads %s as %s, fetching only the letters where a word may start', async (q, zh, letters) => {
    const { asked, load } = loader();
    expect(await rarePinyinPhrase(q, common, load)).toBe(zh);
    expect(asked).toEqual(letters);
  });
  it('reads nothing from what is not pinyin, without fetching for a query that cannot be', async () => {
    const { asked, load } = loader();
    expect(await rarePinyinPhrase('bank loans', common, load)).toBeUndefined();
    expect(await rarePinyinPhrase('停车场', common, load)).toBeUndefined();
    expect(await rarePinyinPhrase('p2p', common, load)).toBeUndefined();
    expect(asked).toEqual(['b']);
  });
});

describe('vocabulary (tests/fixtures/search-vocabulary/<case>)', () => {
  const load = (name: string) => {
    const file = join(fixtureDir('search-vocabulary'), name, 'search-vocabulary.yaml');
    return loadVocabulary(readFileSync(file, 'utf8'), rel(file));
  };
  it('has a fixture per error and a valid one', () => {
    expect(caseNames(fixtureDir('search-vocabulary'))).toEqual(['bad-yaml', 'bad-zh', 'chinese-in-en', 'duplicate-en', 'unknown-key', 'valid']);
  });
  it('loads a valid file: English normalised and listed once, notes left out', () => {
    expect(load('valid')).toEqual([
      { en: ['sewage', 'sewagetreatment'], zh: ['污水处理', '污水'] },
      { en: ['parkinglot', 'carpark'], zh: ['停车场'] },
    ]);
  });
  it.each([
    ['duplicate-en', 'tests/fixtures/search-vocabulary/duplicate-en/search-vocabulary.yaml [vocabulary.1.en]: "Parking Lot" is already listed in entry 0. Fix: list each English word in one entry only: merge the two entries or drop one'],
    ['chinese-in-en', 'tests/fixtures/search-vocabulary/chinese-in-en/search-vocabulary.yaml [vocabulary.0.en]: "污水" is not an English word or phrase. Fix: write the English people type under `en` and the Chinese under `zh`'],
  ])('%s: one line naming the file, the entry and the fix', (name, line) => {
    expect(errorLine(() => load(name))).toBe(line);
  });
  it.each(['bad-zh', 'unknown-key', 'bad-yaml'])('%s: one line naming the file and what to fix', (name) => {
    const line = errorLine(() => load(name));
    expect(line).toMatch(new RegExp(`^tests/fixtures/search-vocabulary/${name}/search-vocabulary.yaml[ :\\[]`));
    expect(line).toContain('Fix: ');
    expect(line.split('\n')).toHaveLength(1);
  });
  const entries = load('valid');
  it.each([
    ['sewage', [{ words: ['sewage'], zh: ['污水处理', '污水'] }]],
    ['Sewage treatment', [{ words: ['sewage', 'treatment'], zh: ['污水处理', '污水'] }]],
    ['rural sewage', [{ words: ['sewage'], zh: ['污水处理', '污水'] }]],
    ['parking lots', [{ words: ['parking', 'lots'], zh: ['停车场'] }]],
    ['car parks and sewage', [{ words: ['car', 'parks'], zh: ['停车场'] }, { words: ['sewage'], zh: ['污水处理', '污水'] }]],
    ['bank loans', []],
  ])('%s: the longest listed runs of words, plurals read as the singular', (q, matches) => {
    expect(vocabularyOf(q, entries)).toEqual(matches);
  });
});

describe('synonyms (tests/fixtures/search-synonyms/<case>)', () => {
  const load = (name: string) => {
    const file = join(fixtureDir('search-synonyms'), name, 'search-synonyms.yaml');
    return loadSynonyms(readFileSync(file, 'utf8'), rel(file), termIds);
  };
  it('has a fixture per error and a valid one', () => {
    expect(caseNames(fixtureDir('search-synonyms'))).toEqual(['bad-yaml', 'duplicate-word', 'empty-also', 'no-letters', 'unknown-key', 'unknown-term', 'valid']);
  });
  it('loads a valid file', () => {
    expect(load('valid')).toEqual([
      { words: ['incentives', 'Incentive'], also: ['subsidy', '补贴'], note: 'Replies name the kinds of support.' },
      { words: ['land use efficiency'], also: ['per-mu output'], term: 'mu-jun-lun-ying-xiong' },
    ]);
  });
  it.each([
    ['unknown-term', 'tests/fixtures/search-synonyms/unknown-term/search-synonyms.yaml [synonyms.0.term]: "mu-jun" is not the id of a glossary term. Fix: use the `id` of a term in content/glossary.yaml, or remove `term`'],
    ['duplicate-word', 'tests/fixtures/search-synonyms/duplicate-word/search-synonyms.yaml [synonyms.1.words]: "Talent" is already listed in entry 0. Fix: list each word in one entry only: merge the two entries'],
    ['no-letters', 'tests/fixtures/search-synonyms/no-letters/search-synonyms.yaml [synonyms.0.words]: "?!" has no letters or characters to search for. Fix: write the word as people type it, or remove it'],
  ])('%s: one line naming the file, the entry and the fix', (name, line) => {
    expect(errorLine(() => load(name))).toBe(line);
  });
  it.each(['unknown-key', 'empty-also', 'bad-yaml'])('%s: one line naming the file and what to fix', (name) => {
    const line = errorLine(() => load(name));
    expect(line).toMatch(new RegExp(`^tests/fixtures/search-synonyms/${name}/search-synonyms.yaml[ :\\[]`));
    expect(line).toContain('Fix: ');
    expect(line.split('\n')).toHaveLength(1);
  });
  it('the project file is valid and every entry explains itself', () => {
    expect(synonyms.length).toBeGreaterThan(10);
    for (const s of synonyms) expect(s.note, s.words.join(', ')).toBeTruthy();
  });
  it('applies an entry when it is the whole query or one of its words, never returning the query itself', () => {
    expect(synonymsOf('incentives', lexicon('en'))).toContain('subsidy');
    expect(synonymsOf('tax incentives', lexicon('en'))).toContain('subsidy');
    expect(synonymsOf('masks', lexicon('en'))).toEqual([]);
    expect(synonymsOf('人才政策', lexicon('zh-hans'))).toContain('培训');
  });
  it('converts Chinese synonyms to Traditional for the Traditional site', () => {
    expect(planQuery('人才', lexicon('zh-hant')).synonyms).toContain('培訓');
  });
});

describe('findTerm and planQuery', () => {
  it.each([
    ['zh-hans', '亩均论英雄', 'mu-jun-lun-ying-xiong'],
    ['zh-hans', '畝均論英雄', 'mu-jun-lun-ying-xiong'],
    ['zh-hant', '鏈長制', 'lian-zhang-zhi'],
    ['zh-hant', '三送一强', 'san-song-yi-qiang'],
    ['en', 'zhuanjingtexin', 'zhuan-jing-te-xin'],
    ['en', 'zhuan jing te xin', 'zhuan-jing-te-xin'],
    ['en', 'SRDI', 'zhuan-jing-te-xin'],
    ['en', '专精特新', 'zhuan-jing-te-xin'],
    ['zh-hans', 'lvsezhizao', 'lv-se-zhi-zao'],
    ['en', 'land use efficiency', 'mu-jun-lun-ying-xiong'],
  ] as const)('%s: %s names the term %s', (locale, q, id) => {
    expect(planQuery(q, lexicon(locale)).term?.id).toBe(id);
  });

  it('folds a Traditional query to the Simplified site and quotes Chinese phrases', () => {
    const plan = planQuery('富士康招聘員工', lexicon('zh-hans'));
    expect(plan.folded).toBe('富士康招聘员工');
    expect(plan.text).toBe('"富士康招聘员工"');
    expect(plan.fallback).toBe('富士康招聘员工');
    expect(plan.term).toBeUndefined();
  });

  it('folds a Simplified query to the Traditional site', () => {
    expect(planQuery('防护口罩', lexicon('zh-hant')).folded).toBe('防護口罩');
  });

  it('does not treat a multi-word English query as the prefix of a term', () => {
    expect(planQuery('entrepreneur training', lexicon('en')).term).toBeUndefined();
    expect(planQuery('Foxconn', lexicon('en')).text).toBe('Foxconn');
  });

  it('finds a term inside a longer Chinese query, which then does not lead the results', () => {
    expect(findTerm('亩均论英雄综合评价', lexicon('zh-hans').terms)?.id).toBe('mu-jun-lun-ying-xiong');
    expect(planQuery('亩均论英雄综合评价', lexicon('zh-hans')).term?.id, 'an alias is the term itself').toBe('mu-jun-lun-ying-xiong');
    const plan = planQuery('复工复产实施方案', lexicon('zh-hans'));
    expect(plan.term).toBeUndefined();
    expect(plan.within?.id).toBe('fu-gong-fu-chan');
  });

  it('scores the blocks of a named term by the term in the locale script or language', () => {
    expect(planQuery('mujunlunyingxiong', lexicon('zh-hans')).targets[0]).toEqual({ phrase: '亩均论英雄', boost: 0.3 });
    expect(planQuery('亩均论英雄', lexicon('zh-hant')).termText).toBe('畝均論英雄');
    expect(planQuery('SRDI', lexicon('en')).targets[0]).toEqual({ words: ['specialized', 'refined', 'distinctive', 'and', 'innovative'], boost: 0.3 });
  });

  it('reads numbers, pinyin of frequent words and synonyms into targets', () => {
    expect(planQuery('1928亿元', lexicon('zh-hans')).numbers).toEqual(['n192800000000']);
    expect(planQuery('30 million', lexicon('en')).numbers).toEqual(['n30000000']);
    expect(planQuery('qiye fuwu', lexicon('zh-hant'))).toMatchObject({ pinyin: '企業服務', highlight: '企業服務' });
    expect(planQuery('incentives', lexicon('en')).targets.filter((t) => t.synonym).length).toBeGreaterThan(3);
  });

  it('highlights the term in the locale script when a term is named', () => {
    expect(planQuery('mujunlunyingxiong', lexicon('zh-hant')).highlight).toBe('畝均論英雄');
    expect(foldScript('畝均', lexicon('zh-hans').t2s)).toBe('亩均');
  });

  it('splits Latin queries into lower-case words, keeping hyphens and decimal points inside them', () => {
    expect(latinWords('Per-mu output, 98.8% & bank loans.')).toEqual(['per-mu', 'output', '98.8', 'bank', 'loans']);
  });
});

describe('ranking blocks by what matched', () => {
  const t = (words: string) => ({ words: latinWords(words), boost: 0 });
  it('an exact phrase outranks the words apart, which outrank prefixes, which outrank some words', () => {
    expect(matchTier('A total of 657 bank loans were issued', t('bank loans'))).toBe(4);
    expect(matchTier('banks issued loans', t('bank loans'))).toBe(3);
    expect(matchTier('banking and loaning', t('bank loans'))).toBe(2);
    expect(matchTier('loans only', t('bank loans'))).toBe(1);
    expect(matchTier('nothing here', t('bank loans'))).toBe(0);
  });
  it('singular and plural are the same whole word, typed either way', () => {
    expect(matchTier('key integrated circuit projects', t('integrated circuits'))).toBe(4);
    expect(matchTier('3 national green factories', t('green factory'))).toBe(4);
    expect(matchTier('a green factory', t('green factories'))).toBe(4);
    expect(matchTier('the bank', t('banks'))).toBe(4);
  });
  it('a whole word outranks a prefix: Gree is not green', () => {
    expect(matchTier('helped Gree Electric resume work', t('Gree'))).toBe(4);
    expect(matchTier('3 national green factories', t('Gree'))).toBe(2);
  });
  it('a Chinese phrase must be adjacent to count as exact; its words apart count less, its single characters not at all', () => {
    expect(matchTier('利用22天时间帮助富士康招聘员工', { phrase: '富士康', boost: 0 })).toBe(4);
    expect(matchTier('帮助富士康招聘了一批新员工', { phrase: '富士康招聘员工', boost: 0 })).toBe(2);
    expect(matchTier('帮助富士康扩产', { phrase: '富士康招聘员工', boost: 0 })).toBe(1);
    expect(matchTier('富裕的士兵康复', { phrase: '富士康', boost: 0 })).toBe(0);
    expect(matchTier('康复', { phrase: '富士康', boost: 0 })).toBe(0);
  });
  it('a block holding only single characters of a Chinese query ranks below the blocks holding the phrase or its words, and is not marked at them (專精特新 on zh-hant)', () => {
    const target = [{ phrase: '專精特新', boost: 0 }];
    const phrase = { id: 's3-1-p1', heading: false, text: '培育“專精特新”中小企業不低於150家', numbers: [] };
    const word = { id: 'a', heading: false, text: '支持企業走專精發展道路', numbers: [] };
    const chars = { id: 's2-5-p1-pt1', heading: false, text: '推動中小企業特色發展，新增國家級企業技術中心', numbers: [] };
    expect(scoreBlock(phrase, target)).toBeGreaterThan(scoreBlock(word, target));
    expect(scoreBlock(word, target)).toBeGreaterThan(scoreBlock(chars, target));
    expect(scoreBlock(chars, target)).toBe(0);
    expect(snippet(word.text, target).filter((p) => p.mark).map((p) => p.text)).toEqual(['專精']);
    expect(snippet(chars.text, target).some((p) => p.mark)).toBe(false);
  });
  it('a number or Latin word next to Chinese characters is a whole word (只有50%), inside digits it is not', () => {
    expect(matchTier('覆盖率只有50%,还有', { words: ['50'], boost: 0 })).toBe(4);
    expect(matchTier('共有500家', { words: ['50'], boost: 0 })).toBe(2);
    expect(matchTier('建成5G基站', { words: ['5g'], boost: 0 })).toBe(4);
  });
  it('numbers match the tokens stored with the block, not digits in passing', () => {
    expect(matchTier('完成9617家企业', { numbers: ['n9617'], boost: 0 }, ['n9617'])).toBe(4);
    expect(matchTier('完成9617家企业', { numbers: ['n96'], boost: 0 }, ['n9617'])).toBe(0);
  });
  it('a heading outranks a paragraph with the same match; synonyms rank below the words typed whole', () => {
    const target = [t('enterprise services')];
    const heading = scoreBlock({ id: 's2-7', heading: true, text: 'Deepen enterprise services', numbers: [] }, target);
    const para = scoreBlock({ id: 's3-3-p1', heading: false, text: 'We will improve enterprise services.', numbers: [] }, target);
    expect(heading).toBeGreaterThan(para);
    const synonym = scoreBlock({ id: 'x', heading: false, text: 'subsidy', numbers: [] }, [{ words: ['subsidy'], boost: 0, synonym: true }]);
    const whole = scoreBlock({ id: 'y', heading: false, text: 'green factories and more', numbers: [] }, [t('green factory')]);
    expect(synonym).toBeLessThan(whole);
    expect(synonym).toBeGreaterThan(0);
  });
  it('cuts a page fragment into blocks by element id, the ~n element adding number tokens to its block', () => {
    const anchors: Anchor[] = [
      { element: 'p', id: 's1-p1', text: 'First.', location: 0 },
      { element: 'h2', id: 's1', text: 'Heading', location: -1 },
      { element: 'p', id: 's1-p1~n', text: 'n9617 n98d8', location: 2 },
      { element: 'p', id: 's1-p2', text: 'Second.', location: 3 },
    ];
    expect(pageBlocks(anchors)).toEqual([
      { id: 's1', heading: true, text: 'Heading', numbers: [] },
      { id: 's1-p1', heading: false, text: 'First.', numbers: ['n9617', 'n98d8'] },
      { id: 's1-p2', heading: false, text: 'Second.', numbers: [] },
    ]);
  });
  it('snippets mark the whole phrase, not its single characters, and are cut around the first match', () => {
    const text = `${'前'.repeat(100)}帮助富士康招聘员工，富有${'后'.repeat(100)}`;
    const pieces = snippet(text, [{ phrase: '富士康', boost: 0 }], 60);
    expect(pieces.filter((p) => p.mark).map((p) => p.text)).toEqual(['富士康']);
    expect(pieces[0]!.text).toBe('…');
    expect(pieces.at(-1)!.text).toBe('…');
    expect(pieces.map((p) => p.text).join('').length).toBeLessThanOrEqual(62);
    const en = snippet('Banks and bank loans and banking.', [{ words: ['bank', 'loans'], boost: 0 }]);
    expect(en.filter((p) => p.mark).map((p) => p.text)).toEqual(['Banks', 'bank', 'loans', 'banking']);
  });
  it('a snippet of Chinese text cut at a digit keeps its length and its mark (it was “…中…”)', () => {
    const text = '一是积极培育创新平台。建成省级制造业创新中心4家、市级5家,黎明重工成为国家质量标杆企业,尚合企业孵化器获评国家小型微型企业“双创”示范基地。新增省级质量标杆11家、工业设计中心10家、技术创新示范企业5家和市级企业技术中心62家、“专精特新”中小企业143家。2020年,全市高技术产业增加值增长12.7%。';
    for (const length of [60, 90, 120]) {
      const pieces = snippet(text, [{ phrase: '专精特新', boost: 0 }], length);
      expect(pieces.filter((p) => p.mark).map((p) => p.text)).toEqual(['专精特新']);
      expect(pieces.map((p) => p.text).join('').length).toBeGreaterThan(length / 2);
    }
  });
  it('suggests the glossary terms closest to a query that found nothing', () => {
    expect(suggestTerms('zhuanjingtexing', lexicon('en')).map((t) => t.id)[0]).toBe('zhuan-jing-te-xin');
    expect(suggestTerms('亩均论', lexicon('zh-hans')).map((t) => t.id)).toContain('mu-jun-lun-ying-xiong');
    expect(suggestTerms('qqqqqqq', lexicon('en'))).toEqual([]);
  });
});

describe('search records', () => {
  const content = loadContent('content');
  const { search, figures } = runPipeline(content, { synonyms });
  const pages = search.records.filter(isSearchPage);

  it('indexes full-width and small percent signs and digits as ASCII, so 50% finds 50﹪ and ５０％', () => {
    const text = { en: '覆盖率只有50﹪', 'zh-hans': '覆盖率只有50﹪，另有５０％', 'zh-hant': '覆蓋率只有50﹪' };
    const [en, hans] = pageRecords({ slug: 'x', page: 'body', title: { en: 't', 'zh-hans': 't', 'zh-hant': 't' }, crumb: { en: 'c', 'zh-hans': 'c', 'zh-hant': 'c' }, blocks: [{ id: 'body-p1', kind: 'paragraph', text, numbers: [] }] });
    expect(en!.html).toContain('覆盖率只有50%<');
    expect(hans!.html).toContain('覆盖率只有50%，另有50%<');
  });
  it('a term record is in the locale script and language, with the kind filter only and its definition as meta', () => {
    const term = glossary.terms.find((x) => x.id === 'mu-jun-lun-ying-xiong')!;
    const r = termRecord(term, 'zh-hant');
    expect(r.meta.title).toBe('畝均論英雄');
    expect(r.content).toContain('mujunlunyingxiong');
    expect(r.content).toContain(term.literal!);
    expect(r.filters).toEqual({ kind: ['term'] });
  });

  it('a term record has its definition in the index language: the Chinese explanation (Traditional on zh-hant), none rather than English while it is pending', () => {
    const term = glossary.terms.find((x) => x.id === 'mu-jun-lun-ying-xiong')!;
    expect(term.explanationZh).toBeTruthy();
    expect([termRecord(term, 'en').meta.def, termRecord(term, 'en').meta.defLang]).toEqual([term.explanation.trim(), 'en']);
    expect([termRecord(term, 'zh-hans').meta.def, termRecord(term, 'zh-hans').meta.defLang]).toEqual([term.explanationZh, 'zh-Hans']);
    expect([termRecord(term, 'zh-hant').meta.def, termRecord(term, 'zh-hant').meta.defLang]).toEqual([toTraditional(term.explanationZh!), 'zh-Hant']);
    expect(termRecord(term, 'zh-hans').content).toContain(term.explanationZh);
    const pending = termRecord({ ...term, explanationZh: undefined }, 'zh-hans');
    expect([pending.meta.def, pending.meta.defLang]).toEqual([undefined, undefined]);
  });

  it('one record per reply page and locale (not per block) plus one per glossary term', () => {
    const replyPages = content.replies.reduce((n, r) => n + r.doc.sections.length + 1, 0);
    for (const locale of ['en', 'zh-hans', 'zh-hant']) {
      const mine = search.records.filter((r) => r.language === locale);
      expect(mine.filter(isSearchPage)).toHaveLength(replyPages);
      expect(mine.filter((r) => !isSearchPage(r))).toHaveLength(glossary.terms.length);
    }
  });

  const ids = (p: SearchPage) => [...p.html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]!);
  it('every letter block is in its page in every locale, once, in source order, with its text', () => {
    for (const reply of content.replies) {
      const letter = reply.doc.blocks.filter(isLetterBlock);
      for (const locale of ['en', 'zh-hans', 'zh-hant']) {
        const mine = pages.filter((p) => p.language === locale && p.url.includes(`/${reply.doc.slug}/`));
        const all = mine.flatMap(ids).filter((id) => !id.endsWith('~n'));
        expect([...all].sort()).toEqual(letter.map((b) => b.id).sort());
        for (const p of mine) expect(p.html).toContain(`<html lang="${locale}">`);
      }
      const zh = pages.filter((p) => p.language === 'zh-hans' && p.url.includes(`/${reply.doc.slug}/`)).map((p) => p.html).join('');
      for (const b of letter) expect(zh).toContain(`id="${b.id}">${b.zh.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</`);
    }
  });

  it('never indexes web-page furniture or document metadata', () => {
    const mutated = loadContent('content');
    const doc = mutated.replies[0]!.doc;
    const victims = doc.blocks.filter((b) => !['heading', 'subheading'].includes(b.kind)).slice(-2);
    expect(victims.length).toBeGreaterThan(0);
    // Turn them into what the parser makes of such lines: furniture and metadata blocks, listed apart from the letter.
    victims.forEach((b, i) => {
      b.kind = i ? 'metadata' : 'furniture';
      (i ? doc.metadataIds : doc.furnitureIds).push(b.id);
    });
    const gone = new Set(victims.map((b) => b.id));
    doc.frontIds = doc.frontIds.filter((id) => !gone.has(id));
    doc.backIds = doc.backIds.filter((id) => !gone.has(id));
    for (const s of doc.sections) s.blockIds = s.blockIds.filter((id) => !gone.has(id));
    const html = runPipeline(mutated, { synonyms }).search.records.filter(isSearchPage).map((p) => p.html).join('');
    for (const b of victims) expect(html).not.toContain(`id="${b.id}"`);
    expect(html).toContain(`id="${doc.blocks.find(isLetterBlock)!.id}"`);
  });

  it('blocks that state key figures carry their number tokens and their first figures row; their pages the figure filter', () => {
    const [slug, list] = [...figures][0]!;
    const first = list[0]!;
    const page = pages.find((p) => p.language === 'en' && p.url.includes(slug) && p.html.includes(`id="${first.block}"`))!;
    expect(page.html).toContain(`<span data-pagefind-filter="kind">figure</span>`);
    expect(JSON.parse(/data-pagefind-meta="fig">([^<]+)</.exec(page.html)![1]!.replace(/&quot;/g, '"'))[first.block]).toBe(1);
    expect(page.html).toContain(`id="${first.block}~n">`);
    expect(new RegExp(`id="${first.block}~n">[^<]*${numberToken(first.value)}\\b`).test(page.html)).toBe(true);
  });

  it('escapes text, so nothing in a reply can become markup in the index', () => {
    const [p] = pageRecords({ slug: 'x', page: 's1', title: { en: 'T<i>', 'zh-hans': 't', 'zh-hant': 't' }, crumb: { en: 'C&', 'zh-hans': 'c', 'zh-hant': 'c' }, blocks: [{ id: 's1-p1', kind: 'paragraph', text: { en: '<script>x</script> & "q"', 'zh-hans': 'z', 'zh-hant': 'z' }, numbers: [] }] });
    expect(p!.html).toContain('&lt;script&gt;x&lt;/script&gt; &amp; &quot;q&quot;');
    expect(p!.html).not.toContain('<script>');
    expect(p!.url).toBe('en/replies/x/s1/');
  });

  it('the lexicon carries pinyin of frequent words and the synonyms, within a few KB', () => {
    const lex = search.lexicons.find((l) => l.locale === 'zh-hans')!;
    expect(lex.pinyin.qiye).toBe('企业');
    expect(lex.synonyms.some((s) => s.term === 'mu-jun-lun-ying-xiong')).toBe(true);
    expect(Object.keys(lex.pinyin).length).toBeLessThanOrEqual(600);
  });

  it('the lexicon file leaves out what the browser derives, and unpacks to the lexicon built', () => {
    for (const l of ['en', 'zh-hans', 'zh-hant'] as const) {
      const built = lexicon(l);
      const packed = JSON.parse(JSON.stringify(packLexicon(built)));
      expect(JSON.stringify(packed).length).toBeLessThan(JSON.stringify(built).length);
      expect(packed.terms[0]).not.toHaveProperty('url');
      expect(unpackLexicon(packed)).toEqual(built);
    }
  });
  it('a name on a contact line ranks below the same name in the letter', () => {
    const target = [{ phrase: '新密', boost: 0 }];
    expect(scoreBlock({ id: 'contact', heading: false, text: '联系单位:新密市住房和城乡建设局', numbers: [] }, target)).toBeLessThan(scoreBlock({ id: 's2-7-p1-pt1', heading: false, text: '帮助新密企业招聘', numbers: [] }, target));
    expect(scoreBlock({ id: 'contact-2', heading: false, text: '新密', numbers: [] }, target)).toBeGreaterThan(0);
  });
  it('result URLs become relative to the base whether or not Pagefind prefixed it', () => {
    expect(relativeUrl('/policy/en/replies/x/s1/#s1-p1', '/policy/')).toBe('en/replies/x/s1/#s1-p1');
    expect(relativeUrl('/en/glossary/a/', '/')).toBe('en/glossary/a/');
    expect(relativeUrl('http://127.0.0.1:4000/policy/en/glossary/a/', '/policy/')).toBe('en/glossary/a/');
  });
});

/** A stand-in for Pagefind over a few pages: a query finds a page when every word (or the quoted phrase) is in its text; counts fragment loads. */
interface FakePage { url: string; lang: string; blocks: { id: string; text: string; el?: string; numbers?: string }[]; fig?: Record<string, number>; alt?: Record<string, [string, string]> }
interface FakeTerm { url: string; lang: string; title: string; content: string; def: string }
function fakePagefind(pages: FakePage[], terms: FakeTerm[], base = '/') {
  const loads: string[] = [];
  const queries: { q: string | null; filters?: Record<string, string> }[] = [];
  let languages = new Set(['en', 'zh-hans', 'zh-hant'].filter((l) => pages.concat().some((p) => p.lang === l) || terms.some((t) => t.lang === l)).slice(0, 1));
  const matches = (text: string, q: string) => {
    const lower = text.toLowerCase();
    const quoted = /^"(.*)"$/.exec(q);
    if (quoted) return lower.includes(quoted[1]!.toLowerCase());
    return q.toLowerCase().split(/\s+/).filter(Boolean).every((w) => (/\p{Script=Han}/u.test(w) ? [...w].every((c) => lower.includes(c)) : new RegExp(`(?<![a-z0-9])${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`).test(lower)));
  };
  const pf = {
    options: async () => {},
    search: async (q: string | null, o?: { filters?: Record<string, string> }) => {
      queries.push({ q, filters: o?.filters });
      const kind = o?.filters?.kind;
      const out: Found[] = [];
      if (kind !== 'term') {
        for (const p of pages) {
          if (!languages.has(p.lang)) continue;
          if (kind === 'figure' && !p.fig) continue;
          if (!matches(p.blocks.map((b) => `${b.text} ${b.numbers ?? ''}`).join(' '), q ?? '')) continue;
          out.push({
            id: p.url,
            data: async (): Promise<PagefindData> => {
              loads.push(p.url);
              const anchors: Anchor[] = [];
              p.blocks.forEach((b, i) => {
                anchors.push({ element: b.el ?? 'p', id: b.id, text: b.text, location: i * 10 });
                if (b.numbers) anchors.push({ element: 'p', id: `${b.id}~n`, text: b.numbers, location: i * 10 + 5 });
              });
              return { url: `${base}${p.url}`, meta: { title: `title of ${p.url}`, crumb: 'crumb', ...(p.fig ? { fig: JSON.stringify(p.fig) } : {}), ...(p.alt ? { alt: JSON.stringify(p.alt) } : {}) }, anchors, filters: { reply: [p.url.split('/')[2]!] } };
            },
          });
        }
      }
      if (!kind || kind === 'term') {
        for (const t of terms) {
          if (!languages.has(t.lang) || !matches(t.content, q ?? '')) continue;
          out.push({ id: t.url, data: async () => (loads.push(t.url), { url: `${base}${t.url}`, content: t.content, meta: { title: t.title, def: t.def } }) });
        }
      }
      return { results: out };
    },
  };
  return { pf, loads, queries, addLanguage: async (l: string) => void (languages = new Set([...languages, l])) };
}

describe('runSearch', () => {
  const R = 'replies/r';
  const en = (page: string, blocks: FakePage['blocks'], extra: Partial<FakePage> = {}): FakePage => ({ url: `en/${R}/${page}/`, lang: 'en', blocks, ...extra });
  const urls = (hits: { url: string }[]) => hits.map((h) => h.url);

  it('lists the named term first with its definition, then its blocks, phrase before words apart, whole words before prefixes', async () => {
    const { pf } = fakePagefind(
      [
        en('s1', [{ id: 's1-p1', text: 'Banks issued loans.' }, { id: 's1-p2', text: 'Green factories.' }]),
        en('s2', [{ id: 's2', text: 'Support for finance', el: 'h2' }, { id: 's2-p1', text: 'A total of 657 bank loans were issued.' }]),
      ],
      [{ url: 'en/glossary/gree/', lang: 'en', title: 'Gree', content: 'loans glossary bank', def: 'A term.' }],
    );
    const results = await runSearch(pf, '/', planQuery('bank loans', lexicon('en')), lexicon('en'), 'Term');
    expect(urls(results.hits)).toEqual([`en/${R}/s2/#s2-p1`, `en/${R}/s1/#s1-p1`, 'en/glossary/gree/']);
    expect(results.hits[2]!.excerpt).toEqual([{ text: 'A term.' }]);
    expect(results.hits[0]!.excerpt.filter((p) => p.mark).map((p) => p.text)).toEqual(['bank', 'loans']);
    const named = await runSearch(fakePagefind([en('s1', [{ id: 's1-p1', text: 'The specialized, refined, distinctive and innovative SMEs grew.' }])], [{ url: 'en/glossary/zhuan-jing-te-xin/', lang: 'en', title: 'SRDI', content: 'srdi specialized', def: 'Definition.' }]).pf, '/', planQuery('SRDI', lexicon('en')), lexicon('en'), 'Term');
    expect(urls(named.hits)).toEqual(['en/glossary/zhuan-jing-te-xin/', `en/${R}/s1/#s1-p1`]);
    expect(named.hits[0]!.excerpt).toEqual([{ text: 'Definition.' }]);
  });

  it('relaxes a query that finds nothing: the missing words first, and says which', async () => {
    const { pf } = fakePagefind([en('s2', [{ id: 's2-6-p1', text: 'The capacity of protective masks rose.' }])], [{ url: 'en/glossary/x/', lang: 'en', title: 'x', content: 'surface face', def: '' }]);
    const results = await runSearch(pf, '/', planQuery('face masks', lexicon('en')), lexicon('en'), 'Term');
    expect(results.hits[0]!.url).toBe(`en/${R}/s2/#s2-6-p1`);
    expect(results.notice).toEqual({ missing: ['face'], instead: 'masks' });
  });

  it('drops the rarest word when every word is found but never together', async () => {
    const { pf } = fakePagefind([en('s1', [{ id: 'a', text: 'bank and more bank' }]), en('s2', [{ id: 'b', text: 'bank' }]), en('s3', [{ id: 'c', text: 'hydrogen' }])], []);
    const results = await runSearch(pf, '/', planQuery('hydrogen bank', lexicon('en')), lexicon('en'), 'Term');
    expect(results.notice).toEqual({ missing: ['hydrogen'], instead: 'bank' });
    expect(urls(results.hits)).toEqual([`en/${R}/s1/#a`, `en/${R}/s2/#b`]);
  });

  it('searches Chinese typed on the English site in the Chinese index, linking to the same block on the English page', async () => {
    const { pf, addLanguage } = fakePagefind(
      [en('s2', [{ id: 's2-2-p1-pt3', text: 'We helped Hon Hai.' }]), { url: `zh-hans/${R}/s2/`, lang: 'zh-hans', blocks: [{ id: 's2-2-p1-pt3', text: '帮助富士康招聘员工' }], alt: { en: ['II. Work', 'Reply'], 'zh-hans': ['二、', '答复'], 'zh-hant': ['二、', '答覆'] } }],
      [],
    );
    const none = await runSearch(pf, '/', planQuery('富士康', lexicon('en')), lexicon('en'), 'Term');
    expect(none.hits).toEqual([]);
    const results = await runSearch(pf, '/', planQuery('富士康', lexicon('en')), lexicon('en'), 'Term', { addLanguage });
    expect(results.hits).toMatchObject([{ url: `en/${R}/s2/#s2-2-p1-pt3`, title: 'II. Work', crumb: 'Reply', excerptLang: 'zh-Hans' }]);
    expect(results.notice).toEqual({ missing: [], crossLanguage: true });
  });

  it('reads pinyin of frequent words as Chinese, on the Chinese sites directly and on the English site through the Chinese index', async () => {
    const zh: FakePage = { url: `zh-hans/${R}/s2/`, lang: 'zh-hans', blocks: [{ id: 's2-7', text: '(七)深化企业服务', el: 'h3' }] };
    const onZh = fakePagefind([zh], []);
    expect(urls((await runSearch(onZh.pf, '/', planQuery('qiye fuwu', lexicon('zh-hans')), lexicon('zh-hans'), '术语')).hits)).toEqual([`zh-hans/${R}/s2/#s2-7`]);
    const onEn = fakePagefind([en('s2', [{ id: 's2-7', text: 'Deepen services' }]), zh], []);
    const results = await runSearch(onEn.pf, '/', planQuery('qiyefuwu', lexicon('en')), lexicon('en'), 'Term', { addLanguage: onEn.addLanguage });
    expect(urls(results.hits)).toEqual([`en/${R}/s2/#s2-7`]);
    expect(results.notice).toMatchObject({ crossLanguage: true, instead: '企业服务' });
  });

  const deadEnd = (vocabulary: VocabularyEntry[], rare: Record<string, Record<string, string>>) => {
    const fetched: string[] = [];
    const data: DeadEndData = { vocabulary: async () => (fetched.push('vocabulary'), vocabulary), pinyin: async (l) => (fetched.push(`pinyin.${l}`), rare[l] ?? {}) };
    return { data, fetched };
  };
  const sewage: VocabularyEntry = { en: ['sewage', 'sewagetreatment'], zh: ['污水处理', '污水'] };
  const zhPage = (blocks: FakePage['blocks']): FakePage => ({ url: `zh-hans/${R}/body/`, lang: 'zh-hans', blocks, alt: { en: ['Reply', 'Reply'], 'zh-hans': ['答复', '答复'], 'zh-hant': ['答覆', '答覆'] } });

  it('looks up English the English text lacks in the vocabulary and searches the Chinese text, linking to the English page', async () => {
    const { pf, addLanguage } = fakePagefind([en('s1', [{ id: 'a', text: 'Water treatment works.' }]), zhPage([{ id: 'body-p1', text: '推进农村生活污水处理' }, { id: 'body-p2', text: '其他工作' }])], []);
    const { data, fetched } = deadEnd([sewage], {});
    const results = await runSearch(pf, '/', planQuery('sewage treatment', lexicon('en')), lexicon('en'), 'Term', { addLanguage, deadEnd: data });
    expect(urls(results.hits)).toEqual([`en/${R}/body/#body-p1`]);
    expect(results.notice).toEqual({ missing: [], instead: '污水处理 污水', crossLanguage: true });
    expect(fetched).toEqual(['vocabulary']);
  });
  it('leaves to relaxing a query whose listed words all occur in English, and fetches nothing when the words typed are found', async () => {
    const { pf, addLanguage } = fakePagefind([en('s1', [{ id: 'a', text: 'Sewage plants were built.' }]), zhPage([{ id: 'body-p1', text: '污水处理' }])], []);
    const relaxed = deadEnd([sewage], {});
    const results = await runSearch(pf, '/', planQuery('sewage xyzzy', lexicon('en')), lexicon('en'), 'Term', { addLanguage, deadEnd: relaxed.data });
    expect(urls(results.hits)).toEqual([`en/${R}/s1/#a`]);
    expect(results.notice).toEqual({ missing: ['xyzzy'], instead: 'sewage' });
    const found = deadEnd([sewage], {});
    await runSearch(pf, '/', planQuery('sewage', lexicon('en')), lexicon('en'), 'Term', { addLanguage, deadEnd: found.data });
    expect(found.fetched).toEqual([]);
  });
  it('ranks blocks of the Chinese text that say an English word above blocks that hold it only as part of another word', async () => {
    const parking: VocabularyEntry = { en: ['parking', 'parkinglot'], zh: ['停车场', '停车'] };
    // Pagefind stems parking to park and finds "parks"; the stand-in matches prefixes, so a longer word stands for that.
    const pages = [en('s1', [{ id: 'a', text: 'The parkingway was widened.' }]), zhPage([{ id: 'body-p3', text: '停车场等配套设施薄弱' }])];
    const onEn = fakePagefind(pages, []);
    const results = await runSearch(onEn.pf, '/', planQuery('parking', lexicon('en')), lexicon('en'), 'Term', { addLanguage: onEn.addLanguage, deadEnd: deadEnd([parking], {}).data });
    expect(urls(results.hits)).toEqual([`en/${R}/body/#body-p3`, `en/${R}/s1/#a`]);
    expect(results.notice).toEqual({ missing: [], instead: '停车场 停车', crossLanguage: true });
    // A whole word in English: the vocabulary is not even fetched.
    const whole = fakePagefind([en('s1', [{ id: 'a', text: 'Parking was built.' }]), zhPage([{ id: 'body-p3', text: '停车场' }])], []);
    const fetched = deadEnd([parking], {});
    expect(urls((await runSearch(whole.pf, '/', planQuery('parking', lexicon('en')), lexicon('en'), 'Term', { addLanguage: whole.addLanguage, deadEnd: fetched.data })).hits)).toEqual([`en/${R}/s1/#a`]);
    expect(fetched.fetched).toEqual([]);
  });
  it('ranks through the vocabulary: every group named before one, the first form of a group before its others', () => {
    const block = (text: string) => ({ id: 'x', heading: false, text, numbers: [] });
    const two = bridgeTargets([['农村'], ['生活垃圾', '垃圾']]);
    expect(scoreBlock(block('农村生活垃圾'), two)).toBeGreaterThan(scoreBlock(block('农村道路'), two));
    expect(scoreBlock(block('农村垃圾'), two)).toBeGreaterThan(scoreBlock(block('生活垃圾'), two));
    const one = bridgeTargets([['生活垃圾', '垃圾']]);
    expect(scoreBlock(block('生活垃圾'), one)).toBeGreaterThan(scoreBlock(block('建筑垃圾'), one));
  });
  it('ranks a block that names every English word, in Chinese, above blocks that name one', async () => {
    const rural: VocabularyEntry = { en: ['rural'], zh: ['农村'] };
    const garbage: VocabularyEntry = { en: ['garbage'], zh: ['生活垃圾', '垃圾'] };
    const { pf, addLanguage } = fakePagefind([en('s1', [{ id: 'a', text: 'Other.' }]), zhPage([{ id: 'body-p1', text: '农村道路农村公路' }, { id: 'body-p2', text: '农村生活垃圾处置' }])], []);
    const results = await runSearch(pf, '/', planQuery('rural garbage', lexicon('en')), lexicon('en'), 'Term', { addLanguage, deadEnd: deadEnd([rural, garbage], {}).data });
    expect(urls(results.hits)).toEqual([`en/${R}/body/#body-p2`, `en/${R}/body/#body-p1`]);
  });
  it('searches English typed on a Chinese site in its own Chinese text when the English index has nothing', async () => {
    const { pf, addLanguage } = fakePagefind([{ ...zhPage([{ id: 'body-p1', text: '新建停车场一处' }]) }, en('body', [{ id: 'body-p1', text: '新建停车场一处' }])], []);
    const results = await runSearch(pf, '/', planQuery('car parks', lexicon('zh-hans')), lexicon('zh-hans'), '术语', { addLanguage, deadEnd: deadEnd([{ en: ['carpark'], zh: ['停车场'] }], {}).data });
    expect(urls(results.hits)).toEqual([`zh-hans/${R}/body/#body-p1`]);
    expect(results.notice).toEqual({ missing: [], instead: '停车场' });
  });
  it('reads a query as the pinyin of a rarer word, fetching its letter only, on a Chinese site and on the English site', async () => {
    const page = zhPage([{ id: 'body-p3', text: '规划建设停车场' }]);
    const rare = { t: { tingchechang: '停车场' } };
    const onZh = deadEnd([], rare);
    const zhResults = await runSearch(fakePagefind([page], []).pf, '/', planQuery('tingchechang', lexicon('zh-hans')), lexicon('zh-hans'), '术语', { deadEnd: onZh.data });
    expect(urls(zhResults.hits)).toEqual([`zh-hans/${R}/body/#body-p3`]);
    expect(zhResults.notice).toEqual({ missing: [], instead: '停车场' });
    expect(onZh.fetched).toEqual(['vocabulary', 'pinyin.t']);
    const onEn = fakePagefind([en('s1', [{ id: 'a', text: 'Other text.' }]), page], []);
    const enResults = await runSearch(onEn.pf, '/', planQuery('ting che chang', lexicon('en')), lexicon('en'), 'Term', { addLanguage: onEn.addLanguage, deadEnd: deadEnd([], rare).data });
    expect(urls(enResults.hits)).toEqual([`en/${R}/body/#body-p3`]);
    expect(enResults.notice).toMatchObject({ crossLanguage: true, instead: '停车场' });
  });

  it('finds numbers however they are typed, through the tokens of the block', async () => {
    const { pf } = fakePagefind([{ url: `zh-hans/${R}/s2/`, lang: 'zh-hans', blocks: [{ id: 'a', text: '签约总额1928亿元', numbers: 'n192800000000 n1928' }, { id: 'b', text: '其他' }] }], []);
    for (const q of ['1928亿元', '1928']) expect(urls((await runSearch(pf, '/', planQuery(q, lexicon('zh-hans')), lexicon('zh-hans'), '术语')).hits), q).toEqual([`zh-hans/${R}/s2/#a`]);
  });

  it('ranks a term inside a longer Chinese query below the blocks with the whole query, above those with the term alone', async () => {
    const zh = (page: string, blocks: FakePage['blocks']): FakePage => ({ url: `zh-hans/${R}/${page}/`, lang: 'zh-hans', blocks });
    const { pf } = fakePagefind([zh('s2', [{ id: 'h', text: '(二)抓好复工复产', el: 'h3' }, { id: 'a', text: '推进复工复产' }, { id: 'b', text: '研究出台《郑州市工业企业复工复产实施方案》' }])], []);
    const results = await runSearch(pf, '/', planQuery('复工复产实施方案', lexicon('zh-hans')), lexicon('zh-hans'), '术语');
    expect(urls(results.hits).slice(0, 2)).toEqual([`zh-hans/${R}/s2/#b`, 'zh-hans/glossary/fu-gong-fu-chan/']);
  });

  it('applies synonyms after the exact matches', async () => {
    const { pf } = fakePagefind([en('s1', [{ id: 'a', text: 'We paid a subsidy.' }]), en('s2', [{ id: 'b', text: 'Tax incentives for firms.' }])], []);
    expect(urls((await runSearch(pf, '/', planQuery('incentives', lexicon('en')), lexicon('en'), 'Term')).hits)).toEqual([`en/${R}/s2/#b`, `en/${R}/s1/#a`]);
  });

  it('a term record Pagefind found by one shared character or a prefix is no result: 量子计算机 says what was not found', async () => {
    const lex = lexicon('zh-hans');
    const terms: FakeTerm[] = [{ url: 'zh-hans/glossary/t/', lang: 'zh-hans', title: '双重预防体系', content: '双重预防体系 安全风险分级管控和隐患排查治理机制 子系统 计量 核算', def: 'd' }];
    const { pf } = fakePagefind([{ url: 'zh-hans/replies/r/s1/', lang: 'zh-hans', blocks: [{ id: 's1-p1', text: '推进量化融合，建设子公司算力中心和机房，统计' }] }], terms);
    const results = await runSearch(pf, '/', planQuery('量子计算机', lex), lex, '术语');
    expect(results.hits).toEqual([]);
    expect(results.notice?.missing).toEqual(['量子计算机']);
    // The same record is a result when it holds a word of the query.
    expect(termMatches(terms[0]!.content, planQuery('安全风险', lex))).toBe(true);
    expect(termMatches(terms[0]!.content, planQuery('量子计算机', lex))).toBe(false);
    expect(termMatches('Green finance: loans for pollution treatment', planQuery('treatment', lexicon('en')))).toBe(true);
    expect(termMatches('Green finance: loans for pollution treatments', planQuery('treat', lexicon('en')))).toBe(false);
  });
  it('suggests glossary terms when nothing at all is found', async () => {
    const { pf } = fakePagefind([en('s1', [{ id: 'a', text: 'nothing' }])], []);
    const results = await runSearch(pf, '/', planQuery('zhuanjingtexing xyz', lexicon('en')), lexicon('en'), 'Term');
    expect(results.hits).toEqual([]);
    expect(results.suggestions.map((t) => t.id)).toContain('zhuan-jing-te-xin');
  });

  it(`loads ${PAGE_BATCH} result pages at a time and lists ${PAGE} hits, each once, the rest on demand`, async () => {
    const pages = Array.from({ length: 9 }, (_, i) => en(`s${i + 1}`, [{ id: `s${i + 1}-p1`, text: 'enterprise one' }, { id: `s${i + 1}-p2`, text: 'enterprise two' }]));
    const { pf, loads } = fakePagefind(pages, []);
    const results = await runSearch(pf, '/', planQuery('enterprise', lexicon('en')), lexicon('en'), 'Term');
    expect(results.hits).toHaveLength(PAGE);
    expect(loads).toHaveLength(PAGE_BATCH);
    expect(results.remaining()).toBe(2 * PAGE_BATCH - PAGE + (9 - PAGE_BATCH));
    await results.more();
    expect(loads).toHaveLength(9);
    expect(results.hits).toHaveLength(18);
    expect(new Set(urls(results.hits)).size).toBe(18);
    expect(results.remaining()).toBe(0);
    expect(await results.more()).toEqual([]);
  });

  it('narrows to paragraphs with figures (linking their rows), to paragraphs without headings, or to terms', async () => {
    const pages = [en('s1', [{ id: 's1', text: 'Enterprise heading', el: 'h2' }, { id: 's1-p1', text: 'Enterprise figures' }, { id: 's1-p2', text: 'Enterprise words' }], { fig: { 's1-p1': 7 } })];
    const terms = [{ url: 'en/glossary/t/', lang: 'en', title: 't', content: 'enterprise', def: 'd' }];
    const { pf, queries } = fakePagefind(pages, terms);
    const plan = planQuery('enterprise', lexicon('en'));
    const figure = await runSearch(pf, '/', plan, lexicon('en'), 'Term', { narrow: { kind: 'figure' } });
    expect(figure.hits).toMatchObject([{ url: `en/${R}/s1/#s1-p1`, figures: 'en/figures/r/#fig-7' }]);
    expect(queries.every((q) => q.filters?.kind === 'figure')).toBe(true);
    expect(urls((await runSearch(pf, '/', plan, lexicon('en'), 'Term', { narrow: { kind: 'paragraph' } })).hits)).toEqual([`en/${R}/s1/#s1-p1`, `en/${R}/s1/#s1-p2`]);
    expect(urls((await runSearch(pf, '/', plan, lexicon('en'), 'Term', { narrow: { kind: 'term' } })).hits)).toEqual(['en/glossary/t/']);
    expect(urls((await runSearch(pf, '/', plan, lexicon('en'), 'Term', { narrow: { reply: 'r' } })).hits)).toEqual([`en/${R}/s1/#s1`, `en/${R}/s1/#s1-p1`, `en/${R}/s1/#s1-p2`]);
  });
});

describe('term results: the definition snippet carries the language of its index', () => {
  it('a Chinese definition on the Chinese sites needs no lang; an English one found in the English index is tagged en', () => {
    const zh = termRecordHit({ url: '/zh-hans/glossary/mu-jun-lun-ying-xiong/', meta: { title: '亩均论英雄', def: '按每亩土地……的综合评价。', defLang: 'zh-Hans' } }, '/', lexicon('zh-hans'), '术语');
    expect(zh).toMatchObject({ excerpt: [{ text: '按每亩土地……的综合评价。' }], excerptLang: 'zh-Hans' });
    const fromEn = termRecordHit({ url: '/en/glossary/mu-jun-lun-ying-xiong/', meta: { title: 'per-mu output evaluation', def: 'A comprehensive evaluation.', defLang: 'en' } }, '/', lexicon('zh-hans'), '术语');
    expect(fromEn).toMatchObject({ url: 'zh-hans/glossary/mu-jun-lun-ying-xiong/', excerptLang: 'en' });
    const pending = termRecordHit({ url: '/zh-hans/glossary/mu-jun-lun-ying-xiong/', meta: { title: '亩均论英雄' } }, '/', lexicon('zh-hans'), '术语');
    expect([pending.excerpt, pending.excerptLang]).toEqual([[], undefined]);
  });
});
