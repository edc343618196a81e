// robots.txt: everything may be crawled; the sitemap is named when SITE gives the site's absolute URL.
import { url } from '../lib/site';

/** Serves robots.txt at build time. Crawlers read it only at a host's root, so under a BASE_PATH it is advisory. */
export const GET = () => {
  const site = import.meta.env.SITE;
  const lines = ['User-agent: *', 'Allow: /'];
  if (site) lines.push('', `Sitemap: ${new URL(url('sitemap.xml'), site).href}`);
  return new Response(`${lines.join('\n')}\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
