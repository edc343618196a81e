/**
 * The benchmark corpus: N reply folders derived deterministically from the
 * seed reply (and from fixture replies that carry a translation), plus the
 * project glossary, written as a content folder the build can read.
 *
 * Variation per reply i (1-based), chosen so that translation QA stays clean:
 *  - the proposal number becomes `2021` + i (4 digits) everywhere it occurs:
 *    source.txt, meta.yaml (proposalNumber, title) and en.yaml (title,
 *    executive, block texts) — the number QA sees the same figure on both sides;
 *  - the addressee of the salutation (尊敬的…委员:) becomes one of a fixed list
 *    of names, with its pinyin in the English salutation;
 *  - every translation hash that was current for the template (block `source`,
 *    section summaries, executive summary) is recomputed with the project's own
 *    hashText/sectionHash for the varied Chinese, so nothing turns stale.
 * Same templates and N → same bytes. Nothing here reads the clock or Math.random.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, copyFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { parse as parseYamlText, stringify } from 'yaml';
import { decodeSource } from '../lib/decode.ts';
import { parseReply } from '../lib/parse.ts';
import { loadTranslation, sectionHash } from '../lib/translations.ts';
import { formatTranslationFile } from '../lib/translation-file.ts';
import { checkTranslation, checkQuotedPhrases } from '../lib/qa.ts';
import { loadGlossary } from '../lib/glossary.ts';
import type { TranslationFile } from '../lib/schemas.ts';
import type { ReplyDocument } from '../lib/model.ts';

/** A reply the corpus is made from: its three files as text. */
export interface Template {
  name: string;
  source: string;
  meta?: string;
  translation: string;
}

/** One generated reply folder. */
export interface GeneratedReply {
  slug: string;
  template: string;
  files: { 'source.txt': string; 'meta.yaml'?: string; 'en.yaml': string };
}

/** Addressees for the salutation: Chinese name and its pinyin as the English salutation spells it. */
const NAMES: [string, string][] = [
  ['王建国', 'Wang Jianguo'], ['李红梅', 'Li Hongmei'], ['张志强', 'Zhang Zhiqiang'], ['刘海燕', 'Liu Haiyan'], ['陈立新', 'Chen Lixin'],
  ['杨文华', 'Yang Wenhua'], ['赵春生', 'Zhao Chunsheng'], ['黄丽娟', 'Huang Lijuan'], ['周永明', 'Zhou Yongming'], ['吴秀兰', 'Wu Xiulan'],
  ['徐国庆', 'Xu Guoqing'], ['孙慧敏', 'Sun Huimin'], ['胡德胜', 'Hu Desheng'], ['朱晓东', 'Zhu Xiaodong'], ['高玉兰', 'Gao Yulan'],
  ['林振华', 'Lin Zhenhua'], ['何建平', 'He Jianping'], ['郭淑珍', 'Guo Shuzhen'], ['马卫东', 'Ma Weidong'], ['罗红霞', 'Luo Hongxia'],
];

export const SLUG_PREFIX = 'bench-';

/** The slug of the i-th generated reply (1-based). */
export function benchSlug(i: number): string {
  return `${SLUG_PREFIX}${String(i).padStart(4, '0')}`;
}

/** The proposal number of the i-th generated reply: 2021 followed by i on 4 digits. */
export function benchNumber(i: number): string {
  return `2021${String(i).padStart(4, '0')}`;
}

function readText(path: string): string {
  return decodeSource(readFileSync(path), path).text;
}

function readTemplate(dir: string, name: string): Template | undefined {
  const source = ['source.txt', 'input.txt'].map((f) => join(dir, f)).find((p) => existsSync(p));
  const tr = join(dir, 'en.yaml');
  if (!source || !existsSync(tr)) return undefined;
  const meta = join(dir, 'meta.yaml');
  return { name, source: readText(source), meta: existsSync(meta) ? readFileSync(meta, 'utf8') : undefined, translation: readFileSync(tr, 'utf8') };
}

/** Why a candidate template was not used (reported by the bench). */
export interface SkippedTemplate { name: string; reason: string }

/**
 * The templates: the seed reply(s) of `contentDir`, then fixture replies with a
 * translation under tests/fixtures/replies and tests/fixtures/parse whose
 * translation has no missing, stale or orphaned entry against `glossaryPath`.
 * Sorted by name, so the order never depends on the file system.
 */
export function findTemplates(root: string, contentDir = join(root, 'content')): { templates: Template[]; skipped: SkippedTemplate[] } {
  const templates: Template[] = [];
  const skipped: SkippedTemplate[] = [];
  const glossary = loadGlossary(readFileSync(join(contentDir, 'glossary.yaml'), 'utf8'), 'glossary.yaml');
  const candidates: { dir: string; name: string; seed: boolean }[] = [];
  const list = (base: string, prefix: string, seed: boolean) => {
    if (!existsSync(base)) return;
    for (const n of readdirSync(base).sort()) {
      const dir = join(base, n);
      if (!n.startsWith('.') && statSync(dir).isDirectory()) candidates.push({ dir, name: `${prefix}${n}`, seed });
    }
  };
  list(join(contentDir, 'replies'), 'content/replies/', true);
  list(join(root, 'tests', 'fixtures', 'replies'), 'tests/fixtures/replies/', false);
  list(join(root, 'tests', 'fixtures', 'parse'), 'tests/fixtures/parse/', false);
  for (const c of candidates) {
    const t = readTemplate(c.dir, c.name);
    if (!t) {
      if (c.seed) skipped.push({ name: c.name, reason: 'no en.yaml' });
      continue;
    }
    try {
      const doc = parseTemplate(t, 'template');
      const tr = loadTranslation(t.translation, `${c.name}/en.yaml`);
      const bad = checkTranslation(doc, tr, 'en.yaml', glossary).filter((f) => ['missing', 'stale', 'orphaned', 'summary-stale'].includes(f.kind));
      if (bad.length) {
        skipped.push({ name: c.name, reason: `${bad.length} missing/stale/orphaned translation entries` });
        continue;
      }
      // A template whose quoted phrases the glossary does not cover would add findings to every copy.
      const quotes = checkQuotedPhrases(doc, glossary, 'source.txt');
      if (!c.seed && quotes.length) {
        skipped.push({ name: c.name, reason: `${quotes.length} quoted phrases not in the glossary` });
        continue;
      }
      templates.push(t);
    } catch (error) {
      skipped.push({ name: c.name, reason: `does not load: ${(error as Error).message.split('\n')[0]}` });
    }
  }
  if (templates.length === 0) throw new Error(`no reply with a translation to build the corpus from (skipped: ${skipped.map((s) => `${s.name}: ${s.reason}`).join('; ')})`);
  return { templates, skipped };
}

function metaOf(t: Template): Record<string, unknown> | undefined {
  return t.meta ? (parseYamlText(t.meta) as Record<string, unknown>) : undefined;
}

function parseTemplate(t: Template, slug: string, metaText = t.meta): ReplyDocument {
  const meta = metaText ? (parseYamlText(metaText) as Record<string, any>) : undefined;
  return parseReply(t.source, { slug, file: 'source.txt', meta: meta ? { ...meta, title: meta.title?.zh ? { zh: meta.title.zh, en: meta.title.en } : undefined } : undefined });
}

/** The proposal number the template uses: meta.yaml's, else the one the text gives (…号提案). */
function templateNumber(t: Template): string | undefined {
  const fromMeta = metaOf(t)?.proposalNumber;
  if (typeof fromMeta === 'string' && fromMeta) return fromMeta;
  return /(\d{6,})号提案/.exec(t.source)?.[1];
}

const replaceAll = (s: string, from: string | undefined, to: string) => (from ? s.split(from).join(to) : s);

/** Generates reply i (1-based) from a template; pure. */
export function varyReply(t: Template, i: number): GeneratedReply {
  const slug = benchSlug(i);
  const oldNumber = templateNumber(t);
  const newNumber = benchNumber(i);
  const [nameZh, nameEn] = NAMES[(i - 1) % NAMES.length]!;

  // Chinese: proposal number and addressee.
  const oldDoc = parseTemplate(t, slug);
  let source = replaceAll(t.source, oldNumber, newNumber);
  const salutation = oldDoc.blocks.find((b) => b.kind === 'salutation');
  const sal = salutation ? /^尊敬的(\p{Script=Han}{2,4})(委员|代表)([:：])$/u.exec(salutation.zh) : null;
  const tr: TranslationFile = loadTranslation(t.translation, `${t.name}/en.yaml`);
  const salEntry = salutation ? tr.blocks[salutation.id] : undefined;
  const salEn = salEntry ? /^(Dear (?:Member|Deputy) )(.+?)(:)$/.exec(salEntry.text) : null;
  if (salutation && sal && salEntry && salEn) {
    source = source.replace(salutation.zh, `尊敬的${nameZh}${sal[2]}${sal[3]}`);
  }

  // meta.yaml: number and title follow the new number.
  let metaText: string | undefined;
  const meta = metaOf(t);
  if (meta) {
    const m = structuredClone(meta) as Record<string, any>;
    if (typeof m.proposalNumber === 'string') m.proposalNumber = newNumber;
    if (m.title?.zh) m.title.zh = replaceAll(m.title.zh, oldNumber, newNumber);
    if (m.title?.en) m.title.en = replaceAll(m.title.en, oldNumber, newNumber);
    if (typeof m.addressee === 'string' && sal) m.addressee = nameZh;
    if (typeof m.notes === 'string') m.notes = `Benchmark copy ${i} of ${t.name}; generated by scripts/bench/corpus.ts.`;
    metaText = `# Benchmark reply generated by scripts/bench/corpus.ts from ${t.name}.\n${stringify(m, { lineWidth: 0 })}`;
  }
  const newDoc = parseTemplate({ ...t, source }, slug, metaText);

  // en.yaml: same number, new salutation, and every hash that was current recomputed.
  const oldById = new Map(oldDoc.blocks.map((b) => [b.id, b]));
  const newById = new Map(newDoc.blocks.map((b) => [b.id, b]));
  const out: TranslationFile = {
    language: tr.language,
    title: tr.title === undefined ? undefined : replaceAll(tr.title, oldNumber, newNumber),
    executive: tr.executive && {
      source: tr.executive.source === oldDoc.sourceHash ? newDoc.sourceHash : tr.executive.source,
      text: replaceAll(tr.executive.text, oldNumber, newNumber),
    },
    sections: Object.fromEntries(
      Object.entries(tr.sections).map(([id, s]) => [id, { source: s.source === sectionHash(oldDoc, id) ? sectionHash(newDoc, id) : s.source, summary: replaceAll(s.summary, oldNumber, newNumber) }]),
    ),
    blocks: Object.fromEntries(
      Object.entries(tr.blocks).map(([id, e]) => {
        const current = oldById.get(id)?.hash === e.source && newById.has(id);
        let text = replaceAll(e.text, oldNumber, newNumber);
        let note = e.note;
        if (salutation && id === salutation.id && sal && salEn) {
          text = `${salEn[1]}${nameEn}${salEn[3]}`;
          note = undefined;
        }
        const entry: TranslationFile['blocks'][string] = { source: current ? newById.get(id)!.hash : e.source, text };
        if (note !== undefined) entry.note = note;
        return [id, entry];
      }),
    ),
  };
  if (out.title === undefined) delete out.title;
  if (out.executive === undefined) delete out.executive;
  return { slug, template: t.name, files: { 'source.txt': source, ...(metaText ? { 'meta.yaml': metaText } : {}), 'en.yaml': formatTranslationFile(out, slug) } };
}

/** The replies of a corpus of size n: reply i comes from template (i-1) mod templates. */
export function corpusReplies(templates: Template[], n: number): GeneratedReply[] {
  return Array.from({ length: n }, (_, k) => varyReply(templates[k % templates.length]!, k + 1));
}

/** Writes a content folder (replies/ + glossary.yaml + site.yaml) for n replies into `outDir`, replacing it; returns a digest of every byte written. */
export function writeCorpus(outDir: string, templates: Template[], n: number, glossaryPath: string): { digest: string; replies: number; bytes: number } {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(join(outDir, 'replies'), { recursive: true });
  copyFileSync(glossaryPath, join(outDir, 'glossary.yaml'));
  // The site's settings (name, description) come with the glossary: prepare needs content/site.yaml.
  const siteYaml = join(dirname(glossaryPath), 'site.yaml');
  if (existsSync(siteYaml)) copyFileSync(siteYaml, join(outDir, 'site.yaml'));
  const hash = createHash('sha256').update(readFileSync(glossaryPath));
  let bytes = statSync(glossaryPath).size;
  for (const reply of corpusReplies(templates, n)) {
    const dir = join(outDir, 'replies', reply.slug);
    mkdirSync(dir);
    for (const [name, text] of Object.entries(reply.files)) {
      if (text === undefined) continue;
      writeFileSync(join(dir, name), text);
      hash.update(`${reply.slug}/${name}\0${text}\0`);
      bytes += Buffer.byteLength(text);
    }
  }
  return { digest: hash.digest('hex').slice(0, 16), replies: n, bytes };
}
