// The failure contract of the command-line scripts, run as a user runs them (child processes on Node 22 from
// node_modules/.bin) in a scratch project folder: a content mistake exits 1 with exactly one stderr line
// `error: <file>…: <problem>. Fix: <hint>` and no stack trace, and a failed build leaves no dist/ behind.
// Each case of tests/fixtures/cli/ is the seed reply with files replaced (reply/…) or removed (remove.txt);
// stderr.txt is the exact line every script must print for it, stdout.txt (optional) a finding check must list.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseNames, copy, fixtureDir, ROOT, tempDir } from './helpers.ts';

const NODE = join(ROOT, 'node_modules', '.bin', 'node');
const SEED = 'zhengzhou-2021-20210574';
const CASES = fixtureDir('cli');

/** The environment of a user's shell: none of Vitest's variables, no strict switch, no build overrides. */
function userEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(VITEST|VITE_|BASE_URL$|NODE_ENV$|MODE$|DEV$|PROD$|SSR$|TEST$|STRICT$|OUT_DIR$|CONTENT_DIR$|BASE_PATH$|SITE$)/.test(k)));
  return { ...env, ASTRO_TELEMETRY_DISABLED: '1', ...extra };
}

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a script of scripts/ with `cwd` as the project folder (content/ and dist/ are looked up there). */
function run(cwd: string, script: string, args: string[] = [], env: Record<string, string> = {}): Run {
  const result = spawnSync(NODE, [join(ROOT, 'scripts', script), ...args], { cwd, encoding: 'utf8', env: userEnv(env), timeout: 120_000 });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A scratch project: content/ as in the repository but with the seed reply only, then the case applied. */
function scratchProject(dir: string, caseName?: string): string {
  const content = join(dir, 'content');
  for (const name of readdirSync(join(ROOT, 'content'))) if (name !== 'replies') copy(join(ROOT, 'content', name), join(content, name));
  const reply = join(content, 'replies', SEED);
  copy(join(ROOT, 'content', 'replies', SEED, 'source.txt'), join(reply, 'source.txt'));
  copy(join(ROOT, 'content', 'replies', SEED, 'meta.yaml'), join(reply, 'meta.yaml'));
  if (caseName) {
    const fixture = join(CASES, caseName);
    if (existsSync(join(fixture, 'reply'))) copy(join(fixture, 'reply'), reply);
    const remove = join(fixture, 'remove.txt');
    if (existsSync(remove)) for (const name of readFileSync(remove, 'utf8').split('\n').filter(Boolean)) rmSync(join(reply, name));
  }
  return content;
}

const lines = (text: string) => text.split('\n').filter((l) => l.trim() !== '');

/** Asserts the one-line failure contract on a run. */
function expectOneLineFailure(result: Run, expected: string): void {
  expect(result.stderr, 'no stack frames').not.toMatch(/^\s+at /m);
  expect(lines(result.stderr), `stderr of a run that printed on stdout:\n${result.stdout}`).toEqual([expected]);
  expect(result.status).toBe(1);
}

const cases = caseNames(CASES);

describe('the scripts stop on a content mistake with one line', () => {
  it('has the cases the contract names', () => {
    expect(cases).toEqual(expect.arrayContaining(['binary-source', 'missing-source', 'broken-yaml', 'unknown-meta-key', 'stale-strict']));
    for (const name of cases) expect(readFileSync(join(CASES, name, 'stderr.txt'), 'utf8')).toMatch(/^error: content\/\S+.*\. Fix: .+\n$/);
  });

  describe.each(cases)('%s', (name) => {
    const expected = () => readFileSync(join(CASES, name, 'stderr.txt'), 'utf8').trim();
    const project = tempDir(`cli-${name}`);
    beforeAll(() => scratchProject(project.dir, name));
    afterAll(() => project.cleanup());

    it('check --strict: exit 1, one line naming the file and the fix', () => {
      const result = run(project.dir, 'check.ts', ['--strict']);
      expectOneLineFailure(result, expected());
      // stdout.txt, where a case has one: a line the findings on stdout must contain.
      const stdout = join(CASES, name, 'stdout.txt');
      if (existsSync(stdout)) expect(result.stdout).toContain(readFileSync(stdout, 'utf8').trim());
    });

    it('prepare --strict: exit 1, the same line', () => {
      expectOneLineFailure(run(project.dir, 'prepare.ts', ['--strict']), expected());
    });

    it('build --strict: exit 1, the same line, and the dist/ of an earlier build is removed', () => {
      const dist = join(project.dir, 'dist');
      mkdirSync(join(dist, 'en'), { recursive: true });
      writeFileSync(join(dist, 'en', 'index.html'), '<p>an earlier build</p>');
      expectOneLineFailure(run(project.dir, 'build.ts', ['--strict']), expected());
      expect(existsSync(dist), 'dist/ removed after the failed build').toBe(false);
    });

    it('OUT_DIR and CONTENT_DIR are honoured: the same failure from another folder, and that OUT_DIR removed', () => {
      const out = join(project.dir, 'site-out');
      mkdirSync(out, { recursive: true });
      writeFileSync(join(out, 'index.html'), 'earlier');
      const elsewhere = join(project.dir, 'elsewhere');
      mkdirSync(elsewhere, { recursive: true });
      const result = run(elsewhere, 'build.ts', ['--strict'], { CONTENT_DIR: '../content', OUT_DIR: '../site-out' });
      expectOneLineFailure(result, expected().replace('error: content/', 'error: ../content/'));
      expect(existsSync(out)).toBe(false);
    });
  });
});

describe('the scratch project itself is sound (so the failures above come from the cases)', () => {
  const project = tempDir('cli-ok');
  beforeAll(() => scratchProject(project.dir));
  afterAll(() => project.cleanup());

  it('check without a translation: exit 0 without --strict, exit 1 with it', () => {
    const loose = run(project.dir, 'check.ts');
    expect(loose.stderr).toBe('');
    expect(loose.status).toBe(0);
    expect(loose.stdout).toMatch(/\d+ missing/);
    expectOneLineFailure(run(project.dir, 'check.ts', ['--strict']), `error: content/replies/${SEED}/en.yaml: strict mode stops on the findings listed above. Fix: correct them (each line says how), or run without --strict`);
  });

  it('check with the repository\'s translation: no findings, exit 0', () => {
    copy(join(ROOT, 'content', 'replies', SEED, 'en.yaml'), join(project.dir, 'content', 'replies', SEED, 'en.yaml'));
    try {
      const result = run(project.dir, 'check.ts', ['--strict']);
      expect(result.stderr).toBe('');
      expect(result.stdout).toMatch(/no findings/);
      expect(result.status).toBe(0);
    } finally {
      rmSync(join(project.dir, 'content', 'replies', SEED, 'en.yaml'));
    }
  });
});

describe('check: a glossary term without a Chinese explanation', () => {
  const project = tempDir('cli-explanation');
  beforeAll(() => {
    scratchProject(project.dir);
    copy(join(ROOT, 'content', 'replies', SEED, 'en.yaml'), join(project.dir, 'content', 'replies', SEED, 'en.yaml'));
    const file = join(project.dir, 'content', 'glossary.yaml');
    const text = readFileSync(file, 'utf8');
    const without = text.replace(/\n    explanationZh: >-\n      国务院2014至2015年[^\n]*/, '');
    expect(without).not.toBe(text);
    writeFileSync(file, without);
  });
  afterAll(() => project.cleanup());

  it('is a finding naming the glossary file and the term, and --strict fails on it', () => {
    const loose = run(project.dir, 'check.ts');
    expect(loose.status).toBe(0);
    expect(loose.stdout).toContain('content/glossary.yaml\n  explanation-missing [shuang-chuang]: no Chinese explanation (the Chinese pages show it as pending). Fix: add `explanationZh:` with the explanation in Simplified Chinese, faithful to `explanation`');
    expect(loose.stdout).toContain('1 finding: 1 explanation-missing');
    expectOneLineFailure(run(project.dir, 'check.ts', ['--strict']), 'error: content/glossary.yaml: strict mode stops on the findings listed above. Fix: correct them (each line says how), or run without --strict');
  });
});

describe('check --fix-ids after a paragraph was inserted', () => {
  const project = tempDir('cli-fix-ids');
  const reply = () => join(project.dir, 'content', 'replies', SEED);
  beforeAll(() => {
    scratchProject(project.dir);
    copy(join(ROOT, 'content', 'replies', SEED, 'en.yaml'), join(reply(), 'en.yaml'));
    const source = readFileSync(join(reply(), 'source.txt'), 'utf8').replace('一、我市工业发展现状\n', '一、我市工业发展现状\n这是更正后新增的一段说明。\n');
    writeFileSync(join(reply(), 'source.txt'), source);
  });
  afterAll(() => project.cleanup());

  it('check reports the move and how to fix it, and --strict fails on it', () => {
    const result = run(project.dir, 'check.ts', ['--strict']);
    expect(result.stdout).toContain('[s1-p1]: s1-p1 is now s1-p2 (its Chinese moved when the source was edited). Fix: run `npm run check -- --fix-ids` to rewrite en.yaml');
    expect(result.status).toBe(1);
  });

  it('--fix-ids rewrites en.yaml; afterwards no move is reported', () => {
    const before = readFileSync(join(reply(), 'en.yaml'), 'utf8');
    const fixed = run(project.dir, 'check.ts', ['--fix-ids']);
    expect(fixed.status).toBe(0);
    expect(fixed.stdout).toContain(`check: content/replies/${SEED}/en.yaml: s1-p1 → s1-p2, s1-p2-pt1 → s1-p3-pt1`);
    const after = readFileSync(join(reply(), 'en.yaml'), 'utf8');
    expect(after).not.toBe(before);
    expect(after.split('\n').filter((l, i) => l !== before.split('\n')[i]).map((l) => l.trim())).toEqual(['s1-p2:', 's1-p3-pt1:', 's1-p3-pt2:', 's1-p3-pt3:', 's1-p3-pt4:']);
    const again = run(project.dir, 'check.ts');
    expect(again.stdout).not.toContain(' moved');
    expect(again.stdout).toContain('[s1-p1]: no English translation');
  });
});
