// The letter around the body: line classes (furniture, metadata, salutation, closing, signature, date, contact) over the
// kinds of variation seen on government websites, and the synthetic letter fixtures in tests/fixtures/parse/letter-*.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dateLine, isClosingLine, isContactLine, isFurnitureLine, isOrganisationLine, isSalutationLine, isTitleEnd, metadataField, normalizeDate, outcomeOf } from '../../scripts/lib/letter-lines.ts';
import { parseReply } from '../../scripts/lib/parse.ts';
import type { ReplyDocument } from '../../scripts/lib/model.ts';
import { fixtureDir, readSource, rel } from './helpers.ts';

const parseCase = (name: string) => {
  const path = join(fixtureDir('parse'), name, 'input.txt');
  return parseReply(readSource(path), { slug: name, file: rel(path) });
};
const kindsOf = (doc: ReplyDocument, ids: string[]) => ids.map((id) => doc.blocks.find((b) => b.id === id)!.kind);

describe('furniture: the web page around the letter', () => {
  it.each([
    '当前位置:首页 > 政府信息公开 > 建议提案',
    '当前位置：首页 > 政务公开',
    '首页/ 政务公开 / 建议提案结果公开 / 正文',
    '欢迎访问某市人民政府门户网站! 今日是:',
    '今天是:',
    '无障碍浏览 长者模式',
    '手机版',
    '分享到:',
    '[打印] 字号:[大] [中] [小]',
    '字体:[ 大 中 小 ]',
    '【字体：大 中 小】【打印】【关闭】',
    '文章来源:某市民政局 浏览量:1024',
    '扫一扫在手机打开当前页',
    '上一篇:关于第65号建议的答复函',
    '下一篇：关于第63号建议的答复函',
    '相关附件:',
    '附件下载：',
    '责任编辑:周永瑞',
    '关闭',
    '息烽县人民政府版权所有 黔ICP备10201081号',
    '主办单位:某县人民政府办公室 联系方式:0851-87721549 地址:某路27号',
    '技术支持:某科技有限公司 网站标识码:5201220001',
    'Copyright © 2023 某市人民政府',
    '首页 政务公开 政民互动 办事服务',
  ])('%s', (line) => {
    expect(isFurnitureLine(line)).toBe(true);
  });

  it.each(['尊敬的王委员:', '感谢您对教育工作的关心。', '关于对市七届人大五次会议第71号建议的答复', '联系人:张三 联系电话:12345678', '附件:代表建议办理情况反馈表', '某市交通运输局', '2023年6月29日'])('not furniture: %s', (line) => {
    expect(isFurnitureLine(line)).toBe(false);
  });
});

describe('metadata: the document\'s administrative data, with the field it states', () => {
  it.each([
    ['索引号: 010805312/2019-00088 | 发布机构: 宝鸡市环境保护局 |', 'indexNumber'],
    ['索引号： | ynsgxw-1-13202 |', 'indexNumber'],
    ['高卫体发〔2023〕148号', 'documentNumber'],
    ['潼民函【2022】15号', 'documentNumber'],
    ['长房议字〔2025〕11号 签发人:赵洪利', 'documentNumber'],
    ['文 号: | 主题分类: |', 'documentNumber'],
    ['签发人:杨宏亮', 'signer'],
    ['宝鸡市生态环境局 签发人:赵永怀', 'signer'],
    ['类 别:B', 'outcome'],
    ['办复类别:B类', 'outcome'],
    ['办理结果类别：C类', 'outcome'],
    ['A类', 'outcome'],
    ['分类标识【A】', 'outcome'],
    ['分类标识【D】', 'classification'],
    ['公开方式: 主动公开 |', 'disclosure'],
    ['是否同意公开【主动公开】', 'disclosure'],
    ['公开', 'disclosure'],
    ['注:“主动公开”。', 'disclosure'],
    ['生成日期: 2019-05-09 | 公开方式: 主动公开 |', 'publishDate'],
    ['2021-08-17 来源:生态环境部', 'publishDate'],
    ['发布时间:2025-05-20   信息来源: 某区教育和体育局', 'publishDate'],
    ['发布机构: 某省工信厅', 'publisher'],
    ['潼关县民政局文件', 'letterhead'],
    ['内容概述:关于加强农村养老服务的建议答复。', 'summary'],
  ])('%s → %s', (line, field) => {
    expect(metadataField(line)).toBe(field);
  });

  it.each(['联系人:张三', '承办人:赵丽 联系方式:0351-2345678', '我局印发了《关于做好工作的通知》(某办函〔2024〕31号),要求各地落实。', '您提出的提案收悉。', '某市教育局'])('not metadata: %s', (line) => {
    expect(metadataField(line)).toBeUndefined();
  });

  it('reads the outcome class only where one of A, B, C is stated', () => {
    expect(['类 别:B', '办复类别:B类', 'A类', '办理结果类别：C类', '分类标识【A】', '分类标识【D】', '办复类别:'].map((t) => outcomeOf(t) ?? null)).toEqual(['B', 'B', 'A', 'C', 'A', null, null]);
  });
});

describe('salutation variants', () => {
  it.each(['尊敬的王爱珍代表:', '尊敬的杨昭委员：', '赵军虎委员:', '郭胜利、陈爱珍委员:', '黄莉新等25位委员:', '李红等8名代表:', '民建长春市委员会:', '致公党某市委:'])('%s', (line) => {
    expect(isSalutationLine(line)).toBe(true);
  });

  it('takes a name without a colon only when the next line opens the reply', () => {
    expect(isSalutationLine('高松代表', '您提出的第56号建议收悉,现答复如下:')).toBe(true);
    expect(isSalutationLine('高松代表', '2023年全市完成投资10亿元。')).toBe(false);
    expect(isSalutationLine('高松代表')).toBe(false);
  });

  it.each(['今天是:', '分享到:', '领导签字:', '联系人:', '相关附件:', '现答复如下:', '二、下一步工作打算:', '1.加强安全隐患排查:'])('not a salutation: %s', (line) => {
    expect(isSalutationLine(line, '您提出的建议收悉')).toBe(false);
  });
});

describe('title, closing, signature, contact and date lines', () => {
  it('ends a title at 答复, 答复函, 复函, 回复, 的函, with spaces inside ignored', () => {
    expect(isTitleEnd('关于第8号提案的答复(B类)')).toBe(true);
    expect(['关于第71号建议的答复', '答 复', '关于第12号提案的答复函', '某局对第8号提案的复函', '关于1号建议的回复', '提案答复的函', '关于对市七届人大五次会议第71号建议的'].map(isTitleEnd)).toEqual([true, true, true, true, true, true, false]);
  });

  it.each(['再次感谢您对学校工作的关心与支持!', '最后,衷心感谢您对工作的关注、关心和支持。', '非常感谢您们对全省工业园区建设的关心和支持。', '在此、对你们提出的意见和建议再次表示感谢,并请你们继续关注我们的工作。', '此致', '敬礼!', '以上答复您是否满意,如有意见,敬请反馈。', '特此函复。'])('closing: %s', (line) => {
    expect(isClosingLine(line)).toBe(true);
  });

  it('does not take the opening that thanks and acknowledges (…收悉,现答复如下:) for a closing', () => {
    expect(isClosingLine('感谢您对教育工作的关心和支持,您提出的建议已收悉,现答复如下:')).toBe(false);
  });

  it.each(['联系人:胡晓炜', '联系电话:13855402597', '联 系 人:张 雷 联系电话:56155520', '(联系人:刘成勇)', '（联系人及电话：魏冬 0871- 63512057）', '联系人及电话:徐盛,15398318981', '承办人:赵丽 联系方式:0351-2345678', '分管领导:王强', '承办单位:某市教育局', '单位负责人:陈刚', '抄送:市政协提案委', '抄 报:市督查局 市政协提案委'])('contact: %s', (line) => {
    expect(isContactLine(line)).toBe(true);
  });

  it('signatures are organisation names, several on a line allowed', () => {
    expect(['马关县交通运输局', '云南省工业和信息化委', '某市发展和改革委员会 某市财政局', '某县水务局（盖章）', '关于第1号建议的答复', '全市完成投资10亿元'].map(isOrganisationLine)).toEqual([true, true, true, true, false, false]);
    expect(isFurnitureLine('某市发展和改革委员会 某市财政局 某市教育局 某市民政局')).toBe(false);
  });

  it('reads dates with zero padding, spaces and Chinese numerals; garbled ones never give a date', () => {
    expect(['2019年07月26日', ' 2022 年 9 月 23 日 ', '二〇二一年七月十九日', '二○二一年七月十九日', '２０２１年７月１９日', '2021-08-17'].map((t) => normalizeDate(t))).toEqual(['2019-07-26', '2022-09-23', '2021-07-19', '2021-07-19', '2021-07-19', '2021-08-17']);
    expect(['2023618', '2023年6月0二十六日', '二〇二三年六月0二十六日', '2023年2月30日', '2021年13月1日'].map((t) => [normalizeDate(t) ?? null, dateLine(t)])).toEqual([
      [null, 'garbled'],
      [null, 'garbled'],
      [null, 'garbled'],
      [null, 'garbled'],
      [null, 'garbled'],
    ]);
    expect(dateLine('我局将于2023年6月底前完成。')).toBeUndefined();
  });
});

describe('synthetic letters (tests/fixtures/parse/letter-*)', () => {
  it('page furniture and document metadata before the title, a split title, a greeting line, furniture after the date', () => {
    const doc = parseCase('letter-furniture-metadata');
    expect(doc.furnitureIds).toEqual(['furniture-1', 'furniture-2', 'furniture-3', 'furniture-4', 'furniture-5', 'furniture-6', 'furniture-7']);
    expect(doc.blocks.filter((b) => b.kind === 'metadata').map((b) => `${b.id} ${b.field}`)).toEqual(['meta-1 indexNumber', 'meta-2 letterhead', 'meta-3 documentNumber', 'meta-4 signer', 'meta-5 outcome', 'meta-6 summary']);
    expect(doc.frontIds).toEqual(['title-1', 'title-2', 'title-3', 'salutation', 'greeting']);
    expect(kindsOf(doc, doc.backIds)).toEqual(['closing', 'signature', 'date']);
    expect(doc.meta).toMatchObject({ type: 'suggestion', proposalNumber: '56', session: '县十八届人大二次会议', documentNumber: '潼民函【2022】15号', outcome: 'C', issuingBody: { zh: '潼关县民政局' }, date: '2022-07-06', addressee: '张伟代表', title: { zh: '关于对县十八届人大二次会议第56号建议的答复' } });
  });

  it('thanks, 此致/敬礼, the satisfaction question, an empty 领导签字 and contact lines after item 3 are back matter', () => {
    const doc = parseCase('letter-closing-after-items');
    expect(doc.sections.at(-1)!.blockIds).toEqual(['s2', 's2-i1', 's2-i2', 's2-i3']);
    expect(kindsOf(doc, doc.backIds)).toEqual(['closing', 'closing', 'closing', 'closing', 'signature', 'contact', 'contact', 'contact', 'contact', 'signature', 'date']);
    expect(doc.meta.issuingBody).toEqual({ zh: '某市教育局' });
  });

  it('a salutation without a colon, and a contact in parentheses as the only back matter line after the thanks', () => {
    const doc = parseCase('letter-colonless-salutation');
    expect(doc.frontIds).toEqual(['salutation']);
    expect(kindsOf(doc, doc.backIds)).toEqual(['closing', 'contact']);
    expect(doc.meta).toMatchObject({ type: 'suggestion', proposalNumber: '03154', addressee: '高松代表' });
  });

  it('a spaced date before the contact block, spaced labels, the issuer named in the title', () => {
    const doc = parseCase('letter-dates-contacts');
    expect(kindsOf(doc, doc.backIds)).toEqual(['closing', 'date', 'contact', 'contact', 'contact']);
    expect(doc.meta).toMatchObject({ date: '2022-09-23', proposalNumber: '1', type: 'suggestion', issuingBody: { zh: '某县住房和城乡建设局' } });
  });

  it('an attachment list and a 抄送 list wrapped over lines, a seal note, 二○二三 with a circle, 此件公开发布, the outcome in the title', () => {
    const doc = parseCase('letter-wrapped-back-matter');
    expect(kindsOf(doc, doc.backIds)).toEqual(['closing', 'closing', 'closing', 'signature', 'date', 'contact', 'contact']);
    expect(doc.blocks.find((b) => b.kind === 'metadata')).toMatchObject({ field: 'disclosure', zh: '（此件公开发布）' });
    expect(doc.meta).toMatchObject({ issuingBody: { zh: '某县水务局' }, date: '2023-06-29', outcome: 'B', proposalNumber: '8' });
  });

  it('a site menu, number, proposer and title as metadata rows, the signature and date on one line', () => {
    const doc = parseCase('letter-menu-numbers');
    expect(doc.blocks.slice(0, 4).map((b) => `${b.kind} ${b.field ?? ''}`.trim())).toEqual(['furniture', 'metadata other', 'metadata other', 'metadata other']);
    expect(kindsOf(doc, doc.backIds)).toEqual(['signature']);
    expect(doc.meta).toMatchObject({ proposalNumber: '20230015', date: '2023-07-03', issuingBody: { zh: '某市发展和改革委员会' }, title: { zh: '对《关于优化营商环境的提案》的答复' } });
  });

  it('letterhead, 文号 and 签发人 before the title; a greeting on the salutation line; indented sections; 抄送 and a toolbar after the contact', () => {
    const doc = parseCase('letter-letterhead-sections');
    expect(doc.blocks.slice(0, 5).map((b) => b.field ?? b.kind)).toEqual(['furniture', 'publishDate', 'letterhead', 'documentNumber', 'signer']);
    expect(doc.frontIds).toEqual(['title-1', 'salutation', 'intro-p1']);
    expect(doc.sections.map((s) => `${s.id} ${s.titleZh}`)).toEqual(['s1 工作开展情况', 's2 下一步打算']);
    expect(kindsOf(doc, doc.backIds)).toEqual(['closing', 'signature', 'date', 'contact', 'contact']);
    expect(doc.meta).toMatchObject({ addressee: '张三委员', documentNumber: '某政办函〔2022〕12号', issuingBody: { zh: '某市人民政府办公室' }, type: 'suggestion', proposalNumber: '003' });
  });

  it('a page heading and date above the repeated title; 办理结果:A类 among the contact lines; the date last', () => {
    const doc = parseCase('letter-page-heading-outcome');
    expect(doc.blocks.slice(0, 3).map((b) => b.kind)).toEqual(['furniture', 'metadata', 'title']);
    expect(kindsOf(doc, doc.backIds)).toEqual(['closing', 'contact', 'contact', 'date']);
    expect(doc.meta).toMatchObject({ type: 'proposal', outcome: 'A', date: '2023-07-10', proposalNumber: '56', issuingBody: { zh: '某某区发展和改革局' } });
  });

  it('garbled dates stay text as date blocks, warn with file, line and fix, and give no date', () => {
    const doc = parseCase('letter-garbled-dates');
    expect(doc.blocks.filter((b) => b.kind === 'date').map((b) => b.zh)).toEqual(['2023618', '二〇二三年六月0二十六日']);
    expect(doc.meta.date).toBeUndefined();
    expect(doc.warnings).toEqual([
      'tests/fixtures/parse/letter-garbled-dates/input.txt:6 [date]: "2023618" looks like a date but cannot be read as one, so the reply has no date. Fix: correct it in the source (e.g. 2023年6月18日) or set date: in meta.yaml',
      'tests/fixtures/parse/letter-garbled-dates/input.txt:7 [date-2]: "二〇二三年六月0二十六日" looks like a date but cannot be read as one, so the reply has no date. Fix: correct it in the source (e.g. 2023年6月18日) or set date: in meta.yaml',
    ]);
  });
});
