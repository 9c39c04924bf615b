import { z } from 'zod';
import { Id } from '../../../platform/http/schemas.ts';

const Day = z.iso.date();

/** A ★ result as its buyer is shown it (and as the supplier previews it before consenting). */
export const ShownStarResult = z.object({
  level: z.union([z.literal(3), z.literal(4)]),
  kind: z.enum(['self', 'third_party']),
  obtainedOn: z.string(),
  validUntil: z.string(),
  expired: z.boolean(),
  bodyName: z.string().nullable(),
  registrationNo: z.string().nullable(),
  evidence: z
    .object({ name: z.string(), size: z.number(), sha256: z.string(), contentType: z.string() })
    .nullable(),
});

export const OwnStarResult = ShownStarResult.extend({
  id: z.string(),
  assessmentId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Shown on a request its buyer accepted: no longer correctable. */
  locked: z.boolean(),
});

export const StarResultBody = z.strictObject({
  level: z.union([z.literal(3), z.literal(4)]),
  kind: z.enum(['self', 'third_party']),
  obtainedOn: Day,
  validUntil: Day,
  bodyName: z.string().trim().max(200).nullable().optional(),
  registrationNo: z.string().trim().max(100).nullable().optional(),
  assessmentId: Id.nullable().optional(),
});

export const StarOffer = z.object({
  items: z.array(z.object({ id: z.string(), shown: ShownStarResult })),
  attached: z
    .object({
      starResultId: z.string(),
      attachedAt: z.string(),
      correctedAt: z.string().nullable(),
      shown: ShownStarResult,
    })
    .nullable(),
  withdrawable: z.boolean(),
});

export const AttachStarBody = z.strictObject({ starResultId: Id, confirm: z.literal(true) });
