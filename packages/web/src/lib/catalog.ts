// Pure helpers for catalog packs and assessments (mirrors packages/core/src/catalog where the UI needs it).
import type {
  AnswerModel,
  AnswerValue,
  CatalogPack,
  CatalogTier,
  Locale,
  LocalText,
  PackNode,
  Score,
} from '../api/types';

/** A text in the UI language, falling back to the other one. */
export function tx(text: LocalText | undefined | null, lang: Locale): string {
  if (!text) return '';
  return text[lang] || text[lang === 'ja' ? 'en' : 'ja'] || '';
}

export type NodeKind = 'group' | 'item' | 'info';

export function nodeKind(node: PackNode): NodeKind {
  if (node.answerModel !== undefined) return 'item';
  if (node.children !== undefined && node.children.length > 0) return 'group';
  return 'info';
}

export interface FlatNode {
  ref: string;
  parentRef: string | null;
  depth: number;
  kind: NodeKind;
  node: PackNode;
}

/** The pack's nodes in document order. */
export function flattenNodes(nodes: readonly PackNode[]): FlatNode[] {
  const out: FlatNode[] = [];
  const walk = (list: readonly PackNode[], parentRef: string | null, depth: number) => {
    for (const node of list) {
      out.push({ ref: node.ref, parentRef, depth, kind: nodeKind(node), node });
      if (node.children) walk(node.children, node.ref, depth + 1);
    }
  };
  walk(nodes, null, 0);
  return out;
}

/** The tier and every tier it includes. */
export function tierClosure(tiers: readonly CatalogTier[] | undefined, tier: string): Set<string> {
  const out = new Set<string>();
  const visit = (id: string) => {
    if (out.has(id)) return;
    out.add(id);
    for (const inc of tiers?.find((t) => t.id === id)?.includes ?? []) visit(inc);
  };
  visit(tier);
  return out;
}

/**
 * The nodes an assessment shows: with a tier, only items of that tier (and the tiers it includes),
 * the groups above them and information nodes in those groups.
 */
export function assessmentNodes(pack: CatalogPack, tier: string | null): PackNode[] {
  if (tier === null) return pack.nodes;
  const allowed = tierClosure(pack.tiers, tier);
  const prune = (list: readonly PackNode[]): PackNode[] =>
    list.flatMap((n) => {
      const kind = nodeKind(n);
      if (kind === 'item') return n.tier !== undefined && allowed.has(n.tier) ? [n] : [];
      if (kind === 'info') return [n];
      const children = prune(n.children ?? []);
      return children.some((c) => nodeKind(c) !== 'info') ? [{ ...n, children }] : [];
    });
  return prune(pack.nodes);
}

const normalize = (text: string) => text.normalize('NFKC').toLowerCase();

/** Whether a node's ref or title (in Japanese or English) contains the query. */
export function nodeMatches(node: PackNode, query: string): boolean {
  const q = normalize(query.trim());
  if (!q) return true;
  return [node.ref, node.title.ja, node.title.en].some((s) => normalize(s).includes(q));
}

/** The tree limited to matching nodes, their ancestors and (for a matching group) its whole subtree. */
export function filterNodes(nodes: readonly PackNode[], query: string): PackNode[] {
  if (!query.trim()) return [...nodes];
  return nodes.flatMap((n) => {
    if (nodeMatches(n, query)) return [n];
    const children = filterNodes(n.children ?? [], query);
    return children.length > 0 ? [{ ...n, children }] : [];
  });
}

export function modelOf(pack: CatalogPack, node: PackNode): AnswerModel | undefined {
  return node.answerModel === undefined ? undefined : pack.answerModels[node.answerModel];
}

/** Human-readable answer in the UI language. */
export function answerLabel(model: AnswerModel | undefined, value: AnswerValue | null, lang: Locale): string {
  if (!value) return '';
  switch (value.kind) {
    case 'choice': {
      const option =
        model?.kind === 'choice' ? model.options.find((o) => o.value === value.value) : undefined;
      return option ? tx(option.label, lang) : value.value;
    }
    case 'multiple': {
      const options = model?.kind === 'multiple' ? model.options : [];
      return value.values
        .map((v) => {
          const option = options.find((o) => o.value === v);
          return option ? tx(option.label, lang) : v;
        })
        .join(lang === 'ja' ? '、' : ', ');
    }
    case 'maturity': {
      const level =
        model?.kind === 'maturity' ? model.levels.find((l) => l.level === value.level) : undefined;
      return level ? `${value.level} ${tx(level.label, lang)}` : String(value.level);
    }
    case 'number': {
      const unit = model?.kind === 'number' && model.unit ? ` ${tx(model.unit, lang)}` : '';
      return `${value.value}${unit}`;
    }
    case 'text':
    case 'date':
      return value.value;
    case 'file':
      return lang === 'ja'
        ? `ファイル ${value.files} 件`
        : `${value.files} file${value.files === 1 ? '' : 's'}`;
  }
}

/** Highest points the model gives (0 for unscored kinds). */
export function modelMax(model: AnswerModel): number {
  switch (model.kind) {
    case 'choice':
      return Math.max(0, ...model.options.map((o) => o.points ?? 0));
    case 'multiple':
      return model.options.reduce((s, o) => s + Math.max(0, o.points ?? 0), 0);
    case 'maturity':
      return Math.max(0, ...model.levels.map((l) => l.level));
    case 'number':
    case 'text':
    case 'date':
    case 'file':
      return 0;
  }
}

export type ItemState =
  | { state: 'unscored' }
  | { state: 'unanswered' }
  | { state: 'not_applicable' }
  | { state: 'unknown'; fraction: number }
  | { state: 'scored'; fraction: number };

/** Where one item stands: the share of its maximum points (0..1), or why it has none. */
export function itemState(model: AnswerModel, value: AnswerValue | null | undefined): ItemState {
  const max = modelMax(model);
  if (max <= 0) return { state: 'unscored' };
  if (!value) return { state: 'unanswered' };
  switch (model.kind) {
    case 'choice': {
      const option = value.kind === 'choice' ? model.options.find((o) => o.value === value.value) : undefined;
      if (!option || option.points === undefined) return { state: 'not_applicable' };
      const fraction = Math.max(0, option.points) / max;
      return option.unknown ? { state: 'unknown', fraction } : { state: 'scored', fraction };
    }
    case 'multiple': {
      if (value.kind !== 'multiple') return { state: 'unanswered' };
      const points = model.options
        .filter((o) => value.values.includes(o.value))
        .reduce((s, o) => s + (o.points ?? 0), 0);
      return { state: 'scored', fraction: Math.max(0, points) / max };
    }
    case 'maturity':
      if (value.kind !== 'maturity') return { state: 'unanswered' };
      return { state: 'scored', fraction: value.level / max };
    case 'number':
    case 'text':
    case 'date':
    case 'file':
      return { state: 'unscored' };
  }
}

export type FixReason = 'unknown' | 'no' | 'unanswered' | 'low';

export interface FixItem {
  ref: string;
  node: PackNode;
  reason: FixReason;
  fraction: number;
}

const REASON_ORDER: Record<FixReason, number> = { unknown: 0, no: 1, unanswered: 2, low: 3 };

/**
 * Items to fix first: "don't know", "not done" (no points), unanswered, then partly done from the
 * lowest share up. Items at full points, not applicable or without points are left out.
 */
export function itemsToFix(
  pack: CatalogPack,
  nodes: readonly PackNode[],
  answers: ReadonlyMap<string, AnswerValue | null>,
): FixItem[] {
  const out: (FixItem & { order: number })[] = [];
  flattenNodes(nodes).forEach((f, order) => {
    if (f.kind !== 'item') return;
    const model = modelOf(pack, f.node);
    if (!model) return;
    const s = itemState(model, answers.get(f.ref));
    let fix: { reason: FixReason; fraction: number } | null = null;
    if (s.state === 'unanswered') fix = { reason: 'unanswered', fraction: 0 };
    else if (s.state === 'unknown') fix = { reason: 'unknown', fraction: s.fraction };
    else if (s.state === 'scored' && s.fraction <= 0) fix = { reason: 'no', fraction: 0 };
    else if (s.state === 'scored' && s.fraction < 1) fix = { reason: 'low', fraction: s.fraction };
    if (fix) out.push({ ref: f.ref, node: f.node, ...fix, order });
  });
  out.sort(
    (a, b) => REASON_ORDER[a.reason] - REASON_ORDER[b.reason] || a.fraction - b.fraction || a.order - b.order,
  );
  return out.map(({ order: _order, ...item }) => item);
}

/** The label of a tag (`facet:value`) in the UI language, or the tag itself. */
export function tagLabel(pack: CatalogPack, tag: string, lang: Locale): string {
  const [facet = '', value = ''] = tag.split(':');
  const text = pack.tags?.[facet]?.[value];
  return text ? tx(text, lang) : tag;
}

export interface ChartAxis {
  key: string;
  name: string;
  /** 0 when nothing counts yet (see `noData`). */
  percent: number;
  noData?: boolean;
}

export const RADAR_FACETS = ['directive', 'part', 'function'] as const;

/** Tags of one facet that have a score, in the pack's order. */
export function facetAxes(pack: CatalogPack, score: Score, facet: string, lang: Locale): ChartAxis[] {
  const declared = Object.keys(pack.tags?.[facet] ?? {});
  const scored = Object.keys(score.tags).filter((t) => t.startsWith(`${facet}:`));
  const order = (tag: string) => {
    const i = declared.indexOf(tag.slice(facet.length + 1));
    return i < 0 ? declared.length : i;
  };
  return scored
    .sort((a, b) => order(a) - order(b))
    .map((tag) => {
      const percent = score.tags[tag]?.percent ?? null;
      return { key: tag, name: tagLabel(pack, tag, lang), percent: percent ?? 0, noData: percent === null };
    });
}

function nodeAxes(
  pack: CatalogPack,
  list: readonly PackNode[],
  score: Score,
  answers: ReadonlyMap<string, AnswerValue | null>,
  lang: Locale,
): ChartAxis[] {
  return list.flatMap((n) => {
    const kind = nodeKind(n);
    if (kind === 'group') {
      const agg = score.groups[n.ref];
      return agg && agg.max > 0
        ? [{ key: n.ref, name: tx(n.title, lang), percent: agg.percent ?? 0, noData: agg.percent === null }]
        : [];
    }
    if (kind !== 'item') return [];
    const model = modelOf(pack, n);
    if (!model) return [];
    const s = itemState(model, answers.get(n.ref));
    if (s.state === 'unscored' || s.state === 'not_applicable') return [];
    const fraction = s.state === 'unanswered' ? 0 : s.fraction;
    return [{ key: n.ref, name: tx(n.title, lang), percent: Math.round(fraction * 1000) / 10 }];
  });
}

/**
 * The radar's axes: the top-level groups; when there are fewer than three, the `directive`, `part`
 * or `function` facet; else one level further down (the single group's children, or top-level items).
 */
export function radarAxes(
  pack: CatalogPack,
  nodes: readonly PackNode[],
  score: Score,
  answers: ReadonlyMap<string, AnswerValue | null>,
  lang: Locale,
): { basis: 'groups' | 'facet' | 'children'; facet?: string; axes: ChartAxis[] } {
  const top = nodeAxes(
    pack,
    nodes.filter((n) => nodeKind(n) === 'group'),
    score,
    answers,
    lang,
  );
  if (top.length >= 3) return { basis: 'groups', axes: top };
  for (const facet of RADAR_FACETS) {
    const axes = facetAxes(pack, score, facet, lang);
    if (axes.length >= 3) return { basis: 'facet', facet, axes };
  }
  const scoredGroups = nodes.filter((n) => nodeKind(n) === 'group' && (score.groups[n.ref]?.max ?? 0) > 0);
  const below = scoredGroups.length === 1 ? (scoredGroups[0]?.children ?? []) : nodes;
  const axes = nodeAxes(pack, below, score, answers, lang);
  return axes.length >= top.length ? { basis: 'children', axes } : { basis: 'groups', axes: top };
}

/** What a number key does on a focused item: the n-th option (1-based), or the maturity level 0–5. */
export function quickAnswer(
  model: AnswerModel,
  key: string,
  current: AnswerValue | null,
): AnswerValue | null | undefined {
  if (!/^[0-9]$/.test(key)) return undefined;
  const digit = Number(key);
  switch (model.kind) {
    case 'choice': {
      const option = model.options[digit - 1];
      return option ? { kind: 'choice', value: option.value } : undefined;
    }
    case 'multiple': {
      const option = model.options[digit - 1];
      if (!option) return undefined;
      const values = current?.kind === 'multiple' ? current.values : [];
      return {
        kind: 'multiple',
        values: values.includes(option.value)
          ? values.filter((v) => v !== option.value)
          : model.options.map((o) => o.value).filter((v) => v === option.value || values.includes(v)),
      };
    }
    case 'maturity':
      return model.levels.some((l) => l.level === digit) ? { kind: 'maturity', level: digit } : undefined;
    case 'number':
    case 'text':
    case 'date':
    case 'file':
      return undefined;
  }
}

/** Whether two answers are the same (order of multiple choices ignored). */
export function sameAnswer(a: AnswerValue | null, b: AnswerValue | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.kind === 'multiple' && b.kind === 'multiple')
    return a.values.length === b.values.length && a.values.every((v) => b.values.includes(v));
  return JSON.stringify(a) === JSON.stringify(b);
}

export const CATALOG_URN_PREFIX = 'urn:shinrai:catalog:';

/** Turns free text into the last part of a catalog URN (lowercase letters, digits, hyphens). */
export function urnSlug(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * A chart label in at most `lines` lines of about `perLine` characters: words stay whole where the text
 * has spaces (English), Japanese text breaks anywhere; the last line ends with … when cut.
 */
export function wrapLabel(text: string, perLine: number, lines = 2): string {
  const out: string[] = [];
  let rest = text.trim();
  while (rest && out.length < lines) {
    if (rest.length <= perLine) {
      out.push(rest);
      rest = '';
      break;
    }
    let cut = perLine;
    const space = rest.lastIndexOf(' ', perLine);
    if (space > perLine / 2) cut = space;
    out.push(rest.slice(0, cut).trim());
    rest = rest.slice(cut).trim();
  }
  if (rest && out.length > 0) {
    let last = out[out.length - 1] ?? '';
    if (last.length >= perLine) {
      const space = last.lastIndexOf(' ');
      last = space > perLine / 2 ? last.slice(0, space) : last.slice(0, perLine - 1);
    }
    out[out.length - 1] = `${last}…`;
  }
  return out.join('\n');
}
