// How a reply is named: suggestion (NPC deputy, 建议/代表) vs proposal (CPPCC member, 提案/委员), neutral when the type is unknown; outcome classes and metadata fields in three locales.
import { describe, expect, it } from 'vitest';
import { addresseeLabel, defaultEnglishTitle, fieldLabel, outcomeLine, outcomeWording, replyNumber, typeGroup, typeNoun } from '../../scripts/lib/wording.ts';
import { toTraditional } from '../../scripts/lib/hant.ts';
import type { MetadataField, OutcomeClass, ReplyType } from '../../scripts/lib/model.ts';

const TYPES: (ReplyType | undefined)[] = ['suggestion', 'proposal', undefined];
const OUTCOMES: OutcomeClass[] = ['A', 'B', 'C'];
const FIELDS: MetadataField[] = ['indexNumber', 'documentNumber', 'signer', 'outcome', 'classification', 'disclosure', 'publisher', 'publishDate', 'letterhead', 'summary', 'other'];

describe('type and number', () => {
  it.each([
    ['suggestion', '71', 'Suggestion No. 71', '第71号建议', '第71號建議'],
    ['proposal', '20210574', 'Proposal No. 20210574', '第20210574号提案', '第20210574號提案'],
    [undefined, '71', 'No. 71', '第71号', '第71號'],
    ['proposal', '008', 'Proposal No. 008', '第008号提案', '第008號提案'],
    ['suggestion', 'JY100012050700', 'Suggestion No. JY100012050700', '第JY100012050700号建议', '第JY100012050700號建議'],
  ] as const)('%s %s', (type, n, en, hans, hant) => {
    const meta = { type, proposalNumber: n };
    expect(replyNumber('en', meta)).toBe(en);
    expect(replyNumber('zh-hans', meta)).toBe(hans);
    expect(replyNumber('zh-hant', meta)).toBe(hant);
  });

  it('says the number is not stated when only the type is known, and nothing when neither is', () => {
    expect(replyNumber('en', { type: 'suggestion' })).toBe('Suggestion (number not stated)');
    expect(replyNumber('zh-hans', { type: 'proposal' })).toBe('提案（编号未注明）');
    expect(replyNumber('zh-hant', { type: 'suggestion' })).toBe('建議（編號未註明）');
    expect(replyNumber('en', {})).toBeUndefined();
    expect(replyNumber('zh-hans', {})).toBeUndefined();
  });

  it('names the type and its group', () => {
    expect(typeNoun('en', 'suggestion')).toBe('Suggestion');
    expect(typeNoun('zh-hans', 'proposal')).toBe('提案');
    expect(typeGroup('en', 'suggestion')).toBe('Suggestions of NPC deputies');
    expect(typeGroup('en', 'proposal')).toBe('Proposals of CPPCC members');
    expect(typeGroup('zh-hans', 'suggestion')).toBe('人大代表建议');
    expect(typeGroup('zh-hans', 'proposal')).toBe('政协委员提案');
  });
});

describe('the addressee label', () => {
  it('is NPC deputy / CPPCC member by type for a person, neutral when the type is unknown', () => {
    expect(addresseeLabel('en', 'suggestion', '王爱珍代表')).toBe('NPC deputy');
    expect(addresseeLabel('en', 'proposal', '杨昭委员')).toBe('CPPCC member');
    expect(addresseeLabel('zh-hans', 'suggestion', '高松代表')).toBe('人大代表');
    expect(addresseeLabel('zh-hans', 'proposal', '杨昭委员')).toBe('政协委员');
    expect(addresseeLabel('zh-hant', 'proposal', '楊昭委員')).toBe('政協委員');
    expect(addresseeLabel('en', 'suggestion', '李明等5名代表')).toBe('NPC deputy');
    expect(addresseeLabel('en', undefined, '王爱珍代表')).toBe('Addressed to');
    expect(addresseeLabel('zh-hans', undefined, '王爱珍代表')).toBe('答复对象');
  });

  it('is neutral for a collective proposal answered to a committee or party, not to a member', () => {
    expect(addresseeLabel('en', 'proposal', '民盟长春市委员会')).toBe('Addressed to');
    expect(addresseeLabel('zh-hans', 'proposal', '贵会')).toBe('答复对象');
  });
});

describe('the English title when meta.yaml and en.yaml give none', () => {
  it.each([
    [{ type: 'suggestion', proposalNumber: '71', issuingBody: { zh: '高平市卫生健康和体育局' } }, 'Reply to Suggestion No. 71'],
    [{ type: 'proposal', proposalNumber: '225', issuingBody: { zh: '宝鸡市生态环境局', en: 'Baoji Municipal Bureau of Ecology and Environment' } }, 'Reply of the Baoji Municipal Bureau of Ecology and Environment to Proposal No. 225'],
    [{ type: 'proposal', proposalNumber: '1', issuingBody: { zh: '生态环境部', en: 'The Ministry of Ecology and Environment' } }, 'Reply of the Ministry of Ecology and Environment to Proposal No. 1'],
    [{ proposalNumber: '71' }, 'Reply to No. 71'],
    [{ type: 'suggestion' }, 'Reply to a suggestion'],
    [{ type: 'proposal' }, 'Reply to a proposal'],
  ] as const)('%j → %s', (meta, title) => {
    expect(defaultEnglishTitle(meta)).toBe(title);
  });

  it('is undefined when neither type nor number is known (the Chinese title is shown)', () => {
    expect(defaultEnglishTitle({ issuingBody: { zh: '某局', en: 'Some Bureau' } })).toBeUndefined();
  });
});

describe('outcome classes', () => {
  it('A solved or adopted, B being solved or planned, C cannot be solved for now or kept for reference', () => {
    expect(outcomeWording('en', 'A').short).toBe('Solved or adopted');
    expect(outcomeWording('en', 'B').short).toBe('Being solved or planned');
    expect(outcomeWording('en', 'C').short).toBe('Cannot be solved for now, or kept for reference');
    expect(outcomeWording('zh-hans', 'A').short).toBe('已解决或采纳');
    expect(outcomeWording('zh-hans', 'B').short).toBe('正在解决或列入计划');
    expect(outcomeWording('zh-hans', 'C').short).toBe('暂不能解决或留作参考');
    expect(outcomeLine('en', 'B')).toBe('B: Being solved or planned');
    expect(outcomeLine('zh-hans', 'C')).toBe('C类：暂不能解决或留作参考');
    expect(outcomeLine('zh-hant', 'A')).toBe('A類：已解決或採納');
  });

  it('every class has a distinct label and a meaning in every locale', () => {
    for (const locale of ['en', 'zh-hans', 'zh-hant'] as const) {
      const shorts = OUTCOMES.map((o) => outcomeWording(locale, o).short);
      expect(new Set(shorts).size).toBe(3);
      for (const o of OUTCOMES) expect(outcomeWording(locale, o).meaning.length).toBeGreaterThan(shorts[OUTCOMES.indexOf(o)]!.length);
    }
  });
});

describe('metadata field labels', () => {
  it('label every field in every locale, distinctly, and an unknown field as other data', () => {
    for (const locale of ['en', 'zh-hans', 'zh-hant'] as const) {
      const labels = FIELDS.map((f) => fieldLabel(locale, f));
      expect(new Set(labels).size).toBe(FIELDS.length);
      expect(fieldLabel(locale, undefined)).toBe(fieldLabel(locale, 'other'));
      expect(fieldLabel(locale, 'nonsense' as MetadataField)).toBe(fieldLabel(locale, 'other'));
    }
    expect(fieldLabel('zh-hans', 'documentNumber')).toBe('文号');
    expect(fieldLabel('en', 'signer')).toBe('Signed by');
  });
});

describe('the Traditional wording is the Simplified converted (opencc tw), so the two never drift apart', () => {
  it('for types, numbers, addressees, outcomes and fields', () => {
    const pairs: [string | undefined, string | undefined][] = [];
    for (const type of TYPES) {
      pairs.push([replyNumber('zh-hans', { type, proposalNumber: '12' }), replyNumber('zh-hant', { type, proposalNumber: '12' })]);
      pairs.push([replyNumber('zh-hans', { type }), replyNumber('zh-hant', { type })]);
      pairs.push([addresseeLabel('zh-hans', type, '某代表'), addresseeLabel('zh-hant', type, '某代表')]);
      if (type) pairs.push([typeGroup('zh-hans', type), typeGroup('zh-hant', type)], [typeNoun('zh-hans', type), typeNoun('zh-hant', type)]);
    }
    for (const o of OUTCOMES) {
      pairs.push([outcomeLine('zh-hans', o), outcomeLine('zh-hant', o)], [outcomeWording('zh-hans', o).meaning, outcomeWording('zh-hant', o).meaning]);
    }
    for (const f of FIELDS) pairs.push([fieldLabel('zh-hans', f), fieldLabel('zh-hant', f)]);
    for (const [hans, hant] of pairs) expect(hant).toBe(hans === undefined ? undefined : toTraditional(hans));
  });
});
