/**
 * What `npm run add-reply` decides, as pure functions: whether a text is a
 * reply at all, the slug it proposes (ASCII, from issuer, year and number),
 * and the short summary of what the parser recognised and what still needs a
 * person. The CLI (scripts/add-reply.ts) does the file I/O.
 */
import { pinyin } from 'pinyin-pro';
import { isLetterBlock, type ReplyDocument } from './model.ts';
import { isTitleEnd } from './letter-lines.ts';
import { issuerOf } from './meta-extract.ts';

/** Departments by the words of their names, for the readable part of a slug (`gaoping-health-2023-71`). */
const DEPARTMENTS: [RegExp, string][] = [
  [/卫生|卫健/, 'health'],
  [/教育/, 'edu'],
  [/交通/, 'transport'],
  [/住房|住建|房屋|房管|城乡建设/, 'housing'],
  [/生态环境|环境保护|环保/, 'env'],
  [/工业和信息化|工信|经济和信息化|经信/, 'industry'],
  [/发展和改革|发展改革|发改/, 'development'],
  [/财政/, 'finance'],
  [/农业|农村/, 'agriculture'],
  [/水利|水务/, 'water'],
  [/自然资源|国土/, 'land'],
  [/商务/, 'commerce'],
  [/科技|科学技术/, 'science'],
  [/民政/, 'civil'],
  [/人力资源|人社/, 'hr'],
  [/公安/, 'police'],
  [/文化|旅游|文旅/, 'culture'],
  [/市场监督|市场监管/, 'market'],
  [/应急管理/, 'emergency'],
  [/城市管理|城管/, 'urban'],
  [/医疗保障|医保/, 'medinsurance'],
  [/体育/, 'sport'],
  [/退役军人/, 'veterans'],
  [/统计/, 'statistics'],
  [/审计/, 'audit'],
  [/司法/, 'justice'],
  [/林业|草原/, 'forestry'],
  [/人民政府|政府办/, 'gov'],
];

/** The slug's issuer part: the place (pinyin, without 省/市/县/区) and the department, e.g. 高平市卫生健康和体育局 → gaoping-health. */
export function issuerSlug(issuer: string): string {
  // A branch (…局寻甸分局) is named after its county; otherwise the first place of the name.
  const place = /(?:局|委|厅|部)(\p{Script=Han}{2,3}?)(?:县|区|市)?分局$/u.exec(issuer)?.[1] ?? /^(.{2,8}?)(?:省|自治区|市|自治州|州|县|区|旗|盟)/.exec(issuer)?.[1];
  const found = DEPARTMENTS.map(([re, word]) => ({ at: issuer.search(re), word })).filter((d) => d.at !== -1).sort((a, b) => a.at - b.at)[0];
  const placePart = place ? pinyin(place, { toneType: 'none', type: 'array' }).join('') : '';
  const deptPart = found?.word ?? (placePart ? '' : pinyin(issuer.slice(0, 6), { toneType: 'none', pattern: 'first', type: 'array' }).join(''));
  return [placePart, deptPart].filter(Boolean).join('-');
}

/** A slug proposal (lower-case ASCII, digits, hyphens) from the issuer, year and number the text gives. */
export function proposeSlug(doc: ReplyDocument): string {
  const { meta } = doc;
  const parts = [meta.issuingBody ? issuerSlug(meta.issuingBody.zh) : (meta.type ?? 'reply'), meta.year ? String(meta.year) : '', meta.proposalNumber ?? ''];
  const slug = parts
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .replace(/-{2,}/g, '-');
  // Without year and number the issuer alone would name every reply of the body: the text's hash tells them apart.
  return meta.year || meta.proposalNumber ? slug : `${slug}-${doc.sourceHash.slice(0, 6)}`;
}

/**
 * Why a text is not a reply, or undefined when it is one: a reply says 答复/复函
 * somewhere, or has a salutation and speaks of a suggestion or proposal (a
 * notice to 各乡镇、各部门: has a salutation but is no reply).
 */
export function notAReply(doc: ReplyDocument, text: string): string | undefined {
  if (/答\s*复|复\s*函/.test(text)) return undefined;
  const salutation = doc.blocks.some((b) => b.kind === 'salutation');
  if (salutation && /建议|提案/.test(text)) return undefined;
  return salutation
    ? 'this does not look like a reply to a suggestion or proposal (it has a salutation but no 答复/复函 and no 建议/提案 anywhere)'
    : 'this does not look like a reply to a suggestion or proposal (no salutation such as 尊敬的…委员: and no 答复/复函 anywhere)';
}

const TYPE_WORDS = { suggestion: 'suggestion (建议)', proposal: 'proposal (提案)' } as const;

/** The few lines add-reply prints: what the parser recognised, and what still needs a person. */
export function summarize(doc: ReplyDocument, written: string): string[] {
  const { meta } = doc;
  const byId = new Map(doc.blocks.map((b) => [b.id, b]));
  const first = (ids: string[]) => (ids.length ? ` (first: ${byId.get(ids[0]!)!.zh.slice(0, 40)})` : '');
  const count = (kinds: string[]) => doc.blocks.filter((b) => kinds.includes(b.kind)).length;
  const hasTitle = doc.blocks.some((b) => b.kind === 'title' && isTitleEnd(b.zh));
  const letter = doc.blocks.filter(isLetterBlock);
  const needs: string[] = [];
  if (!hasTitle) needs.push('no title in the text (set title.zh in meta.yaml)');
  if (!meta.type) needs.push('suggestion or proposal not stated (set type in meta.yaml)');
  if (!meta.proposalNumber) needs.push('no number (set proposalNumber in meta.yaml)');
  if (!meta.date) needs.push('no readable date (set date in meta.yaml)');
  if (!meta.issuingBody) needs.push('no issuing body (set issuingBody in meta.yaml)');
  const issuer = issuerOf(doc.blocks, meta.title.zh);
  const fromPage = issuer?.from === 'publisher' && issuer.name === meta.issuingBody?.zh;
  if (fromPage) needs.push(`the issuer was read only from the page's 来源/发布机构 line, which may name the website's owner rather than the department that replied (check it; set issuingBody in meta.yaml)`);
  needs.push(`${letter.length} blocks to translate (en.yaml; npm run check lists them)`);
  return [
    `add-reply: wrote ${written}`,
    `  title:      ${hasTitle ? meta.title.zh : '(none in the text)'}`,
    `  type:       ${meta.type ? TYPE_WORDS[meta.type] : '(not stated)'}${meta.proposalNumber ? `, No. ${meta.proposalNumber}` : ''}${meta.session ? `, ${meta.session}` : ''}`,
    `  addressee:  ${meta.addressee ?? '(no salutation found)'}`,
    `  issuer:     ${meta.issuingBody?.zh ?? '(not found)'}${fromPage ? ' (from the page\'s 来源 line: check)' : ''}`,
    `  date:       ${meta.date ?? '(not found)'}`,
    `  outcome:    ${meta.outcome ?? '(not stated)'}${meta.documentNumber ? `; document No. ${meta.documentNumber}` : ''}`,
    `  structure:  ${doc.sections.filter((s) => s.id !== 'body').length} sections, ${count(['item', 'subitem'])} items, ${count(['paragraph', 'point'])} paragraphs and points; back matter: ${doc.backIds.map((id) => byId.get(id)!.kind).join(', ') || 'none'}`,
    `  furniture:  ${doc.furnitureIds.length} lines${first(doc.furnitureIds)}`,
    `  metadata:   ${doc.metadataIds.length} lines${first(doc.metadataIds)}`,
    ...doc.warnings.map((w) => `  warning:    ${w}`),
    `  needs a person: ${needs.join('; ')}`,
  ];
}
