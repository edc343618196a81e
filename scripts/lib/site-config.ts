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
});

/** The validated content of content/site.yaml. */
export type SiteConfig = z.infer<typeof siteConfigSchema>;

/** Reads and validates content/site.yaml; a missing or invalid file is a one-line ContentError naming the key and the fix. */
export function loadSiteConfig(file: string, shortName = file): SiteConfig {
  if (!existsSync(file)) {
    throw new ContentError({ file: shortName }, 'the site settings file is missing', 'create it with the name, description and region of the site in en and zh-hans (see "Site settings" in README.md)');
  }
  return validate(siteConfigSchema, parseYaml(readFileSync(file, 'utf8'), shortName), shortName, 'site settings');
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
  };
}
