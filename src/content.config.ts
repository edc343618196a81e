// The generated MDX pages (one per reply page and locale), written by scripts/prepare.ts.
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

const pages = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: './src/generated/mdx' }),
  schema: z.object({
    locale: z.enum(['en', 'zh-hans', 'zh-hant']),
    reply: z.string(),
    page: z.string(),
    number: z.number().optional(),
    titleZh: z.string().optional(),
    titleEn: z.string().nullable().optional(),
    summary: z.string().nullable().optional(),
    sourceHash: z.string(),
    pending: z.number().optional(),
    terms: z.array(z.string()).default([]),
  }),
});

export const collections = { pages };
