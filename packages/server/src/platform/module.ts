import type { ModulePermission, PermissionLevel } from '@shinrai/core';
import type { Database } from '@shinrai/store';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Transaction } from 'kysely';
import type { Deps } from './deps.ts';
import type { JobHandler } from './jobs/worker.ts';
import type { Actor } from './services/audit-trail.ts';

/** A relationship one of its parties just ended (the module hooks run in that same transaction). */
export interface EndedRelationship {
  id: string;
  type: string;
  fromOrgId: string;
  toOrgId: string;
  /** The party that ended it, and who acted for it. */
  byOrgId: string;
  actor: Actor;
  at: string;
}

/**
 * Names of one object type for the audit log: ids → names, looked up among the objects of `orgId` only
 * (an id of another organization's object gets no name). One query per call.
 */
export type AuditNameLookup = (
  deps: Deps,
  orgId: string,
  ids: readonly string[],
) => Promise<Map<string, string>>;

/** An error code a module adds to the platform's, with its HTTP status and its messages. */
export interface ModuleError {
  status: number;
  ja: string;
  en: string;
}

/**
 * Everything the platform needs to know about a server module. `modules/index.ts` lists them; the
 * app, the server start, the error mapper and the public-route check loop over that list, so adding
 * a module touches that one list (and the store's migration list when it has tables).
 */
export interface ServerModule {
  /** Folder name and route tag, e.g. 'software'. */
  name: string;
  /** The permissions its routes ask for, each with the level that decides which roles hold it. */
  permissions: Record<ModulePermission, PermissionLevel>;
  /** Error codes of its own (platform codes such as not_found are shared). */
  errors?: Record<string, ModuleError>;
  /** Route plugins, registered in order. */
  routes?: readonly ((deps: Deps) => FastifyPluginAsyncZod)[];
  /** Routes callable without signing in, as 'METHOD /path'. */
  publicRoutes?: readonly string[];
  /** Background job handlers by kind. */
  jobs?: (deps: Deps) => Record<string, JobHandler>;
  /** Job kinds enqueued once a day. */
  daily?: readonly string[];
  /** Work at server start, after migrations and before listening (e.g. installing built-in content). */
  start?: (deps: Deps) => Promise<void>;
  /**
   * Withdraws what a relationship gave when it ends (shares made under it), inside the transaction
   * that ends it, audited there: a later relationship between the same organizations starts with none.
   */
  relationshipEnded?: (deps: Deps, trx: Transaction<Database>, ended: EndedRelationship) => Promise<void>;
  /** How the audit log names its objects, by target type (e.g. 'assessment'). */
  auditNames?: Record<string, AuditNameLookup>;
}

/** Declares a module; the literal types of its error codes stay visible to its own `fail`. */
export function defineModule<const M extends ServerModule>(m: M): M {
  return m;
}
