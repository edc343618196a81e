// `npm run dev`'s incremental prepare (scripts/lib/dev-prepare.ts): after any edit, src/generated/ holds exactly what a full prepare writes,
// only the affected files are rewritten, and a content mistake is reported with file and line while the last good output stays.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IncrementalPrepare, locate } from '../../scripts/lib/dev-prepare.ts';
import { prepareContent } from '../../scripts/lib/prepare-content.ts';
import { ROOT, fixtureDir } from './helpers.ts';

const SEED = 'zhengzhou-2021-20210574';
const SECOND = 'example-2022-0001';
const tmp = mkdtempSync(join(tmpdir(), 'dev-prepare-'));
const content = join(tmp, 'content');
const out = join(tmp, 'out');
const reference = join(tmp, 'reference');
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Every file under a folder with its text, keyed by relative path. */
function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else files.set(relative(dir, join(d, e.name)), readFileSync(join(d, e.name), 'utf8'));
    }
  };
  walk(dir);
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** What a full prepare writes for the content as it is now. */
function fullPrepare(): Map<string, string> {
  prepareContent(content, reference);
  return snapshot(reference);
}

function edit(file: string, change: (text: string) => string): void {
  const path = join(content, file);
  writeFileSync(path, change(readFileSync(path, 'utf8')));
}

describe('incremental prepare', () => {
  let dev: IncrementalPrepare;
  beforeAll(() => {
    cpSync(join(ROOT, 'content'), content, { recursive: true });
    cpSync(join(fixtureDir('replies'), 'second-reply', 'replies', SECOND), join(content, 'replies', SECOND), { recursive: true });
    dev = new IncrementalPrepare(content, out);
  });

  it('writes on start exactly what a full prepare writes', () => {
    const update = dev.full();
    expect(update.problems).toEqual([]);
    expect(update.replies.sort()).toEqual([SECOND, SEED]);
    expect(snapshot(out)).toEqual(fullPrepare());
  });

  it('re-prepares only the edited reply after an en.yaml edit, and the result equals a full prepare', () => {
    edit(`replies/${SEED}/en.yaml`, (t) => t.replace(/text: Industry is/, "text: Manufacturing is"));
    const update = dev.update([join(content, 'replies', SEED, 'en.yaml')]);
    expect(update.problems).toEqual([]);
    expect(update.replies).toEqual([SEED]);
    expect(update.written.some((p) => p.startsWith(`pages/en/${SEED}/`))).toBe(true);
    expect(update.written.some((p) => p.includes(SECOND))).toBe(false);
    expect(readFileSync(join(out, 'pages/en', SEED, 's1.json'), 'utf8')).toContain('Manufacturing is');
    expect(snapshot(out)).toEqual(fullPrepare());
  });

  it('re-prepares after a glossary edit only the replies that use the changed term', () => {
    edit('glossary.yaml', (t) => t.replace(/^(\s*en:\s*)"per-mu output evaluation"\s*$/m, '$1"per-mu performance evaluation"'));
    expect(readFileSync(join(content, 'glossary.yaml'), 'utf8')).toContain('per-mu performance evaluation');
    const update = dev.update(['glossary.yaml'].map((f) => join(content, f)));
    expect(update.problems).toEqual([]);
    expect(update.replies).toEqual([SEED]);
    expect(update.written).toContain('site.json');
    expect(snapshot(out)).toEqual(fullPrepare());
  });

  it('reports broken YAML with file and line, writes nothing, and recovers when it is fixed', () => {
    const before = snapshot(out);
    const file = `replies/${SEED}/en.yaml`;
    const good = readFileSync(join(content, file), 'utf8');
    edit(file, (t) => t.replace(/^blocks:$/m, 'blocks:\n  s1-p1: [unclosed'));
    const broken = dev.update([join(content, file)]);
    expect(broken.written).toEqual([]);
    expect(broken.problems).toHaveLength(1);
    expect(broken.problems[0]!.file).toBe(relative(process.cwd(), join(content, file)));
    expect(broken.problems[0]!.line).toBeGreaterThan(1);
    expect(broken.problems[0]!.hint).not.toBe('');
    expect(snapshot(out)).toEqual(before);
    writeFileSync(join(content, file), good);
    const fixed = dev.update([join(content, file)]);
    expect(fixed.problems).toEqual([]);
    expect(snapshot(out)).toEqual(fullPrepare());
  });

  it('reports an unknown meta key on the line of the key', () => {
    const file = `replies/${SECOND}/meta.yaml`;
    const good = readFileSync(join(content, file), 'utf8');
    writeFileSync(join(content, file), `${good.trimEnd()}\nauthor: someone\n`);
    const update = dev.update([join(content, file)]);
    expect(update.problems[0]).toMatchObject({ block: 'author', line: good.trimEnd().split('\n').length + 1 });
    expect(update.problems[0]!.hint).toContain('author');
    writeFileSync(join(content, file), good);
    expect(dev.update([join(content, file)]).problems).toEqual([]);
  });

  it('reports About MDX that does not compile with its line, and recovers when it is fixed', () => {
    const file = join(content, 'about', 'en.mdx');
    const good = readFileSync(file, 'utf8');
    writeFileSync(file, `${good.trimEnd()}\n\nAn unclosed {expression\n`);
    const broken = dev.update([file]);
    expect(broken.written).toEqual([]);
    expect(broken.problems).toHaveLength(1);
    expect(broken.problems[0]).toMatchObject({ file: relative(process.cwd(), file) });
    expect(broken.problems[0]!.line).toBeGreaterThan(1);
    expect(broken.problems[0]!.message).toContain('MDX');
    writeFileSync(file, good.replace(/^title: .*$/m, 'title: About this site (edited)'));
    const fixed = dev.update([file]);
    expect(fixed.problems).toEqual([]);
    expect(fixed.written).toContain('about/en.mdx');
    expect(snapshot(out)).toEqual(fullPrepare());
  });

  it('adds and removes a reply folder', () => {
    rmSync(join(content, 'replies', SECOND), { recursive: true });
    const removed = dev.update([join(content, 'replies', SECOND)]);
    expect(removed.problems).toEqual([]);
    expect(removed.removed).toContain(`pages/en/${SECOND}/index.json`);
    expect(snapshot(out)).toEqual(fullPrepare());
    cpSync(join(fixtureDir('replies'), 'second-reply', 'replies', SECOND), join(content, 'replies', SECOND), { recursive: true });
    expect(dev.update([join(content, 'replies', SECOND, 'source.txt')]).replies).toEqual([SECOND]);
    expect(snapshot(out)).toEqual(fullPrepare());
  });

  it('ignores editor swap and backup files', () => {
    const update = dev.update([join(content, 'replies', SEED, '.en.yaml.swp'), join(content, 'glossary.yaml~')]);
    expect(update).toEqual({ written: [], removed: [], replies: [], problems: [], findings: [] });
  });

  it('in strict mode stops at a stale translation and names the block and its line', () => {
    // The repository's content alone is clean under --strict.
    const clean = join(tmp, 'clean');
    cpSync(join(ROOT, 'content'), clean, { recursive: true });
    const strict = new IncrementalPrepare(clean, join(tmp, 'strict'), { strict: true });
    expect(strict.full().problems).toEqual([]);
    const file = join(clean, 'replies', SEED, 'source.txt');
    writeFileSync(file, readFileSync(file, 'utf8').replace('工业是实体经济的主体', '工业是实体经济的主体部分'));
    const update = strict.update([file]);
    expect(update.written).toEqual([]);
    const stale = update.problems.find((p) => p.block === 's1-p1');
    expect(stale).toBeDefined();
    const enYaml = readFileSync(join(clean, 'replies', SEED, 'en.yaml'), 'utf8').split('\n');
    expect(enYaml[stale!.line! - 1]).toMatch(/^\s*s1-p1:/);
  });
});

describe('incremental prepare as the dev server runs it (search data only at start and on glossary edits)', () => {
  it('keeps the search files of the start after a reply edit, and everything else equals a full prepare', () => {
    const dir = join(tmp, 'lazy');
    cpSync(join(ROOT, 'content'), dir, { recursive: true });
    const lazyOut = join(tmp, 'lazy-out');
    const dev = new IncrementalPrepare(dir, lazyOut, { searchEveryUpdate: false });
    expect(dev.full().problems).toEqual([]);
    const search = (m: Map<string, string>) => [...m].filter(([p]) => p.startsWith('search/'));
    const atStart = search(snapshot(lazyOut));
    expect(atStart.length).toBeGreaterThan(0);
    const file = join(dir, 'replies', SEED, 'en.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/text: Industry is/, 'text: Manufacturing is'));
    const update = dev.update([file]);
    expect(update.written.filter((p) => p.startsWith('search/'))).toEqual([]);
    const after = snapshot(lazyOut);
    expect(search(after)).toEqual(atStart);
    prepareContent(dir, join(tmp, 'lazy-ref'));
    const ref = snapshot(join(tmp, 'lazy-ref'));
    const rest = (m: Map<string, string>) => [...m].filter(([p]) => !p.startsWith('search/'));
    expect(rest(after)).toEqual(rest(ref));
    expect(search(ref)).not.toEqual(atStart);
  });
});

describe('locate', () => {
  it('leaves a problem without line when the key is not in the file', () => {
    const file = join(tmp, 'x.yaml');
    writeFileSync(file, 'a: 1\n');
    expect(locate({ file, block: 'zzz', message: 'm', hint: 'h' })).toEqual({ file, block: 'zzz', message: 'm', hint: 'h' });
    expect(locate({ file, block: 'a', message: 'm', hint: 'h' }).line).toBe(1);
  });
});
