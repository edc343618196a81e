// The reply overview's metadata table (src/components/ReplyMetaTable.astro, rendered with Astro's Container API) over fixture replies,
// and the pipeline that feeds it: metadata blocks reach the overview's page data verbatim, in the locale's script.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, it } from 'vitest';
import ReplyMetaTable from '../../src/components/ReplyMetaTable.astro';
import { toTraditional } from '../../scripts/lib/hant.ts';
import { hashText, parseReply } from '../../scripts/lib/parse.ts';
import type { TranslationFile } from '../../scripts/lib/schemas.ts';
import { runPipeline } from '../../scripts/lib/pipeline.ts';
import { loadGlossary } from '../../scripts/lib/glossary.ts';
import type { MetadataField, ReplyMeta } from '../../scripts/lib/model.ts';
import type { MetadataRow, PageData } from '../../scripts/lib/page-data.ts';
import type { BlockTranslation } from '../../scripts/lib/translations.ts';
import { caseNames, expectFile, fixtureDir, ROOT } from './helpers.ts';

const DIR = fixtureDir('meta-table');
const LOCALES = ['en', 'zh-hans', 'zh-hant'] as const;

/** A fixture: the reply's meta, its metadata lines and the addressee's English as the pipeline resolves it (absent: pending). */
interface Case { meta: ReplyMeta; metadata: { id: string; field?: MetadataField; text: string }[]; addresseeEn?: BlockTranslation }

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

/** The page data the pipeline would give the overview in a locale (Traditional on zh-hant). */
function dataFor(c: Case, locale: (typeof LOCALES)[number]): Pick<PageData, 'metadata' | 'metaText'> {
  const script = (s?: string) => (s && locale === 'zh-hant' ? toTraditional(s) : s);
  const metadata: MetadataRow[] = c.metadata.map((m) => ({ id: m.id, field: m.field ?? 'other', lang: locale === 'zh-hant' ? 'zh-Hant' : 'zh-Hans', text: script(m.text)! }));
  return { metadata, metaText: { session: script(c.meta.session), addressee: script(c.meta.addressee), documentNumber: script(c.meta.documentNumber), issuer: script(c.meta.issuingBody?.zh) } };
}

/** The table as lines `label | value` (the value's inner HTML, with its lang), what a reader sees row by row. */
function rowsOf(html: string): string[] {
  const dl = /<dl class="meta reply-meta">([\s\S]*)<\/dl>/.exec(html)?.[1];
  if (dl === undefined) throw new Error(`no metadata table in ${html}`);
  return [...dl.matchAll(/<dt>([\s\S]*?)<\/dt><dd([^>]*)>([\s\S]*?)<\/dd>/g)].map((m) => `${m[1]} |${m[2]!.replace(/ class="[^"]*"/, '')} ${m[3]}`);
}

describe.each(caseNames(DIR))('metadata table: %s', (name) => {
  const c = JSON.parse(readFileSync(join(DIR, name, 'input.json'), 'utf8')) as Case;
  const reply = { slug: name, meta: c.meta, addresseeEn: c.addresseeEn };

  it.each(LOCALES)('%s matches expected.<locale>.txt', async (locale) => {
    const html = await container.renderToString(ReplyMetaTable, { props: { locale, reply, data: dataFor(c, locale) } });
    expectFile(join(DIR, name, `expected.${locale}.txt`), `${rowsOf(html).join('\n')}\n`);
  });

  it('shows every metadata block verbatim with its lang and id, labelled in each locale, and no markup from the text', async () => {
    for (const locale of LOCALES) {
      const html = await container.renderToString(ReplyMetaTable, { props: { locale, reply, data: dataFor(c, locale) } });
      for (const m of c.metadata) {
        const text = locale === 'zh-hant' ? toTraditional(m.text) : m.text;
        const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
        expect(html).toContain(`<dd id="${m.id}" class="meta-verbatim" lang="${locale === 'zh-hant' ? 'zh-Hant' : 'zh-Hans'}">${escaped}</dd>`);
      }
      expect(html).not.toMatch(/<(script|img|b)\b/);
      // Only an http(s) address becomes a link, and it is the only link.
      const links = [...html.matchAll(/<a\b[^>]*>/g)].map((a) => a[0]);
      const web = c.meta.sourceUrl && /^https?:\/\/[^\s<>"]+$/.test(c.meta.sourceUrl);
      expect(links).toHaveLength(web ? 1 : 0);
      if (web) expect(links[0]).toBe(`<a href="${new URL(c.meta.sourceUrl!).href}" rel="external noopener">`);
    }
  });
});

describe('the pipeline gives the overview its metadata blocks', () => {
  it('in document order, with field and text verbatim (Traditional on zh-hant), and the Chinese meta values in the locale script', () => {
    const source = '高平市卫生健康和体育局文件\n关于对市七届人大五次会议第71号建议的答复\n高卫体发〔2023〕148号\n签发人:杨宏亮\n尊敬的王爱珍代表:\n您好!您所提的建议已收悉。\n高平市卫生健康和体育局\n2023年6月29日';
    const doc = parseReply(source, { slug: 'gaoping-2023-71', file: 'source.txt', meta: { type: 'suggestion', session: '市七届人大五次会议' } });
    // The parser marks the letterhead, document number and signer lines as metadata, in document order.
    const marks: [string, MetadataField][] = [['高平市卫生健康和体育局文件', 'letterhead'], ['高卫体发〔2023〕148号', 'documentNumber'], ['签发人:杨宏亮', 'signer']];
    expect(doc.metadataIds.map((id) => doc.blocks.find((b) => b.id === id)!).map((b) => [b.zh, b.field])).toEqual(marks);
    const glossary = loadGlossary(readFileSync(join(ROOT, 'content', 'glossary.yaml'), 'utf8'), 'content/glossary.yaml');
    const { files } = runPipeline({ replies: [{ doc, files: { source: 'source.txt', translation: 'en.yaml' } }], glossary, glossaryFile: 'glossary.yaml', warnings: [] });
    const page = (locale: string) => JSON.parse(files.get(`pages/${locale}/gaoping-2023-71/index.json`)!) as PageData;
    expect(page('zh-hans').metadata).toEqual(marks.map(([zh, field]) => ({ id: doc.blocks.find((b) => b.zh === zh)!.id, field, lang: 'zh-Hans', text: zh })));
    expect(page('en').metadata!.map((m) => m.text)).toEqual(marks.map(([zh]) => zh));
    expect(page('zh-hant').metadata!.map((m) => [m.text, m.lang])).toEqual([['高平市衛生健康和體育局文件', 'zh-Hant'], ['高衛體發〔2023〕148號', 'zh-Hant'], ['簽發人:楊宏亮', 'zh-Hant']]);
    expect(page('zh-hant').metaText).toMatchObject({ session: '市七屆人大五次會議', addressee: '王愛珍代表' });
    expect(page('zh-hans').metaText).toMatchObject({ session: '市七届人大五次会议', addressee: '王爱珍代表' });
  });

  it("passes the addressee's English from en.yaml to the site data: pending without it, translated with the current hash, stale with another", () => {
    const doc = parseReply('尊敬的王爱珍代表:\n您好!您所提的建议已收悉。\n', { slug: 'gaoping-2023-71', file: 'source.txt' });
    const glossary = loadGlossary(readFileSync(join(ROOT, 'content', 'glossary.yaml'), 'utf8'), 'content/glossary.yaml');
    const addresseeOf = (translation?: TranslationFile) => runPipeline({ replies: [{ doc, translation, files: { source: 'source.txt', translation: 'en.yaml' } }], glossary, glossaryFile: 'glossary.yaml', warnings: [] }).site.replies[0]!.addresseeEn;
    const entry = (source: string) => ({ language: 'en' as const, sections: {}, blocks: {}, meta: { addressee: { source, text: 'Deputy Wang Aizhen' } } });
    expect(doc.meta.addressee).toBe('王爱珍代表');
    expect(addresseeOf()).toEqual({ status: 'pending' });
    expect(addresseeOf(entry(hashText('王爱珍代表')))).toEqual({ status: 'translated', en: 'Deputy Wang Aizhen', note: undefined });
    expect(addresseeOf(entry('0123456789ab'))).toMatchObject({ status: 'stale', en: 'Deputy Wang Aizhen' });
  });
});
