// data/glossary.tbx: the glossary for translation tools (TBX v3, ISO 30042:2019, TBX-Basic, DCA style).
import { site, settings, categoryNames, exampleOf } from '../../lib/site';
import { glossaryTbx } from '../../../scripts/lib/exports.ts';

const categories = Object.fromEntries(Object.entries(categoryNames).map(([id, [en]]) => [id, en]));

/** Serves the glossary as TBX at build time, so the file exists in every static build. */
export const GET = () => new Response(glossaryTbx(site.glossary.map((t) => ({ ...t, example: exampleOf(t.id) })), { categoryNames: categories, siteName: settings.name.en }), { headers: { 'Content-Type': 'application/x-tbx+xml; charset=utf-8' } });
