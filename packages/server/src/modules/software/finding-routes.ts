import { VEX_JUSTIFICATIONS, VEX_STATUSES } from '@shinrai/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../platform/context.ts';
import type { Deps } from '../../platform/deps.ts';
import { Id } from '../../platform/http/schemas.ts';
import { Component, Finding, Lang, P, ReleaseParams, SbomWarning, VexHistoryEntry } from './schemas.ts';
import { listComponents, listFindings, sbomWarnings, setVex } from './services/findings.ts';
import { requestLocale } from '../../platform/http/errors.ts';
import { vexHistory } from './services/vex.ts';

/** A release's SBOM components and findings, and the VEX analysis of one finding. */
export function softwareFindingRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      `${P}/releases/:releaseId/components`,
      {
        config: { permission: 'software.read' },
        schema: {
          tags: ['software'],
          summary:
            'Every component of the release SBOM (compact; 10,000 rows in one answer) and the warnings of its reading (field-level schema problems, invalid purls, components that cannot be matched; located, first 500), then the components that advisories name but whose ranges cannot be evaluated for them (`cannot_evaluate_*`: how many advisories and why; first 500, kept current by re-matching)',
          params: ReleaseParams,
          querystring: z.strictObject({ lang: Lang }),
          response: { 200: z.object({ items: z.array(Component), warnings: z.array(SbomWarning) }) },
        },
      },
      async (req) => {
        const ctx = ctxOf(deps, req);
        return {
          items: await listComponents(ctx, req.params),
          warnings: await sbomWarnings(ctx, { releaseId: req.params.releaseId, locale: requestLocale(req) }),
        };
      },
    );

    app.get(
      `${P}/releases/:releaseId/findings`,
      {
        config: { permission: 'software.read' },
        schema: {
          tags: ['software'],
          summary:
            'Findings of the release (advisory, severity, fixed version, dependency path, VEX; suppressed when VEX says not_affected or fixed)',
          params: ReleaseParams,
          response: { 200: z.object({ items: z.array(Finding) }) },
        },
      },
      async (req) => ({ items: await listFindings(ctxOf(deps, req), req.params) }),
    );

    app.put(
      `${P}/findings/:findingId/vex`,
      {
        config: { permission: 'software.write' },
        schema: {
          tags: ['software'],
          summary:
            'Record the analysis of a finding (VEX): not_affected with a justification, affected, fixed, under_investigation',
          params: z.strictObject({ orgId: Id, findingId: Id }),
          body: z
            .strictObject({
              status: z.enum(VEX_STATUSES),
              justification: z.enum(VEX_JUSTIFICATIONS).nullable().optional(),
              detail: z.string().trim().max(4000).nullable().optional(),
            })
            .refine((b) => b.status !== 'not_affected' || Boolean(b.justification) || Boolean(b.detail), {
              message: 'not_affected needs a justification or a detail',
              path: ['justification'],
            }),
          response: { 200: z.object({ finding: Finding }) },
        },
      },
      async (req) => ({
        finding: await setVex(ctxOf(deps, req), { ...req.body, findingId: req.params.findingId }),
      }),
    );

    app.get(
      `${P}/releases/:releaseId/vex/history`,
      {
        config: { permission: 'software.read' },
        schema: {
          tags: ['software'],
          summary:
            'The VEX history of the release: every statement read or set (of one finding with `findingId`), oldest first, and whether it stood (the most specific, then the latest statement wins)',
          params: ReleaseParams,
          querystring: z.strictObject({ findingId: Id.optional(), lang: Lang }),
          response: { 200: z.object({ items: z.array(VexHistoryEntry) }) },
        },
      },
      async (req) => ({
        items: await vexHistory(ctxOf(deps, req), {
          releaseId: req.params.releaseId,
          findingId: req.query.findingId,
        }),
      }),
    );
  };
}
