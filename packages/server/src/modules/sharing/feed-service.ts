import { stixBundle, type AttackType, type IndicatorType, type Tlp } from '@shinrai/core/sharing';
import { isThreatKey, THREAT_DEFS } from '@shinrai/core/threats';
import {
  enqueueJob,
  findOrganization,
  findSharingMember,
  findSharingReport,
  findVisibleSharingReport,
  insertSharingComment,
  listSharingComments,
  listVisibleSharingReports,
  type Executor,
  type SharingReportRow,
} from '@shinrai/store';
import { randomUUID } from 'node:crypto';
import { actorOf } from '../../platform/http/access.ts';
import { audit } from '../../platform/services/audit-trail.ts';
import { fail } from './errors.ts';
import type { SharingCtx } from './hub-service.ts';
import { SHARING_NOTIFY_JOB } from './notify/deliver.ts';
import type { StoredIndicator } from './stored.ts';

// Published reports as members read them. The hub is the author; the reporter is never named, and a
// sighting or comment names its organization only when that organization chose to be named.

/** A published report the caller may read: as a member by the visibility rule, or as its hub. */
async function readable(ctx: SharingCtx, id: string): Promise<SharingReportRow> {
  const db = ctx.deps.store.db;
  const visible = await findVisibleSharingReport(db, ctx.access.orgId, id);
  if (visible) return visible;
  const own = await findSharingReport(db, id);
  if (own?.status === 'published' && own.hub_org_id === ctx.access.orgId) return own;
  return fail('not_found');
}

async function comments(ctx: SharingCtx, row: SharingReportRow) {
  const asHub = row.hub_org_id === ctx.access.orgId;
  return (await listSharingComments(ctx.deps.store.db, row.id)).map((c) => ({
    id: c.id,
    kind: c.kind as 'sighting',
    text: c.text,
    author: asHub || c.named === 1 || c.org_id === ctx.access.orgId ? c.org_name : null,
    mine: c.org_id === ctx.access.orgId,
    createdAt: c.created_at,
  }));
}

async function publishedView(ctx: SharingCtx, row: SharingReportRow) {
  const hub = await findOrganization(ctx.deps.store.db, row.hub_org_id);
  return {
    id: row.id,
    hubName: hub?.name ?? '',
    title: row.published_title ?? '',
    text: row.approved_text ?? '',
    lang: row.lang as 'ja' | 'en',
    attackType: row.attack_type as AttackType,
    occurredOn: row.occurred_on,
    tlp: row.tlp as Tlp,
    publishedAt: row.published_at ?? '',
    indicators: (JSON.parse(row.indicators) as StoredIndicator[]).map((i) => ({
      type: i.type,
      value: i.value,
    })),
    mine: row.reporter_org_id === ctx.access.orgId,
    comments: await comments(ctx, row),
  };
}

export async function feed(ctx: SharingCtx) {
  const rows = await listVisibleSharingReports(ctx.deps.store.db, ctx.access.orgId);
  return Promise.all(rows.map((r) => publishedView(ctx, r)));
}

export async function feedItem(ctx: SharingCtx, id: string) {
  return publishedView(ctx, await readable(ctx, id));
}

/** A member adds a sighting (「当社でも観測」) or a comment; named only if the member chose to be. */
export async function addComment(
  ctx: SharingCtx,
  id: string,
  input: { kind: 'sighting' | 'comment'; text: string },
) {
  const { deps, access, requestId } = ctx;
  const row = await findVisibleSharingReport(deps.store.db, access.orgId, id);
  if (!row) return fail('not_found');
  const member = await findSharingMember(deps.store.db, row.hub_org_id, access.orgId);
  const c = {
    id: randomUUID(),
    report_id: row.id,
    hub_org_id: row.hub_org_id,
    org_id: access.orgId,
    kind: input.kind,
    text: input.text,
    named: member?.named ?? 0,
    created_at: deps.now().toISOString(),
  };
  await deps.store.db.transaction().execute(async (trx) => {
    await insertSharingComment(trx, c);
    // The reporter hears of it, without the name unless the member chose to be named.
    if (row.reporter_org_id !== access.orgId)
      await enqueueJob(trx, {
        id: randomUUID(),
        orgId: null,
        kind: SHARING_NOTIFY_JOB,
        payload: { event: 'comment', reportId: row.id, commentId: c.id },
        maxAttempts: 3,
        now: c.created_at,
      });
    await audit(deps, trx, actorOf(access, requestId), access.orgId, `sharing.${input.kind}_add`, {
      type: 'sharing_report',
      id: row.id,
    });
  });
  return publishedView(ctx, row);
}

/** The STIX 2.1 bundle of a published report the caller may read (the hub is the author; no reporter). */
export async function stixExport(ctx: SharingCtx, id: string) {
  return stixOfReport(ctx.deps.store.db, await readable(ctx, id));
}

/** The STIX 2.1 bundle of a published report (also what the TAXII server serves, written at publication). */
export async function stixOfReport(ex: Executor, row: SharingReportRow) {
  const hub = await findOrganization(ex, row.hub_org_id);
  const lang = row.lang === 'en' ? 'en' : 'ja';
  return stixBundle({
    report: {
      id: row.id,
      title: row.published_title ?? '',
      text: row.approved_text ?? '',
      lang,
      attackType: row.attack_type,
      attackLabel: isThreatKey(row.attack_type) ? THREAT_DEFS[row.attack_type].label[lang] : row.attack_type,
      occurredOn: row.occurred_on,
      publishedAt: row.published_at ?? row.updated_at,
      tlp: row.tlp as Tlp,
      indicators: (JSON.parse(row.indicators) as { type: IndicatorType; value: string }[]).map((i) => ({
        type: i.type,
        value: i.value,
      })),
    },
    hub: { id: row.hub_org_id, name: hub?.name ?? '' },
  });
}
