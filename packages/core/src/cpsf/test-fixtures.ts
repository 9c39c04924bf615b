/** Fixture builders for the CPSF tests (not exported from the package). */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { CatalogPack } from '../catalog/pack.ts';
import type { Edge, Element, Model } from './model.ts';
import { rulesFromPack, type RiskRuleSet } from './rules.ts';

export function el(id: string, over: Partial<Element> = {}): Element {
  return { id, name: id, component: 'system', layer: 3, owner: 'IT', ...over };
}

let edgeSeq = 0;
export function edge(from: string, to: string, kind: Edge['kind'], over: Partial<Edge> = {}): Edge {
  edgeSeq += 1;
  return { id: `e${edgeSeq}`, from, to, kind, ...over };
}

export function model(elements: Element[], edges: Edge[] = []): Model {
  return { elements, edges };
}

const root = new URL('../../../../catalogs/', import.meta.url);

export function readRiskPack(): CatalogPack {
  return parse(readFileSync(new URL('packs/shinrai-cpsf-risk-sources.yaml', root), 'utf8')) as CatalogPack;
}

export function readRiskMapping(): { target: string; entries: { source: string; target: string }[] } {
  return parse(readFileSync(new URL('mappings/cpsf-risk-sources-to-cpsf.yaml', root), 'utf8')) as {
    target: string;
    entries: { source: string; target: string }[];
  };
}

export function readCpsfPack(): CatalogPack {
  return parse(readFileSync(new URL('packs/meti-cpsf-v1.yaml', root), 'utf8')) as CatalogPack;
}

/** The rules from the real pack and mapping; throws (a test bug) when the pack has problems. */
export function realRules(): RiskRuleSet {
  const r = rulesFromPack(readRiskPack(), readRiskMapping());
  if (!r.ok) throw new Error(`risk-source pack has problems: ${JSON.stringify(r.problems)}`);
  return r.rules;
}
