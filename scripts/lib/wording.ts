/**
 * How a reply is named in each locale: a suggestion of an NPC deputy (代表建议)
 * or a proposal of a CPPCC member (委员提案) are answers to different bodies,
 * so titles, lists and the metadata table say which, and stay neutral when the
 * type is unknown. Also the meaning of the outcome classes (办复类别 A/B/C)
 * and the labels of metadata fields. Pure data and string functions: the
 * pipeline (search records) and the pages (src/) use the same wording.
 */
import type { MetadataField, OutcomeClass, ReplyMeta, ReplyType } from './model.ts';
import type { LocaleId } from './page-data.ts';

const NOUN: Record<LocaleId, Record<ReplyType, string>> = {
  en: { suggestion: 'Suggestion', proposal: 'Proposal' },
  'zh-hans': { suggestion: '建议', proposal: '提案' },
  'zh-hant': { suggestion: '建議', proposal: '提案' },
};

/** The type as a noun: Suggestion / Proposal, 建议 / 提案. */
export function typeNoun(locale: LocaleId, type: ReplyType): string {
  return NOUN[locale][type];
}

/** The plural heading of a type (facet labels): Suggestions (NPC deputies) / 人大代表建议. */
export function typeGroup(locale: LocaleId, type: ReplyType): string {
  const groups: Record<LocaleId, Record<ReplyType, string>> = {
    en: { suggestion: 'Suggestions of NPC deputies', proposal: 'Proposals of CPPCC members' },
    'zh-hans': { suggestion: '人大代表建议', proposal: '政协委员提案' },
    'zh-hant': { suggestion: '人大代表建議', proposal: '政協委員提案' },
  };
  return groups[locale][type];
}

/**
 * The reply's type and number as a reader names it: "Suggestion No. 71", "第71号建议";
 * "No. 71" / "第71号" when the type is unknown; "Suggestion (number not stated)" without a number;
 * undefined when neither is known.
 */
export function replyNumber(locale: LocaleId, meta: Pick<ReplyMeta, 'type' | 'proposalNumber'>): string | undefined {
  const { type, proposalNumber: n } = meta;
  if (!n) {
    if (!type) return undefined;
    return locale === 'en' ? `${NOUN.en[type]} (number not stated)` : `${NOUN[locale][type]}（${locale === 'zh-hant' ? '編號未註明' : '编号未注明'}）`;
  }
  if (locale === 'en') return type ? `${NOUN.en[type]} No. ${n}` : `No. ${n}`;
  return `第${n}${locale === 'zh-hant' ? '號' : '号'}${type ? NOUN[locale][type] : ''}`;
}

/** Who the reply answers, as the label of the addressee: NPC deputy / CPPCC member when the type is known, else neutral. */
export function addresseeLabel(locale: LocaleId, type: ReplyType | undefined, addressee?: string): string {
  // A collective proposal answers a committee or a party (贵会, 民盟…委员会), not a member: neutral label then.
  const person = !addressee || /(代表|委员|委員)(等\s*[0-9０-９一二三四五六七八九十]+\s*[名位](代表|委员|委員))?$/.test(addressee.trim());
  if (type && person) {
    const labels: Record<LocaleId, Record<ReplyType, string>> = {
      en: { suggestion: 'NPC deputy', proposal: 'CPPCC member' },
      'zh-hans': { suggestion: '人大代表', proposal: '政协委员' },
      'zh-hant': { suggestion: '人大代表', proposal: '政協委員' },
    };
    return labels[locale][type];
  }
  return { en: 'Addressed to', 'zh-hans': '答复对象', 'zh-hant': '答覆對象' }[locale];
}

/** "the Zhengzhou Municipal Bureau …": one lower-case article inside the title, also when the name starts with "The". */
const withArticle = (name: string) => `the ${name.replace(/^the\s+/i, '')}`;

/**
 * The English title used when neither meta.yaml nor en.yaml gives one:
 * "Reply of the … Bureau to Suggestion No. 71", "Reply to Proposal No. 12", "Reply to No. 71";
 * undefined when the reply's type and number are both unknown (the Chinese title is shown then).
 */
export function defaultEnglishTitle(meta: Pick<ReplyMeta, 'type' | 'proposalNumber' | 'issuingBody'>): string | undefined {
  const what = meta.proposalNumber ? replyNumber('en', meta) : meta.type ? `a ${meta.type}` : undefined;
  if (!what) return undefined;
  const by = meta.issuingBody?.en ? ` of ${withArticle(meta.issuingBody.en)}` : '';
  return `Reply${by} to ${what}`;
}

/** An outcome class as the site shows it: the letter, a short label (lists) and its meaning (metadata table). */
export interface OutcomeWording {
  letter: OutcomeClass;
  short: string;
  meaning: string;
}

/**
 * The outcome classes (办复类别, 办理结果类别) in the wording of the usual handling rules for
 * deputies' suggestions and members' proposals: A solved or adopted, B being solved or planned,
 * C cannot be solved for now or kept for reference.
 */
const OUTCOMES: Record<LocaleId, Record<OutcomeClass, [short: string, meaning: string]>> = {
  en: {
    A: ['Solved or adopted', 'the matter raised has been solved or largely solved, or what was put forward has been adopted'],
    B: ['Being solved or planned', 'the matter raised is being solved, or its solution has been included in a plan'],
    C: ['Cannot be solved for now, or kept for reference', 'conditions do not allow the matter to be solved for now, or it is kept for reference'],
  },
  'zh-hans': {
    A: ['已解决或采纳', '所提问题已经解决或基本解决，或所提意见已被采纳'],
    B: ['正在解决或列入计划', '所提问题正在解决，或已列入计划逐步解决'],
    C: ['暂不能解决或留作参考', '所提问题因条件限制暂时不能解决，或留作参考'],
  },
  'zh-hant': {
    A: ['已解決或採納', '所提問題已經解決或基本解決，或所提意見已被採納'],
    B: ['正在解決或列入計劃', '所提問題正在解決，或已列入計劃逐步解決'],
    C: ['暫不能解決或留作參考', '所提問題因條件限制暫時不能解決，或留作參考'],
  },
};

/** The wording of an outcome class in a locale. */
export function outcomeWording(locale: LocaleId, outcome: OutcomeClass): OutcomeWording {
  const [short, meaning] = OUTCOMES[locale][outcome];
  return { letter: outcome, short, meaning };
}

/** An outcome in one line, for lists: "B: Being solved or planned", "B类：正在解决或列入计划". */
export function outcomeLine(locale: LocaleId, outcome: OutcomeClass): string {
  const { short } = outcomeWording(locale, outcome);
  return locale === 'en' ? `${outcome}: ${short}` : `${outcome}${locale === 'zh-hant' ? '類' : '类'}：${short}`;
}

const FIELDS: Record<LocaleId, Record<MetadataField, string>> = {
  en: {
    indexNumber: 'Index number',
    documentNumber: 'Document number',
    signer: 'Signed by',
    outcome: 'Outcome class',
    classification: 'Classification',
    disclosure: 'Disclosure',
    publisher: 'Published by',
    publishDate: 'Publication date',
    letterhead: 'Letterhead',
    summary: 'Summary',
    other: 'Other data',
  },
  'zh-hans': {
    indexNumber: '索引号',
    documentNumber: '文号',
    signer: '签发人',
    outcome: '办复类别',
    classification: '分类',
    disclosure: '公开方式',
    publisher: '发布机构',
    publishDate: '发布日期',
    letterhead: '文头',
    summary: '内容概述',
    other: '其他信息',
  },
  'zh-hant': {
    indexNumber: '索引號',
    documentNumber: '文號',
    signer: '簽發人',
    outcome: '辦復類別',
    classification: '分類',
    disclosure: '公開方式',
    publisher: '發佈機構',
    publishDate: '發佈日期',
    letterhead: '文頭',
    summary: '內容概述',
    other: '其他信息',
  },
};

/** The label of a metadata block's field in the page language (an unknown field is labelled as other data). */
export function fieldLabel(locale: LocaleId, field: MetadataField | undefined): string {
  return FIELDS[locale][field ?? 'other'] ?? FIELDS[locale].other;
}
