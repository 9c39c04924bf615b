import {
  applyRedactions,
  redactionProblem,
  refang,
  type AttackType,
  type IndicatorType,
  type RedactionCategory,
  type Tlp,
} from '@shinrai/core/sharing';
import {
  enqueueJob,
  findOrganization,
  findSharingHub,
  findSharingReport,
  insertSharingReport,
  isSharingMember,
  listSharingGroups,
  listSharingReports,
  nextSharingSeq,
  setSharingReportGroups,
  sharingHubsOfMember,
  sharingReportGroupIds,
  updateSharingReport,
  type SharingReportRow,
} from '@shinrai/store';
import { randomUUID } from 'node:crypto';
import { actorOf } from '../../platform/http/access.ts';
import { audit, lockAuditOf } from '../../platform/services/audit-trail.ts';
import { attachmentViews } from './eml/service.ts';
import { recordTaxiiObjects } from './taxii/publish.ts';
import { fail } from './errors.ts';
import { proposeOffThread } from './sanitize.ts';
import type { SharingCtx } from './hub-service.ts';
import { SHARING_NOTIFY_JOB } from './notify/deliver.ts';
import type { StoredIndicator, StoredRedaction } from './stored.ts';
import { reporterTerms } from './terms.ts';

// Report → sanitize → approve → publish. The sanitizer (core) proposes; the hub's analyst edits; the
// reporter approves the exact text of a revision; only an approved revision can be published.

const parse = <T>(s: string) => JSON.parse(s) as T;

/** A report seen by its hub or its reporter; anyone else gets 404. */
export async function reportFor(
  ctx: SharingCtx,
  id: string,
): Promise<{ row: SharingReportRow; asHub: boolean }> {
  const row = await findSharingReport(ctx.deps.store.db, id);
  if (!row) return fail('not_found');
  if (row.hub_org_id === ctx.access.orgId) return { row, asHub: true };
  if (row.reporter_org_id === ctx.access.orgId) return { row, asHub: false };
  return fail('not_found');
}

export async function detail(ctx: SharingCtx, id: string) {
  const { row } = await reportFor(ctx, id);
  return detailView(ctx, row);
}

export async function detailView(ctx: SharingCtx, row: SharingReportRow) {
  const db = ctx.deps.store.db;
  const [hub, reporter] = await Promise.all([
    findOrganization(db, row.hub_org_id),
    findOrganization(db, row.reporter_org_id),
  ]);
  const redactions = parse<StoredRedaction[]>(row.redactions);
  return {
    id: row.id,
    hubOrgId: row.hub_org_id,
    hubName: hub?.name ?? '',
    reporterName: reporter?.name ?? '',
    mine: row.reporter_org_id === ctx.access.orgId,
    status: row.status as 'awaiting_review',
    revision: row.revision,
    title: row.title,
    publishedTitle: row.published_title,
    text: row.text,
    lang: row.lang as 'ja' | 'en',
    attackType: row.attack_type as AttackType,
    occurredOn: row.occurred_on,
    redactions,
    indicators: parse<StoredIndicator[]>(row.indicators),
    attachments: await attachmentViews(db, row.id),
    preview: applyRedactions(row.text, redactions, row.lang as 'ja'),
    approvedRevision: row.approved_revision,
    approvedAt: row.approved_at,
    reporterNote: row.reporter_note,
    tlp: row.tlp as Tlp | null,
    groupIds: await sharingReportGroupIds(db, row.id),
    publishedAt: row.published_at,
    createdAt: row.created_at,
  };
}

/** Reports the organization received as a hub and those it submitted as a member. */
export async function list(ctx: SharingCtx) {
  const db = ctx.deps.store.db;
  const org = await findOrganization(db, ctx.access.orgId);
  const names = new Map<string, string>();
  const name = async (id: string) => {
    if (!names.has(id)) names.set(id, (await findOrganization(db, id))?.name ?? '');
    return names.get(id) ?? '';
  };
  const summary = async (r: SharingReportRow) => ({
    id: r.id,
    title: r.published_title ?? r.title,
    status: r.status as 'awaiting_review',
    attackType: r.attack_type as AttackType,
    hubName: await name(r.hub_org_id),
    reporterName: await name(r.reporter_org_id),
    tlp: r.tlp as Tlp | null,
    createdAt: r.created_at,
  });
  const received = org?.kind === 'hub' ? await listSharingReports(db, { hubOrgId: ctx.access.orgId }) : [];
  const submitted = await listSharingReports(db, { reporterOrgId: ctx.access.orgId });
  return {
    received: await Promise.all(received.map(summary)),
    submitted: await Promise.all(submitted.map(summary)),
  };
}

export interface SubmitInput {
  hubOrgId: string;
  title: string;
  text: string;
  lang: 'ja' | 'en';
  attackType: AttackType;
  occurredOn: string;
  indicators: { type: IndicatorType; value: string }[];
}

/** A member submits a report to a hub; the sanitizer's proposal is computed and kept as provenance. */
export async function submit(ctx: SharingCtx, input: SubmitInput) {
  const { deps, access, requestId } = ctx;
  const db = deps.store.db;
  if (!(await isSharingMember(db, input.hubOrgId, access.orgId))) {
    // A hub the organization has no relationship with does not exist for it; one whose NDA is not
    // accepted (or changed since) asks for acceptance.
    const related = await sharingHubsOfMember(db, access.orgId);
    if (related.some((h) => h.hub_org_id === input.hubOrgId)) return fail('sharing_nda_required');
    return fail('not_found');
  }
  const terms = await reporterTerms(deps, access.orgId);
  // Morphological analysis and core's rules run in a parse worker (sanitize-task.ts), off the loop.
  const proposal = await proposeOffThread(input.text, terms, (limit) =>
    fail('sharing_text_memory', { pointer: '/text', code: 'out_of_memory', limit }),
  );
  const now = deps.now().toISOString();
  const redactions: StoredRedaction[] = proposal.redactions.map((r) => ({
    ...r,
    source: 'proposed',
    by: null,
    at: now,
  }));
  const indicators: StoredIndicator[] = proposal.indicators.map((i) => ({
    type: i.type,
    value: i.value,
    reason: i.reason,
    source: 'text',
  }));
  for (const d of input.indicators) {
    const value = refang(d.value.trim());
    if (!indicators.some((i) => i.type === d.type && i.value === value))
      indicators.push({ type: d.type, value, reason: 'declared', source: 'reporter' });
  }
  const row: SharingReportRow = {
    id: randomUUID(),
    hub_org_id: input.hubOrgId,
    reporter_org_id: access.orgId,
    submitted_by: access.actorUserId,
    lang: input.lang,
    attack_type: input.attackType,
    occurred_on: input.occurredOn,
    title: input.title,
    text: input.text,
    declared_indicators: JSON.stringify(input.indicators),
    proposal: JSON.stringify(proposal),
    redactions: JSON.stringify(redactions),
    indicators: JSON.stringify(indicators),
    published_title: null,
    status: 'awaiting_review',
    revision: 1,
    approved_revision: null,
    approved_text: null,
    approved_at: null,
    approved_by: null,
    reporter_note: null,
    tlp: null,
    published_at: null,
    published_seq: null,
    created_at: now,
    updated_at: now,
  };
  await db.transaction().execute(async (trx) => {
    await lockAuditOf(trx, [access.orgId, input.hubOrgId]);
    await insertSharingReport(trx, row);
    const actor = actorOf(access, requestId);
    const target = { type: 'sharing_report', id: row.id };
    await audit(deps, trx, actor, access.orgId, 'sharing.report_submit', target);
    await audit(deps, trx, actor, input.hubOrgId, 'sharing.report_received', target, {
      proposed: redactions.length,
      indicators: indicators.length,
    });
  });
  return detailView(ctx, row);
}

export interface ReviewInput {
  revision: number;
  publishedTitle: string;
  redactions: { start: number; end: number; category: RedactionCategory }[];
  indicators: { type: IndicatorType; value: string }[];
}

/** The hub's analyst sets the redactions and indicators; the report then waits for the reporter's approval. */
export async function review(ctx: SharingCtx, id: string, input: ReviewInput) {
  const { deps, access, requestId } = ctx;
  const { row, asHub } = await reportFor(ctx, id);
  if (!asHub) return fail('forbidden');
  if (row.status === 'published') return fail('sharing_state');
  if (row.revision !== input.revision) return fail('revision_conflict');
  const bad = redactionProblem(row.text, input.redactions);
  if (bad !== null) return fail('sharing_redactions_invalid', { pointer: `/redactions/${bad}` });
  const now = deps.now().toISOString();
  const before = parse<StoredRedaction[]>(row.redactions);
  const redactions: StoredRedaction[] = [...input.redactions]
    .sort((a, b) => a.start - b.start)
    .map((r) => {
      const same = before.find((b) => b.start === r.start && b.end === r.end && b.category === r.category);
      return (
        same ?? {
          ...r,
          text: row.text.slice(r.start, r.end),
          reason: 'analyst',
          source: 'analyst',
          by: access.actorUserId,
          at: now,
        }
      );
    });
  const oldIndicators = parse<StoredIndicator[]>(row.indicators);
  const indicators: StoredIndicator[] = input.indicators.map(
    (i) =>
      oldIndicators.find((o) => o.type === i.type && o.value === i.value) ?? {
        type: i.type,
        value: refang(i.value),
        reason: 'analyst',
        source: 'analyst',
      },
  );
  const patch = {
    redactions: JSON.stringify(redactions),
    indicators: JSON.stringify(indicators),
    published_title: input.publishedTitle,
    status: 'awaiting_approval',
    revision: row.revision + 1,
    updated_at: now,
  };
  await deps.store.db.transaction().execute(async (trx) => {
    if (!(await updateSharingReport(trx, row.id, row.revision, patch))) fail('revision_conflict');
    await lockAuditOf(trx, [access.orgId, row.reporter_org_id]);
    const actor = actorOf(access, requestId);
    const target = { type: 'sharing_report', id: row.id };
    const details = {
      revision: patch.revision,
      redactions: redactions.length,
      added: redactions.filter((r) => !before.includes(r)).length,
      removed: before.filter((b) => !redactions.includes(b)).length,
    };
    await audit(deps, trx, actor, access.orgId, 'sharing.report_review', target, details);
  });
  return detailView(ctx, { ...row, ...patch });
}

/** The reporter approves the exact text of a revision (or asks for changes). */
export async function decide(
  ctx: SharingCtx,
  id: string,
  input: { revision: number; approve: boolean; note?: string },
) {
  const { deps, access, requestId } = ctx;
  const { row, asHub } = await reportFor(ctx, id);
  if (asHub && row.reporter_org_id !== access.orgId) return fail('forbidden');
  if (row.status !== 'awaiting_approval') return fail('sharing_state');
  if (row.revision !== input.revision) return fail('revision_conflict');
  const now = deps.now().toISOString();
  const patch = input.approve
    ? {
        status: 'approved',
        approved_revision: row.revision,
        approved_text: applyRedactions(row.text, parse<StoredRedaction[]>(row.redactions), row.lang as 'ja'),
        approved_at: now,
        approved_by: access.actorUserId,
        reporter_note: input.note ?? null,
        updated_at: now,
      }
    : { status: 'changes_requested', reporter_note: input.note ?? null, updated_at: now };
  await deps.store.db.transaction().execute(async (trx) => {
    if (!(await updateSharingReport(trx, row.id, row.revision, patch))) fail('revision_conflict');
    await lockAuditOf(trx, [access.orgId, row.hub_org_id]);
    const actor = actorOf(access, requestId);
    const target = { type: 'sharing_report', id: row.id };
    const action = input.approve ? 'sharing.report_approve' : 'sharing.report_changes_requested';
    await audit(deps, trx, actor, access.orgId, action, target, { revision: row.revision });
    await audit(deps, trx, actor, row.hub_org_id, action, target, { revision: row.revision });
  });
  return detailView(ctx, { ...row, ...patch });
}

/** The hub publishes an approved revision with a TLP and an audience of sector groups (none: all members). */
export async function publish(
  ctx: SharingCtx,
  id: string,
  input: { revision: number; tlp: Tlp; groupIds: string[] },
) {
  const { deps, access, requestId } = ctx;
  const { row, asHub } = await reportFor(ctx, id);
  if (!asHub) return fail('forbidden');
  if (row.status !== 'approved' || row.approved_revision !== row.revision) return fail('sharing_state');
  if (row.revision !== input.revision) return fail('revision_conflict');
  const known = new Set((await listSharingGroups(deps.store.db, access.orgId)).map((g) => g.id));
  const bad = input.groupIds.findIndex((g) => !known.has(g));
  if (bad >= 0) return fail('not_found', { pointer: `/groupIds/${bad}` });
  const now = deps.now().toISOString();
  let patch: Partial<SharingReportRow> = {};
  await deps.store.db.transaction().execute(async (trx) => {
    if (!(await findSharingHub(trx, access.orgId))) fail('sharing_nda_required');
    const seq = await nextSharingSeq(trx, access.orgId);
    patch = { status: 'published', tlp: input.tlp, published_at: now, published_seq: seq, updated_at: now };
    if (!(await updateSharingReport(trx, row.id, row.revision, patch))) fail('revision_conflict');
    await setSharingReportGroups(trx, row.id, [...new Set(input.groupIds)]);
    await recordTaxiiObjects(trx, { ...row, ...patch }, [...new Set(input.groupIds)]);
    // The audience hears of it once this commits (the worker polls; e-mail and webhooks in notify/).
    await enqueueJob(trx, {
      id: randomUUID(),
      orgId: null,
      kind: SHARING_NOTIFY_JOB,
      payload: { event: 'published', reportId: row.id },
      maxAttempts: 3,
      now,
    });
    await audit(
      deps,
      trx,
      actorOf(access, requestId),
      access.orgId,
      'sharing.report_publish',
      {
        type: 'sharing_report',
        id: row.id,
      },
      { tlp: input.tlp, groups: input.groupIds.length, seq },
    );
  });
  return detailView(ctx, { ...row, ...patch });
}
