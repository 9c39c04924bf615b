import { z } from 'zod';

const TextPair = z.object({ ja: z.string(), en: z.string() });

/** Earlier answers offered to start from: the source, its date and the items it would fill. */
export const ReuseOffers = z.object({
  items: z.array(
    z.object({
      type: z.enum(['request', 'assessment']),
      id: z.string(),
      label: z.string(),
      date: z.string(),
      items: z.array(z.object({ ref: z.string(), title: TextPair })),
      /** Evidence files copied along with these items (same SHA-256), from a submitted request. */
      evidence: z.number(),
    }),
  ),
  /** In-app only: the supplier's SECURITY ACTION declaration it may attach to the request. */
  declaration: z
    .object({
      level: z.enum(['star1', 'star2']),
      declarationId: z.string(),
      declaredOn: z.string(),
      attached: z.boolean(),
    })
    .nullable()
    .optional(),
});

export const Confirm = z.strictObject({ confirm: z.literal(true) });

/** The respondent's confirmed choice: the source and the items to fill from it. */
export const ReuseBody = z.strictObject({
  type: z.enum(['request', 'assessment']),
  id: z.string().min(1).max(100),
  refs: z.array(z.string().min(1).max(200)).min(1).max(1000),
  confirm: z.literal(true),
});

export const ReuseResult = z.object({ filled: z.number() });

export const InboxList = z.object({
  open: z.number(),
  items: z.array(
    z.object({
      id: z.string(),
      buyer: z.string(),
      title: z.string(),
      catalog: TextPair,
      deadline: z.string(),
      status: z.string(),
      campaignClosed: z.boolean(),
      clarify: z.number(),
      open: z.boolean(),
    }),
  ),
});
