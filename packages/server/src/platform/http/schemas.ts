import {
  MAX_PAGE_SIZE,
  ORG_KINDS,
  ORG_SIZES,
  RELATIONSHIP_STATUSES,
  RELATIONSHIP_TYPES,
  ROLES,
  SLUG_PATTERN,
} from '@shinrai/core';
import { z } from 'zod';

/** Shared zod schemas: the single description of the API's shapes (OpenAPI is generated from them). */
export const Role = z.enum(ROLES);
export const Locale = z.enum(['ja', 'en']);
export const Email = z.email().max(254);
export const Id = z.string().min(1).max(64);
const text = (max: number) => z.string().trim().min(1).max(max);

export const PageQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(50),
  cursor: z.string().max(512).optional(),
  lang: Locale.optional(),
});

export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const ErrorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});

export const OrgProfileInput = z.strictObject({
  name: text(200),
  kind: z.enum(ORG_KINDS),
  slug: z.string().regex(SLUG_PATTERN).optional(),
  corporateNumber: z
    .string()
    .regex(/^\d{13}$/)
    .nullable()
    .optional(),
  industry: z.string().trim().max(100).nullable().optional(),
  size: z.enum(ORG_SIZES).nullable().optional(),
  prefecture: z
    .string()
    .regex(/^(0[1-9]|[1-3]\d|4[0-7])$/)
    .nullable()
    .optional(),
  /** Whether other organizations may find it by name or 法人番号 (off unless chosen). */
  discoverable: z.boolean().optional(),
});

export const Organization = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  kind: z.enum(ORG_KINDS),
  corporateNumber: z.string().nullable(),
  industry: z.string().nullable(),
  size: z.enum(ORG_SIZES).nullable(),
  prefecture: z.string().nullable(),
  discoverable: z.boolean(),
  createdAt: z.string(),
});

export const OrgRef = z.object({ id: z.string(), slug: z.string(), name: z.string() });

export const User = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  locale: Locale,
  totpEnabled: z.boolean(),
  isInstanceAdmin: z.boolean(),
});

export const Member = z.object({
  user: z.object({ id: z.string(), email: z.string(), displayName: z.string() }),
  role: Role,
  createdAt: z.string(),
});

export const Invitation = z.object({
  id: z.string(),
  email: z.string(),
  role: Role,
  status: z.enum(['pending', 'accepted', 'revoked', 'expired']),
  expiresAt: z.string(),
  createdAt: z.string(),
});

export const Relationship = z.object({
  id: z.string(),
  type: z.enum(RELATIONSHIP_TYPES),
  from: OrgRef,
  to: OrgRef,
  status: z.enum(RELATIONSHIP_STATUSES),
  requestedBy: z.string(),
  createdAt: z.string(),
  acceptedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
});

export const ApiToken = z.object({
  id: z.string(),
  name: z.string(),
  role: Role,
  prefix: z.string(),
  expiresAt: z.string(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  createdAt: z.string(),
});

export const AuditEntry = z.object({
  seq: z.number(),
  at: z.string(),
  actor: z
    .object({ userId: z.string().nullable(), email: z.string().nullable(), tokenId: z.string().nullable() })
    .nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  requestId: z.string().nullable(),
  /** The object's name where known (looked up in this organization only), else null: show targetId. */
  objectName: z.string().nullable(),
  details: z.unknown(),
});

export const Job = z.object({
  id: z.string(),
  kind: z.string(),
  status: z.enum(['queued', 'running', 'succeeded', 'failed']),
  progress: z.object({ current: z.number(), total: z.number() }),
  result: z.unknown(),
  error: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const OrgParams = z.strictObject({ orgId: Id });
export const Empty = z.strictObject({});
export const CsrfToken = z.string();
