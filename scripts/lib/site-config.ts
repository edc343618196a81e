/**
 * content/site.yaml: what makes a site this city's or that ministry's (name,
 * description, region, contact, switches), kept as content so another issuer
 * can use the project without a code change.
 */
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { validate } from './schemas.ts';
import { parseYaml } from './yaml-file.ts';

const localized = z.strictObject({ en: z.string().min(1), 'zh-hans': z.string().min(1), 'zh-hant': z.string().min(1).optional() });

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
    return validate(siteConfigSchema, {}, shortName, 'site settings (content/site.yaml is missing; copy the example in README.md)');
  }
  return validate(siteConfigSchema, parseYaml(readFileSync(file, 'utf8'), shortName), shortName, 'site settings');
}
