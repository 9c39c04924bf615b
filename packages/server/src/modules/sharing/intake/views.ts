import type { SharingIntakeImportRow, SharingIntakeSourceRow } from '@shinrai/store';
import type { IntakeSummary } from './import.ts';
import { noteMessage } from './messages.ts';

type Locale = 'ja' | 'en';

export function summaryView(s: IntakeSummary, locale: Locale) {
  const note = (n: IntakeSummary['skipped'][number]) => ({ ...n, message: noteMessage(n.code, locale) });
  return { ...s, skipped: s.skipped.map(note), warnings: s.warnings.map(note) };
}

export function importView(r: SharingIntakeImportRow) {
  return {
    id: r.id,
    kind: r.kind as 'upload',
    label: r.label,
    producer: r.producer as 'misp',
    added: r.added,
    updated: r.updated,
    unchanged: r.unchanged,
    skipped: r.skipped,
    createdAt: r.created_at,
  };
}

export function sourceView(r: SharingIntakeSourceRow) {
  return {
    id: r.id,
    name: r.name,
    apiRootUrl: r.api_root_url,
    collectionId: r.collection_id,
    authKind: r.auth_kind as 'none',
    username: r.username,
    hasSecret: r.secret !== null && r.secret !== '',
    intervalMinutes: r.interval_minutes,
    enabled: r.enabled === 1,
    checkpoint: r.checkpoint,
    nextRunAt: r.next_run_at,
    failures: r.failures,
    lastError: r.last_error,
    lastAttemptAt: r.last_attempt_at,
    lastSuccessAt: r.last_success_at,
  };
}
