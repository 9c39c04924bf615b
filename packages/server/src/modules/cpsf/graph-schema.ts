import {
  COMPONENTS,
  CRITICALITIES,
  DATA_CLASSES,
  EDGE_KINDS,
  THING_KINDS,
  VIEWPOINTS,
  type Model,
  type Viewpoint,
} from '@shinrai/core';
import { z } from 'zod';

/** Element and edge ids: what a person types in a ledger (letters, digits, and . _ - : / and Japanese). */
export const GraphId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[^\s@]+$/u, 'no spaces or @');

const Short = z.string().trim().max(200);
const Level = z.union([z.literal(1), z.literal(2), z.literal(3)]);

export const ElementSchema = z.strictObject({
  id: GraphId,
  name: z.string().trim().min(1).max(200),
  component: z.enum(COMPONENTS),
  thingKind: z.enum(THING_KINDS).nullable().optional(),
  layer: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  orgRef: GraphId.nullable().optional(),
  owner: Short.nullable().optional(),
  location: Short.nullable().optional(),
  criticality: z.enum(CRITICALITIES).nullable().optional(),
  dataClass: z.enum(DATA_CLASSES).nullable().optional(),
  vendor: Short.nullable().optional(),
  version: z.string().trim().max(100).nullable().optional(),
  supportEnds: z.iso.date().nullable().optional(),
  categorization: z
    .strictObject(
      Object.fromEntries(VIEWPOINTS.map((v) => [v, Level.optional()])) as Record<
        Viewpoint,
        z.ZodOptional<typeof Level>
      >,
    )
    .optional(),
  attributes: z.record(z.string().max(64), z.string().max(1000)).optional(),
  position: z.strictObject({ x: z.number().finite(), y: z.number().finite() }).nullable().optional(),
});

export const EdgeSchema = z.strictObject({
  id: GraphId,
  from: GraphId,
  to: GraphId,
  kind: z.enum(EDGE_KINDS),
  label: Short.nullable().optional(),
  encrypted: z.boolean().nullable().optional(),
  authenticated: z.boolean().nullable().optional(),
});

export const MAX_ELEMENTS = 20_000;
export const MAX_EDGES = 100_000;

export const GraphSchema = z.strictObject({
  elements: z.array(ElementSchema).max(MAX_ELEMENTS),
  edges: z.array(EdgeSchema).max(MAX_EDGES),
});

export interface GraphProblem {
  pointer: string;
  message: string;
}

/**
 * What the schema cannot say: ids unique, edges between existing elements, org references to
 * organizations. A graph with these problems is refused (the editor never produces one).
 */
export function graphIntegrity(model: Model): GraphProblem[] {
  const problems: GraphProblem[] = [];
  const byId = new Map<string, number>();
  model.elements.forEach((e, i) => {
    if (byId.has(e.id)) problems.push({ pointer: `/elements/${i}/id`, message: `duplicate id ${e.id}` });
    else byId.set(e.id, i);
  });
  const edgeIds = new Set<string>();
  model.edges.forEach((e, i) => {
    if (edgeIds.has(e.id)) problems.push({ pointer: `/edges/${i}/id`, message: `duplicate id ${e.id}` });
    edgeIds.add(e.id);
    if (!byId.has(e.from))
      problems.push({ pointer: `/edges/${i}/from`, message: `unknown element ${e.from}` });
    if (!byId.has(e.to)) problems.push({ pointer: `/edges/${i}/to`, message: `unknown element ${e.to}` });
  });
  model.elements.forEach((e, i) => {
    if (e.orgRef === null || e.orgRef === undefined) return;
    const j = byId.get(e.orgRef);
    if (j === undefined || model.elements[j]!.component !== 'organization')
      problems.push({
        pointer: `/elements/${i}/orgRef`,
        message: `not an organization element: ${e.orgRef}`,
      });
  });
  return problems;
}

/** Drops undefined keys so a stored graph is canonical (and its JSON small). */
export function canonicalGraph(model: Model): Model {
  return JSON.parse(JSON.stringify({ elements: model.elements, edges: model.edges })) as Model;
}
