/** The seeded CPSF model the benchmarks use: 5,000 elements (50 organizations) and 20,000 edges. */
import {
  COMPONENTS,
  DATA_CLASSES,
  EDGE_KINDS,
  THING_KINDS,
  VIEWPOINTS,
  type Edge,
  type Element,
  type Layer,
  type Model,
} from '@shinrai/core';
import { prng } from './seed.ts';

export const ELEMENTS = 5000;
export const EDGES = 20000;
const ORGS = 50;

export function generate(seed: number): Model {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const elements: Element[] = [];
  for (let i = 0; i < ORGS; i++)
    elements.push({ id: `ORG-${i}`, name: `Org ${i}`, component: 'organization', layer: 1 });
  const others = COMPONENTS.filter((c) => c !== 'organization');
  while (elements.length < ELEMENTS) {
    const i = elements.length;
    const component = pick(others);
    const layer = pick([1, 2, 3] as const satisfies readonly Layer[]);
    const rated = rnd() < 0.7;
    elements.push({
      id: `E-${i}`,
      name: `Element ${i}`,
      component,
      layer,
      thingKind: component === 'thing' ? pick(THING_KINDS) : null,
      orgRef: `ORG-${Math.floor(rnd() * ORGS)}`,
      owner: rnd() < 0.8 ? 'owner' : null,
      version: rnd() < 0.7 ? '1.0' : null,
      dataClass: component === 'data' && rnd() < 0.8 ? pick(DATA_CLASSES) : null,
      criticality: pick(['low', 'medium', 'high'] as const),
      supportEnds: rnd() < 0.3 ? (rnd() < 0.5 ? '2023-12-31' : '2030-12-31') : null,
      categorization: rated ? { [pick(VIEWPOINTS)]: pick([1, 2, 3] as const) } : undefined,
    });
  }
  const edges: Edge[] = [];
  for (let i = 0; i < EDGES; i++) {
    const from = pick(elements).id;
    let to = pick(elements).id;
    if (to === from)
      to = elements[(elements.findIndex((e) => e.id === from) + 1) % elements.length]?.id ?? to;
    const kind = pick(EDGE_KINDS);
    edges.push({
      id: `L-${i}`,
      from,
      to,
      kind,
      encrypted: kind === 'data_flow' || kind === 'network' ? rnd() < 0.6 : null,
      authenticated: kind === 'data_flow' || kind === 'network' ? rnd() < 0.6 : null,
    });
  }
  return { elements, edges };
}
