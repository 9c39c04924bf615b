import { randomUUID } from 'node:crypto';
// Deep imports, not the @shinrai/* barrels: `shinrai advisories import` loads only what an import needs.
import {
  abandonAdvisoryImport,
  advisoryVersions,
  findAdvisoryImport,
  insertAdvisoryImport,
  markRematchPending,
  updateAdvisoryImport,
  writeAdvisories,
  type AdvisoryImportRow,
} from '@shinrai/store';
import { BATCH_SIZE, DEFAULT_LIMITS, type ImportLimits } from './limits.ts';
import { openAdvisorySource } from './open-source.ts';
import { noteSkip, type RefusalReason, type SkippedReasons } from './reasons.ts';
import { parse as parseYaml } from 'yaml';
import { checkRecord, contentHash, recordRows, type CheckedRecord, type RecordRows } from './record.ts';
import {
  abandonStaleImports,
  auditImport,
  leaseFrom,
  queuePendingRematch,
  runCounts,
  type AdvisoryStore,
  type ImportActor,
} from './runs.ts';
import { isYamlName, SourceBroken } from './source.ts';

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
  /**
   * An advisory_imports row made beforehand (status queued) by the web upload, which audited the start. If
   * a previous attempt already ran it (its process died and the job was taken over), that run is marked
   * abandoned and this one gets a run of its own.
   */
  importId?: string;
  /** How it was started (recorded with the run): the web upload, the scheduled feed, or the CLI (the default). */
  via?: 'upload' | 'cli' | 'feed';
  /** Who started it, for the instance audit entries (the operator, no user, by default). */
  actor?: ImportActor;
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
      /**
       * The re-match job queued, if advisories wait for it (changed by this run or by an earlier, killed
       * one) and no queued re-match, which would take them, was waiting already.
       */
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
 * interrupted import leaves every record either old or new. Each batch's transaction also notes the
 * advisories it changed as waiting for the portfolio re-match and renews the run's lease, so a process
 * killed after any batch leaves what it wrote to be re-matched (by the next import, the sweep of abandoned
 * runs or the daily full re-match). A bad archive is refused before anything is written; bad records are
 * skipped with a reason. Its end (done, failed, interrupted) is an instance audit entry with the counts.
 */
export async function importAdvisories(
  store: AdvisoryStore,
  target: string,
  sourceName: string,
  opts: AdvisoryImportOptions = {},
): Promise<AdvisoryImportResult> {
  const db = store.db;
  const clock = opts.now ?? (() => new Date());
  const now = () => clock().toISOString();
  const batchSize = opts.batchSize ?? BATCH_SIZE;
  const actor = opts.actor ?? { userId: null, requestId: null };
  const via = opts.via ?? 'cli';
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
  // Runs of killed processes are marked first: their pending re-match is picked up by this run's end.
  await abandonStaleImports(store, clock());

  let importId = opts.importId ?? randomUUID();
  const existing = opts.importId ? await findAdvisoryImport(db, opts.importId) : undefined;
  if (existing && existing.status !== 'queued') {
    // A previous attempt of this upload's job died (the job was taken over): that run ends as abandoned.
    await db.transaction().execute(async (trx) => {
      const error = JSON.stringify({ code: 'abandoned', detail: 'retried' });
      if (!(await abandonAdvisoryImport(trx, existing.id, now(), error))) return;
      await auditImport(trx, store, actor, 'advisories.import_abandoned', now(), existing.id, {
        source: existing.source,
        via: existing.via,
        status: 'abandoned',
        counts: runCounts(existing),
      });
    });
    importId = randomUUID();
  }
  if (!existing || importId !== existing.id) {
    await db.transaction().execute(async (trx) => {
      await insertAdvisoryImport(trx, { ...importRow(importId, sourceName, now()), via });
      await auditImport(trx, store, actor, 'advisories.import_start', now(), importId, {
        source: sourceName,
        via,
        ...(existing ? { retryOf: existing.id } : {}),
      });
    });
  }
  await updateAdvisoryImport(db, importId, {
    status: 'running',
    started_at: now(),
    lease_until: leaseFrom(clock()),
  });

  /** The run's last state, its instance audit entry and the re-match of what waits, in one transaction. */
  const finish = async (
    status: 'done' | 'failed',
    error: { code: string; detail: string } | null,
  ): Promise<string | null> =>
    db.transaction().execute(async (trx) => {
      const at = now();
      await updateAdvisoryImport(trx, importId, {
        ...counts,
        skipped_reasons: JSON.stringify(skippedReasons),
        status,
        finished_at: at,
        lease_until: null,
        error: error === null ? null : JSON.stringify(error),
      });
      const rematchJobId = await queuePendingRematch(trx, at);
      const action = status === 'done' ? 'advisories.import_done' : 'advisories.import_failed';
      await auditImport(trx, store, actor, action, at, importId, {
        source: sourceName,
        via,
        status,
        counts: { ...counts },
        ...(error === null ? {} : { error: error.code }),
        rematchJobId,
      });
      return rematchJobId;
    });
  const refuse = async (reason: RefusalReason, detail: string): Promise<AdvisoryImportResult> => {
    await finish('failed', { code: reason, detail });
    return { ok: false, importId, reason, detail, counts, skippedReasons };
  };

  const source = await openAdvisorySource(target, opts.limits ?? DEFAULT_LIMITS);
  if (!source.ok) return refuse(source.reason, source.detail);

  let batch = new Map<string, CheckedRecord>();
  /**
   * The `modified` of every id this source already gave: a later copy in the same source that is not newer
   * is unchanged, whichever batch it falls in (its content may differ; the first copy wins, as before).
   */
  const given = new Map<string, string>();

  const flush = async () => {
    if (batch.size === 0) return;
    const items = [...batch.values()];
    batch = new Map();
    const stored = await advisoryVersions(
      db,
      items.map((p) => p.id),
    );
    // rows (severity, compact JSON) only for what is written: a re-import is mostly unchanged records
    const writes: (CheckedRecord & RecordRows)[] = [];
    const at = now();
    for (const p of items) {
      const old = stored.get(p.id);
      // Unchanged: an older copy, or the same `modified` with the same content (some databases change
      // records without touching `modified`: golang/vulndb dates every record 0001-01-01).
      if (
        old !== undefined &&
        !newer(p.modified, old.modified) &&
        (p.modified !== old.modified || old.contentHash === contentHash(p.record))
      ) {
        counts.unchanged++;
        continue;
      }
      writes.push({ ...p, ...recordRows(p, at) });
    }
    // counted once the batch committed
    const next = { ...counts };
    for (const p of writes) {
      if (stored.has(p.id)) next.updated++;
      else next.added++;
      if (p.withdrawn) next.withdrawn++;
      if (p.malicious) next.malicious++;
    }
    // The records, their pending re-match and the run's counts and lease commit together.
    await db.transaction().execute(async (trx) => {
      await writeAdvisories(
        trx,
        writes.map((p) => ({ ...p.write, advisory: { ...p.write.advisory, import_id: importId } })),
      );
      await markRematchPending(
        trx,
        writes.map((p) => p.id),
        randomUUID(),
        importId,
        at,
      );
      await updateAdvisoryImport(trx, importId, {
        ...next,
        skipped_reasons: JSON.stringify(skippedReasons),
        lease_until: leaseFrom(clock()),
      });
    });
    Object.assign(counts, next);
    await opts.onProgress?.({ ...counts, total: source.total });
  };

  let stopped = false;
  try {
    for await (const entry of source.entries()) {
      counts.processed++;
      let json: unknown;
      const yaml = isYamlName(entry.name);
      try {
        const text = UTF8.decode(entry.data);
        // YAML's core schema keeps dates as strings, as JSON has them; few aliases, no duplicate keys.
        json = yaml
          ? parseYaml(text, { schema: 'core', maxAliasCount: 10, uniqueKeys: true })
          : JSON.parse(text);
      } catch (err) {
        counts.skipped++;
        const malformed = yaml ? 'malformed_yaml' : 'malformed_json';
        noteSkip(skippedReasons, err instanceof TypeError ? 'not_utf8' : malformed, entry.name);
        continue;
      }
      const p = checkRecord(json, entry.name);
      if (!p.ok) {
        counts.skipped++;
        noteSkip(skippedReasons, p.reason, p.example);
        continue;
      }
      const earlier = given.get(p.id);
      if (earlier !== undefined && !newer(p.modified, earlier)) {
        counts.unchanged++;
        continue;
      }
      if (batch.has(p.id)) counts.unchanged++; // the older copy in this batch
      given.set(p.id, p.modified);
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
    if (err instanceof SourceBroken) return refuse(err.reason, err.detail);
    // Most likely the database went away: recorded if it can be (unless another instance already marked
    // the run abandoned); what was written waits in the pending re-match either way (the next import, the
    // sweep of abandoned runs or the daily re-match takes it).
    const run = await findAdvisoryImport(db, importId).catch(() => undefined);
    if (run?.status !== 'running') throw err;
    await updateAdvisoryImport(db, importId, {
      ...counts,
      skipped_reasons: JSON.stringify(skippedReasons),
      status: 'failed',
      finished_at: now(),
      lease_until: null,
      error: JSON.stringify({ code: 'internal', detail: err instanceof Error ? err.message : String(err) }),
    }).catch(() => {});
    throw err;
  }

  const rematchJobId = await finish(
    stopped ? 'failed' : 'done',
    stopped ? { code: 'interrupted', detail: `${counts.processed}/${source.total}` } : null,
  );
  return { ok: true, importId, counts, skippedReasons, rematchJobId, stopped };
}

export function importRow(id: string, source: string, now: string): AdvisoryImportRow {
  return {
    id,
    source: source.slice(0, 500),
    status: 'queued',
    via: 'upload',
    lease_until: null,
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
