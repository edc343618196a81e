/**
 * Notes in real Chromium (the /policy/ build): the English s1 page shows the
 * 38 % / 32 % source discrepancy and the translator's notes; a marker is a
 * keyboard-reachable link with an accessible name that moves to its note, and
 * the note links back; notes stay visible in print; the Traditional page shows
 * the discrepancy in Traditional Chinese; axe finds nothing on the s1 pages.
 */
import { describe, it, expect } from 'vitest';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { useSiteBrowser } from './helpers.ts';

const S1 = 'replies/zhengzhou-2021-20210574/s1/';
// Chromium and the /policy/ build; every test fails on a request off 127.0.0.1 or a console error of its pages.
const site = useSiteBrowser('sub', { requireVisit: true });

async function open(path: string): Promise<Page> {
  const page = await site.newPage();
  const response = await page.goto(site.url(path), { waitUntil: 'load' });
  expect(response?.status()).toBe(200);
  return page;
}

describe('notes on the reply pages', () => {
  it('the English s1 page shows the 38 % / 32 % discrepancy under s1-p2-pt4, and a link to the other statement', async () => {
    const page = await open(`en/${S1}`);
    const note = page.locator('#s1-p2-pt4-note-1');
    await expect(note.isVisible()).resolves.toBe(true);
    const text = (await note.innerText()).replace(/\s+/g, ' ');
    expect(text).toMatch(/Source discrepancy: .*38%.*32%/);
    expect(await note.getAttribute('lang')).toBe('en');
    expect(await note.locator('a[href$="/s2/#s2-5-p1-pt2"]').count()).toBe(1);
    expect(await page.locator('#s1-p2-pt4-note-2').innerText()).toMatch(/^2\s+Translator's note: /);
    await page.close();
  });

  it('a marker is reached with the keyboard, names its note and moves to it; the note links back', async () => {
    const page = await open(`en/${S1}`);
    const marker = page.locator('#s1-p2-pt4-note-1-ref-en');
    expect(await marker.getAttribute('aria-label')).toBe('Note 1: Source discrepancy');
    await marker.focus();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('s1-p2-pt4-note-1-ref-en');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.hash === '#s1-p2-pt4-note-1');
    await page.locator('#s1-p2-pt4-note-1 > a').first().focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.hash === '#s1-p2-pt4-note-1-ref-en');
    // The number is drawn by CSS: copying the paragraph copies only its text.
    expect(await marker.textContent()).toBe('');
    expect(await marker.evaluate((a) => getComputedStyle(a, '::before').content)).toBe('"1"');
    await page.close();
  });

  it('notes and markers are printed', async () => {
    const page = await open(`en/${S1}`);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#s1-p2-pt4-note-1').isVisible()).toBe(true);
    expect(await page.locator('#s1-p2-pt4-note-1-ref-en').isVisible()).toBe(true);
    await page.close();
  });

  it('the Traditional page shows the discrepancy in Traditional Chinese, and no translator note', async () => {
    const page = await open(`zh-hant/${S1}`);
    const note = page.locator('#s1-p2-pt4-note-1');
    expect(await note.getAttribute('lang')).toBe('zh-Hant');
    expect(await note.innerText()).toMatch(/原文出入：原文此處稱全市上雲企業佔全省38%.*32%/);
    expect(await page.locator('.block-notes > p:not(.block-note-discrepancy)').count()).toBe(0);
    await page.close();
  });

  it.each(['en', 'zh-hans', 'zh-hant'])('axe finds nothing on the %s s1 page', async (locale) => {
    const page = await open(`${locale}/${S1}`);
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice']).setLegacyMode(true).analyze();
    expect(results.violations.flatMap((v) => v.nodes.map((n) => `[${v.id}] ${n.target.join(' ')}`))).toEqual([]);
    await page.close();
  });
});
