// The bounded concordance of term pages: newest replies first, a few paragraphs each, and counts of what is left out.
import { describe, it, expect } from 'vitest';
import { boundedConcordance, CONCORDANCE_LIMITS } from '../../scripts/lib/concordance.ts';

const occ = (slug: string, block: string) => ({ slug, block });

describe('boundedConcordance', () => {
  it('lists every occurrence when the term is rare, grouped by reply, newest reply first, reading order kept', () => {
    const list = [occ('a', 's1-p1'), occ('b', 's1-p1'), occ('a', 's2-p3')];
    const c = boundedConcordance(list, ['b', 'a']);
    expect(c.groups.map((g) => g.slug)).toEqual(['b', 'a']);
    expect(c.groups[1]!.shown.map((o) => o.block)).toEqual(['s1-p1', 's2-p3']);
    expect(c).toMatchObject({ total: 3, replyCount: 2, hiddenReplies: 0, hiddenOccurrences: 0 });
  });

  it('keeps the first paragraphs of each reply and counts the rest of that reply', () => {
    const list = Array.from({ length: 7 }, (_, i) => occ('a', `s1-p${i + 1}`));
    const c = boundedConcordance(list, ['a'], { all: 5, replies: 10, perReply: 3 });
    expect(c.groups[0]!.shown.map((o) => o.block)).toEqual(['s1-p1', 's1-p2', 's1-p3']);
    expect(c.groups[0]!.hidden).toBe(4);
    expect(c.hiddenOccurrences).toBe(4);
  });

  it('lists only the newest replies and counts the older ones and their occurrences', () => {
    const slugs = Array.from({ length: 30 }, (_, i) => `r${String(i).padStart(2, '0')}`);
    // Occurrences come in slug order (oldest first); the order says newest first.
    const list = slugs.flatMap((s) => [occ(s, 'p1'), occ(s, 'p2')]);
    const c = boundedConcordance(list, [...slugs].reverse(), { all: 5, replies: 10, perReply: 1 });
    expect(c.groups.map((g) => g.slug)).toEqual(slugs.slice(20).reverse());
    expect(c.groups.every((g) => g.shown.length === 1 && g.hidden === 1)).toBe(true);
    expect(c).toMatchObject({ total: 60, replyCount: 30, hiddenReplies: 20, hiddenOccurrences: 50, olderOccurrences: 40 });
  });

  it('lists every occurrence, however many replies and paragraphs, up to the `all` limit', () => {
    const list = Array.from({ length: 12 }, (_, i) => occ(`r${i % 3}`, `p${i}`));
    const c = boundedConcordance(list, ['r0', 'r1', 'r2'], { all: 12, replies: 1, perReply: 1 });
    expect(c.groups.map((g) => g.shown.length)).toEqual([4, 4, 4]);
    expect(c.hiddenOccurrences).toBe(0);
    expect(boundedConcordance([...list, occ('r0', 'p99')], ['r0', 'r1', 'r2'], { all: 12, replies: 1, perReply: 1 }).hiddenOccurrences).toBe(12);
  });

  it('puts replies missing from the order last instead of dropping them', () => {
    const c = boundedConcordance([occ('x', 'p1'), occ('a', 'p1')], ['a']);
    expect(c.groups.map((g) => g.slug)).toEqual(['a', 'x']);
  });

  it('bounds a page whatever the corpus: at most replies × perReply occurrences listed', () => {
    const list = Array.from({ length: 5000 }, (_, i) => occ(`r${i % 500}`, `p${i}`));
    const c = boundedConcordance(list, Array.from({ length: 500 }, (_, i) => `r${i}`));
    const shown = c.groups.reduce((n, g) => n + g.shown.length, 0);
    expect(shown).toBe(CONCORDANCE_LIMITS.replies * CONCORDANCE_LIMITS.perReply);
    expect(shown + c.hiddenOccurrences).toBe(5000);
  });

  it('gives an empty concordance for a term no reply uses', () => {
    expect(boundedConcordance([], ['a'])).toEqual({ total: 0, replyCount: 0, groups: [], hiddenReplies: 0, hiddenOccurrences: 0, olderOccurrences: 0 });
  });
});
