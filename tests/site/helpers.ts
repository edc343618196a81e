/** Shared plumbing for tests over the built site: serving a build and driving Debian's Chromium. */
import { chromium, type Browser } from 'playwright-core';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { serveStatic, type RunningServer } from '../../scripts/lib/static-server.ts';
import { BUILDS } from '../global-setup.ts';

export { BUILDS };

/** The Chromium the machine has (apt package `chromium`); tests never download a browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Launches headless Chromium with the flags this closed network needs. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/** Serves one of the two test builds under its base path. */
export function serveBuild(which: keyof typeof BUILDS): Promise<RunningServer> {
  return serveStatic(BUILDS[which].dir, BUILDS[which].base);
}

/** Every HTML file of a build, relative to its folder. */
export function htmlFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.html')) out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out.sort();
}

/** One page of each type in each locale: what the accessibility and browser tests visit. */
export function pageTypes(slug = 'zhengzhou-2021-20210574', term = 'mu-jun-lun-ying-xiong'): string[] {
  return ['en', 'zh-hans', 'zh-hant'].flatMap((l) => [
    `${l}/`,
    `${l}/replies/${slug}/`,
    `${l}/replies/${slug}/s2/`,
    `${l}/glossary/`,
    `${l}/glossary/${term}/`,
    `${l}/figures/`,
    `${l}/figures/${slug}/`,
    `${l}/about/`,
    `${l}/status/`,
    `${l}/search/?q=${encodeURIComponent('专精特新')}`,
  ]);
}
