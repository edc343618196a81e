/**
 * Incremental prepare for `npm run dev`: keeps the loaded content and each
 * reply's pipeline output in memory, re-runs the pipeline only for what a saved
 * file affects (its own reply; for glossary.yaml, the replies whose text uses a
 * changed term) and writes only the generated files whose bytes changed. The
 * merged output is byte for byte what a full prepare writes (a unit test proves it).
 * A content mistake leaves the state and src/generated/ as they were, so the
 * last good pages keep working while the mistake is shown.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { loadContent, loadReply, type LoadedContent, type LoadedReply } from './load.ts';
import { mergeExamples, runPipeline, siteData, type PipelineResult, type Occurrence } from './pipeline.ts';
import { loadGlossary, type Glossary } from './glossary.ts';
import { aboutFiles, loadAbout } from './about.ts';
import { assembleStatus, lastChanges, replyStatus, type ReplyStatus } from './status.ts';
import { replyFiles, searchContent, siteFiles, siteSettings, statusPageEnabled } from './prepare-content.ts';
import { ContentError, isContentError } from './errors.ts';
import type { Finding } from './qa.ts';

/** A problem to show in the dev banner: where (file, line, block), what, and the fix. */
export interface DevProblem {
  file: string;
  line?: number;
  block?: string;
  message: string;
  hint: string;
}

/** What one update did: files written and removed (relative to the output folder), replies re-prepared, or the problems that stopped it. */
export interface DevUpdate {
  written: string[];
  removed: string[];
  replies: string[];
  problems: DevProblem[];
  /** QA findings of the re-prepared replies (shown as warnings; problems under --strict). */
  findings: Finding[];
}

/** The pipeline output of one reply (runPipeline over content holding just that reply) and its own generated files. */
interface Part { result: PipelineResult; files: Map<string, string> }

/** Holds content and per-reply output between saves; see the module comment. */
export class IncrementalPrepare {
  private content?: LoadedContent;
  private parts = new Map<string, Part>();
  private statuses = new Map<string, ReplyStatus>();
  /** Site-wide files as last written (reply files are compared with their part's previous files). */
  private siteWritten = new Map<string, string>();
  private statusPage = true;
  readonly contentDir: string;
  readonly outDir: string;
  readonly strict: boolean;
  readonly root: string;
  /** Whether every update rewrites the search records and lexicons (the dev server leaves them to the start and to glossary edits: search there uses the last built index). */
  readonly searchEveryUpdate: boolean;

  constructor(contentDir: string, outDir: string, options: { strict?: boolean; root?: string; searchEveryUpdate?: boolean } = {}) {
    this.contentDir = contentDir;
    this.outDir = outDir;
    this.strict = options.strict ?? false;
    this.root = options.root ?? process.cwd();
    this.searchEveryUpdate = options.searchEveryUpdate ?? true;
  }

  /** Loads and prepares everything and replaces the output folder. On a content mistake nothing is written. */
  full(): DevUpdate {
    return this.guard(() => {
      const content = loadContent(this.contentDir, this.root);
      const parts = new Map(content.replies.map((r) => [r.doc.slug, this.runPart(r, content.glossary)]));
      const findings = [...parts.values()].flatMap((p) => p.result.findings);
      if (this.strict && findings.length) return this.strictStop(findings);
      const statusPage = statusPageEnabled(this.contentDir);
      const changes = lastChanges(content.replies.map((r) => r.files.translation), this.root);
      const before = this.parts;
      this.commit(content, parts, new Map(content.replies.map((r) => [r.doc.slug, replyStatus(r, parts.get(r.doc.slug)!.result.findings, changes.get(r.files.translation)!)])), statusPage);
      rmSync(this.outDir, { recursive: true, force: true });
      this.siteWritten.clear();
      before.clear();
      return { ...this.write(new Map(), [...parts.keys()], true), replies: content.replies.map((r) => r.doc.slug), findings };
    });
  }

  /** Applies saved files (paths absolute or relative to the root): re-prepares what they affect and writes what changed. */
  update(paths: string[]): DevUpdate {
    if (!this.content) return this.full();
    const kinds = paths.map((p) => this.classify(p)).filter((k) => k.kind !== 'ignore');
    if (kinds.length === 0) return { written: [], removed: [], replies: [], problems: [], findings: [] };
    if (kinds.some((k) => k.kind === 'other')) return this.full();
    return this.guard(() => {
      const current = this.content!;
      let glossary = current.glossary;
      let about = current.about;
      const replies = new Map(current.replies.map((r) => [r.doc.slug, r]));
      const touched = new Set<string>();
      const removed = new Set<string>();
      for (const k of kinds) {
        if (k.kind === 'reply') {
          const dir = join(this.contentDir, 'replies', k.slug);
          if (existsSync(dir)) {
            replies.set(k.slug, loadReply(dir, this.root).reply);
            touched.add(k.slug);
          } else {
            replies.delete(k.slug);
            removed.add(k.slug);
          }
        }
      }
      if (kinds.some((k) => k.kind === 'glossary')) {
        const file = join(this.contentDir, 'glossary.yaml');
        if (!existsSync(file)) throw new ContentError({ file: current.glossaryFile }, 'the glossary is missing', 'restore content/glossary.yaml (it may list a single term)');
        glossary = loadGlossary(readFileSync(file, 'utf8'), current.glossaryFile);
        for (const slug of this.affectedByGlossary(current.glossary, glossary)) if (replies.has(slug)) touched.add(slug);
      }
      if (kinds.some((k) => k.kind === 'about')) about = loadAbout(this.contentDir, this.root);
      const statusPage = kinds.some((k) => k.kind === 'site') ? statusPageEnabled(this.contentDir) : this.statusPage;
      const ordered = [...replies.values()].sort((a, b) => (a.doc.slug < b.doc.slug ? -1 : a.doc.slug > b.doc.slug ? 1 : 0));
      if (ordered.length === 0) throw new ContentError({ file: relative(this.root, join(this.contentDir, 'replies')) }, 'there are no replies', 'add a folder content/replies/<slug>/ with the reply text in source.txt');
      const content: LoadedContent = { ...current, replies: ordered, glossary, about };
      const parts = new Map(this.parts);
      for (const slug of removed) parts.delete(slug);
      const fresh = new Map<string, Part>();
      for (const slug of touched) fresh.set(slug, this.runPart(replies.get(slug)!, glossary));
      const findings = [...fresh.values()].flatMap((p) => p.result.findings);
      if (this.strict && findings.length) return this.strictStop(findings);
      const before = new Map([...touched, ...removed].map((slug) => [slug, this.parts.get(slug)?.files ?? new Map<string, string>()]));
      for (const [slug, part] of fresh) parts.set(slug, part);
      const statuses = new Map(this.statuses);
      for (const slug of removed) statuses.delete(slug);
      const changes = lastChanges([...touched].map((s) => replies.get(s)!.files.translation), this.root);
      for (const slug of touched) {
        const r = replies.get(slug)!;
        statuses.set(slug, replyStatus(r, parts.get(slug)!.result.findings, changes.get(r.files.translation)!));
      }
      this.commit(content, parts, statuses, statusPage);
      const search = this.searchEveryUpdate || glossary !== current.glossary;
      return { ...this.write(before, [...touched], search), replies: [...touched], findings };
    });
  }

  /** The merged pipeline result over all parts, without reply files: the same as runPipeline over the whole content (search data only when asked). */
  merged(withSearch = true): Omit<PipelineResult, 'search'> & { search?: PipelineResult['search'] } {
    const content = this.content!;
    const parts = content.replies.map((r) => this.parts.get(r.doc.slug)!.result);
    const { glossary } = content;
    const files = new Map<string, string>();
    if (content.about) for (const [path, text] of aboutFiles(content.about)) files.set(path, text);
    const occurrences = new Map<string, Occurrence[]>(glossary.terms.map((t) => [t.id, parts.flatMap((p) => p.occurrences.get(t.id) ?? [])]));
    const figures = new Map(parts.flatMap((p) => [...p.figures]));
    const common = {
      files,
      site: siteData(glossary, parts.flatMap((p) => p.site.replies), occurrences, figures, Boolean(content.about)),
      occurrences,
      examples: mergeExamples(parts.map((p) => p.examples)),
      figures,
      findings: parts.flatMap((p) => p.findings),
      publicDocs: new Map(parts.flatMap((p) => [...p.publicDocs])),
    };
    if (!withSearch) return common;
    // Search data spans every reply (script-folding maps, pinyin of frequent words): the pipeline's own, over all content.
    return { ...common, search: runPipeline(content, searchContent(this.contentDir, glossary)).search };
  }

  private runPart(reply: LoadedReply, glossary: Glossary): Part {
    const result = runPipeline({ replies: [reply], glossary, glossaryFile: '', about: undefined, warnings: [] });
    return { result, files: replyFiles(result) };
  }

  /** Replies whose text (Simplified, Traditional or English) contains a form of a term or exclusion that was added, removed or changed. */
  private affectedByGlossary(before: Glossary, after: Glossary): string[] {
    const key = (t: unknown) => JSON.stringify(t);
    const beforeTerms = new Map(before.terms.map((t) => [t.id, key(t)]));
    const afterTerms = new Map(after.terms.map((t) => [t.id, key(t)]));
    const changed = [...before.terms.filter((t) => afterTerms.get(t.id) !== key(t)), ...after.terms.filter((t) => beforeTerms.get(t.id) !== key(t))];
    const forms = new Set(changed.flatMap((t) => [t.zh, t.hant, ...t.aliases, ...t.aliasesHant, t.en, ...t.enAliases]));
    const beforeEx = new Set(before.exclusions.map(key));
    const afterEx = new Set(after.exclusions.map(key));
    for (const e of [...before.exclusions.filter((e) => !afterEx.has(key(e))), ...after.exclusions.filter((e) => !beforeEx.has(key(e)))]) forms.add(e.phrase);
    const list = [...forms].filter(Boolean);
    // The text a reader sees in every locale is in the reply's page data.
    const uses = (part: Part) => [...part.files.values()].some((text) => list.some((f) => text.includes(f)));
    return [...this.parts].filter(([, part]) => uses(part)).map(([slug]) => slug);
  }

  private commit(content: LoadedContent, parts: Map<string, Part>, statuses: Map<string, ReplyStatus>, statusPage: boolean): void {
    this.content = content;
    this.parts = parts;
    this.statuses = statuses;
    this.statusPage = statusPage;
  }

  /**
   * Writes the files whose text changed and removes those no longer generated:
   * the files of the replies in `slugs` (compared with `before`, their previous
   * files), the files of replies that are gone, and the site-wide files.
   */
  private write(before: Map<string, Map<string, string>>, slugs: string[], search: boolean): Pick<DevUpdate, 'written' | 'removed' | 'problems'> {
    const written: string[] = [];
    const removed: string[] = [];
    const put = (path: string, text: string, old: string | undefined) => {
      if (old === text) return;
      mkdirSync(dirname(join(this.outDir, path)), { recursive: true });
      writeFileSync(join(this.outDir, path), text);
      written.push(path);
    };
    const drop = (path: string) => {
      rmSync(join(this.outDir, path), { force: true });
      removed.push(path);
    };
    const current = new Set<string>();
    for (const slug of slugs) {
      const files = this.parts.get(slug)?.files ?? new Map<string, string>();
      for (const [path, text] of files) {
        current.add(path);
        put(path, text, before.get(slug)?.get(path));
      }
    }
    for (const old of before.values()) for (const path of old.keys()) if (!current.has(path)) drop(path);
    const status = assembleStatus(this.content!.replies.map((r) => this.statuses.get(r.doc.slug)!), this.statusPage);
    const site = siteFiles(this.merged(search), status, siteSettings(this.contentDir));
    for (const [path, text] of site) put(path, text, this.siteWritten.get(path));
    for (const [path, text] of this.siteWritten) {
      if (site.has(path)) continue;
      // Without fresh search data, the last written search files stay.
      if (!search && path.startsWith('search/')) site.set(path, text);
      else drop(path);
    }
    this.siteWritten = site;
    return { written, removed, problems: [] };
  }

  private strictStop(findings: Finding[]): DevUpdate {
    return { written: [], removed: [], replies: [], findings, problems: findings.map((f) => locate({ file: f.file, block: f.block, message: f.message, hint: f.hint }, this.root)) };
  }

  /** Runs a step; a content mistake becomes a located problem and leaves everything as it was. */
  private guard(step: () => DevUpdate): DevUpdate {
    try {
      return step();
    } catch (error) {
      if (!isContentError(error)) throw error;
      const { file, line, block } = error.location;
      return { written: [], removed: [], replies: [], findings: [], problems: [locate({ file, line, block, message: error.message, hint: error.hint }, this.root)] };
    }
  }

  /** What a saved path is: a reply's file, the glossary, the About page, site.yaml, or something that needs a full prepare. */
  private classify(path: string): { kind: 'reply'; slug: string } | { kind: 'glossary' | 'about' | 'site' | 'ignore' | 'other' } {
    const abs = isAbsolute(path) ? path : join(this.root, path);
    const parts = relative(isAbsolute(this.contentDir) ? this.contentDir : join(this.root, this.contentDir), abs).split(sep);
    const name = parts.at(-1) ?? '';
    // Editors' swap, backup and probe files (.x.swp, x~, vim's 4913) change nothing.
    if (name.startsWith('.') || name.endsWith('~') || (parts.length !== 2 && /^\d+$/.test(name))) return { kind: 'ignore' };
    if (parts[0] === 'replies' && parts[1] && parts.length >= 2) return { kind: 'reply', slug: parts[1] };
    if (parts.length === 1 && parts[0] === 'glossary.yaml') return { kind: 'glossary' };
    if (parts.length === 1 && parts[0] === 'site.yaml') return { kind: 'site' };
    if (parts[0] === 'about') return { kind: 'about' };
    return { kind: 'other' };
  }
}

/** Adds the line a problem is on when the error did not say: the line of its YAML key (block id or key path) or of the quoted phrase it names. */
export function locate(problem: DevProblem, root = process.cwd()): DevProblem {
  if (problem.line) return problem;
  const path = isAbsolute(problem.file) ? problem.file : join(root, problem.file);
  if (!existsSync(path)) return problem;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return problem;
  }
  const lines = text.split(/\r?\n/);
  const key = problem.block?.split('.').pop();
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  let at = key ? lines.findIndex((l) => new RegExp(`^\\s*["']?${escape(key)}["']?\\s*:`).test(l)) : -1;
  const quoted = /“([^”]+)”/.exec(problem.message)?.[1];
  if (at === -1 && quoted) at = lines.findIndex((l) => l.includes(`“${quoted}”`));
  return at === -1 ? problem : { ...problem, line: at + 1 };
}
