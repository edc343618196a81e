/**
 * What the site shows of the key figures beyond the table: which figures may
 * share a chart (comparable ones only) and which few lead (the headline
 * figures of a reply and of the site). Pure and deterministic: the same
 * figures give the same charts and headlines.
 */
import type { Figure } from './figures.ts';

/** A figure with its row in its reply's table (`figures/<reply>/#fig-<row>`). */
export type NumberedFigure = Figure & { row: number };

/** Numbers a reply's figures in table order (from 1). */
export function numberFigures(figures: readonly Figure[]): NumberedFigure[] {
  return figures.map((f, i) => ({ ...f, row: i + 1 }));
}

/** A set of figures that can be read against each other. */
export interface ChartGroup {
  /** Stable id, unique within a reply: the HTML id of the chart. */
  id: string;
  kind: Figure['kind'];
  unit: string;
  status: Figure['status'];
  /** For counts: the one block that states them all together (in one sentence). */
  block?: string;
  /** The periods of its figures, in order, without repeats. */
  periods: string[];
  figures: NumberedFigure[];
}

/** Kinds whose figures are measured alike across the text: any two growth rates (or shares, or sums of money) of the same status can share a chart. */
const MEASURES: Figure['kind'][] = ['growth', 'money', 'share'];
/** Kinds whose figures count different things: charted only when one sentence lists at least three of them together (新增省级质量标杆11家、工业设计中心10家…), of like size. */
const COUNTS: Figure['kind'][] = ['count', 'capacity'];

/**
 * The charts of a reply: figures of one kind, one unit and one status (results apart from targets);
 * growth rates, shares and money across the reply, counts only within the sentence that lists them
 * (at least three, the largest at most COUNT_RANGE times the smallest). A chart needs two figures; percentage-point changes (which need the share they
 * change), ranks and other figures stay in the table.
 */
export function chartGroups(figures: readonly NumberedFigure[]): ChartGroup[] {
  const groups = new Map<string, ChartGroup>();
  for (const f of figures) {
    const measure = MEASURES.includes(f.kind);
    if ((!measure && !COUNTS.includes(f.kind)) || f.unit === 'percentage points') continue;
    const block = measure ? undefined : f.block;
    const unitId = f.unit === '%' ? 'percent' : f.unit.replace(/[^a-z0-9]+/gi, '-').toLowerCase() || 'x';
    const id = ['chart', f.kind, f.status, unitId, ...(block ? [block, String(f.sentence ?? 0)] : [])].join('-').replace(/-+/g, '-');
    const group = groups.get(id) ?? { id, kind: f.kind, unit: f.unit, status: f.status, ...(block ? { block } : {}), periods: [], figures: [] };
    group.figures.push(f);
    if (f.period && !group.periods.includes(f.period)) group.periods.push(f.period);
    groups.set(id, group);
  }
  const order = (g: ChartGroup) => (MEASURES.includes(g.kind) ? MEASURES.indexOf(g.kind) : 10) * 2 + (g.status === 'result' ? 0 : 1);
  return [...groups.values()].filter((g) => g.figures.length >= (g.block ? 3 : 2) && (!g.block || likeSize(g.figures))).sort((a, b) => order(a) - order(b) || a.figures[0]!.row - b.figures[0]!.row);
}

/** The most a count chart's largest value may be of its smallest: 16,000 enterprises beside 13 (or 1,084 beside 3 green factories) count things of different kinds, and the small bar would not show. */
export const COUNT_RANGE = 100;

function likeSize(figures: readonly Figure[]): boolean {
  const values = figures.map((f) => f.value).filter((v) => v > 0);
  return values.length === figures.length && Math.max(...values) <= COUNT_RANGE * Math.min(...values);
}

/** How many headline figures a reply (and the site) shows at most, and at least when it has them. */
export const HEADLINE_MAX = 5;
export const HEADLINE_MIN = 3;

/** The turn in which headline kinds are taken: money and growth first, then a share, then counts. */
const HEADLINE_TURNS: Figure['kind'][] = ['money', 'growth', 'money', 'growth', 'share', 'count', 'capacity'];

/**
 * The headline figures, for an investor first: results before targets, then money and growth before
 * shares and counts, taken in turns (money, growth, money, growth, share, count); the largest sum and
 * count first, growth rates and shares in the order the text states them (a reply leads with its main
 * ones). Targets fill in only when fewer than HEADLINE_MIN results qualify. Percentage-point changes,
 * ranks and other figures are never headlines: they need the figure they qualify.
 */
export function headlineFigures(figures: readonly NumberedFigure[], max = HEADLINE_MAX): NumberedFigure[] {
  const pick = (pool: NumberedFigure[], n: number): NumberedFigure[] => {
    const queues = new Map<Figure['kind'], NumberedFigure[]>();
    for (const kind of new Set(HEADLINE_TURNS)) {
      const list = pool.filter((f) => f.kind === kind && f.unit !== 'percentage points');
      if (kind === 'money' || kind === 'count' || kind === 'capacity') list.sort((a, b) => b.value - a.value || a.row - b.row);
      queues.set(kind, list);
    }
    const out: NumberedFigure[] = [];
    while (out.length < n && [...queues.values()].some((q) => q.length > 0)) {
      for (const kind of HEADLINE_TURNS) {
        const next = queues.get(kind)!.shift();
        if (next && out.length < n) out.push(next);
      }
    }
    return out;
  };
  const results = pick(figures.filter((f) => f.status === 'result'), max);
  if (results.length >= HEADLINE_MIN) return results;
  return [...results, ...pick(figures.filter((f) => f.status === 'target'), HEADLINE_MIN - results.length)];
}
