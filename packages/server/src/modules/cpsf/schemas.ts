import { STATUS_VALUES } from '@shinrai/core';
import { z } from 'zod';
import { Id } from '../../platform/http/schemas.ts';
import { EdgeSchema, ElementSchema } from './graph-schema.ts';

/** Request and response schemas shared by the CPSF routes. */
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const Lang = z.enum(['ja', 'en']).optional();
export const Text = z.object({ ja: z.string(), en: z.string() });
export const SCOPES = ['organization', 'site', 'product'] as const;
/** A whole graph can be large (5,000 elements and 20,000 edges is a few MB). */
export const GRAPH_BODY_LIMIT = 32 * 1024 * 1024;

export const ModelSummary = z.object({
  id: z.string(),
  name: z.string(),
  scopeType: z.enum(SCOPES),
  scopeLabel: z.string().nullable(),
  elementCount: z.number(),
  edgeCount: z.number(),
  revision: z.number(),
  updatedAt: z.string(),
  assessmentId: z.string().nullable(),
});
export const ModelDetail = ModelSummary.extend({
  elements: z.array(ElementSchema),
  edges: z.array(EdgeSchema),
});

export const Status = z.enum(STATUS_VALUES);
export const Plan = z.object({
  owner: z.string().nullable(),
  dueDate: z.string().nullable(),
  costEstimate: z.number().nullable(),
  residualAcceptedBy: z.string().nullable(),
  note: z.string().nullable(),
  updatedAt: z.string(),
});
export const Override = z.object({
  id: z.string(),
  elementId: z.string(),
  riskSourceRef: z.string(),
  action: z.enum(['add', 'dismiss']),
  reason: z.string(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
});
export const Level = z.enum(['basic', 'advanced', 'high_advanced']);
export const AnalysisElement = z.object({
  elementId: z.string(),
  level: z.object({
    level: Level,
    highest: z.number().nullable(),
    drivers: z.array(z.string()),
    rated: z.boolean(),
    explanation: Text,
  }),
  riskSources: z.array(
    z.object({
      ref: z.string(),
      origin: z.enum(['rule', 'added']),
      dismissed: z.boolean(),
      reason: z.string().nullable(),
      because: Text,
    }),
  ),
  requirements: z.array(
    z.object({
      ref: z.string(),
      tier: Level,
      riskSources: z.array(z.string()),
      cpsfRefs: z.array(z.string()),
      status: Status.nullable(),
      statusRevision: z.number(),
      plan: Plan.nullable(),
    }),
  ),
});
export const Analysis = z.object({
  checks: z.array(
    z.object({
      code: z.string(),
      severity: z.enum(['error', 'warning', 'info']),
      elementIds: z.array(z.string()),
      edgeIds: z.array(z.string()),
      message: Text,
    }),
  ),
  elements: z.array(AnalysisElement),
  heatmap: z.array(
    z.object({
      layer: z.number(),
      component: z.string(),
      elements: z.number(),
      required: z.number(),
      met: z.number(),
      gaps: z.number(),
    }),
  ),
  summary: z.object({
    elements: z.number(),
    required: z.number(),
    met: z.number(),
    partial: z.number(),
    unmet: z.number(),
    unanswered: z.number(),
  }),
  overrides: z.array(Override),
});

export const ModelParams = z.strictObject({ orgId: Id, modelId: Id });
export const ElementRef = z.string().min(1).max(64);
export const RequirementRef = z.string().min(1).max(128);
