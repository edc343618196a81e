/**
 * A static link checker over both builds (root and /policy/): every href, src,
 * form action and meta-refresh URL of every HTML file (and every url() of the
 * stylesheets) resolves to a file of the build, every #fragment to an id of
 * the target page, nothing leaves the base path, and nothing points outside
 * the site (no http/https URL at all: SITE is not set in the tests, so even
 * the hreflang alternates must be site-relative).
 */
import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, extname } from 'node:path';
import { BUILDS, htmlFiles } from './helpers.ts';

const ORIGIN = 'http://site.test';

/** Decodes the character references that can appear in attribute values. */
function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|amp|quot|apos|lt|gt|nbsp);/gi, (_, ref: string) => {
    const r = ref.toLowerCase();
    if (r.startsWith('#x')) return String.fromCodePoint(parseInt(r.slice(2), 16));
    if (r.startsWith('#')) return String.fromCodePoint(parseInt(r.slice(1), 10));
    return ({ amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', nbsp: '\u00a0' } as Record<string, string>)[r]!;
  });
}

/** Start tags: [whole, name, attributes]; quoted attribute values may contain '>'. */
const tags = (html: string) => html.matchAll(/<([a-zA-Z][\w:-]*)((?:\s+[^\s"'>\/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*\/?>/g);

/** The attributes of a start tag, in order, with decoded values. */
function attrsOf(source: string): [string, string][] {
  return [...source.matchAll(/([^\s"'>\/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g)].map((m) => [m[1]!.toLowerCase(), decodeEntities(m[2] ?? m[3] ?? m[4] ?? '')]);
}

interface Ref { attr: string; value: string; tag: string }

/** Every URL-bearing attribute of a page (scripts' and comments' contents excluded: they are not markup). */
function extractRefs(html: string): Ref[] {
  const markup = html.replace(/<!--[\s\S]*?-->/g, '').replace(/(<script\b[^>]*>)[\s\S]*?(<\/script>)/gi, '$1$2').replace(/(<style\b[^>]*>)[\s\S]*?(<\/style>)/gi, '$1$2');
  const refs: Ref[] = [];
  for (const tag of tags(markup)) {
    const name = tag[1]!.toLowerCase();
    const attrs = attrsOf(tag[2] ?? '');
    for (const [attr, raw] of attrs) {
      if (!['href', 'xlink:href', 'src', 'action', 'poster', 'data', 'formaction', 'srcset', 'content'].includes(attr)) continue;
      if (attr === 'data' && name !== 'object') continue;
      if (attr === 'content') {
        // Only a meta refresh carries a URL in content=.
        if (name !== 'meta' || !attrs.some(([n, v]) => n === 'http-equiv' && v.toLowerCase() === 'refresh')) continue;
        const url = /url\s*=\s*['"]?([^'"]+)/i.exec(raw)?.[1];
        if (url) refs.push({ attr: 'refresh', value: url.trim(), tag: name });
        continue;
      }
      if (attr === 'srcset') {
        for (const part of raw.split(',')) { const u = part.trim().split(/\s+/)[0]; if (u) refs.push({ attr, value: u, tag: name }); }
        continue;
      }
      refs.push({ attr, value: raw.trim(), tag: name });
    }
  }
  return refs;
}

/** The ids (and a[name] anchors) of a page. */
function idsOf(html: string): Set<string> {
  const ids = new Set<string>();
  for (const tag of tags(html.replace(/<!--[\s\S]*?-->/g, ''))) {
    for (const [name, value] of attrsOf(tag[2] ?? '')) {
      if (name === 'id' || (name === 'name' && tag[1]!.toLowerCase() === 'a')) ids.add(value);
    }
  }
  return ids;
}

/** Every stylesheet of a build. */
function cssFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string, rel: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p, `${rel}${name}/`);
      else if (name.endsWith('.css')) out.push(`${rel}${name}`);
    }
  };
  walk(dir, '');
  return out;
}

/** The URL path under which a file of the build is served. */
function pageUrl(base: string, file: string): string {
  const path = file.split('\\').join('/');
  return base + (path === 'index.html' ? '' : path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path);
}

function checkBuild(which: keyof typeof BUILDS): { problems: string[]; checked: number } {
  const { dir, base } = BUILDS[which];
  const files = htmlFiles(dir);
  const problems: string[] = [];
  const idCache = new Map<string, Set<string>>();
  const ids = (file: string) => {
    if (!idCache.has(file)) idCache.set(file, idsOf(readFileSync(join(dir, file), 'utf8')));
    return idCache.get(file)!;
  };
  let checked = 0;

  const check = (source: string, from: string, ref: Ref, { is404 = false } = {}) => {
    const { value, attr, tag } = ref;
    const where = `${source}: <${tag} ${attr}="${value}">`;
    if (value === '' ) return problems.push(`${where}: empty URL`);
    if (/^(mailto|tel):/i.test(value)) return;
    if (/^(javascript|vbscript):/i.test(value)) return problems.push(`${where}: script URL`);
    if (/^data:/i.test(value)) return;
    checked++;
    if (/^[a-z][a-z0-9+.-]*:/i.test(value) || value.startsWith('//')) return problems.push(`${where}: external URL (SITE is not set, so no absolute URL may appear)`);
    if (value.startsWith('/') && !value.startsWith(base)) return problems.push(`${where}: escapes the base path ${base}`);
    // 404.html is served at any missing URL, at any depth: a relative URL there points somewhere different on each request.
    if (is404 && !value.startsWith('/') && !value.startsWith('#')) return problems.push(`${where}: relative URL in 404.html (it is served at arbitrary paths, so relative URLs break)`);
    const target = new URL(value, ORIGIN + from);
    let path: string;
    try { path = decodeURIComponent(target.pathname); } catch { return problems.push(`${where}: undecodable path`); }
    if (!path.startsWith(base)) return problems.push(`${where}: resolves to ${path}, outside the base path ${base}`);
    let file = path.slice(base.length);
    const full = join(dir, file);
    if (file === '' || file.endsWith('/')) file += 'index.html';
    else if (existsSync(full) && statSync(full).isDirectory()) return problems.push(`${where}: ${path} is a folder linked without its trailing slash`);
    if (!existsSync(join(dir, file))) return problems.push(`${where}: ${path} does not exist in the build (${file})`);
    if (target.hash.length > 1) {
      if (extname(file) !== '.html') return;
      let fragment: string;
      try { fragment = decodeURIComponent(target.hash.slice(1)); } catch { return problems.push(`${where}: undecodable fragment`); }
      if (!ids(file).has(fragment)) problems.push(`${where}: no id="${fragment}" in ${file}`);
    }
  };

  for (const file of files) {
    const html = readFileSync(join(dir, file), 'utf8');
    const from = pageUrl(base, file);
    for (const ref of extractRefs(html)) check(file, from, ref, { is404: file === '404.html' });
  }
  for (const css of cssFiles(dir)) {
    const text = readFileSync(join(dir, css), 'utf8');
    for (const m of text.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)/g)) {
      const value = m[1] ?? m[2] ?? m[3] ?? '';
      if (value.startsWith('#') || /^data:/i.test(value)) continue;
      check(css, base + css, { attr: 'url()', value, tag: 'css' });
    }
  }
  return { problems, checked };
}

describe.each(Object.keys(BUILDS) as (keyof typeof BUILDS)[])('links of the %s build', (which) => {
  it(`every internal URL resolves to a file and fragment of the build under ${BUILDS[which].base}, and no URL leaves the site`, () => {
    const { problems, checked } = checkBuild(which);
    expect(checked, 'the checker found URLs to check').toBeGreaterThan(100);
    expect(problems, `${problems.length} broken or escaping URLs in ${BUILDS[which].dir}:\n${[...new Set(problems)].join('\n')}`).toEqual([]);
  });
});
