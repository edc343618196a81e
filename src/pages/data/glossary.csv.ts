// data/glossary.csv: the glossary for spreadsheets (RFC 4180, UTF-8, header row).
import { site, exampleOf } from '../../lib/site';
import { glossaryCsv } from '../../../scripts/lib/exports.ts';

/** Serves the glossary as CSV at build time, so the file exists in every static build. */
export const GET = () => new Response(glossaryCsv(site.glossary.map((t) => ({ ...t, example: exampleOf(t.id) }))), { headers: { 'Content-Type': 'text/csv; charset=utf-8; header=present' } });
