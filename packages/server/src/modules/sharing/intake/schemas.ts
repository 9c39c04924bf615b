import { TLP_LEVELS } from '@shinrai/core/sharing';
import { z } from 'zod';

export const P = '/api/orgs/:orgId/sharing/intake';
export const tags = ['sharing'];
export const Lang = z.enum(['ja', 'en']).optional();

export const Note = z.object({
  pointer: z.string(),
  id: z.string(),
  code: z.enum(['older_version', 'missing_ref', 'duplicate']),
  message: z.string(),
});
export const Producer = z.enum(['misp', 'opencti', 'stix']);
export const ImportSummary = z.object({
  importId: z.string(),
  producer: Producer,
  added: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  skipped: z.array(Note),
  warnings: z.array(Note),
});
export const ImportRecord = z.object({
  id: z.string(),
  kind: z.enum(['upload', 'taxii']),
  label: z.string(),
  producer: Producer,
  added: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  skipped: z.number(),
  createdAt: z.string(),
});
export const IntakeObject = z.object({
  id: z.string(),
  type: z.string(),
  name: z.string().nullable(),
  value: z.string().nullable(),
  tlp: z.enum(TLP_LEVELS).nullable(),
  producer: Producer,
  source: z.string(),
  firstSeen: z.string().nullable(),
  lastSeen: z.string().nullable(),
  modified: z.string(),
});
export const ObjectsQuery = z.strictObject({
  view: z.enum(['reports', 'indicators', 'all']).default('all'),
  tlp: z.enum([...TLP_LEVELS, 'none']).optional(),
  source: z.string().max(300).optional(),
  producer: Producer.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

export const AuthKind = z.enum(['none', 'bearer', 'basic']);
export const SourceInput = z.strictObject({
  name: z.string().trim().min(1).max(200),
  apiRootUrl: z.string().trim().min(1).max(2000),
  collectionId: z.string().trim().min(1).max(200),
  authKind: AuthKind,
  username: z.string().max(200).nullable().optional(),
  /** Bearer token or basic password; omitted on update: unchanged. */
  secret: z.string().max(4000).nullable().optional(),
  intervalMinutes: z.number().int().min(5).max(10_080),
  enabled: z.boolean().default(true),
});
export const Source = z.object({
  id: z.string(),
  name: z.string(),
  apiRootUrl: z.string(),
  collectionId: z.string(),
  authKind: AuthKind,
  username: z.string().nullable(),
  hasSecret: z.boolean(),
  intervalMinutes: z.number(),
  enabled: z.boolean(),
  checkpoint: z.string().nullable(),
  nextRunAt: z.string().nullable(),
  failures: z.number(),
  lastError: z.string().nullable(),
  lastAttemptAt: z.string().nullable(),
  lastSuccessAt: z.string().nullable(),
});
