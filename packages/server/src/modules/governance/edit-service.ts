// Target profile and action items: the governance writes, each (ctx, input) => result.
import { DIRECTIVE_REFS, levelToPercent, type DirectiveRef } from '@shinrai/core';
import {
  deleteGovernanceAction,
  enqueueJob,
  findGovernanceAction,
  findJob,
  findMembership,
  insertGovernanceAction,
  listGovernanceActions,
  listGovernanceTargets,
  replaceGovernanceTargets,
  updateGovernanceAction,
  type GovernanceActionPatch,
  type GovernanceActionRow,
  type JobRow,
} from '@shinrai/store';
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Deps } from '../../platform/deps.ts';
import { actorOf } from '../../platform/http/access.ts';
import { fail } from '../../platform/http/errors.ts';
import type { OrgAccess } from '../../platform/http/principal.ts';
import { audit } from '../../platform/services/audit-trail.ts';
import { GOVERNANCE_OVERDUE_JOB } from './overdue-job.ts';
import type { ActionInput, ActionPatch, KpiInput } from './schemas.ts';
import { actionViews, targetProfile, type ActionView } from './service.ts';

/** Who calls a governance service: the dependencies, the caller's access to the organization, the request. */
export interface GovernanceCtx {
  deps: Deps;
  access: OrgAccess;
  requestId: string;
}

/** Target levels and the same as percent (the radar's scale). */
export function targetsView(rows: Parameters<typeof targetProfile>[0]) {
  const p = targetProfile(rows);
  const percents = Object.fromEntries(
    DIRECTIVE_REFS.map((r) => [r, p.levels[r] === null ? null : levelToPercent(p.levels[r])]),
  ) as Record<DirectiveRef, number | null>;
  return { levels: p.levels, percents, updatedAt: p.updatedAt, updatedBy: p.updatedBy };
}

export async function getTargets(deps: Deps, orgId: string) {
  return targetsView(await listGovernanceTargets(deps.store.db, orgId));
}

/** Replaces the whole target profile; a directive left out or null has no target. */
export async function setTargets(
  { deps, access, requestId }: GovernanceCtx,
  input: Partial<Record<DirectiveRef, number | null>>,
) {
  const targets = DIRECTIVE_REFS.flatMap((directive) => {
    const level = input[directive];
    return level === undefined || level === null ? [] : [{ directive, level }];
  });
  const rows = await deps.store.db.transaction().execute(async (trx) => {
    await replaceGovernanceTargets(trx, access.orgId, targets, access.actorUserId, deps.now().toISOString());
    await audit(
      deps,
      trx,
      actorOf(access, requestId),
      access.orgId,
      'governance.targets',
      { type: 'organization', id: access.orgId },
      { targets: Object.fromEntries(targets.map((t) => [t.directive, t.level])) },
    );
    return listGovernanceTargets(trx, access.orgId);
  });
  return targetsView(rows);
}

/** The fields of a KPI input as columns (undefined: leave as is). */
function kpiColumns(
  kpi: z.infer<typeof KpiInput> | null | undefined,
): Pick<GovernanceActionPatch, 'kpi_text' | 'kpi_target' | 'kpi_current'> {
  if (kpi === undefined) return {};
  if (kpi === null) return { kpi_text: null, kpi_target: null, kpi_current: null };
  return { kpi_text: kpi.text, kpi_target: kpi.target ?? null, kpi_current: kpi.current ?? null };
}

async function requireOwnerMember(deps: Deps, orgId: string, ownerId: string): Promise<void> {
  if (!(await findMembership(deps.store.db, orgId, ownerId)))
    fail('validation_failed', [{ in: 'body', pointer: '/ownerId', message: ownerId }]);
}

async function oneAction(deps: Deps, orgId: string, row: GovernanceActionRow): Promise<ActionView> {
  const [view] = await actionViews(deps.store.db, orgId, [row], deps.now());
  return view ?? fail('internal');
}

export async function listActions(
  deps: Deps,
  orgId: string,
  filter: { directive?: DirectiveRef | undefined; status?: string | undefined },
): Promise<ActionView[]> {
  const rows = await listGovernanceActions(deps.store.db, orgId, {
    ...(filter.directive === undefined ? {} : { directive: filter.directive }),
    ...(filter.status === undefined ? {} : { status: filter.status }),
  });
  return actionViews(deps.store.db, orgId, rows, deps.now());
}

export async function createAction(
  { deps, access, requestId }: GovernanceCtx,
  b: z.infer<typeof ActionInput>,
): Promise<ActionView> {
  await requireOwnerMember(deps, access.orgId, b.ownerId);
  const now = deps.now().toISOString();
  const kpi = kpiColumns(b.kpi);
  const row: GovernanceActionRow = {
    id: randomUUID(),
    org_id: access.orgId,
    directive: b.directive,
    title: b.title,
    owner_id: b.ownerId,
    due_date: b.dueDate,
    status: b.status,
    kpi_text: kpi.kpi_text ?? null,
    kpi_target: kpi.kpi_target ?? null,
    kpi_current: kpi.kpi_current ?? null,
    reminded_on: null,
    created_by: access.actorUserId,
    created_at: now,
    updated_at: now,
  };
  await deps.store.db.transaction().execute(async (trx) => {
    await insertGovernanceAction(trx, row);
    await audit(
      deps,
      trx,
      actorOf(access, requestId),
      access.orgId,
      'governance.action.create',
      { type: 'governance_action', id: row.id },
      { directive: row.directive, owner: row.owner_id, dueDate: row.due_date, status: row.status },
    );
  });
  return oneAction(deps, access.orgId, row);
}

export async function updateAction(
  { deps, access, requestId }: GovernanceCtx,
  input: { actionId: string; patch: z.infer<typeof ActionPatch> },
): Promise<ActionView> {
  const b = input.patch;
  if (b.ownerId !== undefined) await requireOwnerMember(deps, access.orgId, b.ownerId);
  const patch: GovernanceActionPatch = {
    ...(b.directive === undefined ? {} : { directive: b.directive }),
    ...(b.title === undefined ? {} : { title: b.title }),
    ...(b.ownerId === undefined ? {} : { owner_id: b.ownerId }),
    ...(b.dueDate === undefined ? {} : { due_date: b.dueDate }),
    ...(b.status === undefined ? {} : { status: b.status }),
    ...kpiColumns(b.kpi),
  };
  const updated = await deps.store.db.transaction().execute(async (trx) => {
    const before = await findGovernanceAction(trx, access.orgId, input.actionId);
    if (!before) return fail('not_found');
    await updateGovernanceAction(trx, access.orgId, before.id, patch, deps.now().toISOString());
    const changed = Object.fromEntries(
      Object.entries(patch).filter(([k, v]) => before[k as keyof GovernanceActionPatch] !== v),
    );
    await audit(
      deps,
      trx,
      actorOf(access, requestId),
      access.orgId,
      'governance.action.update',
      { type: 'governance_action', id: before.id },
      { changed },
    );
    return findGovernanceAction(trx, access.orgId, before.id);
  });
  return oneAction(deps, access.orgId, updated ?? fail('internal'));
}

export async function deleteAction(
  { deps, access, requestId }: GovernanceCtx,
  input: { actionId: string },
): Promise<void> {
  await deps.store.db.transaction().execute(async (trx) => {
    const a = await findGovernanceAction(trx, access.orgId, input.actionId);
    if (!a) return fail('not_found');
    await deleteGovernanceAction(trx, access.orgId, a.id);
    await audit(
      deps,
      trx,
      actorOf(access, requestId),
      access.orgId,
      'governance.action.delete',
      { type: 'governance_action', id: a.id },
      { directive: a.directive, title: a.title, status: a.status },
    );
    return undefined;
  });
}

/** Enqueues the job that e-mails the owners of overdue open action items. */
export async function startOverdueReminders({ deps, access, requestId }: GovernanceCtx): Promise<JobRow> {
  const db = deps.store.db;
  const id = randomUUID();
  await db.transaction().execute(async (trx) => {
    await enqueueJob(trx, {
      id,
      orgId: access.orgId,
      kind: GOVERNANCE_OVERDUE_JOB,
      payload: {},
      maxAttempts: 3,
      now: deps.now().toISOString(),
    });
    await audit(deps, trx, actorOf(access, requestId), access.orgId, 'governance.reminders_start', {
      type: 'job',
      id,
    });
  });
  return (await findJob(db, access.orgId, id)) ?? fail('internal');
}
