/**
 * The benchmark corpus: N reply folders derived deterministically from the
 * seed reply (and from fixture replies that carry a translation) and from the
 * real published replies kept as test fixtures (tests/fixtures/real-replies,
 * untranslated: other departments, vocabularies, furniture and structures),
 * plus the project glossary, written as a content folder the build can read.
 * Odd-numbered replies come from the translated templates, even-numbered ones
 * from the real replies, so the index grows with genuinely different text and
 * half of the corpus shows pending translations, as a growing site does.
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
import { addresseeHash, loadTranslation, sectionHash } from '../lib/translations.ts';
import { formatTranslationFile } from '../lib/translation-file.ts';
import { checkTranslation, checkQuotedPhrases } from '../lib/qa.ts';
import { loadGlossary } from '../lib/glossary.ts';
import type { TranslationFile } from '../lib/schemas.ts';
import type { ReplyDocument } from '../lib/model.ts';

/** A reply the corpus is made from: its files as text (`translation` absent for a real reply not yet translated). */
export interface Template {
  name: string;
  source: string;
  meta?: string;
  translation?: string;
}

/** One generated reply folder. */
export interface GeneratedReply {
  slug: string;
  template: string;
  files: { 'source.txt': string; 'meta.yaml'?: string; 'en.yaml'?: string };
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
export function findTemplates(root: string, contentDir = join(root, 'content')): { templates: Template[]; untranslated: Template[]; skipped: SkippedTemplate[] } {
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
      const tr = loadTranslation(t.translation!, `${c.name}/en.yaml`);
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
  return { templates, untranslated: realTemplates(root, skipped), skipped };
}

/** The real published replies kept as fixtures (source.txt verbatim, no translation), sorted by name; those that do not parse are skipped with the reason. */
function realTemplates(root: string, skipped: SkippedTemplate[]): Template[] {
  const base = join(root, 'tests', 'fixtures', 'real-replies');
  if (!existsSync(base)) return [];
  const out: Template[] = [];
  for (const n of readdirSync(base).sort()) {
    const file = join(base, n, 'source.txt');
    if (!existsSync(file)) continue;
    const t: Template = { name: `tests/fixtures/real-replies/${n}`, source: readText(file) };
    try {
      parseTemplate(t, 'template');
      out.push(t);
    } catch (error) {
      skipped.push({ name: t.name, reason: `does not load: ${(error as Error).message.split('\n')[0]}` });
    }
  }
  return out;
}

function metaOf(t: Template): Record<string, unknown> | undefined {
  return t.meta ? (parseYamlText(t.meta) as Record<string, unknown>) : undefined;
}

function parseTemplate(t: Template, slug: string, metaText = t.meta): ReplyDocument {
  const meta = metaText ? (parseYamlText(metaText) as Record<string, any>) : undefined;
  return parseReply(t.source, { slug, file: 'source.txt', meta: meta ? { ...meta, title: meta.title?.zh ? { zh: meta.title.zh, en: meta.title.en } : undefined } : undefined });
}

/** The proposal number the template uses: meta.yaml's, else the one the parser reads from the text (…号提案, 第71号建议 …). */
function templateNumber(t: Template): string | undefined {
  const fromMeta = metaOf(t)?.proposalNumber;
  if (typeof fromMeta === 'string' && fromMeta) return fromMeta;
  return parseTemplate(t, 'template').meta.proposalNumber;
}

const replaceAll = (s: string, from: string | undefined, to: string) => (from ? s.split(from).join(to) : s);

/**
 * Generates reply i (1-based) from an untranslated real reply: the proposal number,
 * where the text states it (第71号, 71号建议), becomes reply i's; a reply whose text
 * states no number gets it from a meta.yaml, as an editor would write one. Pure.
 */
function varyUntranslated(t: Template, i: number): GeneratedReply {
  const oldNumber = templateNumber(t);
  const newNumber = benchNumber(i);
  if (!oldNumber) {
    const meta = `# Benchmark reply generated by scripts/bench/corpus.ts from ${t.name}.\nproposalNumber: "${newNumber}"\n`;
    return { slug: benchSlug(i), template: t.name, files: { 'source.txt': t.source, 'meta.yaml': meta } };
  }
  const source = t.source.replace(new RegExp(`(?<![0-9A-Za-z])${oldNumber.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=\\s*号)`, 'g'), newNumber);
  return { slug: benchSlug(i), template: t.name, files: { 'source.txt': source } };
}

/** Generates reply i (1-based) from a template; pure. */
export function varyReply(t: Template, i: number): GeneratedReply {
  if (t.translation === undefined) return varyUntranslated(t, i);
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
  // The addressee's English follows the salutation: the new name where the salutation was varied, and its hash recomputed when current.
  const addressee = tr.meta?.addressee;
  if (addressee) {
    const current = addressee.source === addresseeHash(oldDoc) && addresseeHash(newDoc) !== undefined;
    const varied = salutation && sal && salEn && addressee.text.endsWith(salEn[2]!);
    const entry: TranslationFile['blocks'][string] = { source: current ? addresseeHash(newDoc)! : addressee.source, text: varied ? `${addressee.text.slice(0, -salEn![2]!.length)}${nameEn}` : addressee.text };
    if (addressee.note !== undefined && !varied) entry.note = addressee.note;
    out.meta = { addressee: entry };
  }
  if (out.title === undefined) delete out.title;
  if (out.executive === undefined) delete out.executive;
  return { slug, template: t.name, files: { 'source.txt': source, ...(metaText ? { 'meta.yaml': metaText } : {}), 'en.yaml': formatTranslationFile(out, slug) } };
}

/**
 * The replies of a corpus of size n. Without untranslated templates, reply i comes from template (i-1) mod T;
 * with them, odd replies come from the translated templates in turn and even ones from the real replies in turn.
 */
export function corpusReplies(templates: Template[], n: number, untranslated: Template[] = []): GeneratedReply[] {
  return Array.from({ length: n }, (_, k) => {
    const i = k + 1;
    if (untranslated.length === 0) return varyReply(templates[k % templates.length]!, i);
    const half = Math.floor(k / 2);
    return i % 2 === 1 ? varyReply(templates[half % templates.length]!, i) : varyReply(untranslated[half % untranslated.length]!, i);
  });
}

/** Writes a content folder (replies/ + glossary.yaml + site.yaml) for n replies into `outDir`, replacing it; returns a digest of every byte written. */
export function writeCorpus(outDir: string, templates: Template[], n: number, glossaryPath: string, untranslated: Template[] = []): { digest: string; replies: number; bytes: number } {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(join(outDir, 'replies'), { recursive: true });
  copyFileSync(glossaryPath, join(outDir, 'glossary.yaml'));
  // The site's settings (prepare needs content/site.yaml) and the search synonyms come with the glossary.
  for (const name of ['site.yaml', 'search-synonyms.yaml', 'search-vocabulary.yaml']) {
    const file = join(dirname(glossaryPath), name);
    if (existsSync(file)) copyFileSync(file, join(outDir, name));
  }
  const hash = createHash('sha256').update(readFileSync(glossaryPath));
  let bytes = statSync(glossaryPath).size;
  for (const reply of corpusReplies(templates, n, untranslated)) {
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
