import {
  COMPONENTS,
  CRITICALITIES,
  DATA_CLASSES,
  EDGE_KINDS,
  THING_KINDS,
  VIEWPOINTS,
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
