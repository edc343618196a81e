/**
 * A project view for one benchmark size: a folder that looks like the project
 * to `node scripts/build.ts` but reads its own content and writes its own
 * src/generated, .astro and Astro/Vite caches.
 *
 *   site-N/node_modules/   real folder; one symlink per entry of the project's
 *                          node_modules (so Astro's cache dir node_modules/.astro
 *                          and Vite's node_modules/.vite are per site)
 *   site-N/src/            a copy of the project's src/ without src/generated
 *                          (Vite resolves symlinks to their real path, so a
 *                          symlinked src/lib/site.ts would import the project's
 *                          own src/generated/site.json instead of this site's)
 *   site-N/src/generated/  written by the build's prepare stage
 *   site-N/scripts, public symlinks to the project's
 *   site-N/astro.config.mjs, tsconfig.json, package.json: copies
 *   site-N/content         symlink to ../content-N
 */
import { cpSync, mkdirSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Node modules entries that hold per-project caches and must not be shared. */
const CACHE_ENTRIES = new Set(['.astro', '.vite', '.cache', '.vitest']);

/** Creates (replacing) the project view `siteDir` over `projectRoot`, reading content from `contentDir`. */
export function makeSiteView(projectRoot: string, siteDir: string, contentDir: string): void {
  rmSync(siteDir, { recursive: true, force: true });
  mkdirSync(join(siteDir, 'node_modules'), { recursive: true });
  for (const name of readdirSync(join(projectRoot, 'node_modules'))) {
    if (CACHE_ENTRIES.has(name)) continue;
    symlinkSync(join(projectRoot, 'node_modules', name), join(siteDir, 'node_modules', name));
  }
  cpSync(join(projectRoot, 'src'), join(siteDir, 'src'), { recursive: true, filter: (p) => !relative(join(projectRoot, 'src'), p).split(/[\\/]/).includes('generated') });
  mkdirSync(join(siteDir, 'src', 'generated'), { recursive: true });
  for (const name of ['scripts', 'public']) symlinkSync(join(projectRoot, name), join(siteDir, name));
  for (const name of ['astro.config.mjs', 'tsconfig.json', 'package.json']) cpSync(join(projectRoot, name), join(siteDir, name));
  symlinkSync(relative(siteDir, contentDir), join(siteDir, 'content'));
}
