// The About page: hand-written MDX (content/about/), copied and converted to Traditional by scripts/prepare.ts.
// Reply pages are not a collection: they are generated data read by their routes (src/lib/pages.ts).
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

const about = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './src/generated/about' }),
  schema: z.object({ title: z.string(), description: z.string() }),
});

export const collections = { about };
