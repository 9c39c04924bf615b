import { SHA256_HEX } from '@shinrai/core';
import { z } from 'zod';
import { Id } from '../../platform/http/schemas.ts';

/** Request and response shapes the software routes share. */
export const P = '/api/orgs/:orgId/software';
export const KINDS = ['device', 'application', 'library', 'service'] as const;
/** A calendar day (YYYY-MM-DD that exists: no 2030-02-30, no 0000-00-00). */
export const Day = z.iso.date();
const Risk = z.object({
  critical: z.number(),
  high: z.number(),
  medium: z.number(),
  low: z.number(),
  malicious: z.number(),
});
export const Product = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(KINDS),
  vendor: z.string().nullable(),
  supportEnds: z.string().nullable(),
  supportEnded: z.boolean(),
  releaseCount: z.number(),
  risk: Risk,
});
export const Release = z.object({
  id: z.string(),
  productId: z.string(),
  version: z.string(),
  releasedOn: z.string().nullable(),
  supportEnds: z.string().nullable(),
  supportEnded: z.boolean(),
  sbom: z
    .object({
      format: z.string(),
      specVersion: z.string(),
      componentCount: z.number(),
      uploadedAt: z.string(),
    })
    .nullable(),
  risk: Risk,
});
export const Component = z.object({
  id: z.string(),
  bomRef: z.string(),
  name: z.string(),
  version: z.string().nullable(),
  purl: z.string().nullable(),
  ecosystem: z.string().nullable(),
  licenses: z.string().nullable(),
  hashes: z.array(z.object({ alg: z.string(), value: z.string() })),
  supplier: z.string().nullable(),
  dev: z.boolean(),
  supportEnds: z.string().nullable(),
  supportEnded: z.boolean(),
  matchable: z.boolean(),
});
const Vex = z.object({
  status: z.string(),
  justification: z.string().nullable(),
  detail: z.string().nullable(),
  /** CycloneDX analysis.response (update, will_not_fix, workaround_available, rollback, can_not_fix). */
  response: z.array(z.string()),
  /** `manual` or `file:<name>`; null for statements recorded before it was kept. */
  source: z.string().nullable(),
  updatedAt: z.string(),
});
/** A located warning of an SBOM reading, in the caller's language. */
export const SbomWarning = z.object({
  code: z.string(),
  message: z.string(),
  pointer: z.string().optional(),
  component: z.string().optional(),
  line: z.number().optional(),
  column: z.number().optional(),
});
export const VexHistoryEntry = z.object({
  advisoryId: z.string(),
  componentRef: z.string(),
  status: z.string(),
  justification: z.string().nullable(),
  detail: z.string().nullable(),
  response: z.array(z.string()),
  specificity: z.number(),
  statementAt: z.string().nullable(),
  source: z.string(),
  applied: z.boolean(),
  recordedAt: z.string(),
});
export const Finding = z.object({
  id: z.string(),
  advisoryId: z.string(),
  aliases: z.array(z.string()),
  summary: z.string().nullable(),
  severity: z.string(),
  score: z.number().nullable(),
  malicious: z.boolean(),
  component: z.object({
    id: z.string(),
    name: z.string(),
    version: z.string().nullable(),
    purl: z.string().nullable(),
  }),
  fixedVersion: z.string().nullable(),
  path: z.array(z.string()),
  vex: Vex.nullable(),
  suppressed: z.boolean(),
});
export const Artifact = z.object({
  id: z.string(),
  filename: z.string(),
  sha256: z.string(),
  signature: z.record(z.string(), z.unknown()).nullable(),
  createdAt: z.string(),
});
/** A SHA-256 digest in hex (packages/core's artifact rules), stored and compared lower-case. */
export const Sha256 = z
  .string()
  .regex(SHA256_HEX)
  .transform((s) => s.toLowerCase());
export const OrgParams = z.strictObject({ orgId: Id });
export const ProductParams = z.strictObject({ orgId: Id, productId: Id });
export const ReleaseParams = z.strictObject({ orgId: Id, releaseId: Id });
export const Lang = z.enum(['ja', 'en']).optional();
export const Policy = z.strictObject({
  allow: z.array(z.string().trim().min(1).max(200)).max(1000),
  deny: z.array(z.string().trim().min(1).max(200)).max(1000),
});
