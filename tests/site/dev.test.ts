// `npm run dev` over a scratch copy of content/ (CONTENT_DIR): the server starts and serves a reply page; saving en.yaml and glossary.yaml
// shows the change in the open page without a restart; a broken en.yaml shows a banner naming file and line while the last good text stays,
// and fixing it clears the banner. The edit-to-visible times are measured by scripts/bench/dev.ts, not asserted here.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './helpers.ts';

const SEED = 'zhengzhou-2021-20210574';
const tmp = mkdtempSync(join(tmpdir(), 'dev-server-'));
const content = join(tmp, 'content');
const enYaml = join(content, 'replies', SEED, 'en.yaml');
let server: ChildProcess;
let output = '';
let origin = '';
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

/** A port nobody listens on. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

/** The environment a user's shell gives `npm run dev` (without Vitest's and Vite's variables, which Astro would pick up). */
function userEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(VITEST|VITE_|BASE_URL$|NODE_ENV$|MODE$|DEV$|PROD$|SSR$|TEST$|SITE$|ASSETS_PREFIX$)/.test(k)));
}

function edit(file: string, from: string | RegExp, to: string): void {
  const text = readFileSync(file, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`test setup: ${String(from)} not found in ${file}`);
  writeFileSync(file, next);
}

beforeAll(async () => {
  cpSync(join(process.cwd(), 'content'), content, { recursive: true });
  const port = await freePort();
  server = spawn(process.execPath, ['scripts/dev.ts'], { env: { ...userEnv(), CONTENT_DIR: content, PORT: String(port), ASTRO_TELEMETRY_DISABLED: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  server.stdout!.on('data', (d) => (output += d));
  server.stderr!.on('data', (d) => (output += d));
  await new Promise<void>((resolve, reject) => {
    const check = setInterval(() => {
      const m = /dev: (http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
      if (m) {
        clearInterval(check);
        origin = m[1]!;
        resolve();
      } else if (server.exitCode !== null) {
        clearInterval(check);
        reject(new Error(`npm run dev exited:\n${output}`));
      }
    }, 100);
  });
  browser = await launchBrowser();
  page = await browser.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
}, 600_000);

afterAll(async () => {
  await browser?.close();
  server?.kill('SIGTERM');
  await new Promise((r) => (server?.exitCode !== null ? r(null) : server.once('exit', r)));
  rmSync(tmp, { recursive: true, force: true });
  // Leave src/generated/ as the repository's content makes it.
  execFileSync(process.execPath, ['scripts/prepare.ts'], { stdio: 'ignore', env: userEnv() });
}, 600_000);

describe('npm run dev', () => {
  const sectionUrl = () => `${origin}/en/replies/${SEED}/s1/`;

  it('serves a reply page with its English text', async () => {
    const response = await page.goto(sectionUrl());
    expect(response?.status()).toBe(200);
    await expect(page.locator('#s1-p1').innerText()).resolves.toContain('Industry is the mainstay of the real economy');
    expect(await page.locator('.dev-banner').count()).toBe(0);
  });

  it('shows a saved en.yaml edit in the open page without a restart', async () => {
    await page.goto(sectionUrl());
    edit(enYaml, 'text: Industry is the mainstay', 'text: Manufacturing is the mainstay');
    await page.waitForFunction(() => document.querySelector('#s1-p1')?.textContent?.includes('Manufacturing is the mainstay'), null, { timeout: 60_000 });
    expect(output).toMatch(/en\.yaml: 1 reply re-prepared/);
  });

  it('shows a saved glossary.yaml edit in the pages using the term', async () => {
    await page.goto(sectionUrl());
    expect(await page.locator('.terms-here').textContent()).toContain('per-mu output evaluation');
    edit(join(content, 'glossary.yaml'), 'en: "per-mu output evaluation"', 'en: "per-mu performance evaluation"');
    await page.waitForFunction(() => document.querySelector('.terms-here')?.textContent?.includes('per-mu performance evaluation'), null, { timeout: 60_000 });
  });

  it('shows a broken en.yaml in a banner naming file and line, keeps the last good text, and clears it when fixed', async () => {
    await page.goto(sectionUrl());
    const good = readFileSync(enYaml, 'utf8');
    edit(enYaml, /^blocks:$/m, 'blocks:\n  s1-p1: [unclosed');
    await page.waitForSelector('.dev-banner', { timeout: 60_000 });
    const banner = await page.locator('.dev-banner').innerText();
    expect(banner).toContain(`replies/${SEED}/en.yaml`);
    expect(banner).toMatch(/line \d+/);
    expect(banner).toContain('Fix:');
    expect(await page.locator('.dev-banner').getAttribute('role')).toBe('alert');
    await expect(page.locator('#s1-p1').innerText()).resolves.toContain('Manufacturing is the mainstay');
    writeFileSync(enYaml, good);
    await page.waitForSelector('.dev-banner', { state: 'detached', timeout: 60_000 });
  });

  it('serves the status page and a search page that works or says search is unavailable', async () => {
    const status = await page.goto(`${origin}/en/status/`);
    expect(status?.status()).toBe(200);
    expect(await page.locator(`tr[data-reply="${SEED}"] td[data-count="translated"]`).innerText()).toMatch(/^\d+$/);
    await page.goto(`${origin}/en/search/?q=${encodeURIComponent('亩均论英雄')}`);
    const note = page.locator('.dev-search-note');
    await expect(note.count()).resolves.toBe(1);
    await page.waitForFunction(() => document.getElementById('search-results')?.dataset.state === 'done', null, { timeout: 60_000 });
    expect(pageErrors).toEqual([]);
  });
});
