// `npm run add-reply`: run as a child process (Node 22, as npm runs it) on every real reply, writing only to a scratch
// content folder; refusals are one line on stderr with exit code 1.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { issuerSlug } from '../../scripts/lib/add-reply.ts';
import { fixtureDir, ROOT, tempDir } from './helpers.ts';

const REAL = fixtureDir('real-replies');
const scratch = tempDir('add-reply');
afterAll(scratch.cleanup);

/** Runs the CLI from the repository root; the content folder is always a scratch one. */
function run(args: string[], options: { input?: string; env?: Record<string, string> } = {}) {
  const r = spawnSync(process.execPath, ['scripts/add-reply.ts', ...args], { cwd: ROOT, encoding: 'utf8', input: options.input, env: { ...process.env, ...options.env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The slug add-reply proposes for each real reply: place and department in ASCII, year, number as written. */
const SLUGS: Record<string, string> = {
  'baoji-env-2019-partial': 'baoji-env-2019-225',
  'changchun-housing-2025-collective': 'changchun-housing-2025-2025d048',
  'gaoping-health-2023': 'gaoping-health-2023-71',
  'guangdong-gxt-zjtx-2024-partial': 'proposal-20240999',
  'huainan-transport-2023': 'suggestion-2023-182',
  'jincheng-chengqu-fgj-2025-nosig': 'suggestion-215908',
  'lantian-edu-partial': 'lantian-edu-008',
  'maguan-transport-2023': 'maguan-transport-2023-64',
  'mee-changjiang-2021-partial': 'env-2021-0867',
  'neijiang-edu-2025': 'neijiang-edu-2025-44',
  'xifeng-edu-2017': 'suggestion-2017',
  'xinmi-housing-2022': 'xinmi-housing-2022',
  'xundian-env-2022-partial': 'xundian-env-17',
  'yunnan-gxw-2017': 'yunnan-industry-2017-jy100012050700',
};

describe('add-reply on every real reply', () => {
  const content = join(scratch.dir, 'content');
  const runs = new Map<string, ReturnType<typeof run>>();
  beforeAll(() => {
    for (const name of Object.keys(SLUGS)) runs.set(name, run([join(REAL, name, 'source.txt'), '--content', content]));
  });

  it.each(Object.keys(SLUGS))('%s: writes source.txt verbatim and prints what it recognised', (name) => {
    const source = join(REAL, name, 'source.txt');
    const r = runs.get(name)!;
    const slug = SLUGS[name]!;
    const written = join(content, 'replies', slug, 'source.txt');
    expect([r.status, r.stderr]).toEqual([0, '']);
    expect(readFileSync(written)).toEqual(readFileSync(source));
    const expected = parseYaml(readFileSync(join(REAL, name, 'expected.yaml'), 'utf8')) as { title: string | null; meta: Record<string, string | number | null> };
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(`add-reply: wrote ${written}`);
    const field = (label: string) => lines.find((l) => l.startsWith(`  ${label}:`))!.slice(label.length + 3).trim();
    expect(field('title')).toBe(expected.title ?? '(none in the text)');
    expect(field('addressee')).toBe(expected.meta.addressee);
    expect(field('issuer').replace(/ \(from the page's 来源 line: check\)$/, '')).toBe(expected.meta.issuingBody ?? '(not found)');
    expect(field('date')).toBe(expected.meta.date ?? '(not found)');
    expect(field('outcome').split(';')[0]).toBe(expected.meta.outcome ?? '(not stated)');
    expect(field('type').startsWith(expected.meta.type === 'suggestion' ? 'suggestion (建议)' : 'proposal (提案)')).toBe(true);
    if (expected.meta.proposalNumber) expect(field('type')).toContain(`No. ${expected.meta.proposalNumber}`);
    expect(field('needs a person')).toContain('blocks to translate');
    if (!expected.meta.date) expect(field('needs a person')).toContain('no readable date');
    if (!expected.title) expect(field('needs a person')).toContain('no title in the text');
  });

  it('reports furniture and metadata with the first line of each', () => {
    const r = run([join(REAL, 'maguan-transport-2023', 'source.txt'), '--content', join(scratch.dir, 'other')]);
    expect(r.stdout).toContain('  furniture:  7 lines (first: 今天是:)');
    expect(r.stdout).toContain('  metadata:   1 lines (first: 来源: 更新时间:2024/01/03)');
  });

  it('asks a person to check an issuer read only from the page\'s 来源 line, and only then', () => {
    const flagged = Object.keys(SLUGS).filter((name) => runs.get(name)!.stdout.includes("(from the page's 来源 line: check)"));
    // The Ministry's page names no signature, letterhead or contact unit: only 来源:生态环境部. Neijiang's page has a 信息来源 line too, but its letter is signed.
    expect(flagged).toEqual(['mee-changjiang-2021-partial']);
    expect(runs.get('mee-changjiang-2021-partial')!.stdout).toMatch(/needs a person: .*read only from the page's 来源\/发布机构 line/);
  });

  it('leaves one folder per reply and nothing else in the scratch content folder', () => {
    expect(readdirSync(join(content, 'replies')).sort()).toEqual(Object.values(SLUGS).sort());
  });
});

describe('add-reply options and refusals (one line, exit code 1)', () => {
  const content = join(scratch.dir, 'refusals');
  const gaoping = join(REAL, 'gaoping-health-2023', 'source.txt');

  it('refuses a slug that exists, naming it', () => {
    expect(run([gaoping, '--content', content]).status).toBe(0);
    const r = run([gaoping, '--content', content]);
    expect([r.status, r.stdout]).toEqual([1, '']);
    expect(r.stderr).toBe(`error: ${join(content, 'replies', 'gaoping-health-2023-71')}: a reply with the slug "gaoping-health-2023-71" exists already. Fix: give another with --slug, or remove that folder first if it is the same reply\n`);
  });

  it('refuses a file that is not a reply: news without a salutation, a notice with one', () => {
    const news = join(scratch.dir, 'news.txt');
    writeFileSync(news, '我市召开安全生产工作会议\n6月5日,全市安全生产工作会议召开。会议强调,要压紧压实责任。\n');
    const r = run([news, '--content', join(scratch.dir, 'refused')]);
    expect([r.status, r.stdout]).toEqual([1, '']);
    expect(r.stderr).toBe(`error: ${news}: this does not look like a reply to a suggestion or proposal (no salutation such as 尊敬的…委员: and no 答复/复函 anywhere). Fix: check that the file is the reply itself, not a list page or another document\n`);
    const notice = join(scratch.dir, 'notice.txt');
    writeFileSync(notice, '关于开展2024年安全生产月活动的通知\n各乡镇、各部门:\n现将有关事项通知如下。\n');
    expect(run([notice, '--content', join(scratch.dir, 'refused')]).stderr).toBe(`error: ${notice}: this does not look like a reply to a suggestion or proposal (it has a salutation but no 答复/复函 and no 建议/提案 anywhere). Fix: check that the file is the reply itself, not a list page or another document\n`);
    expect(existsSync(join(scratch.dir, 'refused'))).toBe(false);
  });

  it('refuses a binary file and a missing file with the decoder\'s one line', () => {
    const binary = join(scratch.dir, 'reply.doc');
    writeFileSync(binary, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0x41]));
    expect(run([binary, '--content', content]).stderr).toBe(`error: ${binary}: the file contains NUL bytes and looks binary (a .doc, .pdf or image?). Fix: export the reply as plain text (.txt) and save it as source.txt\n`);
    expect(run([join(scratch.dir, 'nope.txt'), '--content', content]).stderr).toBe(`error: ${join(scratch.dir, 'nope.txt')}: there is no such file. Fix: give the path of the text file copied from the web page\n`);
  });

  it('takes --slug, standard input (-) and CONTENT_DIR', () => {
    const env = { CONTENT_DIR: join(scratch.dir, 'from-env') };
    const r = run(['-', '--slug', 'xinmi-2022-stdin'], { input: readFileSync(join(REAL, 'xinmi-housing-2022', 'source.txt'), 'utf8'), env });
    expect(r.status).toBe(0);
    expect(readFileSync(join(scratch.dir, 'from-env', 'replies', 'xinmi-2022-stdin', 'source.txt'), 'utf8')).toBe(readFileSync(join(REAL, 'xinmi-housing-2022', 'source.txt'), 'utf8'));
    expect(r.stdout.split('\n')[0]).toBe(`add-reply: wrote ${join(scratch.dir, 'from-env', 'replies', 'xinmi-2022-stdin', 'source.txt')}`);
  });

  it('refuses a slug that is not lower-case ASCII, and writes nothing', () => {
    const r = run([gaoping, '--slug', 'Gaoping_71', '--content', join(scratch.dir, 'bad-slug')]);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('the slug "Gaoping_71" is not lower-case letters, digits and hyphens');
    expect(existsSync(join(scratch.dir, 'bad-slug'))).toBe(false);
  });

  it('never writes into the repository\'s content folder in these tests', () => {
    expect(readdirSync(join(ROOT, 'content', 'replies'))).not.toContain('gaoping-health-2023-71');
  });
});

describe('issuer part of the slug', () => {
  it('is the place in pinyin and the department in English', () => {
    expect(['高平市卫生健康和体育局', '内江市市中区教育和体育局', '昆明市生态环境局寻甸分局', '云南省工业和信息化委', '新密市住房和城乡建设局', '生态环境部'].map(issuerSlug)).toEqual([
      'gaoping-health',
      'neijiang-edu',
      'xundian-env',
      'yunnan-industry',
      'xinmi-housing',
      'env',
    ]);
  });
});
