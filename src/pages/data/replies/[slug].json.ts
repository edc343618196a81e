// data/replies/<slug>.json: a reply's public document, as scripts/prepare.ts wrote it (the contract is publicDocument in scripts/lib/pipeline.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { APIRoute } from 'astro';
import { site } from '../../../lib/site';

/** One file per reply. */
export const getStaticPaths = () => site.replies.map((r) => ({ params: { slug: r.slug } }));

/** Serves the generated file unchanged, read at build time. */
export const GET: APIRoute = ({ params }) =>
  new Response(readFileSync(join(process.cwd(), 'src/generated/data/replies', `${params.slug}.json`), 'utf8'), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
