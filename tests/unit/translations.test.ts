// Translations follow the Chinese they were made from when paragraph ids shift (a paragraph inserted, deleted or
// split in a corrected source): by hash first, then by id; `--fix-ids` rewrites only the keys of en.yaml.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReply } from '../../scripts/lib/parse.ts';
import { attachTranslation, followIds, loadTranslation, rewriteIds } from '../../scripts/lib/translations.ts';
import { checkTranslation } from '../../scripts/lib/qa.ts';
import { formatTranslationFile } from '../../scripts/lib/translation-file.ts';
import type { TranslationFile } from '../../scripts/lib/schemas.ts';
import { fixtureDir, ROOT } from './helpers.ts';

const FILE = 'content/replies/x/en.yaml';
const parse = (name: string) => parseReply(readFileSync(join(fixtureDir('ids'), `${name}.txt`), 'utf8'), { slug: 'x', file: 'x.txt' });

/** The translation a translator made of before.txt: block s1-p2 rendered as "English of s1-p2". */
function translationOfBefore(): TranslationFile {
  const doc = parse('before');
  const blocks = Object.fromEntries(doc.blocks.map((b) => [b.id, { source: b.hash, text: `English of ${b.id}` }]));
  return { language: 'en', sections: {}, blocks };
}

/** The English each block of a document shows, with its status. */
function shown(name: string, file: TranslationFile): Record<string, string> {
  const doc = parse(name);
  const followed = followIds(doc, file, FILE);
  const attached = attachTranslation(doc, followed.file);
  return Object.fromEntries(doc.blocks.map((b) => [`${b.id} ${b.zh}`, `${attached.blocks[b.id]!.status}${attached.blocks[b.id]!.en ? ` ${attached.blocks[b.id]!.en}` : ''}`]));
}

const kinds = (name: string, file: TranslationFile) => {
  const doc = parse(name);
  const followed = followIds(doc, file, FILE);
  return [...followed.findings, ...checkTranslation(doc, followed.file, FILE)].map((f) => `${f.kind} ${f.block}`).sort();
};

describe('the fixtures shift ids as the tests assume', () => {
  it('each corrected source renumbers the paragraphs after the edit', () => {
    expect(parse('before').blocks.map((b) => b.id)).toEqual(['s1', 's1-p1', 's1-p2', 's1-p3']);
    expect(parse('inserted').blocks.map((b) => b.id)).toEqual(['s1', 's1-p1', 's1-p2', 's1-p3', 's1-p4']);
    expect(parse('deleted').blocks.map((b) => b.id)).toEqual(['s1', 's1-p1', 's1-p2']);
    expect(parse('split').blocks.map((b) => b.id)).toEqual(['s1', 's1-p1', 's1-p2', 's1-p3', 's1-p4']);
  });
});

describe('entries follow their Chinese', () => {
  it('unchanged source: every entry stays under its id, nothing moves', () => {
    const followed = followIds(parse('before'), translationOfBefore(), FILE);
    expect(followed.moves).toEqual([]);
    expect(followed.findings).toEqual([]);
    expect(followed.file).toEqual(translationOfBefore());
  });

  it('a paragraph inserted before the first: the English moves down with its text, the new one is pending', () => {
    expect(shown('inserted', translationOfBefore())).toEqual({
      's1 一、总体情况': 'translated English of s1',
      's1-p1 新插入的一段。': 'pending',
      's1-p2 第一段。': 'translated English of s1-p1',
      's1-p3 第二段：甲句。乙句。': 'translated English of s1-p2',
      's1-p4 第三段。': 'translated English of s1-p3',
    });
    const followed = followIds(parse('inserted'), translationOfBefore(), FILE);
    expect(followed.moves).toEqual([{ from: 's1-p1', to: 's1-p2' }, { from: 's1-p2', to: 's1-p3' }, { from: 's1-p3', to: 's1-p4' }]);
    expect(followed.findings[0]!.message).toBe('s1-p1 is now s1-p2 (its Chinese moved when the source was edited)');
    expect(followed.findings[0]!.hint).toBe('run `npm run check -- --fix-ids` to rewrite en.yaml');
    expect(kinds('inserted', translationOfBefore())).toEqual(['missing s1-p1', 'moved s1-p1', 'moved s1-p2', 'moved s1-p3']);
  });

  it('a paragraph deleted: the later English moves up, the deleted block\'s English is reported, never shown on another block', () => {
    expect(shown('deleted', translationOfBefore())).toEqual({
      's1 一、总体情况': 'translated English of s1',
      's1-p1 第二段：甲句。乙句。': 'translated English of s1-p2',
      's1-p2 第三段。': 'translated English of s1-p3',
    });
    const followed = followIds(parse('deleted'), translationOfBefore(), FILE);
    expect(followed.displaced).toEqual(['s1-p1']);
    expect(kinds('deleted', translationOfBefore())).toEqual(['moved s1-p2', 'moved s1-p3', 'orphaned s1-p1']);
  });

  it('a paragraph split in two: its English stays on the first half as stale, the second half is pending, later ones move', () => {
    expect(shown('split', translationOfBefore())).toEqual({
      's1 一、总体情况': 'translated English of s1',
      's1-p1 第一段。': 'translated English of s1-p1',
      's1-p2 第二段：甲句。': 'stale English of s1-p2',
      's1-p3 乙句。': 'pending',
      's1-p4 第三段。': 'translated English of s1-p3',
    });
    expect(kinds('split', translationOfBefore())).toEqual(['missing s1-p3', 'moved s1-p3', 'stale s1-p2']);
  });

  it('an entry whose text was edited in place stays on its id as stale (no hash to follow)', () => {
    const file = translationOfBefore();
    file.blocks['s1-p3'] = { ...file.blocks['s1-p3']!, source: '000000000000' };
    expect(shown('before', file)['s1-p3 第三段。']).toBe('stale English of s1-p3');
  });

  it('identical Chinese in two blocks: each keeps its own entry', () => {
    const doc = parseReply('一、总体情况\n同一段。\n另一段。\n同一段。\n', { slug: 'x', file: 'x.txt' });
    const [p1, p2, p3] = ['s1-p1', 's1-p2', 's1-p3'].map((id) => doc.blocks.find((b) => b.id === id)!);
    const file: TranslationFile = { language: 'en', sections: {}, blocks: { 's1-p1': { source: p1!.hash, text: 'A' }, 's1-p2': { source: p2!.hash, text: 'B' }, 's1-p3': { source: p3!.hash, text: 'C' } } };
    expect(followIds(doc, file, FILE).moves).toEqual([]);
  });
});

describe('the seed reply with a paragraph inserted before s1-p1', () => {
  const seedDir = join(ROOT, 'content', 'replies', 'zhengzhou-2021-20210574');
  const source = readFileSync(join(seedDir, 'source.txt'), 'utf8');
  const enText = readFileSync(join(seedDir, 'en.yaml'), 'utf8');
  const lines = source.split('\n');
  const at = lines.indexOf('一、我市工业发展现状') + 1;
  const edited = [...lines.slice(0, at), '这是更正后新增的一段说明。', ...lines.slice(at)].join('\n');
  const doc = parseReply(edited, { slug: 'zhengzhou-2021-20210574', file: 'source.txt' });
  const followed = followIds(doc, loadTranslation(enText, FILE), FILE);

  it('finds the heading it inserts after', () => {
    expect(at).toBeGreaterThan(0);
  });

  // The summaries of section 1 and of the reply are stale: their Chinese did change.
  const expected = ['missing s1-p1', 'summary-stale executive', 'summary-stale sections.s1'];

  it('the only findings are the new paragraph, the summaries it changes and the moves of section 1', () => {
    const findings = [...followed.findings, ...checkTranslation(doc, followed.file, FILE)];
    expect(findings.filter((f) => f.kind !== 'moved').map((f) => `${f.kind} ${f.block}`).sort()).toEqual(expected);
    expect(followed.moves).toEqual([
      { from: 's1-p1', to: 's1-p2' },
      { from: 's1-p2-pt1', to: 's1-p3-pt1' },
      { from: 's1-p2-pt2', to: 's1-p3-pt2' },
      { from: 's1-p2-pt3', to: 's1-p3-pt3' },
      { from: 's1-p2-pt4', to: 's1-p3-pt4' },
    ]);
  });

  it('--fix-ids renames exactly those keys and keeps every other line of en.yaml', () => {
    const rewritten = rewriteIds(enText, followed.moves, followed.displaced);
    const before = enText.split('\n');
    const after = rewritten.split('\n');
    expect(after.length).toBe(before.length);
    const changed = before.flatMap((line, i) => (line === after[i] ? [] : [`${line.trim()} → ${after[i]!.trim()}`]));
    expect(changed).toEqual(['s1-p1: → s1-p2:', 's1-p2-pt1: → s1-p3-pt1:', 's1-p2-pt2: → s1-p3-pt2:', 's1-p2-pt3: → s1-p3-pt3:', 's1-p2-pt4: → s1-p3-pt4:']);
    const again = followIds(doc, loadTranslation(rewritten, FILE), FILE);
    expect(again.moves).toEqual([]);
    expect(checkTranslation(doc, again.file, FILE).map((f) => `${f.kind} ${f.block}`).sort()).toEqual(expected);
  });
});

describe('rewriteIds', () => {
  it('leaves a file without moves byte for byte unchanged, comments included', () => {
    const text = `# a translator's comment\n${formatTranslationFile(translationOfBefore(), 'x')}`;
    expect(rewriteIds(text, [], [])).toBe(text);
  });

  it('renames a displaced entry <id>-orphaned and keeps its comment', () => {
    const text = formatTranslationFile(translationOfBefore(), 'x').replace('  s1-p1:\n', '  # checked by A.\n  s1-p1:\n');
    const followed = followIds(parse('deleted'), loadTranslation(text, FILE), FILE);
    const rewritten = rewriteIds(text, followed.moves, followed.displaced);
    expect(rewritten).toContain('  # checked by A.\n  s1-p1-orphaned:\n');
    const after = followIds(parse('deleted'), loadTranslation(rewritten, FILE), FILE);
    expect(after.moves).toEqual([]);
    expect(checkTranslation(parse('deleted'), after.file, FILE).map((f) => `${f.kind} ${f.block}`)).toEqual(['orphaned s1-p1-orphaned']);
  });
});
