import { isCalendarDate } from '../calendar-date.ts';

/** A catalog pack (フレームワーク・チェックリスト) as validated data; mirrors catalogs/schema/pack.schema.json. */
export interface Text {
  ja: string;
  en: string;
}

export type Provenance = 'official' | 'own';

export interface AnswerOption {
  value: string;
  label: Text;
  points?: number;
  unknown?: boolean;
}

export type AnswerModel =
  | { kind: 'choice'; options: AnswerOption[] }
  | { kind: 'multiple'; options: AnswerOption[] }
  | { kind: 'maturity'; levels: { level: number; label: Text; descriptor?: Text }[] }
  | { kind: 'number'; min?: number; max?: number; unit?: Text }
  | { kind: 'text'; maxLength?: number }
  /** A calendar day (YYYY-MM-DD), optionally within inclusive bounds; unscored. */
  | { kind: 'date'; notBefore?: string; notAfter?: string }
  /** Answered by attaching evidence files to the item (the answer counts them); unscored. */
  | { kind: 'file' };

export interface Band {
  id: string;
  min: number;
  label: Text;
  advice?: Text;
}

export interface Scoring {
  method: 'sum' | 'percent';
  unknown?: 'points' | 'exclude';
  unanswered?: 'zero' | 'exclude';
  bands?: Band[];
}

export interface PackNode {
  ref: string;
  provenance: Provenance;
  title: Text;
  description?: Text;
  guidance?: Text;
  /** Where the id, title or text comes from and how far it is confirmed: catalog view and exports only. */
  note?: Text;
  answerModel?: string;
  weight?: number;
  tier?: string;
  tags?: string[];
  children?: PackNode[];
}

export interface Tier {
  id: string;
  label: Text;
  includes?: string[];
}

export interface CatalogPack {
  id: string;
  version: string;
  publisher: Text;
  title: Text;
  description?: Text;
  notice?: Text;
  sources: { title: string; date?: string; url: string }[];
  answerModels: Record<string, AnswerModel>;
  tiers?: Tier[];
  tags?: Record<string, Record<string, Text>>;
  scoring?: Scoring;
  nodes: PackNode[];
}

export type NodeKind = 'group' | 'item' | 'info';

export function nodeKind(n: PackNode): NodeKind {
  if (n.answerModel !== undefined) return 'item';
  if (n.children !== undefined && n.children.length > 0) return 'group';
  return 'info';
}

/** A node in document order with its parent and depth: the flat form stored in the database. */
export interface FlatNode {
  ref: string;
  parentRef: string | null;
  position: number;
  depth: number;
  kind: NodeKind;
  node: PackNode;
}

export function flattenPack(nodes: readonly PackNode[]): FlatNode[] {
  const out: FlatNode[] = [];
  const walk = (list: readonly PackNode[], parentRef: string | null, depth: number) => {
    for (const node of list) {
      out.push({ ref: node.ref, parentRef, position: out.length, depth, kind: nodeKind(node), node });
      if (node.children) walk(node.children, node.ref, depth + 1);
    }
  };
  walk(nodes, null, 0);
  return out;
}

export interface PackProblem {
  pointer: string;
  problem:
    | 'duplicate_ref'
    | 'unknown_answer_model'
    | 'unknown_tier'
    | 'unknown_tag'
    | 'item_with_children'
    | 'bad_date_bounds';
  value: string;
}

/** Checks what the JSON Schema cannot: unique refs and references to models, tiers and tags. */
export function checkPackReferences(pack: CatalogPack): PackProblem[] {
  const problems: PackProblem[] = [];
  const seen = new Set<string>();
  const tiers = new Set((pack.tiers ?? []).map((t) => t.id));
  const walk = (list: readonly PackNode[], base: string) => {
    list.forEach((n, i) => {
      const ptr = `${base}/${i}`;
      if (seen.has(n.ref)) problems.push({ pointer: `${ptr}/ref`, problem: 'duplicate_ref', value: n.ref });
      seen.add(n.ref);
      if (n.answerModel !== undefined && !(n.answerModel in pack.answerModels)) {
        problems.push({
          pointer: `${ptr}/answerModel`,
          problem: 'unknown_answer_model',
          value: n.answerModel,
        });
      }
      if (n.answerModel !== undefined && n.children && n.children.length > 0) {
        problems.push({ pointer: `${ptr}/children`, problem: 'item_with_children', value: n.ref });
      }
      if (n.tier !== undefined && !tiers.has(n.tier))
        problems.push({ pointer: `${ptr}/tier`, problem: 'unknown_tier', value: n.tier });
      (n.tags ?? []).forEach((tag, j) => {
        const [facet = '', value = ''] = tag.split(':');
        if (pack.tags?.[facet]?.[value] === undefined)
          problems.push({ pointer: `${ptr}/tags/${j}`, problem: 'unknown_tag', value: tag });
      });
      if (n.children) walk(n.children, `${ptr}/children`);
    });
  };
  walk(pack.nodes, '/nodes');
  for (const [key, model] of Object.entries(pack.answerModels)) {
    if (model.kind !== 'date') continue;
    const ptr = `/answerModels/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    for (const bound of ['notBefore', 'notAfter'] as const) {
      const v = model[bound];
      if (v !== undefined && !isCalendarDate(v))
        problems.push({ pointer: `${ptr}/${bound}`, problem: 'bad_date_bounds', value: v });
    }
    if (model.notBefore !== undefined && model.notAfter !== undefined && model.notBefore > model.notAfter)
      problems.push({ pointer: `${ptr}/notAfter`, problem: 'bad_date_bounds', value: model.notAfter });
  }
  return problems;
}
