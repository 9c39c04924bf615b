import { defangUrl, emlIndicators, emlReportText, type EmlSummary } from '@shinrai/core/sharing';
import {
  countSharingAttachments,
  findSharingAttachment,
  insertSharingAttachment,
  listSharingAttachments,
  updateSharingReport,
  type Executor,
  type SharingAttachmentRow,
  type SharingReportRow,
} from '@shinrai/store';
import { fileTypeFromBuffer } from 'file-type';
import { createHash, randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { actorOf } from '../../../platform/http/access.ts';
import { audit, lockAuditOf } from '../../../platform/services/audit-trail.ts';
import { WorkerMemoryError, workers } from '../../../platform/workers/pool.ts';
import { fail } from '../errors.ts';
import type { SharingCtx } from '../hub-service.ts';
import { proposeOffThread } from '../sanitize.ts';
import { MAX_REPORT_TEXT } from '../schemas.ts';
import type { StoredIndicator, StoredRedaction } from '../stored.ts';
import { reporterTerms } from '../terms.ts';

/** At most this many bytes per file and files per report; checked before any work. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENTS = 20;
const MAX_INDICATORS = 500;

const parse = <T>(s: string) => JSON.parse(s) as T;

export function attachmentView(a: SharingAttachmentRow) {
  const eml = a.summary ? parse<EmlSummary>(a.summary) : null;
  return {
    id: a.id,
    kind: a.kind as 'eml' | 'text',
    filename: a.filename,
    contentType: a.content_type,
    size: a.size,
    sha256: a.sha256,
    createdAt: a.created_at,
    eml: eml ? { ...eml, defangedUrls: eml.urls.map(defangUrl) } : null,
  };
}

export async function attachmentViews(ex: Executor, reportId: string) {
  return (await listSharingAttachments(ex, reportId)).map(attachmentView);
}

/**
 * What a file is, judged by its content: an .eml (by its name or declared type, and a mail's header block),
 * or text (valid UTF-8 without control bytes: a log excerpt, a CSV, a list of hashes). Anything with a binary
 * signature (executables, archives, documents, images) is refused: no live malware comes in.
 */
async function kindOf(data: Buffer, name: string, declared: string): Promise<'eml' | 'text'> {
  if (await fileTypeFromBuffer(data)) return fail('sharing_attachment_type', { file: name });
  const isEml = /\.eml$/i.test(name) || /^message\/rfc822/i.test(declared);
  const head = data.subarray(0, 65_536);
  if (head.some((b) => b === 0 || b < 0x09 || (b > 0x0d && b < 0x1b) || (b > 0x1b && b < 0x20)))
    return fail('sharing_attachment_type', { file: name });
  if (isEml) return 'eml';
  if (!/\.(txt|log|csv)$/i.test(name)) return fail('sharing_attachment_type', { file: name });
  if (new TextDecoder('utf-8').decode(data).includes('\uFFFD'))
    return fail('sharing_attachment_type', { file: name });
  return 'text';
}

/** A parse-worker task for an attachment; a file that needs more than the worker's heap is a located 413. */
async function offThread<T>(file: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (!(err instanceof WorkerMemoryError)) throw err;
    return fail('sharing_attachment_memory', { file, code: 'out_of_memory', limit: err.limitMb });
  }
}

export interface AttachInput {
  name: string;
  declaredType: string;
  data: Buffer;
}

/**
 * The reporter attaches a file to its report (before publication). An .eml is parsed: its attacker-side text
 * (headers, hops, hashes, defanged URLs, body; recipients removed) is appended to the report text and goes
 * through the sanitizer like the rest, and its sender, return path, public hops, URLs and attachment hashes
 * are proposed as indicators marked `attachment`. The report then needs the analyst's review again.
 */
export async function attach(ctx: SharingCtx, row: SharingReportRow, input: AttachInput) {
  const { deps, access, requestId } = ctx;
  const db = deps.store.db;
  if (row.reporter_org_id !== access.orgId) return fail('forbidden');
  if (row.status === 'published') return fail('sharing_state');
  if (input.data.length === 0) return fail('validation_failed', [{ in: 'body', pointer: '/file' }]);
  if (input.data.length > MAX_ATTACHMENT_BYTES)
    return fail('payload_too_large', { limitBytes: MAX_ATTACHMENT_BYTES });
  if ((await countSharingAttachments(db, row.id)) >= MAX_ATTACHMENTS)
    return fail('sharing_attachment_count', { limit: MAX_ATTACHMENTS });
  const name = input.name.replace(/[\r\n"\\/]/g, '_').slice(0, 200) || 'attachment';
  const kind = await kindOf(input.data, name, input.declaredType);
  const now = deps.now().toISOString();
  const indicators = parse<StoredIndicator[]>(row.indicators);
  const redactions = parse<StoredRedaction[]>(row.redactions);
  const addIndicator = (i: Omit<StoredIndicator, 'source'>) => {
    if (indicators.length >= MAX_INDICATORS) return;
    const same = indicators.find((o) => o.type === i.type && o.value.toLowerCase() === i.value.toLowerCase());
    if (!same) indicators.push({ ...i, source: 'attachment' });
  };
  let summary: EmlSummary | null = null;
  let text = row.text;
  const terms = await reporterTerms(deps, row.reporter_org_id);
  if (kind === 'eml') {
    // Prescan, MIME parse, recipient removal and hashing run in a parse worker (eml/parse.ts readEml).
    const read = await offThread(name, () => workers().run('sharing.eml', input.data));
    if (!read.ok) return fail('sharing_eml_invalid', { file: name, ...read.problem });
    summary = read.summary;
    // Never more than a typed report may hold; what was left out is said in the text and the summary.
    const derived = emlReportText(summary, name, row.lang as 'ja', MAX_REPORT_TEXT);
    if (derived.cut) summary.textCut = derived.cut;
    const base = text.length + 2;
    text = `${text}\n\n${derived.text}`;
    // The sanitizer runs in a parse worker too (sanitize-task.ts), like the mail's parse above.
    const proposal = await proposeOffThread(derived.text, terms, (limit) =>
      fail('sharing_attachment_memory', { file: name, code: 'out_of_memory', limit }),
    );
    for (const r of proposal.redactions)
      redactions.push({
        ...r,
        start: r.start + base,
        end: r.end + base,
        source: 'proposed',
        by: null,
        at: now,
      });
    for (const i of emlIndicators(summary)) addIndicator(i);
    // A Message-ID looks like an address but names no mailbox: not proposed.
    const messageId = summary.messageId?.toLowerCase() ?? '';
    for (const i of proposal.indicators)
      if (!(i.type === 'email' && messageId.includes(i.value.toLowerCase())))
        addIndicator({ type: i.type, value: i.value, reason: i.reason });
  } else {
    // A log excerpt is not published; values that describe the attacker are proposed as indicators (eml/log.ts).
    const found = await offThread(name, () => workers().run('sharing.logIndicators', input.data, terms));
    for (const i of found) addIndicator(i);
  }
  const stored = await deps.files.put(input.data, {
    purpose: 'sharing.attachment',
    name,
    contentType: 'application/octet-stream',
  });
  const att: SharingAttachmentRow = {
    id: randomUUID(),
    report_id: row.id,
    kind,
    filename: name,
    content_type: kind === 'eml' ? 'message/rfc822' : /\.csv$/i.test(name) ? 'text/csv' : 'text/plain',
    size: input.data.length,
    sha256: createHash('sha256').update(input.data).digest('hex'),
    file_key: stored.key,
    summary: summary ? JSON.stringify(summary) : null,
    uploaded_by: access.actorUserId,
    created_at: now,
  };
  const patch: Partial<SharingReportRow> = {
    text,
    redactions: JSON.stringify(redactions.sort((a, b) => a.start - b.start)),
    indicators: JSON.stringify(indicators),
    status: 'awaiting_review',
    revision: row.revision + 1,
    approved_revision: null,
    approved_text: null,
    approved_at: null,
    approved_by: null,
    updated_at: now,
  };
  try {
    await db.transaction().execute(async (trx) => {
      if (!(await updateSharingReport(trx, row.id, row.revision, patch))) fail('revision_conflict');
      if ((await countSharingAttachments(trx, row.id)) >= MAX_ATTACHMENTS)
        fail('sharing_attachment_count', { limit: MAX_ATTACHMENTS });
      await insertSharingAttachment(trx, att);
      await lockAuditOf(trx, [access.orgId, row.hub_org_id]);
      const actor = actorOf(access, requestId);
      const target = { type: 'sharing_report', id: row.id };
      const details = { attachment: att.id, kind, sha256: att.sha256, size: att.size };
      await audit(deps, trx, actor, access.orgId, 'sharing.attachment_add', target, details);
      await audit(deps, trx, actor, row.hub_org_id, 'sharing.attachment_add', target, details);
    });
  } catch (err) {
    await deps.files.delete(stored.key); // nothing partial is kept
    throw err;
  }
  return { ...row, ...patch };
}

/** The raw bytes of an attachment, for the hub's analysts and the reporter only (members never). */
export async function openAttachment(
  ctx: SharingCtx,
  row: SharingReportRow,
  id: string,
): Promise<{ row: SharingAttachmentRow; stream: Readable }> {
  const a = await findSharingAttachment(ctx.deps.store.db, row.id, id);
  if (!a) return fail('not_found');
  return { row: a, stream: await ctx.deps.files.open(a.file_key) };
}
