// data/figures.csv: every key figure for spreadsheets (RFC 4180, UTF-8, header row).
import { allFigures } from '../../lib/site';
import { figuresCsv } from '../../../scripts/lib/exports.ts';
import { figuresWithUrls } from './_figures.ts';

/** Serves the key figures as CSV at build time, so the file exists in every static build. */
export const GET = () => new Response(figuresCsv(figuresWithUrls(allFigures())), { headers: { 'Content-Type': 'text/csv; charset=utf-8; header=present' } });
