/**
 * Line classification for replies as published on government websites: which
 * lines are the web page around the letter (furniture), which are the
 * document's administrative data (metadata), and which are the letter's own
 * front and back matter (title, salutation, closing, signature, date,
 * contact). Pure functions over one trimmed line; parse.ts decides where in the
 * text each test applies. Labels match with spaces inside (`联 系 人`) and in
 * both ASCII and full-width punctuation.
 */
import type { MetadataField } from './model.ts';

/** A label whose characters may be spaced out (`类 别`, `抄 报`), as a regex source. */
function spaced(label: string): string {
  return [...label].join('\\s*');
}

/** One of several labels, each possibly spaced out, as a regex source (the caller says what may follow). */
function labels(...names: string[]): string {
  return `(?:${names.map(spaced).join('|')})`;
}

const COLON = '[:：]';

const FURNITURE: RegExp[] = [
  // Where you are on the site: breadcrumbs.
  /^(当前位置|您的位置|你的位置|您现在的位置|你现在的位置|现在位置|所在位置)\s*[:：]/,
  /首页\s*[>＞»›/|]/,
  /[>＞»›]\s*正文$/,
  // Site chrome: greetings, toolbars, accessibility and version switches.
  /^(今天是|今日是|欢迎访问|欢迎来到|欢迎您)/,
  /^(手机版|移动版|电脑版|无障碍|无障碍浏览|长者模式|关怀版|适老化|读屏专用|繁體|简体|繁体|English|登录|注册|搜索|站内搜索|返回首页|返回顶部|网站地图|设为首页|加入收藏|打印|打印本页|关闭|关闭窗口|收藏|分享|分享到|政府信息公开|政务公开|信息公开|信息公开目录|首页)\s*[:：]?\s*$/,
  /(无障碍浏览|长者模式|关怀模式|读屏专用)/,
  /^[【[]?\s*(打印|关闭|字体|字号|分享|收藏|打印本页|关闭窗口|大字版)/,
  /字\s*[体号]\s*[:：]?\s*[【[]?\s*[大中小]/,
  /[【[]\s*[大中小]\s*[】\]]/,
  /(浏览量|浏览次数|访问量|访问次数|点击量|点击数|点击率|阅读量|阅读数|阅读次数)\s*[:：]?/,
  /^(扫一扫|扫描二维码|用手机扫)/,
  /^(上|下)一(篇|条|页)\s*[:：]?/,
  /^(相关附件|附件下载|相关下载|附件)\s*[:：]?\s*$/,
  /^(责任编辑|编辑|审核|校对|初审|复审|终审|作者)\s*[:：]/,
  // Site footers.
  /ICP|备\s*\d+\s*号|版权所有|Copyright|©|技术支持|网站标识码|网站识别码|公安备案|公网安备|网站主办|主办单位|主管单位|网站维护|建议使用.{0,20}浏览器|分辨率|联系我们|网站地图/i,
  // Lines of nothing but markup left over from the page (brackets, bars, dots).
  /^[\s[\]【】|｜·•.。…>＞-]+$/,
];

/** A site menu: four or more short words separated by spaces (首页 政务公开 政民互动 …), not a row of organisation names. */
const NAV_MENU = /^(?:[\p{Script=Han}A-Za-z]{2,6}[ \t\u3000]+){3,}[\p{Script=Han}A-Za-z]{2,6}$/u;

/** True for a line of the web page around the letter: breadcrumbs, toolbars, view counts, previous/next links, footers, menus. */
export function isFurnitureLine(text: string): boolean {
  return FURNITURE.some((re) => re.test(text)) || (NAV_MENU.test(text) && !isOrganisationLine(text));
}

/** A document number (文号) as written: issuer abbreviation, year in 〔〕【】[]()﹝﹞, number, 号. */
export const RE_DOCUMENT_NUMBER = /[\p{Script=Han}A-Za-z]{1,15}\s*[〔【[（(﹝]\s*\d{4}\s*[〕】\]）)﹞]\s*第?\s*\d+\s*号/u;

const METADATA: [MetadataField, RegExp][] = [
  ['indexNumber', new RegExp(`^${labels('索引号', '索 引 号')}\\s*${COLON}`)],
  ['documentNumber', new RegExp(`^${labels('文号', '发文字号', '发文号')}\\s*${COLON}`)],
  ['outcome', new RegExp(`^${labels('办复类别', '办理结果类别', '答复类别', '办理类别', '办结类别', '结果类别', '类别', '分类标识', '办理结果')}\\s*([:：【[(（]|\\s*[ABC]\\s*类?\\s*$)`)],
  ['outcome', /^[ABC]\s*类$/],
  ['classification', new RegExp(`^${labels('主题分类', '主题词', '分类', '体裁分类', '组配分类', '服务对象')}\\s*${COLON}`)],
  ['publishDate', new RegExp(`^${labels('生成日期', '发布日期', '发布时间', '成文日期', '生效日期', '印发日期', '公开日期', '更新时间', '更新日期', '废止日期', '有效性')}\\s*${COLON}`)],
  ['publishDate', /^\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(\s+\d{1,2}:\d{2}(:\d{2})?)?(\s+(来源|信息来源|发布机构|作者).*)?$/],
  ['publisher', new RegExp(`^${labels('发布机构', '发文机关', '发文单位', '信息来源', '来源', '公开主体', '所属机构', '生成机构', '发布单位')}\\s*${COLON}`)],
  ['disclosure', new RegExp(`^${labels('公开方式', '公开范围', '公开属性', '公开类型', '是否同意公开', '是否公开', '公开形式')}\\s*([:：【[(（])`)],
  ['disclosure', /^(主动公开|依申请公开|不予公开|不公开|免予公开|公开|同意公开)$/],
  ['disclosure', /^注\s*[:：]\s*[“"「]?\s*(主动公开|依申请公开|不予公开|不公开|免予公开|同意公开|公开)\s*[”"」]?\s*[。.]?$/],
  ['disclosure', /^[(（]?\s*此件\s*(主动公开|依申请公开|不予公开|不公开|免予公开|公开)\s*(发布)?\s*[)）]?$/],
  ['publishDate', /^.{0,30}\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印\s*发$/],
  ['other', new RegExp(`^${labels('提案编号', '建议编号', '提案号', '建议号', '案号', '编号', '提案人', '建议人', '提出人', '领衔人', '领衔代表', '提案者', '办理单位', '协办单位', '会办单位', '答复单位', '办理状态', '标题', '题目')}\\s*${COLON}`)],
  ['signer', new RegExp(`${labels('签发人', '签发')}\\s*${COLON}`)],
  ['summary', new RegExp(`^${labels('内容概述', '内容摘要', '内容提要', '摘要')}\\s*${COLON}`)],
  ['letterhead', /^[\p{Script=Han}（）()]{2,40}文件$/u],
];

/**
 * The administrative field a line states, or undefined for letter text. A
 * line with a document number (`长房议字〔2025〕11号 签发人:赵洪利`) records the
 * number; a line that only names the signer records the signer.
 */
export function metadataField(text: string): MetadataField | undefined {
  const t = text.replace(/^[|｜\s]+/, '');
  if (/^\s*[(（]?\s*(联\s*系|承\s*办|经\s*办)/.test(t)) return undefined;
  const docNumber = RE_DOCUMENT_NUMBER.exec(t);
  // A bare document number line (the number, maybe a signer): not a sentence that cites a document.
  if (docNumber && docNumber.index === 0 && !/[。，,；;]/.test(t) && t.length <= 60) return 'documentNumber';
  for (const [field, re] of METADATA) {
    if (!re.test(t)) continue;
    // 分类标识【D】 and the like: a class, but not one of the outcome classes A/B/C.
    return field === 'outcome' && !outcomeOf(t) ? 'classification' : field;
  }
  return undefined;
}

/** The outcome class (A/B/C) a metadata line states, if any: `办复类别:B类`, `类 别:B`, `A类`, `分类标识【A】`. */
export function outcomeOf(text: string): 'A' | 'B' | 'C' | undefined {
  const m = /(?:^|[:：【[(（|\s])\s*([ABC])\s*类?\s*[】\])）|]?\s*$/.exec(text);
  return m ? (m[1] as 'A' | 'B' | 'C') : undefined;
}

const TITLE_END = /(答复|答复函|答复的函|复函|回复|回函|的函|答复意见|办理情况|办理意见|办理结果)(?:[(（][^()（）]{1,24}[)）])?$/;

/** True when a line (spaces inside ignored) ends the way a reply's title ends: …的答复, 答复函, 复函, 回复, …的函. */
export function isTitleEnd(text: string): boolean {
  const t = text.replace(/\s+/g, '');
  return t.length <= 80 && !/[。；;！!？?]/.test(t) && TITLE_END.test(t);
}

const ORG_SUFFIX = /(局|委|委员会|厅|政府|办公室|办|中心|部|院|处|署|公司|集团|分局|总局|站|所|队|馆|社|会|联|行|学校|大学|医院|管委会|办事处|街道|镇|乡)$/;

/** True for a line that is only the name of an organisation (or several, separated by spaces): a signature or letterhead. */
export function isOrganisationLine(line: string): boolean {
  const text = line.replace(/\s*[(（]\s*(盖章|公章|章|印章)\s*[)）]\s*$/, '');
  return text.length <= 40 && !/[。，,；;：:！!？?、“”"《》()（）\d]/.test(text) && text.split(/\s+/).every((part) => part.length >= 3 && ORG_SUFFIX.test(part));
}

/** A signature and its date on one line (`某市教育局 2021年7月26日`): the date, or undefined. */
export function signatureDate(text: string): string | undefined {
  const m = /^(.+?)\s+(\S+年\S+月\S+日)$/.exec(text.trim());
  return m && isOrganisationLine(m[1]!) ? normalizeDate(m[2]!) : undefined;
}

/** The empty signature field of a reply form (`领导签字:`, `签发领导:`): kept as a signature block. */
export function isSignatureLabel(text: string): boolean {
  return new RegExp(`^${labels('领导签字', '领导签名', '签字', '签发领导', '负责人签字', '单位盖章', '盖章')}\\s*[:：]?\\s*$`).test(text);
}

const CONTACT = new RegExp(
  `^[(（]?\\s*${labels('联系人及电话', '联系人及联系方式', '联系人', '联系电话', '联系单位', '联系方式', '联系地址', '经办人', '承办人', '承办单位', '承办科室', '分管领导', '单位负责人', '主要负责人', '负责人', '抄送', '抄报', '办理人', '经办单位', '承办处室', '主办处室', '办理单位', '核稿人', '拟稿人', '电话', '邮编', '传真', '邮箱')}`,
);

/** True for a contact or routing line of the back matter: 联系人, 联系电话, 承办人, 分管领导, 抄送/抄报, also spaced or in parentheses. */
export function isContactLine(text: string): boolean {
  return CONTACT.test(text) && text.length <= 120;
}

const RE_THANKS = /^((最后|在此|同时|再次|衷心|非常|十分|诚挚|真诚)\s*[、,，]?\s*)*(再次|衷心|非常|十分|诚挚|真诚)?\s*(地)?\s*(感谢|谢谢|致谢)/;
const RE_FORMULA = /^(此致|敬礼|顺致|顺颂|祝|特此函复|特此答复|特此复函|特此回复|此复|专此答复|专此函复|以上答复|以上意见|以上回复|如有(不妥|意见|疑问)|欢迎(继续|您|你)|请(继续|您|你).{0,6}(关注|支持|提出))/;

/** True for a closing formula: thanks, 此致/敬礼, 以上答复您是否满意…, 特此函复; never the opening that acknowledges the proposal (…收悉). */
export function isClosingLine(text: string): boolean {
  if (text.length > 160 || /收悉|答复如下|回复如下/.test(text)) return false;
  if (RE_FORMULA.test(text)) return true;
  if (RE_THANKS.test(text)) return true;
  // A thanks sentence that does not open the line: 在此、对你们提出的意见和建议再次表示感谢.
  return text.length <= 100 && /(表示|致以).{0,6}(感谢|谢意)|感谢.{0,30}(关心|关注|支持|理解)/.test(text) && /^(在此|同时|最后|再次|衷心|非常|十分|对|您|你|贵)/.test(text);
}

/** Full-width digits (２０２３) as ASCII, and the circles and letters typed for 〇 (○, Ｏ, O) as 〇, so dates read alike. */
function asciiDigits(text: string): string {
  return text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/[○◯ＯOoｏ](?=[〇○◯ＯOoｏ零一二三四五六七八九]*年)/g, '〇');
}

const CN_DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const RE_DATE = /^(\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*日$/;
/** Something that looks like a date but is not one we can read: digits run together (2023618), mixed numerals (0二十六日), an impossible day. */
const RE_DATE_LIKE = /^(\d{4}\s*年.{0,8}日|[〇零一二三四五六七八九]{2,4}\s*年.{0,8}日|(?:19|20)\d{4,6}|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|.{0,6}\d\s*[一二三四五六七八九十]+\s*日|[〇零一二三四五六七八九十0-9]{1,4}\s*年?\s*[〇零一二三四五六七八九十0-9]{1,2}\s*月\s*[〇零一二三四五六七八九十0-9]{1,4}\s*日)$/;

function cnNumber(text: string): number {
  if (/^\d+$/.test(text)) return Number(text);
  if (!/^[一二三四五六七八九十]{1,3}$/.test(text)) return Number.NaN;
  if (text === '十') return 10;
  const tens = text.indexOf('十');
  if (tens === -1) return text.length === 1 ? CN_DIGITS[text]! : Number.NaN;
  const high = tens === 0 ? 1 : CN_DIGITS[text.slice(0, tens)] ?? Number.NaN;
  const low = text.slice(tens + 1);
  return high * 10 + (low === '' ? 0 : low.length === 1 ? CN_DIGITS[low] ?? Number.NaN : Number.NaN);
}

/**
 * Reads a date line: 2021年7月19日, 2019年07月26日, 2021 年 12 月 1 日 or
 * 二〇二一年七月十九日 → 2021-07-19. A day that the month does not have, or any
 * other text, gives undefined: never a guessed date.
 */
export function normalizeDate(raw: string): string | undefined {
  const text = asciiDigits(raw);
  const iso = /^(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})$/.exec(text.trim());
  const m = iso ? [iso[0], iso[1], iso[2], iso[3]] : RE_DATE.exec(text.trim());
  if (!m) return undefined;
  const year = /^\d+$/.test(m[1]!) ? Number(m[1]) : Number([...m[1]!].map((c) => CN_DIGITS[c]).join(''));
  const month = cnNumber(m[2]!);
  const day = cnNumber(m[3]!);
  if (!(month >= 1 && month <= 12 && day >= 1)) return undefined;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > last) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** `date` for a date line we can read, `garbled` for one that looks like a date but cannot be read safely, else undefined. */
export function dateLine(text: string): 'date' | 'garbled' | undefined {
  const t = asciiDigits(text.trim());
  if (normalizeDate(t)) return 'date';
  return RE_DATE_LIKE.test(t) ? 'garbled' : undefined;
}

const GREETING = /^(您好|你好|您们好|你们好|大家好)\s*[!！。,，]?$/;

/** True for a greeting on a line of its own after the salutation (`您好!`). */
export function isGreetingLine(text: string): boolean {
  return GREETING.test(text);
}

const NOT_ADDRESSEE = new RegExp(`(${['联系', '电话', '签字', '签发', '附件', '分享', '今天是', '今日是', '字体', '字号', '如下', '答复', '收悉', '地址', '邮编', '传真', '抄送', '抄报', '承办', '经办', '负责人', '领导', '时间', '日期', '来源', '位置', '索引', '类别', '公开'].map(spaced).join('|')})`);
const RE_NUMBERED = /^([一二三四五六七八九十]+[、.．,，]|[(（][一二三四五六七八九十\d]+[)）]|\d+[、.．])/;
const ADDRESSEE_END = /(委员|代表|委员会|同志|先生|女士|老师|主任|主席|会长|书记|们)$/;

/**
 * True for the salutation: `尊敬的…`, `…委员:`, `…代表:`, `…等N名代表:`, `…委员会:`
 * or any short name followed by a colon; without a colon (`高松代表`) only when
 * the next line opens the reply (您提出的…收悉).
 */
export function isSalutationLine(line: string, next?: string): boolean {
  // A greeting on the same line (张三委员：您好！) belongs to the salutation.
  const text = line.replace(/([:：])\s*(您好|你好|您们好|你们好)\s*[!！。]?$/, '$1');
  if (text.length > 48 || NOT_ADDRESSEE.test(text) || RE_NUMBERED.test(text)) return false;
  const body = text.replace(/[:：]\s*$/, '');
  if (/[,，。；;！!？?]/.test(body) || body.length === 0) return false;
  if (/^尊敬的/.test(body)) return true;
  if (/[:：]\s*$/.test(text)) return body.length <= 40 && !/[:：]/.test(body);
  const opens = next !== undefined && (/^(您|你|贵|首先|感谢|非常感谢)/.test(next) || /收悉/.test(next.slice(0, 80)));
  return body.length <= 30 && ADDRESSEE_END.test(body) && opens;
}
