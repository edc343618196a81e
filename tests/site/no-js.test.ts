/**
 * Reading pages work without loading JavaScript: the overview and section
 * pages of every locale carry only a small inline script (the early reading-mode
 * read) and at most the site's deferred reading.js (no module, no other
 * <script src>), and the search page is the only page type that loads Pagefind.
 */
import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { BUILDS, htmlFiles } from './helpers.ts';

const { dir, base } = BUILDS.root;
const files = htmlFiles(dir);
const read = (file: string) => readFileSync(join(dir, file), 'utf8');

/** The page types, from a file's path below the build. */
const isSection = (f: string) => /^(en|zh-hans|zh-hant)\/replies\/[^/]+\/[^/]+\/index\.html$/.test(f);
const isOverview = (f: string) => /^(en|zh-hans|zh-hant)\/replies\/[^/]+\/index\.html$/.test(f);
const isSearch = (f: string) => /^(en|zh-hans|zh-hant)\/search\/index\.html$/.test(f);

interface ScriptTag { attrs: string; body: string }
const scriptsOf = (html: string): ScriptTag[] => [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)].map((m) => ({ attrs: m[1]!, body: m[2]! }));

/** Maps a URL of the site (as written in a page or a module) to a file of the build. */
function fileOfUrl(url: string, from: string): string | undefined {
  if (/^[a-z]+:|^\/\//i.test(url)) return undefined;
  const path = url.startsWith('/') ? url : posix.join(posix.dirname(from), url);
  if (!path.startsWith(base)) return undefined;
  return path.slice(base.length).split(/[?#]/)[0];
}

/** Every JavaScript a page loads (scripts, module preloads and what they import, statically or dynamically), as text. */
function javascriptOf(file: string): { sources: string[]; text: string } {
  const html = read(file);
  const pageUrl = base + file.replace(/index\.html$/, '');
  const queue: string[] = [];
  let text = '';
  for (const s of scriptsOf(html)) {
    const src = /\ssrc\s*=\s*["']?([^"'\s>]+)/i.exec(s.attrs)?.[1];
    if (src) { const f = fileOfUrl(src, pageUrl); if (f) queue.push(f); else text += `\n/* external: ${src} */`; }
    text += `\n${s.body}`;
  }
  for (const m of html.matchAll(/<link\b[^>]*rel\s*=\s*["']?modulepreload[^>]*>/gi)) {
    const href = /href\s*=\s*["']?([^"'\s>]+)/i.exec(m[0])?.[1];
    const f = href && fileOfUrl(href, pageUrl);
    if (f) queue.push(f);
  }
  const seen = new Set<string>();
  while (queue.length) {
    const f = queue.shift()!;
    if (seen.has(f) || !existsSync(join(dir, f))) continue;
    seen.add(f);
    const js = readFileSync(join(dir, f), 'utf8');
    text += `\n${js}`;
    for (const m of js.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["'`]([^"'`]+\.m?js)["'`]/g)) {
      const g = fileOfUrl(m[1]!, base + f);
      if (g) queue.push(g);
    }
  }
  return { sources: [...seen], text };
}

describe('reading pages need no JavaScript file', () => {
  const reading = files.filter((f) => isSection(f) || isOverview(f));

  it('finds the overview and section pages of all three locales', () => {
    for (const l of ['en', 'zh-hans', 'zh-hant']) {
      expect(reading.filter((f) => f.startsWith(`${l}/`) && isOverview(f)).length, `${l} overview pages`).toBeGreaterThan(0);
      expect(reading.filter((f) => f.startsWith(`${l}/`) && isSection(f)).length, `${l} section pages`).toBeGreaterThan(0);
    }
  });

  it.each(reading)('%s has no module script, no <script src> and only small inline scripts', (file) => {
    const html = read(file);
    const scripts = scriptsOf(html);
    // One classic, deferred script file is allowed: the site's own reading.js (reading mode, search highlight, cite
    // links), cached across pages instead of inlined into each; the pages read and link without it.
    const external = scripts.filter((s) => /\bsrc\s*=/i.test(s.attrs));
    expect(external.filter((s) => !/\bdefer\b/.test(s.attrs) || !new RegExp(`src="${base}reading\\.js"`).test(s.attrs)).map((s) => `<script${s.attrs}>`), 'script src other than a deferred reading.js').toEqual([]);
    expect(external.length, 'at most one script file').toBeLessThanOrEqual(1);
    if (external.length) expect(readFileSync(join(dir, 'reading.js')).length, 'reading.js stays small').toBeLessThanOrEqual(4096);
    expect(scripts.filter((s) => /type\s*=\s*["']?module/i.test(s.attrs)).map((s) => `<script${s.attrs}>`), 'module scripts').toEqual([]);
    expect(html, 'module preload').not.toMatch(/rel\s*=\s*["']?modulepreload/i);
    expect(html, 'Pagefind').not.toMatch(/pagefind[\w-]*\.js/i);
    // The reading options (with their early localStorage read), the search highlight and the language switcher: each a few hundred bytes.
    const large = scripts.filter((s) => Buffer.byteLength(s.body) > 2048).map((s) => `${Buffer.byteLength(s.body)} bytes: ${s.body.trim().slice(0, 80)}…`);
    expect(large, 'inline scripts over 2 KB').toEqual([]);
  });
});

describe('only the search page loads Pagefind', () => {
  it.each(files)('%s', (file) => {
    const { sources, text } = javascriptOf(file);
    const loadsPagefind = /pagefind(?:[\w-]*)\.js|pagefind\//i.test(text);
    if (isSearch(file)) expect(loadsPagefind, `the search page must load Pagefind (scripts: ${sources.join(', ') || 'none'})`).toBe(true);
    else expect(loadsPagefind, `only search pages may load Pagefind (scripts: ${sources.join(', ') || 'inline only'})`).toBe(false);
  });
});
