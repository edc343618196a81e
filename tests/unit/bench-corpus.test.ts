// The benchmark's corpus generator (scripts/bench/corpus.ts): deterministic, N replies → N folders, every reply loads and its translation is current.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { benchNumber, benchSlug, corpusReplies, findTemplates, writeCorpus } from '../../scripts/bench/corpus.ts';
import { loadContent } from '../../scripts/lib/load.ts';
import { checkTranslation } from '../../scripts/lib/qa.ts';
import { attachTranslation } from '../../scripts/lib/translations.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const GLOSSARY = join(ROOT, 'content', 'glossary.yaml');
const tmp = mkdtempSync(join(tmpdir(), 'bench-corpus-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Every file under a folder with its bytes, keyed by relative path. */
function snapshot(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string, rel: string) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (e.isDirectory()) walk(join(d, e.name), `${rel}${e.name}/`);
      else out.set(`${rel}${e.name}`, readFileSync(join(d, e.name)));
    }
  };
  walk(dir, '');
  return out;
}

describe('bench corpus generator', () => {
  const { templates, untranslated } = findTemplates(ROOT);

  it('finds the seed reply as a template', () => {
    expect(templates.map((t) => t.name)).toContain('content/replies/zhengzhou-2021-20210574');
  });

  it('writes the same bytes for the same input', () => {
    const a = writeCorpus(join(tmp, 'a'), templates, 5, GLOSSARY);
    const b = writeCorpus(join(tmp, 'b'), templates, 5, GLOSSARY);
    expect(a.digest).toBe(b.digest);
    const sa = snapshot(join(tmp, 'a'));
    const sb = snapshot(join(tmp, 'b'));
    expect([...sa.keys()]).toEqual([...sb.keys()]);
    for (const [path, bytes] of sa) expect(bytes.equals(sb.get(path)!), path).toBe(true);
    // In memory too: generating twice gives identical files.
    expect(corpusReplies(templates, 5)).toEqual(corpusReplies(templates, 5));
  });

  it('writes N reply folders named bench-0001… and the project glossary', () => {
    for (const n of [1, 3, 12]) {
      const dir = join(tmp, `n${n}`);
      writeCorpus(dir, templates, n, GLOSSARY);
      expect(readdirSync(join(dir, 'replies')).sort()).toEqual(Array.from({ length: n }, (_, i) => benchSlug(i + 1)));
      expect(readFileSync(join(dir, 'glossary.yaml')).equals(readFileSync(GLOSSARY))).toBe(true);
    }
  });

  it('varies each reply: distinct proposal numbers and source texts', () => {
    const replies = corpusReplies(templates, 4);
    expect(new Set(replies.map((r) => r.files['source.txt'])).size).toBe(4);
    replies.forEach((r, i) => expect(r.files['source.txt']).toContain(benchNumber(i + 1)));
  });

  it('takes the real published replies of the fixtures as untranslated templates', () => {
    expect(untranslated.length).toBeGreaterThanOrEqual(10);
    expect(untranslated.every((t) => t.name.startsWith('tests/fixtures/real-replies/') && t.translation === undefined)).toBe(true);
  });

  it('alternates translated and real replies, each real copy with its own proposal number', () => {
    const n = untranslated.length * 2 + 4;
    const replies = corpusReplies(templates, n, untranslated);
    replies.forEach((r, k) => {
      const i = k + 1;
      expect(r.slug).toBe(benchSlug(i));
      if (i % 2 === 1) expect(r.files['en.yaml'], r.slug).toBeDefined();
      else {
        expect(r.template).toBe(untranslated[Math.floor(k / 2) % untranslated.length]!.name);
        expect(r.files['en.yaml'], r.slug).toBeUndefined();
      }
      // A real reply states its number in the text, or the copy says it in meta.yaml.
      if (r.files['meta.yaml'] && i % 2 === 0) expect(r.files['meta.yaml']).toContain(`proposalNumber: "${benchNumber(i)}"`);
      else expect(r.files['source.txt'], r.slug).toContain(benchNumber(i));
    });
    // The real replies repeat after untranslated.length * 2 replies; copies that state a number still differ.
    const numbered = replies.filter((r) => !r.files['meta.yaml'] || r.files['en.yaml']);
    expect(new Set(numbered.map((r) => r.files['source.txt'])).size).toBe(numbered.length);
    const dir = join(tmp, 'mixed');
    writeCorpus(dir, templates, n, GLOSSARY, untranslated);
    const content = loadContent(dir, tmp);
    for (const reply of content.replies) {
      const i = Number(reply.doc.slug.slice(-4));
      expect(reply.doc.meta.proposalNumber, reply.doc.slug).toBe(benchNumber(i));
      expect(reply.doc.blocks.filter((b) => b.kind !== 'furniture' && b.kind !== 'metadata').length, reply.doc.slug).toBeGreaterThan(2);
    }
  });

  it('gives every generated reply of a translated template a translation with no missing, stale or orphaned entries', () => {
    const n = Math.max(6, templates.length * 2);
    const dir = join(tmp, 'qa');
    writeCorpus(dir, templates, n, GLOSSARY);
    const content = loadContent(dir, tmp);
    expect(content.replies).toHaveLength(n);
    for (const reply of content.replies) {
      expect(reply.translation, reply.doc.slug).toBeDefined();
      const bad = checkTranslation(reply.doc, reply.translation, reply.files.translation, content.glossary).filter((f) => ['missing', 'stale', 'orphaned', 'summary-stale'].includes(f.kind));
      expect(bad, reply.doc.slug).toEqual([]);
      const { counts } = attachTranslation(reply.doc, reply.translation);
      expect(counts.stale + counts.pending, reply.doc.slug).toBe(0);
      expect(reply.doc.meta.proposalNumber).toBe(benchNumber(Number(reply.doc.slug.slice(-4))));
    }
  });
});
