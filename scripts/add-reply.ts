/**
 * `npm run add-reply -- <file|-> [--slug <slug>] [--content <dir>]`: adds a
 * reply as copied from a web page.
 *
 * Steps: read the file (or standard input for `-`) → decode (UTF-8 or GBK) →
 * parse → refuse a text that is not a reply → propose a slug from issuer,
 * year and number unless one is given → refuse a slug that exists → write
 * <content>/replies/<slug>/source.txt verbatim (GBK input as UTF-8) → print
 * what was recognised and what still needs a person. The content folder is
 * --content, else CONTENT_DIR, else content/.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from './lib/cli.ts';
import { ContentError } from './lib/errors.ts';
import { decodeSource } from './lib/decode.ts';
import { parseReply } from './lib/parse.ts';
import { notAReply, proposeSlug, summarize } from './lib/add-reply.ts';

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const USAGE = 'npm run add-reply -- <file|-> [--slug <slug>] [--content <dir>]';

/** Reads the value after a flag, or undefined when the flag is absent. */
function flag(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  if (at === -1) return undefined;
  const value = args[at + 1];
  if (value === undefined || value.startsWith('--')) throw new ContentError({ file: name }, `${name} needs a value`, `run ${USAGE}`);
  args.splice(at, 2);
  return value;
}

/** Adds one reply; returns the exit code. */
export function addReply(argv: string[]): number {
  const args = [...argv];
  const slugArg = flag(args, '--slug');
  const contentDir = flag(args, '--content') ?? (process.env.CONTENT_DIR || 'content');
  const input = args[0];
  if (!input || args.length > 1) throw new ContentError({ file: 'add-reply' }, args.length > 1 ? `unexpected arguments: ${args.slice(1).join(' ')}` : 'no file given', `run ${USAGE}`);
  const name = input === '-' ? '(standard input)' : input;
  if (input !== '-' && !existsSync(input)) throw new ContentError({ file: input }, 'there is no such file', 'give the path of the text file copied from the web page');
  const bytes = readFileSync(input === '-' ? 0 : input);
  const decoded = decodeSource(bytes, name);
  const doc = parseReply(decoded.text, { slug: slugArg ?? 'new-reply', file: name });
  const refusal = notAReply(doc, decoded.text);
  if (refusal) throw new ContentError({ file: name }, refusal, 'check that the file is the reply itself, not a list page or another document');
  const slug = slugArg ?? proposeSlug(doc);
  if (!SLUG.test(slug)) throw new ContentError({ file: name }, `the slug "${slug}" is not lower-case letters, digits and hyphens`, 'give one with --slug, e.g. --slug gaoping-health-2023-71');
  const dir = join(contentDir, 'replies', slug);
  if (existsSync(dir)) throw new ContentError({ file: dir }, `a reply with the slug "${slug}" exists already`, 'give another with --slug, or remove that folder first if it is the same reply');
  mkdirSync(dir, { recursive: true });
  const target = join(dir, 'source.txt');
  // Verbatim: UTF-8 bytes as given; GBK is stored as the same text in UTF-8.
  writeFileSync(target, decoded.encoding === 'utf-8' ? bytes : decoded.text);
  for (const w of decoded.warnings) console.warn(`warning: ${w}`);
  console.log(summarize({ ...doc, slug }, target).join('\n'));
  return 0;
}

if (import.meta.main) await runCli(() => addReply(process.argv.slice(2)));
