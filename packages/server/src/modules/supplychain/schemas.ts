import { CRITICALITIES, STAR_QUESTION_KEYS, SUPPLY_KINDS } from '@shinrai/core/supplychain';
import { z } from 'zod';
import { Id } from '../../platform/http/schemas.ts';

/** Request and response shapes the supply-chain routes share. */
export const P = '/api/orgs/:orgId/suppliers';
/** A calendar day (YYYY-MM-DD that exists). */
export const Day = z.iso.date();
export const OrgParams = z.strictObject({ orgId: Id });
export const SupplierParams = z.strictObject({ orgId: Id, supplierId: Id });
export const ContactParams = z.strictObject({
  orgId: Id,
  supplierId: Id,
  contactId: Id,
});

export const Supplies = z.array(z.enum(SUPPLY_KINDS)).max(SUPPLY_KINDS.length);
export const Criticality = z.enum(CRITICALITIES);
export const StarHeld = z.number().int().min(1).max(5);

const text = (max: number) => z.string().trim().max(max);

export const ContactInput = z.strictObject({
  name: text(200).min(1),
  email: z.email().max(254),
  role: text(200).optional(),
  primary: z.boolean().optional(),
});

export const SupplierInput = z.strictObject({
  corporateNumber: z.string().max(40).nullable().optional(),
  name: text(200).min(1),
  nameKana: text(200).nullable().optional(),
  supplies: Supplies.optional(),
  criticality: Criticality.optional(),
  contractStart: Day.nullable().optional(),
  contractEnd: Day.nullable().optional(),
  starHeld: StarHeld.nullable().optional(),
  linkedOrgId: Id.nullable().optional(),
  parentSupplierId: Id.nullable().optional(),
  notes: text(4000).optional(),
  contacts: z.array(ContactInput).max(20).optional(),
});
export const SupplierChange = SupplierInput.omit({ contacts: true, parentSupplierId: true }).partial();

export const Contact = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.string(),
  primary: z.boolean(),
});

export const StarAnswers = z.strictObject(
  Object.fromEntries(STAR_QUESTION_KEYS.map((k) => [k, z.boolean()])) as Record<
    (typeof STAR_QUESTION_KEYS)[number],
    z.ZodBoolean
  >,
);
export const StarDecision = z.object({
  id: z.string(),
  answers: z.object({ importantInfo: z.boolean(), outageDelay: z.boolean(), networkReach: z.boolean() }),
  computedLevel: z.number(),
  decidedLevel: z.number(),
  reasons: z.array(z.enum(STAR_QUESTION_KEYS)),
  overridden: z.boolean(),
  note: z.string().nullable(),
  ruleVersion: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string(),
});

export const Supplier = z.object({
  id: z.string(),
  corporateNumber: z.string().nullable(),
  name: z.string(),
  nameKana: z.string().nullable(),
  supplies: Supplies,
  criticality: Criticality,
  contractStart: z.string().nullable(),
  contractEnd: z.string().nullable(),
  starRequired: z.number().nullable(),
  starHeld: z.number().nullable(),
  /** The ★ the supplier itself showed on one of this buyer's requests (newest unexpired), or null. */
  starAttested: z
    .object({
      level: z.number(),
      kind: z.string(),
      attachedAt: z.string(),
      validUntil: z.string(),
      requestId: z.string(),
    })
    .nullable(),
  starMet: z.boolean().nullable(),
  linkedOrg: z.object({ id: z.string(), name: z.string() }).nullable(),
  tier: z.number(),
  parentSupplierId: z.string().nullable(),
  notes: z.string(),
  primaryContact: Contact.nullable(),
  contactCount: z.number(),
  statusKnownSince: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const SupplierDetail = z.object({
  supplier: Supplier,
  contacts: z.array(Contact),
  decisions: z.array(StarDecision),
  children: z.array(Supplier),
  /** Whether the linked organization shares its own supplier registry with this buyer. */
  registryShared: z.boolean(),
});
