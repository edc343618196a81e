// data/glossary.json: the glossary with occurrences and example sentences, for reuse (see scripts/lib/exports.ts).
import { site, settings, occurrencesOf, exampleOf } from '../../lib/site';
import { glossaryJson } from '../../../scripts/lib/exports.ts';

/** Serves the glossary as JSON at build time, so the file exists in every static build. */
export const GET = () => new Response(glossaryJson(site.glossary.map((t) => ({ ...t, occurrences: occurrencesOf(t.id), example: exampleOf(t.id) })), settings.name.en), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
