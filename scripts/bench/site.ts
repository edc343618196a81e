/**
 * A project view for one benchmark size: a folder that looks like the project
 * to `node scripts/build.ts` but reads its own content and writes its own
 * src/generated, .astro and Astro/Vite caches. Its sources come from a
 * snapshot of the project taken once per bench run (`snapshotProject`), so
 * that edits other people make to src/ or scripts/ during a long run cannot
 * mix two versions of the code in one build.
 *
 *   site-N/node_modules/   real folder; one symlink per entry of the project's
 *                          node_modules (so Astro's cache dir node_modules/.astro
 *                          and Vite's node_modules/.vite are per site)
 *   site-N/src/            a copy of the project's src/ without src/generated
 *                          (Vite resolves symlinks to their real path, so a
 *                          symlinked src/lib/site.ts would import the project's
 *                          own src/generated/site.json instead of this site's)
 *   site-N/src/generated/  written by the build's prepare stage
 *   site-N/scripts, public, astro.config.mjs, tsconfig.json, package.json: copies
 *   site-N/content         symlink to ../content-N
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, relative } from 'node:path';

/** Node modules entries that hold per-project caches and must not be shared. */
const CACHE_ENTRIES = new Set(['.astro', '.vite', '.cache', '.vitest']);

/** What a site view copies from the project (src/generated excluded). */
const SOURCES = ['src', 'scripts', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json'];
const notGenerated = (base: string) => (p: string) => !relative(base, p).split(/[\\/]/).includes('generated');

/** Copies the project's sources and content/ into `dir` (replacing it); returns a digest of every file copied. */
export function snapshotProject(projectRoot: string, dir: string): string {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const name of [...SOURCES, 'content']) {
    if (existsSync(join(projectRoot, name))) cpSync(join(projectRoot, name), join(dir, name), { recursive: true, filter: notGenerated(join(projectRoot, 'src')) });
  }
  return snapshotDigest(dir);
}

/** A digest of every file of a snapshot (paths and bytes). */
export function snapshotDigest(dir: string): string {
  const hash = createHash('sha256');
  const walk = (d: string, rel: string) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (e.isDirectory()) walk(join(d, e.name), `${rel}${e.name}/`);
      else if (e.isFile()) hash.update(`${rel}${e.name}\0`).update(readFileSync(join(d, e.name)));
    }
  };
  walk(dir, '');
  return hash.digest('hex').slice(0, 16);
}

/** Creates (replacing) the project view `siteDir` from the snapshot `sourceDir`, with `projectRoot`'s node_modules, reading content from `contentDir`. */
export function makeSiteView(sourceDir: string, projectRoot: string, siteDir: string, contentDir: string): void {
  rmSync(siteDir, { recursive: true, force: true });
  mkdirSync(join(siteDir, 'node_modules'), { recursive: true });
  for (const name of readdirSync(join(projectRoot, 'node_modules'))) {
    if (CACHE_ENTRIES.has(name)) continue;
    symlinkSync(join(projectRoot, 'node_modules', name), join(siteDir, 'node_modules', name));
  }
  for (const name of SOURCES) {
    if (existsSync(join(sourceDir, name))) cpSync(join(sourceDir, name), join(siteDir, name), { recursive: true, filter: notGenerated(join(sourceDir, 'src')) });
  }
  mkdirSync(join(siteDir, 'src', 'generated'), { recursive: true });
  symlinkSync(relative(siteDir, contentDir), join(siteDir, 'content'));
}
