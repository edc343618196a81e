/**
 * Translation status: per reply, how many blocks are translated, pending or
 * stale, which summaries exist, when the translation last changed and what the
 * QA found. One function feeds both `npm run check -- --json` and the status
 * page (src/generated/status.json), so their counts cannot disagree.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { z } from 'zod';
import type { LoadedContent, LoadedReply } from './load.ts';
import { attachTranslation } from './translations.ts';
import type { Finding } from './qa.ts';

/** Where the date of a translation's last change comes from: the last commit touching en.yaml, the file's modification time (uncommitted, or no git), or nothing (no en.yaml). */
export type ChangeSource = 'git' | 'mtime' | 'none';

const findingSchema = z.strictObject({ kind: z.string(), file: z.string(), block: z.string(), message: z.string(), hint: z.string() });

const replyStatusSchema = z.strictObject({
  slug: z.string(),
  title: z.strictObject({ zh: z.string(), en: z.string().optional() }),
  blocks: z.strictObject({ total: z.number().int(), translated: z.number().int(), pending: z.number().int(), stale: z.number().int() }),
  summaries: z.strictObject({
    sections: z.number().int(),
    present: z.number().int(),
    stale: z.number().int(),
    executive: z.enum(['present', 'stale', 'missing']),
  }),
  lastChange: z.strictObject({ date: z.string().nullable(), source: z.enum(['git', 'mtime', 'none']) }),
  findings: z.array(findingSchema),
});

/** Schema of the status report (`check --json` output and src/generated/status.json). */
export const statusReportSchema = z.strictObject({
  /** The "generated, do not edit" notice (status.json only). */
  generated: z.string().optional(),
  /** Whether the site builds the status page (content/site.yaml `statusPage`). */
  statusPage: z.boolean(),
  replies: z.array(replyStatusSchema),
  totals: z.strictObject({ replies: z.number().int(), blocks: z.number().int(), translated: z.number().int(), pending: z.number().int(), stale: z.number().int(), findings: z.number().int() }),
  /** Findings per kind over all replies. */
  findingKinds: z.record(z.string(), z.number().int()),
});

/** The status of one reply. */
export type ReplyStatus = z.infer<typeof replyStatusSchema>;
/** The status of all replies, with totals. */
export type StatusReport = z.infer<typeof statusReportSchema>;
/** When a translation file last changed, and how that was found out. */
export interface LastChange { date: string | null; source: ChangeSource }

/** The status of one reply from its loaded files, the QA findings about its files and the date of its last translation change. */
export function replyStatus(reply: LoadedReply, findings: Finding[], lastChange: LastChange): ReplyStatus {
  const { doc } = reply;
  const attached = attachTranslation(doc, reply.translation);
  const sections = doc.sections.filter((s) => s.id !== 'body');
  const summaries = sections.map((s) => attached.sections[s.id]).filter((s) => s?.summary);
  const own = new Set([reply.files.source, reply.files.translation, reply.files.meta].filter(Boolean));
  return {
    slug: doc.slug,
    title: { zh: doc.meta.title.zh, ...(doc.meta.title.en ? { en: doc.meta.title.en } : {}) },
    blocks: { total: doc.blocks.length, ...attached.counts },
    summaries: {
      sections: sections.length,
      present: summaries.length,
      stale: summaries.filter((s) => s!.stale).length,
      executive: !attached.executive ? 'missing' : attached.executive.stale ? 'stale' : 'present',
    },
    lastChange,
    findings: findings.filter((f) => own.has(f.file)),
  };
}

/** The status report over all content; `findings` are those of `npm run check` (translation QA and quoted phrases). */
export function statusReport(content: LoadedContent, findings: Finding[], lastChanges: Map<string, LastChange>, statusPage = true): StatusReport {
  // One pass hands each finding to the reply whose file it names, in the findings' order (filtering every finding per reply was quadratic).
  const owner = new Map(content.replies.flatMap((r) => [r.files.source, r.files.translation, r.files.meta].filter(Boolean).map((file) => [file!, r] as const)));
  const own = new Map(content.replies.map((r) => [r, [] as Finding[]]));
  for (const f of findings) {
    const r = owner.get(f.file);
    if (r) own.get(r)!.push(f);
  }
  const replies = content.replies.map((r) => replyStatus(r, own.get(r)!, lastChanges.get(r.files.translation) ?? { date: null, source: 'none' }));
  return assembleStatus(replies, statusPage);
}

/** Totals and finding counts over reply statuses (also used by `npm run dev` after re-checking one reply). */
export function assembleStatus(replies: ReplyStatus[], statusPage: boolean): StatusReport {
  const sum = (f: (r: ReplyStatus) => number) => replies.reduce((n, r) => n + f(r), 0);
  const findingKinds: Record<string, number> = {};
  for (const f of replies.flatMap((r) => r.findings)) findingKinds[f.kind] = (findingKinds[f.kind] ?? 0) + 1;
  return {
    statusPage,
    replies,
    totals: {
      replies: replies.length,
      blocks: sum((r) => r.blocks.total),
      translated: sum((r) => r.blocks.translated),
      pending: sum((r) => r.blocks.pending),
      stale: sum((r) => r.blocks.stale),
      findings: sum((r) => r.findings.length),
    },
    findingKinds,
  };
}

/**
 * When each translation file last changed: the date of the last commit that
 * touched it when git knows the file and it has no uncommitted changes, else
 * the file's modification time. One `git log` for all files, so 500 replies
 * cost one process. Paths are relative to `cwd`, as the loader reports them.
 */
export function lastChanges(files: string[], cwd = process.cwd()): Map<string, LastChange> {
  const out = new Map<string, LastChange>();
  const git = gitDates(files, cwd);
  for (const file of files) {
    const fromGit = git.get(file);
    if (fromGit) out.set(file, { date: fromGit, source: 'git' });
    else if (existsSync(file)) out.set(file, { date: statSync(file).mtime.toISOString(), source: 'mtime' });
    else out.set(file, { date: null, source: 'none' });
  }
  return out;
}

/** Commit dates of files git tracks unchanged; empty when git or the repository is missing. */
function gitDates(files: string[], cwd: string): Map<string, string> {
  const dates = new Map<string, string>();
  if (files.length === 0) return dates;
  const run = (args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 1 << 28 });
  try {
    const dirty = new Set(run(['-c', 'status.relativePaths=true', 'status', '--short', '--no-renames', '--untracked-files=all', '--', ...dirsOf(files)]).split('\n').map((l) => l.slice(3)).filter(Boolean));
    let date = '';
    for (const line of run(['log', '--format=%x00%cI', '--name-only', '--relative', '--', ...dirsOf(files)]).split('\n')) {
      if (line.startsWith('\0')) date = line.slice(1);
      else if (line && !dates.has(line)) dates.set(line, date);
    }
    for (const f of dirty) dates.delete(f);
  } catch {
    dates.clear();
  }
  const wanted = new Set(files);
  return new Map([...dates].filter(([f]) => wanted.has(f)));
}

/** The files themselves when they are few (npm run dev asks about one), else their distinct folders, so git's path arguments stay short at 500 replies. */
function dirsOf(files: string[]): string[] {
  if (files.length <= 20) return files;
  const dirs = new Set(files.map((f) => f.split('/').slice(0, -2).join('/') || '.'));
  return [...dirs];
}
