import type { CatalogPack, FlatNode } from './pack.ts';
import { answerFits, type AnswerValue } from './scoring.ts';

export interface UpgradePlan {
  /** Answered items that exist in the new version with a model their answer still fits. */
  kept: string[];
  /** Answered items the new version no longer has: the answers stay, flagged. */
  removed: string[];
  /** Answered items whose answer no longer fits the new answer model: kept, flagged for review. */
  invalid: string[];
  /** Items new in this version (to be answered). */
  added: string[];
}

/** What moving answers from one catalog version to another does, matched by reference id. Nothing is dropped. */
export function planUpgrade(
  from: readonly FlatNode[],
  to: { pack: Pick<CatalogPack, 'answerModels'>; nodes: readonly FlatNode[] },
  answers: ReadonlyMap<string, AnswerValue>,
): UpgradePlan {
  const oldItems = new Set(from.filter((n) => n.kind === 'item').map((n) => n.ref));
  const newItems = new Map(to.nodes.filter((n) => n.kind === 'item').map((n) => [n.ref, n]));
  const plan: UpgradePlan = { kept: [], removed: [], invalid: [], added: [] };
  for (const [ref, value] of answers) {
    const node = newItems.get(ref);
    const model = node ? to.pack.answerModels[node.node.answerModel ?? ''] : undefined;
    if (!node || !model) plan.removed.push(ref);
    else if (!answerFits(model, value)) plan.invalid.push(ref);
    else plan.kept.push(ref);
  }
  for (const ref of newItems.keys()) if (!oldItems.has(ref)) plan.added.push(ref);
  for (const list of [plan.kept, plan.removed, plan.invalid, plan.added]) list.sort();
  return plan;
}

/** Answers that do not count in the current catalog version (removed items, or answers that no longer fit). */
export function answerFlags(
  nodes: readonly FlatNode[],
  pack: Pick<CatalogPack, 'answerModels'>,
  answers: ReadonlyMap<string, AnswerValue>,
) {
  const { removed, invalid } = planUpgrade([], { pack, nodes }, answers);
  return { removed, invalid };
}
