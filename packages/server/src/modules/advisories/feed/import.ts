import type { Kysely } from 'kysely';
import { randomUUID } from 'node:crypto';
// Deep imports, not the @shinrai/* barrels: `shinrai advisories import` loads only what an import needs.
import {
  advisoryModifiedTimes,
  findAdvisoryImport,
  insertAdvisoryImport,
  updateAdvisoryImport,
  writeAdvisories,
  type AdvisoryImportRow,
} from '@shinrai/store';
import { enqueueJob } from '@shinrai/store';
import type { Database } from '@shinrai/store';
import { BATCH_SIZE, DEFAULT_LIMITS, REMATCH_ID_CAP, type ImportLimits } from './limits.ts';
import { openAdvisorySource } from './open-source.ts';
import { noteSkip, type RefusalReason, type SkippedReasons } from './reasons.ts';
import { checkRecord, recordRows, type CheckedRecord, type RecordRows } from './record.ts';
import { SourceBroken } from './source.ts';

/** Job kind the inventory work implements: re-match the portfolio against changed advisories. */
export const SOFTWARE_REMATCH_JOB = 'software.rematch';

export interface AdvisoryImportCounts {
  processed: number;
  added: number;
  updated: number;
  unchanged: number;
  withdrawn: number;
  malicious: number;
  skipped: number;
}

export interface AdvisoryImportProgress extends AdvisoryImportCounts {
  /** Records in the source (.json entries), known before reading. */
  total: number;
}

export interface AdvisoryImportOptions {
  /** An advisory_imports row made beforehand (status queued), e.g. by the web upload. */
  importId?: string;
  now?: () => Date;
  limits?: ImportLimits;
  batchSize?: number;
  onProgress?: (p: AdvisoryImportProgress) => void | Promise<void>;
  /** Checked between batches; when true the import stops after the last complete batch. */
  shouldStop?: () => boolean;
}

export type AdvisoryImportResult =
  | {
      ok: true;
      importId: string;
      counts: AdvisoryImportCounts;
      skippedReasons: SkippedReasons;
      /** The re-match job queued, if anything changed. */
      rematchJobId: string | null;
      stopped: boolean;
    }
  | {
      ok: false;
      importId: string;
      reason: RefusalReason;
      detail: string;
      counts: AdvisoryImportCounts;
      skippedReasons: SkippedReasons;
    };

const UTF8 = new TextDecoder('utf-8', { fatal: true });
const newer = (a: string, b: string) => Date.parse(a) > Date.parse(b);

/**
 * Imports OSV records from a folder, an OSV all.zip or one .json file into the advisory database shared by
 * the instance. Streamed (one entry in memory at a time), incremental (a record whose `modified` is not
 * newer than the stored one is counted unchanged), written in transactions of `batchSize` records so an
 * interrupted import leaves every record either old or new. A bad archive is refused before anything is
 * written; bad records are skipped with a reason. Queues `software.rematch` when anything changed.
 */
export async function importAdvisories(
  db: Kysely<Database>,
  target: string,
  sourceName: string,
  opts: AdvisoryImportOptions = {},
): Promise<AdvisoryImportResult> {
  const now = () => (opts.now ?? (() => new Date()))().toISOString();
  const batchSize = opts.batchSize ?? BATCH_SIZE;
  const counts: AdvisoryImportCounts = {
    processed: 0,
    added: 0,
    updated: 0,
    unchanged: 0,
    withdrawn: 0,
    malicious: 0,
    skipped: 0,
  };
  const skippedReasons: SkippedReasons = {};
  const importId = opts.importId ?? randomUUID();
  const existing = opts.importId ? await findAdvisoryImport(db, opts.importId) : undefined;
  if (!existing) await insertAdvisoryImport(db, importRow(importId, sourceName, now()));
  await updateAdvisoryImport(db, importId, { status: 'running', started_at: now() });

  const saveCounts = (extra: Partial<AdvisoryImportRow> = {}) =>
    updateAdvisoryImport(db, importId, {
      ...counts,
      skipped_reasons: JSON.stringify(skippedReasons),
      ...extra,
    });
  const refuse = async (reason: RefusalReason, detail: string): Promise<AdvisoryImportResult> => {
    await saveCounts({
      status: 'failed',
      finished_at: now(),
      error: JSON.stringify({ code: reason, detail }),
    });
    return { ok: false, importId, reason, detail, counts, skippedReasons };
  };

  const source = await openAdvisorySource(target, opts.limits ?? DEFAULT_LIMITS);
  if (!source.ok) return refuse(source.reason, source.detail);

  const changed = new Set<string>();
  let tooManyChanged = false;
  let batch = new Map<string, CheckedRecord>();

  const flush = async () => {
    if (batch.size === 0) return;
    const items = [...batch.values()];
    batch = new Map();
    const stored = await advisoryModifiedTimes(
      db,
      items.map((p) => p.id),
    );
    // rows (severity, compact JSON) only for what is written: a re-import is mostly unchanged records
    const writes: (CheckedRecord & RecordRows)[] = [];
    const at = now();
    for (const p of items) {
      const old = stored.get(p.id);
      if (old !== undefined && !newer(p.modified, old)) {
        counts.unchanged++;
        continue;
      }
      writes.push({ ...p, ...recordRows(p, at) });
    }
    await db.transaction().execute(async (trx) => {
      await writeAdvisories(
        trx,
        writes.map((p) => p.write),
      );
    });
    for (const p of writes) {
      if (stored.has(p.id)) counts.updated++;
      else counts.added++;
      if (p.withdrawn) counts.withdrawn++;
      if (p.malicious) counts.malicious++;
      if (!tooManyChanged) {
        changed.add(p.id);
        if (changed.size > REMATCH_ID_CAP) {
          tooManyChanged = true;
          changed.clear();
        }
      }
    }
    await saveCounts();
    await opts.onProgress?.({ ...counts, total: source.total });
  };

  /** Asks the inventory to re-match what changed (ids, or everything past the cap). */
  const queueRematch = async (): Promise<string | null> => {
    if (!tooManyChanged && changed.size === 0) return null;
    const id = randomUUID();
    await enqueueJob(db, {
      id,
      orgId: null,
      kind: SOFTWARE_REMATCH_JOB,
      payload: tooManyChanged ? { all: true } : { advisoryIds: [...changed] },
      maxAttempts: 3,
      now: now(),
    });
    return id;
  };

  let stopped = false;
  try {
    for await (const entry of source.entries()) {
      counts.processed++;
      let json: unknown;
      try {
        json = JSON.parse(UTF8.decode(entry.data));
      } catch (err) {
        counts.skipped++;
        noteSkip(skippedReasons, err instanceof SyntaxError ? 'malformed_json' : 'not_utf8', entry.name);
        continue;
      }
      const p = checkRecord(json, entry.name);
      if (!p.ok) {
        counts.skipped++;
        noteSkip(skippedReasons, p.reason, p.example);
        continue;
      }
      const same = batch.get(p.id);
      if (same && !newer(p.modified, same.modified)) {
        counts.unchanged++;
        continue;
      }
      if (same) counts.unchanged++; // the older copy in this source
      batch.set(p.id, p);
      if (batch.size >= batchSize) {
        await flush();
        if (opts.shouldStop?.()) {
          stopped = true;
          break;
        }
      }
    }
    if (!stopped) await flush();
  } catch (err) {
    if (err instanceof SourceBroken) {
      await queueRematch();
      return refuse(err.reason, err.detail);
    }
    await saveCounts({
      status: 'failed',
      finished_at: now(),
      error: JSON.stringify({ code: 'internal', detail: err instanceof Error ? err.message : String(err) }),
    });
    throw err;
  }

  const rematchJobId = await queueRematch();
  await saveCounts({
    status: stopped ? 'failed' : 'done',
    finished_at: now(),
    error: stopped
      ? JSON.stringify({ code: 'interrupted', detail: `${counts.processed}/${source.total}` })
      : null,
  });
  return { ok: true, importId, counts, skippedReasons, rematchJobId, stopped };
}

export function importRow(id: string, source: string, now: string): AdvisoryImportRow {
  return {
    id,
    source: source.slice(0, 500),
    status: 'queued',
    started_at: null,
    finished_at: null,
    processed: 0,
    added: 0,
    updated: 0,
    unchanged: 0,
    withdrawn: 0,
    malicious: 0,
    skipped: 0,
    skipped_reasons: '{}',
    error: null,
    created_at: now,
  };
}
