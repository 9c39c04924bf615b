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

function errorView(text: string | null) {
  if (text === null) return null;
  const e = JSON.parse(text) as { code: string; detail: string };
  const message =
    e.code in REFUSAL_MESSAGES
      ? REFUSAL_MESSAGES[e.code as RefusalReason]
      : e.code === 'interrupted'
        ? INTERRUPTED
        : INTERNAL;
  return { code: e.code, detail: e.detail, message };
}

/** An import run as the API shows it: counts, skip reasons and any refusal with ja/en messages. */
export function advisoryImportView(r: AdvisoryImportRow) {
  const reasons = JSON.parse(r.skipped_reasons) as SkippedReasons;
  return {
    id: r.id,
    source: r.source,
    status: r.status as 'queued' | 'running' | 'done' | 'failed',
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
    error: errorView(r.error),
  };
}

export function advisoryView(a: AdvisoryRow) {
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
  };
}
