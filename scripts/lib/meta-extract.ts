/**
 * Reply metadata read from the text: type (suggestion or proposal), number as
 * written, session, document number, outcome class, issuing body, date and
 * addressee. meta.yaml wins wherever it says something. Pure.
 */
import type { Block, OutcomeClass, ReplyMeta, ReplyType } from './model.ts';
import { isOrganisationLine, normalizeDate, outcomeOf, RE_DOCUMENT_NUMBER, signatureDate } from './letter-lines.ts';

/** The number a title or opening gives its suggestion or proposal, as written: 第71号建议 → 71, 第 JY100012050700号 → JY100012050700, 20210574号提案 → 20210574. */
export function numberIn(text: string): string | undefined {
  const withDi = /第\s*([A-Za-z]{0,6}[0-9０-９][0-9０-９A-Za-z]*)\s*号/.exec(text);
  const plain = /([A-Za-z]{0,6}[0-9０-９][0-9０-９A-Za-z]{0,15})\s*号\s*(?:代表|委员|集体|重点)?\s*(?:提案|建议)/.exec(text);
  const found = [withDi, plain].filter((m) => m !== null).sort((x, y) => x!.index - y!.index)[0];
  return found?.[1];
}

/** The session a title or opening names: 市七届人大五次会议, 政协十三届全国委员会第四次会议, 云南省第十二届人大第五次会议. */
export function sessionIn(text: string): string | undefined {
  const m = /[\p{Script=Han}]{0,14}?第?[一二三四五六七八九十]{1,3}届[\p{Script=Han}]{0,10}?第?[一二三四五六七八九十]{1,3}次(?:全体)?会议/u.exec(text);
  if (!m) return undefined;
  // Drop what leads into the name (关于对, 您在, 提交) and keep the body's own name.
  return m[0].replace(/^.*?(?:关于对|关于在|关于|对|在|于|向|提交|期间)(?=[\p{Script=Han}]*届)/u, '').replace(/^(?:的|您|你|你们|贵会)/, '');
}

/** Suggestion or proposal, from the words that name it: 建议/代表/人大 or 提案/委员/政协; the title decides first, then the session, the salutation, the opening. */
export function typeIn(title: string | undefined, session: string | undefined, salutation: string | undefined, opening: string | undefined): ReplyType | undefined {
  const byWord = (text: string | undefined): ReplyType | undefined => {
    if (!text) return undefined;
    const s = text.search(/建议(?:的|答复|办理|$)|号(?:代表)?建议/);
    const p = text.search(/提案/);
    if (s !== -1 && (p === -1 || /号(?:代表)?建议/.test(text))) return 'suggestion';
    if (p !== -1) return 'proposal';
    return undefined;
  };
  const bySession = (text: string | undefined): ReplyType | undefined => (!text ? undefined : /人大|人民代表大会/.test(text) ? 'suggestion' : /政协|政治协商/.test(text) ? 'proposal' : undefined);
  const byPerson = (text: string | undefined): ReplyType | undefined => (!text ? undefined : /代表/.test(text) ? 'suggestion' : /委员(?!会)/.test(text) ? 'proposal' : undefined);
  return byWord(title) ?? bySession(session) ?? byPerson(salutation) ?? bySession(opening) ?? byWord(opening);
}

/** An organisation named at the start of a title (马关县交通运输局关于…的答复函 → 马关县交通运输局). */
function issuerInTitle(title: string | undefined): string | undefined {
  const m = title ? /^(.{3,30}?)(?:关于|对)/.exec(title) : null;
  return m && isOrganisationLine(m[1]!) ? m[1] : undefined;
}

/** Where an issuer was read from: a person checks the weaker sources (a page's 来源 line may name the website's owner, not the department that replied). */
export type IssuerSource = 'signature' | 'letterhead' | 'title' | 'signer' | 'contact' | 'publisher';

/** The issuing body the text names, and which line named it, strongest first: signature, letterhead, title, 签发 line, 联系单位, the page's 来源/发布机构. */
export function issuerOf(blocks: Block[], titleText: string | undefined): { name: string; from: IssuerSource } | undefined {
  const of = (kind: Block['kind']) => blocks.filter((b) => b.kind === kind);
  const metadata = of('metadata');
  const titles = of('title').map((b) => b.zh);
  // The signature without a seal note or a date on the same line (某县水务局（盖章）, 某委 2023年7月3日).
  const signature = of('signature').map((b) => b.zh.replace(/\s+\S+年\S+月\S+日$/, '').replace(/\s*[(（]\s*(盖章|公章|章|印章)\s*[)）]\s*$/, '')).find((t) => isOrganisationLine(t));
  const letterhead = titles.find((t) => isOrganisationLine(t)) ?? metadata.filter((b) => b.field === 'letterhead').map((b) => b.zh.replace(/文件$/, ''))[0];
  const signerLine = metadata.filter((b) => b.field === 'signer').map((b) => /^(\S{3,30})\s+签\s*发/.exec(b.zh)?.[1]).find((t) => t && isOrganisationLine(t));
  const contactUnit = of('contact').map((b) => /^[(（]?\s*联\s*系\s*单\s*位\s*[:：]\s*(\S+?)\s*[)）]?$/.exec(b.zh)?.[1]).find((t) => t && isOrganisationLine(t));
  // Last resort: the publishing body the page's metadata names (来源:生态环境部), when it is an organisation's name.
  const publisher = metadata.filter((b) => b.field === 'publisher' || b.field === 'publishDate').map((b) => /(?:发\s*布\s*机\s*构|来\s*源)\s*[:：]\s*\|?\s*([^\s|:：]+)/.exec(b.zh)?.[1]).find((t) => t && isOrganisationLine(t));
  const found: [string | undefined, IssuerSource][] = [
    [signature, 'signature'],
    [letterhead, 'letterhead'],
    [issuerInTitle(titleText), 'title'],
    [signerLine, 'signer'],
    [contactUnit, 'contact'],
    [publisher, 'publisher'],
  ];
  const hit = found.find(([name]) => name);
  return hit ? { name: hit[0]!, from: hit[1] } : undefined;
}

/** Fills what meta.yaml does not give from the blocks and the joined title. */
export function readMeta(blocks: Block[], found: { title?: string }, given: Partial<ReplyMeta>): ReplyMeta {
  const of = (kind: Block['kind']) => blocks.filter((b) => b.kind === kind);
  const salutation = of('salutation')[0]?.zh;
  const letter = blocks.filter((b) => b.kind !== 'furniture' && b.kind !== 'metadata');
  const opening = letter.find((b) => b.kind === 'paragraph' || b.kind === 'heading')?.zh;
  const titles = of('title').map((b) => b.zh);
  const titleText = found.title;
  const addressee = salutation?.replace(/^尊敬的/, '').replace(/[:：].*$/, '').trim();
  const numberLine = blocks.filter((b) => b.kind === 'metadata' && b.field === 'other').map((b) => /^[|｜\s]*(?:提\s*案|建\s*议)?\s*编?\s*号\s*[:：]\s*\|?\s*第?\s*([A-Za-z]{0,6}[0-9][0-9A-Za-z]*)/.exec(b.zh)?.[1]).find(Boolean);
  const number = numberIn(titleText ?? '') ?? numberLine ?? numberIn(opening ?? '');
  const session = sessionIn(titleText ?? '') ?? sessionIn(opening ?? '');
  const type = typeIn(titleText, session, salutation, opening);
  const metadata = of('metadata');
  const documentNumber = metadata.filter((b) => b.field === 'documentNumber').map((b) => RE_DOCUMENT_NUMBER.exec(b.zh)?.[0]).find(Boolean);
  const outcome: OutcomeClass | undefined = metadata.filter((b) => b.field === 'outcome').map((b) => outcomeOf(b.zh)).find(Boolean) ?? (/[(（]\s*([ABC])\s*类\s*[)）]/.exec(titleText ?? '')?.[1] as OutcomeClass | undefined);
  const date = of('date').map((b) => normalizeDate(b.zh)).find(Boolean) ?? of('signature').map((b) => signatureDate(b.zh)).find(Boolean);
  const issuer = issuerOf(blocks, titleText)?.name;
  const published = metadata.filter((b) => b.field === 'publishDate').map((b) => /(\d{4})\s*[-/.年]\s*\d{1,2}\s*[-/.月]/.exec(b.zh)?.[1]).find(Boolean);
  const year = Number((date ?? '').slice(0, 4)) || Number(/[〔【[（(﹝]\s*(\d{4})\s*[〕】\]）)﹞]/.exec(documentNumber ?? '')?.[1]) || Number(published) || undefined;
  const word = type === 'suggestion' ? '建议' : '提案';
  // Without a title line: the proposal's own name as the opening quotes it, else its number, else its author.
  const titleLine = metadata.filter((b) => b.field === 'other').map((b) => /^(?:标\s*题|题\s*目)\s*[:：]\s*(.{4,60}?(?:建议|提案))$/.exec(b.zh)?.[1]).find(Boolean);
  const quoted = titleLine ?? /[《“]((?:关于)?[^》”]{4,60}?(?:建议|提案))[》”]/.exec(opening ?? '')?.[1];
  const fallbackTitle =
    titles.find((t) => /答复|复函|提案|建议/.test(t)) ??
    (quoted ? `对《${quoted}》的答复` : number ? `关于第${number}号${word}的答复` : addressee && type ? `对${addressee}${word}的答复` : `${type ? word : ''}答复`);
  return {
    ...given,
    type: given.type ?? type,
    proposalNumber: given.proposalNumber ?? number,
    session: given.session ?? session,
    documentNumber: given.documentNumber ?? documentNumber,
    outcome: given.outcome ?? outcome,
    addressee: given.addressee ?? addressee,
    date: given.date ?? date,
    year: given.year ?? year,
    issuingBody: given.issuingBody ?? (issuer ? { zh: issuer } : undefined),
    title: { zh: given.title?.zh ?? titleText ?? fallbackTitle, en: given.title?.en },
  };
}
