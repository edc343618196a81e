/**
 * The relevance suite: what staff and investors type, and the one result that
 * should come first. Paths are relative to the site's base; `#` anchors name
 * the block. Kinds: zh (Simplified), hant (Traditional), en, pinyin, cross
 * (a Chinese term typed on the English site).
 */
const R = 'replies/zhengzhou-2021-20210574';

/** One query of the suite. */
export interface RelevanceCase { locale: 'en' | 'zh-hans' | 'zh-hant'; kind: 'zh' | 'hant' | 'en' | 'pinyin' | 'cross'; q: string; expect: string }

const g = (locale: RelevanceCase['locale'], id: string) => `${locale}/glossary/${id}/`;
const b = (locale: RelevanceCase['locale'], page: string, block: string) => `${locale}/${R}/${page}/#${block}`;

export const CASES: RelevanceCase[] = [
  // Simplified policy terms and topics on the Simplified site.
  { locale: 'zh-hans', kind: 'zh', q: '亩均论英雄', expect: g('zh-hans', 'mu-jun-lun-ying-xiong') },
  { locale: 'zh-hans', kind: 'zh', q: '专精特新', expect: g('zh-hans', 'zhuan-jing-te-xin') },
  { locale: 'zh-hans', kind: 'zh', q: '三送一强', expect: g('zh-hans', 'san-song-yi-qiang') },
  { locale: 'zh-hans', kind: 'zh', q: '链长制', expect: g('zh-hans', 'lian-zhang-zhi') },
  { locale: 'zh-hans', kind: 'zh', q: '减税降费', expect: g('zh-hans', 'jian-shui-jiang-fei') },
  { locale: 'zh-hans', kind: 'zh', q: '富士康', expect: b('zh-hans', 's2', 's2-2-p1-pt3') },
  { locale: 'zh-hans', kind: 'zh', q: '口罩', expect: b('zh-hans', 's2', 's2-6-p1') },
  { locale: 'zh-hans', kind: 'zh', q: '煤矿', expect: b('zh-hans', 's2', 's2-8-p1-pt2') },
  { locale: 'zh-hans', kind: 'zh', q: '电力设施', expect: b('zh-hans', 's2', 's2-8-p1-pt3') },
  { locale: 'zh-hans', kind: 'zh', q: '企业家培训', expect: b('zh-hans', 's3', 's3-4-p1') },
  { locale: 'zh-hans', kind: 'zh', q: '氢燃料电池', expect: b('zh-hans', 's2', 's2-3-p1-pt1') },
  { locale: 'zh-hans', kind: 'zh', q: '应急运输通行证', expect: b('zh-hans', 's2', 's2-2-p1-pt3') },
  // Traditional characters, on both Chinese sites.
  { locale: 'zh-hans', kind: 'hant', q: '畝均論英雄', expect: g('zh-hans', 'mu-jun-lun-ying-xiong') },
  { locale: 'zh-hans', kind: 'hant', q: '專精特新', expect: g('zh-hans', 'zhuan-jing-te-xin') },
  { locale: 'zh-hans', kind: 'hant', q: '煤礦', expect: b('zh-hans', 's2', 's2-8-p1-pt2') },
  { locale: 'zh-hant', kind: 'hant', q: '畝均論英雄', expect: g('zh-hant', 'mu-jun-lun-ying-xiong') },
  { locale: 'zh-hant', kind: 'hant', q: '鏈長制', expect: g('zh-hant', 'lian-zhang-zhi') },
  { locale: 'zh-hant', kind: 'hant', q: '富士康招聘員工', expect: b('zh-hant', 's2', 's2-2-p1-pt3') },
  { locale: 'zh-hant', kind: 'hant', q: '防護口罩', expect: b('zh-hant', 's2', 's2-6-p1') },
  { locale: 'zh-hant', kind: 'zh', q: '三送一强', expect: g('zh-hant', 'san-song-yi-qiang') },
  { locale: 'zh-hant', kind: 'zh', q: '电力行政执法', expect: b('zh-hant', 's2', 's2-8-p1-pt3') },
  // English.
  { locale: 'en', kind: 'en', q: 'Foxconn', expect: b('en', 's2', 's2-2-p1-pt3') },
  { locale: 'en', kind: 'en', q: 'protective masks', expect: b('en', 's2', 's2-6-p1') },
  { locale: 'en', kind: 'en', q: 'SRDI', expect: g('en', 'zhuan-jing-te-xin') },
  { locale: 'en', kind: 'en', q: 'chain leader system', expect: g('en', 'lian-zhang-zhi') },
  { locale: 'en', kind: 'en', q: 'Three Deliveries and One Strengthening', expect: g('en', 'san-song-yi-qiang') },
  { locale: 'en', kind: 'en', q: 'coal mines', expect: b('en', 's2', 's2-8-p1-pt2') },
  { locale: 'en', kind: 'en', q: 'Gree Electric', expect: b('en', 's2', 's2-2-p1-pt3') },
  { locale: 'en', kind: 'en', q: 'hydrogen fuel cell', expect: b('en', 's2', 's2-3-p1-pt1') },
  { locale: 'en', kind: 'en', q: 'entrepreneur training', expect: b('en', 's3', 's3-4-p1') },
  // Toneless pinyin.
  { locale: 'en', kind: 'pinyin', q: 'zhuanjingtexin', expect: g('en', 'zhuan-jing-te-xin') },
  { locale: 'zh-hans', kind: 'pinyin', q: 'mujunlunyingxiong', expect: g('zh-hans', 'mu-jun-lun-ying-xiong') },
  { locale: 'zh-hant', kind: 'pinyin', q: 'sansongyiqiang', expect: g('zh-hant', 'san-song-yi-qiang') },
  { locale: 'en', kind: 'pinyin', q: 'lian zhang zhi', expect: g('en', 'lian-zhang-zhi') },
  // A Chinese term typed on the English site.
  { locale: 'en', kind: 'cross', q: '亩均论英雄', expect: g('en', 'mu-jun-lun-ying-xiong') },
  { locale: 'en', kind: 'cross', q: '三送一强', expect: g('en', 'san-song-yi-qiang') },
];
