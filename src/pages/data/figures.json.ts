// data/figures.json: every key figure with the site path of its source paragraph.
import { allFigures, settings } from '../../lib/site';
import { figuresJson } from '../../../scripts/lib/exports.ts';
import { figuresWithUrls } from './_figures.ts';

/** Serves the key figures as JSON at build time, so the file exists in every static build. */
export const GET = () => new Response(figuresJson(figuresWithUrls(allFigures()), settings.name.en), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
