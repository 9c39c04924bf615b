import { isCalendarDate } from '../calendar-date.ts';
import type { AnswerModel, Band, CatalogPack, FlatNode, Scoring } from './pack.ts';

/**
 * A stored answer: the chosen option value(s), maturity level, number, text or calendar day; for a file
 * question, how many evidence files the item holds (written by the server as files are attached, never typed).
 */
export type AnswerValue =
  | { kind: 'choice'; value: string }
  | { kind: 'multiple'; values: string[] }
  | { kind: 'maturity'; level: number }
  | { kind: 'number'; value: number }
  | { kind: 'text'; value: string }
  | { kind: 'date'; value: string }
  | { kind: 'file'; files: number };

export interface ItemScore {
  ref: string;
  answered: boolean;
  /** Points earned; null when the item does not count (not applicable, excluded unknown, unscored kind). */
  points: number | null;
  max: number;
  unknown: boolean;
}

export interface Aggregate {
  points: number;
  max: number;
  /** points / max × 100, or null when nothing counts yet. */
  percent: number | null;
  answered: number;
  items: number;
}

export interface ScoreReport {
  overall: Aggregate & { band: Band | null };
  groups: Record<string, Aggregate>;
  tags: Record<string, Aggregate>;
  tiers: Record<string, Aggregate>;
  items: Record<string, ItemScore>;
}

function maxOf(model: AnswerModel): number {
  switch (model.kind) {
    case 'choice':
      return Math.max(0, ...model.options.map((o) => o.points ?? 0));
    case 'multiple':
      return model.options.reduce((s, o) => s + Math.max(0, o.points ?? 0), 0);
    case 'maturity':
      return Math.max(...model.levels.map((l) => l.level));
    case 'number':
    case 'text':
    case 'date':
    case 'file':
      return 0;
  }
}

/** Scores one item by its answer model and the pack's rules for unknown and unanswered answers. */
export function scoreItem(
  ref: string,
  model: AnswerModel,
  weight: number,
  scoring: Scoring,
  answer: AnswerValue | undefined,
): ItemScore {
  const max = maxOf(model) * weight;
  const unscored: ItemScore = { ref, answered: answer !== undefined, points: null, max: 0, unknown: false };
  if (max === 0) return unscored;
  if (answer === undefined) {
    return (scoring.unanswered ?? (scoring.method === 'sum' ? 'zero' : 'exclude')) === 'zero'
      ? { ref, answered: false, points: 0, max, unknown: false }
      : { ...unscored, answered: false };
  }
  switch (model.kind) {
    case 'choice': {
      const opt = answer.kind === 'choice' ? model.options.find((o) => o.value === answer.value) : undefined;
      if (!opt || opt.points === undefined) return unscored; // e.g. not applicable
      if (opt.unknown && (scoring.unknown ?? 'points') === 'exclude') return { ...unscored, unknown: true };
      return { ref, answered: true, points: opt.points * weight, max, unknown: opt.unknown === true };
    }
    case 'multiple': {
      if (answer.kind !== 'multiple') return unscored;
      const pts = model.options
        .filter((o) => answer.values.includes(o.value))
        .reduce((s, o) => s + (o.points ?? 0), 0);
      return { ref, answered: true, points: pts * weight, max, unknown: false };
    }
    case 'maturity':
      if (answer.kind !== 'maturity') return unscored;
      return { ref, answered: true, points: answer.level * weight, max, unknown: false };
    case 'number':
    case 'text':
    case 'date':
    case 'file':
      return unscored;
  }
}

const empty = (): Aggregate => ({ points: 0, max: 0, percent: null, answered: 0, items: 0 });

function add(agg: Aggregate, s: ItemScore): void {
  agg.items++;
  if (s.answered) agg.answered++;
  if (s.points === null) return;
  agg.points += s.points;
  agg.max += s.max;
}

function finish(agg: Aggregate): Aggregate {
  agg.percent = agg.max > 0 ? Math.round((agg.points / agg.max) * 1000) / 10 : null;
  return agg;
}

/** The band whose minimum is the highest one not above the value. */
export function bandFor(bands: readonly Band[] | undefined, value: number): Band | null {
  const sorted = [...(bands ?? [])].sort((a, b) => b.min - a.min);
  return sorted.find((b) => value >= b.min) ?? null;
}

/**
 * Scores an assessment: per item, per group (all descendants), per tag, per tier and overall.
 * `tier` limits the items to one tier and the tiers it includes.
 */
export function scoreAssessment(
  pack: Pick<CatalogPack, 'answerModels' | 'scoring' | 'tiers'>,
  nodes: readonly FlatNode[],
  answers: ReadonlyMap<string, AnswerValue>,
  tier?: string,
): ScoreReport {
  const scoring: Scoring = pack.scoring ?? { method: 'percent' };
  const tierSet = tier === undefined ? null : tierClosure(pack.tiers ?? [], tier);
  const parents = new Map(nodes.map((n) => [n.ref, n.parentRef]));
  const report: ScoreReport = {
    overall: { ...empty(), band: null },
    groups: {},
    tags: {},
    tiers: {},
    items: {},
  };
  for (const n of nodes) {
    if (n.kind !== 'item' || n.node.answerModel === undefined) continue;
    if (tierSet !== null && (n.node.tier === undefined || !tierSet.has(n.node.tier))) continue;
    const model = pack.answerModels[n.node.answerModel];
    if (!model) continue;
    const s = scoreItem(n.ref, model, n.node.weight ?? 1, scoring, answers.get(n.ref));
    report.items[n.ref] = s;
    add(report.overall, s);
    for (let p = n.parentRef; p !== null && p !== undefined; p = parents.get(p) ?? null)
      add((report.groups[p] ??= empty()), s);
    for (const tag of n.node.tags ?? []) add((report.tags[tag] ??= empty()), s);
    if (n.node.tier !== undefined) add((report.tiers[n.node.tier] ??= empty()), s);
  }
  finish(report.overall);
  for (const a of [
    ...Object.values(report.groups),
    ...Object.values(report.tags),
    ...Object.values(report.tiers),
  ])
    finish(a);
  const headline = scoring.method === 'sum' ? report.overall.points : (report.overall.percent ?? 0);
  report.overall.band = bandFor(scoring.bands, headline);
  return report;
}

function tierClosure(tiers: readonly { id: string; includes?: string[] }[], tier: string): Set<string> {
  const out = new Set<string>();
  const visit = (id: string) => {
    if (out.has(id)) return;
    out.add(id);
    for (const inc of tiers.find((t) => t.id === id)?.includes ?? []) visit(inc);
  };
  visit(tier);
  return out;
}

/** Whether a value is a valid answer for a model (the HTTP edge turns a false into a located 400). */
export function answerFits(model: AnswerModel, a: AnswerValue): boolean {
  switch (model.kind) {
    case 'choice':
      return a.kind === 'choice' && model.options.some((o) => o.value === a.value);
    case 'multiple':
      return (
        a.kind === 'multiple' &&
        a.values.every((v) => model.options.some((o) => o.value === v)) &&
        new Set(a.values).size === a.values.length
      );
    case 'maturity':
      return a.kind === 'maturity' && model.levels.some((l) => l.level === a.level);
    case 'number':
      return (
        a.kind === 'number' &&
        Number.isFinite(a.value) &&
        (model.min === undefined || a.value >= model.min) &&
        (model.max === undefined || a.value <= model.max)
      );
    case 'text':
      return a.kind === 'text' && a.value.length <= (model.maxLength ?? 4000);
    case 'date':
      return (
        a.kind === 'date' &&
        isCalendarDate(a.value) &&
        (model.notBefore === undefined || a.value >= model.notBefore) &&
        (model.notAfter === undefined || a.value <= model.notAfter)
      );
    case 'file':
      return a.kind === 'file' && Number.isInteger(a.files) && a.files >= 1;
  }
}
