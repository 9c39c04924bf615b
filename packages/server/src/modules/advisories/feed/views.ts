import type { AdvisoryImportRow, AdvisoryRow } from '@shinrai/store';
import {
  REFUSAL_MESSAGES,
  SKIP_MESSAGES,
  type RefusalReason,
  type SkipReason,
  type SkippedReasons,
} from './reasons.ts';

const INTERRUPTED = {
  ja: '中断されました（書き込み済みのバッチは有効です）。',
  en: 'Interrupted (batches already written stay valid).',
};
const INTERNAL = { ja: '予期しないエラーで止まりました。', en: 'Stopped by an unexpected error.' };
const ABANDONED = {
  ja: '取り込み処理が途中で終了しました（プロセスの強制終了など）。書き込み済みのバッチは有効で、製品との再照合の対象になっています。',
  en: 'The import process ended mid-way (e.g. it was killed). Batches already written stay valid and are queued for the re-match with your products.',
};

function errorView(text: string | null) {
  if (text === null) return null;
  const e = JSON.parse(text) as { code: string; detail: string };
  const message =
    e.code in REFUSAL_MESSAGES
      ? REFUSAL_MESSAGES[e.code as RefusalReason]
      : e.code === 'interrupted'
        ? INTERRUPTED
        : e.code === 'abandoned'
          ? ABANDONED
          : INTERNAL;
  return { code: e.code, detail: e.detail, message };
}

export type ImportStatus = 'queued' | 'running' | 'done' | 'failed' | 'abandoned';

/**
 * An import run as the API shows it: counts, skip reasons and any refusal with ja/en messages. A running
 * run whose lease ran out before `now` is shown abandoned (its process died) before the sweep records it.
 */
export function advisoryImportView(r: AdvisoryImportRow, now: Date) {
  const reasons = JSON.parse(r.skipped_reasons) as SkippedReasons;
  const dead = r.status === 'running' && r.lease_until !== null && Date.parse(r.lease_until) < now.getTime();
  return {
    id: r.id,
    source: r.source,
    via: r.via as 'upload' | 'cli' | 'feed',
    status: (dead ? 'abandoned' : r.status) as ImportStatus,
    createdAt: r.created_at,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    processed: r.processed,
    added: r.added,
    updated: r.updated,
    unchanged: r.unchanged,
    withdrawn: r.withdrawn,
    malicious: r.malicious,
    skipped: r.skipped,
    skippedReasons: Object.entries(reasons).map(([reason, v]) => ({
      reason,
      count: v.count,
      examples: v.examples,
      message: SKIP_MESSAGES[reason as SkipReason],
    })),
    error: dead ? errorView(JSON.stringify({ code: 'abandoned', detail: '' })) : errorView(r.error),
  };
}

/** One record with where it came from: the import that wrote this version of it, and when. */
export function advisoryView(a: AdvisoryRow, from: AdvisoryImportRow | undefined) {
  return {
    id: a.id,
    summary: a.summary,
    aliases: JSON.parse(a.aliases) as string[],
    severity: a.severity,
    score: a.score,
    vector: a.vector,
    malicious: a.malicious === 1,
    withdrawn: a.withdrawn,
    modified: a.modified,
    published: a.published,
    record: JSON.parse(a.record) as unknown,
    importedAt: a.imported_at,
    importedFrom: from
      ? { importId: from.id, source: from.source, via: from.via as 'upload' | 'cli' | 'feed' }
      : null,
  };
}
