/**
 * Reading a long section on a phone (issue #17's "done when"): serves a build,
 * opens a section page in Chromium at 390×844 (touch), and reports the page
 * height in the default reading mode (side by side) and in English only, and
 * where a subsection starts after a tap on its contents entry.
 *
 *   node scripts/bench/phone-reading.ts [dist] [en/replies/<slug>/s2/] [s2-7]
 */
import { chromium } from 'playwright-core';
import { serveStatic } from '../lib/static-server.ts';

const [dir = 'dist', path = 'en/replies/zhengzhou-2021-20210574/s2/', target = 's2-7'] = process.argv.slice(2);
const server = await serveStatic(dir, '/');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.goto(server.url + path, { waitUntil: 'load' });
  const height = () => page.evaluate(() => document.documentElement.scrollHeight);
  const both = await height();
  const entry = page.locator(`#contents a[href="#${target}"]`);
  const hasEntry = (await entry.count()) > 0;
  let after: { top: number; screen: number } | null = null;
  if (hasEntry) {
    await entry.tap();
    await page.waitForFunction((id) => location.hash === `#${id}`, target);
    after = await page.evaluate((id) => ({ top: Math.round(document.getElementById(id)!.getBoundingClientRect().top), screen: innerHeight }), target);
  }
  await page.evaluate(() => { document.documentElement.dataset.reading = 'en'; });
  const englishOnly = await height();
  console.log(`${path} at 390×844: ${both} px side by side (default), ${englishOnly} px English only`);
  console.log(after ? `tap on the contents entry of #${target}: it starts ${after.top} px from the top of a ${after.screen} px screen` : `no contents entry for #${target}`);
} finally {
  await browser.close();
  await server.close();
}
