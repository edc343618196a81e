// Astro configuration. BASE_PATH puts the whole site under a sub-path (e.g. /policy/);
// SITE (an absolute URL) enables the sitemap. See README.md, "Deploy".
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';

const rawBase = process.env.BASE_PATH || '/';
const base = `/${rawBase.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');

export default defineConfig({
  site: process.env.SITE || undefined,
  base,
  outDir: process.env.OUT_DIR || 'dist',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  // Markdown (the hand-written About page in MDX) goes through remark-gfm for tables; SmartyPants is off so that no quote or dash is ever rewritten.
  markdown: { processor: unified({ remarkPlugins: [remarkGfm], smartypants: false }) },
  integrations: [mdx()],
  devToolbar: { enabled: false },
});
