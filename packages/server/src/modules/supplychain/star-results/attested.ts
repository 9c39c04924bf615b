import { japanDay, starResultExpired } from '@shinrai/core/supplychain';
import { listAttachedStarResults } from '@shinrai/store';
import type { Ctx } from '../../../platform/context.ts';

/** The ★ a supplier itself showed the buyer (attested), as the registry shows it next to the typed one. */
export interface AttestedStar {
  level: number;
  kind: string;
  attachedAt: string;
  validUntil: string;
  requestId: string;
}

/**
 * Per registry entry of the caller (a buyer): the newest unexpired ★ result a supplier attached to one of
 * the caller's own requests. Results attached to other buyers' requests are never read.
 */
export async function attestedStars(ctx: Ctx): Promise<Map<string, AttestedStar>> {
  const today = japanDay(ctx.now);
  const out = new Map<string, AttestedStar>();
  for (const a of await listAttachedStarResults(ctx.deps.store.db, ctx.orgId)) {
    if (out.has(a.supplier_id) || starResultExpired(a.valid_until, today)) continue;
    out.set(a.supplier_id, {
      level: a.level,
      kind: a.kind,
      attachedAt: a.attached_at,
      validUntil: a.valid_until,
      requestId: a.request_id,
    });
  }
  return out;
}
