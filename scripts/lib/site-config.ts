/**
 * content/site.yaml: what makes a site this city's or that ministry's (name,
 * description, region, contact, switches), kept as content so another issuer
 * can use the project without a code change.
 */
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { validate } from './schemas.ts';
import { ContentError } from './errors.ts';
import { parseYaml } from './yaml-file.ts';
import { toTraditional } from './hant.ts';
import type { LocaleId } from './page-data.ts';

const text = z.string({ error: (issue) => (issue.input === undefined ? 'missing' : 'must be text') }).trim().min(1, 'empty text');
const localized = z.strictObject(
  { en: text, 'zh-hans': text, 'zh-hant': text.optional() },
  { error: (issue) => (issue.input === undefined ? 'missing: give it in en and zh-hans (zh-hant is converted when absent)' : undefined) },
);

/** What a shard's `url` must look like, and the fix an editor is told when it does not. */
export const SHARD_URL_RULE = 'the base URL the other shard was built for, ending with /: a path on this host such as /archive-2020/, or https://other.example.org/replies/';

/**
 * A shard's base URL: an https:// or http:// address or a path from the host's root, ending with `/`, without query or
 * fragment. Its Pagefind bundle is `<url>pagefind/`; a relative path would depend on the page it is read from.
 */
const shardUrl = z
  .string({ error: (issue) => (issue.input === undefined ? 'missing' : 'must be text') })
  .trim()
  .refine((u) => /^(https?:\/\/[^/?#\s]+)?\/[^?#\s]*$/.test(u) && u.endsWith('/') && !u.startsWith('//'), { message: 'not a base URL ending with /' });

/** Schema of content/site.yaml; `zh-hant` texts are converted from `zh-hans` when absent. */
export const siteConfigSchema = z.strictObject({
  name: localized,
  description: localized,
  /** The region the replies come from (a city, province or the country), as a reader would name it. */
  region: localized,
  /** Who runs the site and how to reach them, shown in the footer. */
  contact: localized.optional(),
  /** Whether the translation status page is built and linked from the footer (public by default). */
  statusPage: z.boolean().default(true),
  /** Other shard sites of the same archive whose search indexes the search page merges into its own (see "Shards" in bench/README.md). */
  searchShards: z.array(z.strictObject({ name: localized, url: shardUrl })).default([]),
});

/** The validated content of content/site.yaml. */
export type SiteConfig = z.infer<typeof siteConfigSchema>;

/** Reads and validates content/site.yaml; a missing or invalid file is a one-line ContentError naming the key and the fix. */
export function loadSiteConfig(file: string, shortName = file): SiteConfig {
  if (!existsSync(file)) {
    throw new ContentError({ file: shortName }, 'the site settings file is missing', 'create it with the name, description and region of the site in en and zh-hans (see "Site settings" in README.md)');
  }
  try {
    return validate(siteConfigSchema, parseYaml(readFileSync(file, 'utf8'), shortName), shortName, 'site settings');
  } catch (error) {
    // A bad shard URL gets the fix spelt out rather than the schema's general one.
    if (error instanceof ContentError && /^searchShards\.\d+\.url$/.test(error.location.block ?? '')) throw new ContentError(error.location, error.message, `set \`${error.location.block}\` to ${SHARD_URL_RULE}`);
    throw error;
  }
}

/** A text of the site in each of its locales (zh-hant filled in). */
export type LocalizedText = Record<LocaleId, string>;

/** The site settings as pages read them (src/generated/site-config.json): every text in all three locales. */
export interface SiteSettings {
  name: LocalizedText;
  description: LocalizedText;
  region: LocalizedText;
  contact?: LocalizedText;
  statusPage: boolean;
  /** Other shards searched together with this site: their names in every locale and base URLs. */
  searchShards: { name: LocalizedText; url: string }[];
}

/** Fills `zh-hant` from `zh-hans` (opencc `tw`) where site.yaml does not give it, so the Traditional site needs no second copy of each text. */
export function localizeSiteConfig(config: SiteConfig): SiteSettings {
  const all = (text: z.infer<typeof localized>): LocalizedText => ({ en: text.en, 'zh-hans': text['zh-hans'], 'zh-hant': text['zh-hant'] ?? toTraditional(text['zh-hans']) });
  return {
    name: all(config.name),
    description: all(config.description),
    region: all(config.region),
    ...(config.contact ? { contact: all(config.contact) } : {}),
    statusPage: config.statusPage,
    searchShards: config.searchShards.map((shard) => ({ name: all(shard.name), url: shard.url })),
  };
}
