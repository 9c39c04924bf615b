import type { Role } from '@shinrai/core';
import type { Database } from '@shinrai/store';
import type { FastifyRequest } from 'fastify';
import type { Transaction } from 'kysely';
import type { Deps } from './deps.ts';
import { orgAccess, type OrgAccess } from './http/principal.ts';
import { audit, type Actor } from './services/audit-trail.ts';

/**
 * What a service needs to act for a caller in one organization: the outside world, the organization,
 * the caller's role and audit identity, and the time the request is handled at. Services take
 * `(ctx, input)`; routes build the context with `ctxOf` and stay thin adapters.
 */
export interface Ctx {
  deps: Deps;
  orgId: string;
  role: Role;
  actor: Actor;
  now: Date;
}

/** A context inside one transaction: `trx` runs the writes, `audit` records the change in the same transaction. */
export interface TxCtx extends Ctx {
  trx: Transaction<Database>;
  audit(
    action: string,
    target: { type: string; id: string } | null,
    details?: Record<string, unknown>,
  ): Promise<void>;
}

/** The context of the caller's organization access (routes with `config.permission`). */
export function ctxOf(deps: Deps, req: FastifyRequest): Ctx {
  return ctxFromAccess(deps, orgAccess(req), req.id);
}

/** The context of an access already checked (for callers outside a route handler). */
export function ctxFromAccess(deps: Deps, access: OrgAccess, requestId: string | null): Ctx {
  return {
    deps,
    orgId: access.orgId,
    role: access.role,
    actor: { userId: access.actorUserId, tokenId: access.actorTokenId, requestId },
    now: deps.now(),
  };
}

/**
 * Runs `fn` in one transaction. Whatever it writes through `tx.trx` and every `tx.audit` entry commit
 * together; if it throws, none of it is kept and the error goes on to the caller.
 */
export async function write<T>(ctx: Ctx, fn: (tx: TxCtx) => Promise<T>): Promise<T> {
  return ctx.deps.store.db.transaction().execute(async (trx) =>
    fn({
      ...ctx,
      trx,
      audit: (action, target, details = {}) =>
        audit(ctx.deps, trx, ctx.actor, ctx.orgId, action, target, details),
    }),
  );
}
