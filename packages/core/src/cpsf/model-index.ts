import type { Edge, Element, Model } from './model.ts';

/**
 * A model indexed once for checks and rules: elements by id, incident edges, each element's organization,
 * and which organizations exchange data and which have a contract. Edges that point at an unknown element
 * are left out (checkModel reports them). With duplicate ids the first element wins.
 */
export interface ModelIndex {
  readonly elements: ReadonlyMap<string, Element>;
  /** Edges whose both ends exist, by endpoint (an edge appears under both ends; a self-loop once). */
  readonly edgesOf: ReadonlyMap<string, readonly Edge[]>;
  /** The organization an element belongs to: itself for an organization, else its orgRef when that is an organization. */
  readonly orgOf: ReadonlyMap<string, string>;
  /** Organization id → the other organizations it exchanges data_flow with (through any of its elements). */
  readonly orgPartners: ReadonlyMap<string, ReadonlySet<string>>;
  /** Element id → the other organizations its own data_flow edges reach. */
  readonly flowPartners: ReadonlyMap<string, ReadonlySet<string>>;
  /** Unordered organization pairs joined by a contract edge (key from pairKey). */
  readonly contracts: ReadonlySet<string>;
  /** ISO date (YYYY-MM-DD) used for date conditions; null when not given (date conditions then do not fire). */
  readonly today: string | null;
}

/** Key of an unordered pair. */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

const EMPTY: readonly Edge[] = [];

export function edgesOf(ctx: ModelIndex, id: string): readonly Edge[] {
  return ctx.edgesOf.get(id) ?? EMPTY;
}

/** Indexes a model in one pass over elements and two over edges. `today`: ISO date for date conditions. */
export function indexModel(model: Model, today?: string): ModelIndex {
  const elements = new Map<string, Element>();
  for (const el of model.elements) if (!elements.has(el.id)) elements.set(el.id, el);

  const orgOf = new Map<string, string>();
  for (const el of elements.values()) {
    if (el.component === 'organization') orgOf.set(el.id, el.id);
    else if (el.orgRef && elements.get(el.orgRef)?.component === 'organization') orgOf.set(el.id, el.orgRef);
  }

  const edgesOfMap = new Map<string, Edge[]>();
  const push = (id: string, e: Edge) => {
    const list = edgesOfMap.get(id);
    if (list) list.push(e);
    else edgesOfMap.set(id, [e]);
  };
  const contracts = new Set<string>();
  const orgPartners = new Map<string, Set<string>>();
  const flowPartners = new Map<string, Set<string>>();
  const add = (m: Map<string, Set<string>>, k: string, v: string) => {
    const s = m.get(k);
    if (s) s.add(v);
    else m.set(k, new Set([v]));
  };
  for (const e of model.edges) {
    if (!elements.has(e.from) || !elements.has(e.to)) continue;
    push(e.from, e);
    if (e.to !== e.from) push(e.to, e);
    const a = orgOf.get(e.from);
    const b = orgOf.get(e.to);
    if (a === undefined || b === undefined || a === b) continue;
    if (e.kind === 'contract') contracts.add(pairKey(a, b));
    else if (e.kind === 'data_flow') {
      add(orgPartners, a, b);
      add(orgPartners, b, a);
      add(flowPartners, e.from, b);
      add(flowPartners, e.to, a);
    }
  }
  return { elements, edgesOf: edgesOfMap, orgOf, orgPartners, flowPartners, contracts, today: today ?? null };
}

/** The other organizations an element exchanges data with: an organization's through all its elements. */
export function partnersOf(ctx: ModelIndex, el: Element): ReadonlySet<string> {
  const m = el.component === 'organization' ? ctx.orgPartners : ctx.flowPartners;
  return m.get(el.id) ?? new Set();
}
