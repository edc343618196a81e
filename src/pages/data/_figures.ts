// Shared by the figures endpoints (the leading underscore keeps Astro from routing this file).
import { url } from '../../lib/site';
import type { ExportFigure } from '../../../scripts/lib/exports.ts';
import type { Figure } from '../../../scripts/lib/figures.ts';

/** Adds to each figure the site path (base path included) of its source paragraph's anchor on the English pages. */
export function figuresWithUrls(figures: readonly Figure[]): ExportFigure[] {
  return figures.map((f) => ({ ...f, url: `${f.page === 'index' ? url('en', 'replies', f.reply) : url('en', 'replies', f.reply, f.page)}#${f.block}` }));
}
