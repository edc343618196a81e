// content/site.yaml: what makes the site one issuer's. Valid files load with zh-hant filled in; each broken one stops prepare with one line.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSiteConfig, localizeSiteConfig } from '../../scripts/lib/site-config.ts';
import { prepareContent } from '../../scripts/lib/prepare-content.ts';
import { toTraditional } from '../../scripts/lib/hant.ts';
import { glossaryJson, figuresJson, glossaryTbx } from '../../scripts/lib/exports.ts';
import { copy, errorLine, fixtureDir, rel, ROOT, tempDir } from './helpers.ts';

const DIR = fixtureDir('site-config');
const fileOf = (name: string) => join(DIR, name, 'site.yaml');
const load = (name: string) => loadSiteConfig(fileOf(name), rel(fileOf(name)));
const FIX = 'so that it matches the schema described in README.md';

describe('a valid site.yaml', () => {
  it('gives every text in all three locales, zh-hant converted from zh-hans when absent', () => {
    const settings = localizeSiteConfig(load('valid'));
    expect(settings.name).toEqual({ en: 'Policy Replies, Gaoping', 'zh-hans': '高平建议提案答复', 'zh-hant': toTraditional('高平建议提案答复') });
    expect(settings.name['zh-hant']).toBe('高平建議提案答覆');
    expect(settings.region['zh-hant']).toBe('高平市');
    expect(settings.description['zh-hant']).toBe(toTraditional('高平市政府部门对建议和提案的答复。'));
    expect(settings.contact).toEqual({ en: "Gaoping Municipal People's Government Office", 'zh-hans': '高平市人民政府办公室', 'zh-hant': '高平市人民政府辦公室' });
    expect(settings.statusPage).toBe(true);
  });

  it('keeps a zh-hant text that is given, and a switch that is set', () => {
    const settings = localizeSiteConfig(load('with-hant'));
    expect(settings.name['zh-hant']).toBe('提案答復（自訂）');
    expect(settings.description['zh-hant']).toBe('答覆。');
    expect(settings.contact).toBeUndefined();
    expect(settings.statusPage).toBe(false);
  });

  it('lists other shards to search, names in every locale, base URLs as given; none by default', () => {
    const settings = localizeSiteConfig(load('shards'));
    expect(settings.searchShards).toEqual([
      { name: { en: 'Replies of 2020', 'zh-hans': '2020年答复', 'zh-hant': toTraditional('2020年答复') }, url: '/archive-2020/' },
      { name: { en: 'Provincial replies', 'zh-hans': '省级答复', 'zh-hant': '省級答覆' }, url: 'https://replies.example.org/province/' },
    ]);
    expect(localizeSiteConfig(load('valid')).searchShards).toEqual([]);
  });

  it("the repository's own content/site.yaml is valid", () => {
    const settings = localizeSiteConfig(loadSiteConfig(join(ROOT, 'content', 'site.yaml')));
    for (const text of [settings.name, settings.description, settings.region]) for (const value of Object.values(text)) expect(value.trim()).not.toBe('');
  });
});

describe('a broken site.yaml is one line: file, key, problem, fix', () => {
  it('a missing required text', () => {
    expect(errorLine(() => load('missing-name'))).toBe(`tests/fixtures/site-config/missing-name/site.yaml [name]: site settings: missing: give it in en and zh-hans (zh-hant is converted when absent). Fix: correct \`name\` ${FIX}`);
  });
  it('an empty text', () => {
    expect(errorLine(() => load('empty-name'))).toBe(`tests/fixtures/site-config/empty-name/site.yaml [name.en]: site settings: empty text. Fix: correct \`name.en\` ${FIX}`);
  });
  it('an unknown key', () => {
    expect(errorLine(() => load('unknown-key'))).toBe('tests/fixtures/site-config/unknown-key/site.yaml [city]: site settings: Unrecognized key: "city". Fix: remove or rename `city` (see the schema described in README.md)');
  });
  it('YAML that does not parse names the line', () => {
    expect(errorLine(() => load('bad-yaml'))).toBe('tests/fixtures/site-config/bad-yaml/site.yaml:4: invalid YAML (Nested mappings are not allowed in compact mappings). Fix: fix the indentation or quoting on that line (a YAML linter helps)');
  });
  it('a list instead of a mapping', () => {
    expect(errorLine(() => load('list'))).toBe(`tests/fixtures/site-config/list/site.yaml [(top level)]: site settings: Invalid input: expected object, received array. Fix: correct \`(top level)\` ${FIX}`);
  });
  it('a shard URL that is not a base URL names the key and the form to give', () => {
    expect(errorLine(() => load('shard-bad-url'))).toBe(
      'tests/fixtures/site-config/shard-bad-url/site.yaml [searchShards.0.url]: site settings: not a base URL ending with /. Fix: set `searchShards.0.url` to the base URL the other shard was built for, ending with /: a path on this host such as /archive-2020/, or https://other.example.org/replies/',
    );
  });
  it.each(['/archive-2020', 'archive-2020/', '//cdn.example.org/x/', 'ftp://example.org/x/', '/a/?q=1', 'https://example.org/a/#x', 'https://example.org'])('rejects the shard URL %s', (url) => {
    const { dir, cleanup } = tempDir('site-config');
    try {
      const file = join(dir, 'site.yaml');
      writeFileSync(file, readFileSync(fileOf('shard-bad-url'), 'utf8').replace('url: archive-2020', `url: "${url}"`));
      expect(errorLine(() => loadSiteConfig(file, 'site.yaml'))).toMatch(/^site\.yaml \[searchShards\.0\.url\]: site settings: not a base URL ending with \/\. Fix: set `searchShards\.0\.url` to /);
    } finally {
      cleanup();
    }
  });
  it.each(['/', '/archive-2020/', 'https://example.org/', 'http://127.0.0.1:4321/shard-b/'])('accepts the shard URL %s', (url) => {
    const { dir, cleanup } = tempDir('site-config');
    try {
      const file = join(dir, 'site.yaml');
      writeFileSync(file, readFileSync(fileOf('shard-bad-url'), 'utf8').replace('url: archive-2020', `url: "${url}"`));
      expect(loadSiteConfig(file, 'site.yaml').searchShards[0]!.url).toBe(url);
    } finally {
      cleanup();
    }
  });
  it('no file at all', () => {
    expect(errorLine(() => load('missing'))).toBe('tests/fixtures/site-config/missing/site.yaml: the site settings file is missing. Fix: create it with the name, description and region of the site in en and zh-hans (see "Site settings" in README.md)');
  });

  it('prepare stops on a broken site.yaml before reading any reply, and writes nothing', () => {
    const { dir, cleanup } = tempDir('site-config');
    try {
      copy(join(ROOT, 'content'), join(dir, 'content'));
      copy(fileOf('unknown-key'), join(dir, 'content', 'site.yaml'));
      const out = join(dir, 'generated');
      expect(errorLine(() => prepareContent(join(dir, 'content'), out))).toMatch(/site\.yaml \[city\]: site settings: Unrecognized key: "city"\. Fix: /);
      expect(existsSync(out)).toBe(false);
    } finally {
      cleanup();
    }
  });
});

describe('the exports name the site from site.yaml', () => {
  it('glossary JSON, TBX and figures JSON carry the given name, never a hard-coded city', () => {
    const name = 'Policy Replies, Gaoping';
    expect(JSON.parse(glossaryJson([], name)).description).toContain(`(${name})`);
    expect(JSON.parse(figuresJson([], name)).description).toContain(`(${name})`);
    expect(glossaryTbx([], { siteName: name })).toContain(`from ${name} (`);
    for (const text of [glossaryJson([]), figuresJson([]), glossaryTbx([])]) expect(text).not.toContain('Zhengzhou');
  });
});
