import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Deps } from '../../../platform/deps.ts';
import { JobInterrupted, type JobHandler } from '../../../platform/jobs/worker.ts';
import { importAdvisories } from './import.ts';
import { REFUSAL_MESSAGES } from './reasons.ts';

export const ADVISORIES_IMPORT_JOB = 'advisories.import';

export interface AdvisoriesImportPayload {
  importId: string;
  /** File name under `uploadDir(deps)`. */
  file: string;
  /** The name the uploader gave the file. */
  source: string;
  /** The instance administrator who uploaded it (named in the instance audit entries). */
  actorUserId?: string | null;
}

/** Where uploaded advisory archives wait for their import job. */
export function advisoryUploadDir(deps: Pick<Deps, 'config'>): string {
  return path.join(deps.config.dataDir, 'advisory-uploads');
}

function isPayload(p: unknown): p is AdvisoriesImportPayload {
  const o = p as Partial<AdvisoriesImportPayload> | null;
  return (
    typeof o?.importId === 'string' &&
    typeof o.file === 'string' &&
    typeof o.source === 'string' &&
    path.basename(o.file) === o.file
  );
}

/**
 * Handler of `advisories.import` (registered in serve.ts): imports an uploaded archive, reporting
 * processed/total records as job progress. A refused archive fails the job (no retry: nothing changes on
 * a second try); the uploaded file is deleted once the import ended either way.
 */
export function advisoriesImportJob(deps: Deps): JobHandler {
  return async (ctx) => {
    if (!isPayload(ctx.payload)) throw new Error('bad advisories.import payload');
    const { importId, file, source } = ctx.payload;
    const full = path.join(advisoryUploadDir(deps), file);
    const result = await importAdvisories(deps.store, full, source, {
      importId,
      via: 'upload',
      actor: { userId: ctx.payload.actorUserId ?? null, requestId: null },
      now: deps.now,
      onProgress: (p) => ctx.progress(p.processed, p.total),
      shouldStop: () => ctx.stopping,
    });
    if (result.ok && result.stopped) throw new JobInterrupted();
    await rm(full, { force: true });
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
