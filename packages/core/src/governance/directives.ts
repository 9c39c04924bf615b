import type { FlatNode, Text } from '../catalog/pack.ts';
import type { ScoreReport } from '../catalog/scoring.ts';

/**
 * サイバーセキュリティ経営ガイドライン (Cybersecurity Management Guidelines): the ten directives (指示1〜10)
 * as the axes of the executive view. Every version of the built-in pack keeps these group refs.
 */
export const GOVERNANCE_CATALOG_URN = 'urn:shinrai:catalog:meti-cyber-mgmt-guidelines';

export const DIRECTIVE_REFS = [
  'directive-1',
  'directive-2',
  'directive-3',
  'directive-4',
  'directive-5',
  'directive-6',
  'directive-7',
  'directive-8',
  'directive-9',
  'directive-10',
] as const;
export type DirectiveRef = (typeof DIRECTIVE_REFS)[number];

export function isDirectiveRef(s: string): s is DirectiveRef {
  return (DIRECTIVE_REFS as readonly string[]).includes(s);
}

/**
 * Targets are maturity levels on the pack's own 0–5 scale (what a board decides: "reach 3 by next year"),
 * in steps of 0.5. A directive's percent is the mean answered level ÷ 5, so level L is L × 20 %.
 */
export const TARGET_LEVEL_MAX = 5;

export function isTargetLevel(n: number): boolean {
  return Number.isFinite(n) && n >= 0 && n <= TARGET_LEVEL_MAX && Number.isInteger(n * 2);
}

/** Level (0–5) → percent (0–100), one decimal. */
export function levelToPercent(level: number): number {
  return Math.round((level / TARGET_LEVEL_MAX) * 1000) / 10;
}

/** Percent (0–100) → mean maturity level (0–5), two decimals. */
export function percentToLevel(percent: number): number {
  return Math.round((percent / 100) * TARGET_LEVEL_MAX * 100) / 100;
}

export type DirectiveValues<T> = Record<DirectiveRef, T>;

export function directiveRecord<T>(f: (ref: DirectiveRef, index: number) => T): DirectiveValues<T> {
  return Object.fromEntries(DIRECTIVE_REFS.map((ref, i) => [ref, f(ref, i)])) as DirectiveValues<T>;
}

/** Titles of the directives from a pack version's nodes; "指示N" / "Directive N" where a version lacks one. */
export function directiveTitles(nodes: readonly FlatNode[]): DirectiveValues<Text> {
  const byRef = new Map(nodes.map((n) => [n.ref, n.node.title]));
  return directiveRecord((ref, i) => byRef.get(ref) ?? { ja: `指示${i + 1}`, en: `Directive ${i + 1}` });
}

/** Each directive's percent from a score report (null when nothing under it counts yet). */
export function directivePercents(score: Pick<ScoreReport, 'groups'>): DirectiveValues<number | null> {
  return directiveRecord((ref) => score.groups[ref]?.percent ?? null);
}

/**
 * The gap of one directive: target − current in percentage points, one decimal; negative when the
 * directive is above its target, null without a current value or a target. The one formula behind
 * `topGaps`, the radar table and the board report.
 */
export function directiveGap(current: number | null, target: number | null): number | null {
  if (current === null || target === null) return null;
  return Math.round((target - current) * 10) / 10;
}

export interface DirectiveGap {
  ref: DirectiveRef;
  current: number;
  target: number;
  /** target − current, in percentage points (> 0). */
  gap: number;
}

/**
 * The directives furthest below their target, largest gap first (ties in directive order).
 * Directives without a target or without a current value are left out: there is no gap to state.
 */
export function topGaps(
  current: DirectiveValues<number | null>,
  target: DirectiveValues<number | null>,
  limit = 5,
): DirectiveGap[] {
  const gaps: DirectiveGap[] = [];
  for (const ref of DIRECTIVE_REFS) {
    const c = current[ref];
    const t = target[ref];
    const gap = directiveGap(c, t);
    if (c !== null && t !== null && gap !== null && gap > 0) gaps.push({ ref, current: c, target: t, gap });
  }
  gaps.sort((a, b) => b.gap - a.gap || DIRECTIVE_REFS.indexOf(a.ref) - DIRECTIVE_REFS.indexOf(b.ref));
  return gaps.slice(0, Math.max(0, limit));
}
