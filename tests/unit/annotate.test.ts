// Stage 3 (term annotation): longest match wins, matches never overlap, the text is never changed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { annotate, termMatcher, termsIn, type Segment, type TermMatcher } from '../../scripts/lib/annotate.ts';
import { makeTerm } from './helpers.ts';

const TERMS = [
  makeTerm({ id: 'zjtx', zh: '专精特新', en: 'specialized, refined, distinctive and innovative', enAliases: ['SRDI'], hant: '專精特新' }),
  makeTerm({ id: 'zjtx-sme', zh: '专精特新中小企业', en: 'SRDI SMEs', hant: '專精特新中小企業' }),
  makeTerm({ id: 'shang-yun', zh: '上云', en: 'migrating to the cloud', hant: '上雲' }),
  makeTerm({ id: 'shang-yun-qi-ye', zh: '上云企业', en: 'cloud-based enterprises', hant: '上雲企業' }),
  makeTerm({ id: 'qi-ye-jia', zh: '企业家', en: 'entrepreneurs', aliases: ['企业家群体'], hant: '企業家' }),
  makeTerm({ id: 'mu-jun', zh: '亩均论英雄', en: 'per-mu output evaluation', hant: '畝均論英雄' }),
];
const zh = termMatcher(TERMS, 'zh-Hans');
const en = termMatcher(TERMS, 'en');
const hant = termMatcher(TERMS, 'zh-Hant');
/** Segments as compact strings: plain text as is, terms as [text→id]. */
const show = (segments: Segment[]) => segments.map((s) => (s.term ? `[${s.text}→${s.term}]` : s.text));

describe('annotate: Chinese', () => {
  it('lets the longest form win when two terms start at the same place', () => {
    expect(show(annotate('培育专精特新中小企业和专精特新企业', zh))).toEqual(['培育', '[专精特新中小企业→zjtx-sme]', '和', '[专精特新→zjtx]', '企业']);
  });

  it('does not depend on the order of the terms in the glossary', () => {
    const reversed = termMatcher([...TERMS].reverse(), 'zh-Hans');
    expect(annotate('培育专精特新中小企业和专精特新企业', reversed)).toEqual(annotate('培育专精特新中小企业和专精特新企业', zh));
  });

  it('never overlaps matches: 上云企业家 is 上云企业 + 家, not also 企业家', () => {
    expect(show(annotate('上云企业家', zh))).toEqual(['[上云企业→shang-yun-qi-ye]', '家']);
    expect(show(annotate('上云的企业家群体', zh))).toEqual(['[上云→shang-yun]', '的', '[企业家群体→qi-ye-jia]']);
  });

  it('matches Traditional forms with the zh-Hant matcher', () => {
    expect(show(annotate('完成“畝均論英雄”評價，上雲企業3.3萬家', hant))).toEqual(['完成“', '[畝均論英雄→mu-jun]', '”評價，', '[上雲企業→shang-yun-qi-ye]', '3.3萬家']);
  });

  it('lists the terms a text mentions once each, in order of first occurrence', () => {
    expect(termsIn('企业家与上云企业、企业家、专精特新', zh)).toEqual(['qi-ye-jia', 'shang-yun-qi-ye', 'zjtx']);
  });

  it('returns the text as one plain segment when no term occurs, and nothing for an empty text', () => {
    expect(annotate('工业运行稳步回升', zh)).toEqual([{ text: '工业运行稳步回升' }]);
    expect(annotate('', zh)).toEqual([]);
  });
});

describe('annotate: English', () => {
  it('matches case-insensitively, keeping the text as written', () => {
    expect(show(annotate('The Per-Mu Output Evaluation and srdi firms', en))).toEqual(['The ', '[Per-Mu Output Evaluation→mu-jun]', ' and ', '[srdi→zjtx]', ' firms']);
  });

  it('matches on word boundaries only: not SRDI inside SRDIs or xSRDI, but SRDI SMEs', () => {
    expect(show(annotate('SRDIs and xSRDI', en))).toEqual(['SRDIs and xSRDI']);
    expect(show(annotate('150 SRDI SMEs, SRDI-certified', en))).toEqual(['150 ', '[SRDI SMEs→zjtx-sme]', ', ', '[SRDI→zjtx]', '-certified']);
  });

  it('keeps term boundaries right after a character whose lower case is longer (İ)', () => {
    // Regression (fixed): scripts/lib/annotate.ts annotate() searches `text.toLowerCase()` but slices `text` with the same indices.
    // 'İ'.toLowerCase() is two code units ('i̇'), so every match after it is shifted by one:
    // annotate('İzmir SRDI', en) gives [{ text: 'İzmir S' }, { text: 'RDI', term: 'zjtx' }] instead of 'SRDI' as the term.
    expect(show(annotate('İzmir SRDI', en))).toEqual(['İzmir ', '[SRDI→zjtx]']);
  });
});

/** Checks the invariants of one annotation: unchanged text, real forms only, no empty or split plain runs. */
function expectWellFormed(text: string, matcher: TermMatcher): void {
  const segments = annotate(text, matcher);
  expect(segments.map((s) => s.text).join('')).toBe(text);
  for (const [i, s] of segments.entries()) {
    expect(s.text).not.toBe('');
    if (s.term) expect(matcher.forms.get(matcher.caseInsensitive ? s.text.toLowerCase() : s.text)).toBe(s.term);
    else if (i > 0) expect(segments[i - 1]!.term).toBeDefined();
  }
}

describe('annotate: properties (fast-check)', () => {
  const pieces = ['专精特新', '中小企业', '上云', '企业家', '亩均', '论英雄', '群体', '的', '，', '“', '”', ' ', 'SRDI', 'srdi', 'SMEs', 's', 'x', '-', 'per-mu output evaluation', 'Cloud-Based Enterprises', '{', '<', '&', '😀'];
  const text = fc.array(fc.constantFrom(...pieces), { maxLength: 20 }).map((p) => p.join(''));

  it('Chinese: segments join to the input, terms are real forms, plain runs are maximal', () => {
    fc.assert(fc.property(text, (t) => expectWellFormed(t, zh)), { numRuns: 400 });
  });

  it('English: the same holds for case-insensitive matching', () => {
    fc.assert(fc.property(text, (t) => expectWellFormed(t, en)), { numRuns: 400 });
  });

  it('no shorter match is chosen where a longer form starts at the same place', () => {
    fc.assert(
      fc.property(text, (t) => {
        let at = 0;
        for (const s of annotate(t, zh)) {
          if (s.term) {
            const longer = [...zh.forms.keys()].filter((f) => f.length > s.text.length && t.startsWith(f, at));
            expect(longer).toEqual([]);
          }
          at += s.text.length;
        }
      }),
      { numRuns: 400 },
    );
  });
});
