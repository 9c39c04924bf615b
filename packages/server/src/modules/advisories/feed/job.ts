import { updateAdvisoryImport } from '@shinrai/store';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Deps } from '../../../platform/deps.ts';
import { JobInterrupted, type JobHandler } from '../../../platform/jobs/worker.ts';
import { importAdvisories, type AdvisoryImportResult } from './import.ts';
import { REFUSAL_MESSAGES } from './reasons.ts';

export const ADVISORIES_IMPORT_JOB = 'advisories.import';

export interface AdvisoriesImportPayload {
  importId: string;
  /** Key of the uploaded archive in the platform file store (any instance can read it). */
  fileKey?: string;
  /** Before the file store: a file name under `<dataDir>/advisory-uploads` (jobs queued by an older version). */
  file?: string;
  /** The name the uploader gave the file. */
  source: string;
  /** The instance administrator who uploaded it (named in the instance audit entries). */
  actorUserId?: string | null;
}

/** Where an older version left uploaded archives for their import job. */
export function legacyAdvisoryUploadDir(deps: Pick<Deps, 'config'>): string {
  return path.join(deps.config.dataDir, 'advisory-uploads');
}

function isPayload(p: unknown): p is AdvisoriesImportPayload {
  const o = p as Partial<AdvisoriesImportPayload> | null;
  return (
    typeof o?.importId === 'string' &&
    typeof o.source === 'string' &&
    (typeof o.fileKey === 'string' || (typeof o.file === 'string' && path.basename(o.file) === o.file))
  );
}

/**
 * Handler of `advisories.import` (registered in serve.ts): imports an uploaded archive, reporting
 * processed/total records as job progress. The archive is read from the file store, so the instance that
 * runs the job need not be the one that received the upload. A refused archive fails the job (no retry:
 * nothing changes on a second try); the uploaded file is deleted once the import ended either way (and
 * the worker removes a job's input files when it ends for any other reason).
 */
export function advisoriesImportJob(deps: Deps): JobHandler {
  return async (ctx) => {
    if (!isPayload(ctx.payload)) throw new Error('bad advisories.import payload');
    const { importId, fileKey, file, source, actorUserId } = ctx.payload;
    const run = (target: string) =>
      importAdvisories(deps.store, target, source, {
        importId,
        via: 'upload',
        actor: { userId: actorUserId ?? null, requestId: null },
        now: deps.now,
        onProgress: (p) => ctx.progress(p.processed, p.total),
        shouldStop: () => ctx.stopping,
      });
    let result: AdvisoryImportResult;
    const legacy = file !== undefined ? path.join(legacyAdvisoryUploadDir(deps), file) : undefined;
    if (fileKey !== undefined) {
      if (!(await deps.files.stat(fileKey))) {
        const error = { code: 'unreadable', detail: `${source} (the uploaded file is no longer stored)` };
        await updateAdvisoryImport(deps.store.db, importId, {
          status: 'failed',
          finished_at: deps.now().toISOString(),
          error: JSON.stringify(error),
        });
        const m = REFUSAL_MESSAGES.unreadable;
        throw new Error(`unreadable: ${m.ja} / ${m.en} (${error.detail})`);
      }
      result = await deps.files.withLocalFile(fileKey, run);
    } else {
      result = await run(legacy ?? '');
    }
    if (result.ok && result.stopped) throw new JobInterrupted();
    if (fileKey !== undefined) await deps.files.delete(fileKey);
    if (legacy !== undefined) await rm(legacy, { force: true });
    if (!result.ok) {
      const m = REFUSAL_MESSAGES[result.reason];
      throw new Error(`${result.reason}: ${m.ja} / ${m.en} (${result.detail})`);
    }
    return {
      importId: result.importId,
      ...result.counts,
      skippedReasons: result.skippedReasons,
      rematchJobId: result.rematchJobId,
    };
  };
}
