import type { Selectable } from 'kysely';
import type { Executor } from '../database.ts';
import type { SharingReportAttachmentsTable } from './tables.ts';

export type SharingAttachmentRow = Selectable<SharingReportAttachmentsTable>;

export async function insertSharingAttachment(ex: Executor, row: SharingAttachmentRow) {
  await ex.insertInto('sharing_report_attachments').values(row).execute();
}

export async function listSharingAttachments(ex: Executor, reportId: string) {
  return ex
    .selectFrom('sharing_report_attachments')
    .selectAll()
    .where('report_id', '=', reportId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function countSharingAttachments(ex: Executor, reportId: string) {
  const r = await ex
    .selectFrom('sharing_report_attachments')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('report_id', '=', reportId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function findSharingAttachment(ex: Executor, reportId: string, id: string) {
  return ex
    .selectFrom('sharing_report_attachments')
    .selectAll()
    .where('report_id', '=', reportId)
    .where('id', '=', id)
    .executeTakeFirst();
}
