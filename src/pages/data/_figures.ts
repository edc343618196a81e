// Shared by the figures endpoints (the leading underscore keeps Astro from routing this file).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { url } from '../../lib/site';
import { blockPages, type ExportFigure } from '../../../scripts/lib/exports.ts';
import type { Figure } from '../../../scripts/lib/figures.ts';

/** Adds to each figure the site path (base path included) of its source paragraph's anchor on the English pages. */
export function figuresWithUrls(figures: readonly Figure[]): ExportFigure[] {
  const pages = new Map<string, Map<string, string>>();
  const pageOf = (reply: string, block: string) => {
    if (!pages.has(reply)) {
      const doc = JSON.parse(readFileSync(join(process.cwd(), 'src/generated/data/replies', `${reply}.json`), 'utf8')) as { blocks: { id: string; section: string }[] };
      pages.set(reply, blockPages(doc));
    }
    return pages.get(reply)!.get(block) ?? 'index';
  };
  return figures.map((f) => {
    const page = pageOf(f.reply, f.block);
    return { ...f, url: `${page === 'index' ? url('en', 'replies', f.reply) : url('en', 'replies', f.reply, page)}#${f.block}` };
  });
}
