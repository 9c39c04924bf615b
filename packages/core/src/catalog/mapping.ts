import type { AnswerModel, CatalogPack, FlatNode } from './pack.ts';
import type { AnswerValue } from './scoring.ts';

/** How a source item relates to a target item (set relations, as in NIST OLIR-style mappings). */
export const MAPPING_RELATIONS = ['equal', 'subset', 'superset', 'intersect'] as const;
export type MappingRelation = (typeof MAPPING_RELATIONS)[number];

export interface MappingEntry {
  source: string;
  target: string;
  relation: MappingRelation;
  rationale?: { ja: string; en: string };
}

export interface PrefillProposal {
  target: string;
  value: AnswerValue;
  from: string;
  relation: MappingRelation;
}

/** The share of the maximum an answer reaches (0..1), or null when it carries no level (unknown, n/a, text). */
export function answerFraction(model: AnswerModel, a: AnswerValue): number | null {
  switch (model.kind) {
    case 'choice': {
      if (a.kind !== 'choice') return null;
      const opt = model.options.find((o) => o.value === a.value);
      const max = Math.max(...model.options.map((o) => o.points ?? 0));
      if (!opt || opt.unknown || opt.points === undefined || max <= 0) return null;
      return Math.max(0, opt.points) / max;
    }
    case 'maturity': {
      if (a.kind !== 'maturity') return null;
      const max = Math.max(...model.levels.map((l) => l.level));
      return max > 0 ? a.level / max : null;
    }
    case 'multiple':
    case 'number':
    case 'text':
    case 'date':
    case 'file':
      return null;
  }
}

/** The strongest answer of `model` that does not claim more than `fraction` (conservative). */
export function answerAtMost(model: AnswerModel, fraction: number): AnswerValue | null {
  switch (model.kind) {
    case 'choice': {
      const max = Math.max(...model.options.map((o) => o.points ?? 0));
      if (max <= 0) return null;
      const fitting = model.options
        .filter(
          (o) => !o.unknown && o.points !== undefined && o.points >= 0 && o.points / max <= fraction + 1e-9,
        )
        .sort((x, y) => (y.points ?? 0) - (x.points ?? 0));
      return fitting[0] ? { kind: 'choice', value: fitting[0].value } : null;
    }
    case 'maturity': {
      const max = Math.max(...model.levels.map((l) => l.level));
      const fitting = model.levels
        .filter((l) => l.level / max <= fraction + 1e-9)
        .sort((x, y) => y.level - x.level);
      return fitting[0] ? { kind: 'maturity', level: fitting[0].level } : null;
    }
    case 'multiple':
    case 'number':
    case 'text':
    case 'date':
    case 'file':
      return null;
  }
}

/**
 * Answers one assessment's answers suggest for another catalog's unanswered items. Only `equal` and
 * `superset` entries (the source covers the whole target) carry an answer; a target that already has
 * an answer is never proposed, so a person's answer is never overwritten.
 */
export function planPrefill(
  source: { pack: CatalogPack; nodes: readonly FlatNode[]; answers: ReadonlyMap<string, AnswerValue> },
  target: { pack: CatalogPack; nodes: readonly FlatNode[]; answered: ReadonlySet<string> },
  entries: readonly MappingEntry[],
): PrefillProposal[] {
  const modelOf = (pack: CatalogPack, nodes: readonly FlatNode[], ref: string) => {
    const n = nodes.find((x) => x.ref === ref && x.kind === 'item');
    return n?.node.answerModel === undefined ? undefined : pack.answerModels[n.node.answerModel];
  };
  const best = new Map<string, PrefillProposal & { fraction: number }>();
  for (const e of entries) {
    if (e.relation !== 'equal' && e.relation !== 'superset') continue;
    if (target.answered.has(e.target)) continue;
    const a = source.answers.get(e.source);
    const sm = modelOf(source.pack, source.nodes, e.source);
    const tm = modelOf(target.pack, target.nodes, e.target);
    if (!a || !sm || !tm) continue;
    const fraction = answerFraction(sm, a);
    if (fraction === null) continue;
    const value = answerAtMost(tm, fraction);
    if (!value) continue;
    // Several sources for one target: keep the most conservative (lowest) one.
    const prev = best.get(e.target);
    if (!prev || fraction < prev.fraction)
      best.set(e.target, { target: e.target, value, from: e.source, relation: e.relation, fraction });
  }
  return [...best.values()].map(({ fraction: _f, ...p }) => p);
}
