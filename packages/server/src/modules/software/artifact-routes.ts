import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../platform/context.ts';
import type { Deps } from '../../platform/deps.ts';
import { Id } from '../../platform/http/schemas.ts';
import { Artifact, OrgParams, P, ReleaseParams, Sha256 } from './schemas.ts';
import {
  listArtifacts,
  listIncidents,
  registerArtifact,
  verifyReleaseArtifact,
} from './services/artifacts.ts';

/** Artifact integrity: the files a release distributes, verification of a file seen, and incidents. */
export function softwareArtifactRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      `${P}/releases/:releaseId/artifacts`,
      {
        config: { permission: 'software.read' },
        schema: {
          tags: ['software'],
          summary: 'Files the release distributes, with their expected SHA-256 and signature metadata',
          params: ReleaseParams,
          response: { 200: z.object({ items: z.array(Artifact) }) },
        },
      },
      async (req) => ({ items: await listArtifacts(ctxOf(deps, req), req.params) }),
    );

    app.post(
      `${P}/releases/:releaseId/artifacts`,
      {
        config: { permission: 'software.write' },
        schema: {
          tags: ['software'],
          summary: 'Register the expected SHA-256 (and signature metadata) of a file the release distributes',
          params: ReleaseParams,
          body: z.strictObject({
            filename: z.string().trim().min(1).max(500),
            sha256: Sha256,
            signature: z
              .strictObject({
                algorithm: z.string().max(100).optional(),
                keyId: z.string().max(500).optional(),
                signatureUrl: z.url().max(2000).optional(),
                certificateSubject: z.string().max(1000).optional(),
              })
              .nullable()
              .optional(),
          }),
          response: { 201: z.object({ artifact: Artifact }) },
        },
      },
      async (req, reply) =>
        reply.status(201).send({
          artifact: await registerArtifact(ctxOf(deps, req), {
            ...req.body,
            releaseId: req.params.releaseId,
          }),
        }),
    );

    app.post(
      `${P}/artifacts/verify`,
      {
        config: { permission: 'software.write' },
        schema: {
          tags: ['software'],
          summary:
            'Check a file against the registered SHA-256 of a release: match, mismatch (opens an incident) or unknown (nothing registered)',
          params: OrgParams,
          body: z
            .strictObject({
              productId: Id.optional(),
              productName: z.string().min(1).max(200).optional(),
              releaseId: Id.optional(),
              releaseVersion: z.string().min(1).max(200).optional(),
              filename: z.string().min(1).max(500).optional(),
              sha256: Sha256,
            })
            .refine(
              (b) =>
                b.releaseId !== undefined ||
                (b.releaseVersion !== undefined && (b.productId ?? b.productName) !== undefined),
              {
                message: 'name the release (releaseId, or a product and releaseVersion)',
                path: ['releaseId'],
              },
            ),
          response: {
            200: z.object({
              result: z.enum(['match', 'mismatch', 'unknown']),
              expected: z.array(z.object({ filename: z.string(), sha256: z.string() })),
              incidentId: z.string().optional(),
            }),
          },
        },
      },
      async (req) => verifyReleaseArtifact(ctxOf(deps, req), req.body),
    );

    app.get(
      `${P}/incidents`,
      {
        config: { permission: 'software.read' },
        schema: {
          tags: ['software'],
          summary:
            'Software incidents of the organization (artifact mismatches, malicious packages), newest first, with the product and release they concern (null once the release is deleted)',
          params: OrgParams,
          response: {
            200: z.object({
              items: z.array(
                z.object({
                  id: z.string(),
                  kind: z.string(),
                  releaseId: z.string().nullable(),
                  release: z
                    .object({
                      id: z.string(),
                      version: z.string(),
                      productId: z.string(),
                      productName: z.string(),
                    })
                    .nullable(),
                  status: z.string(),
                  details: z.record(z.string(), z.unknown()),
                  createdAt: z.string(),
                }),
              ),
            }),
          },
        },
      },
      async (req) => ({ items: await listIncidents(ctxOf(deps, req)) }),
    );
  };
}
