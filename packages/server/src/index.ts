export { buildApp, DEFAULT_WEB_DIST } from './app.ts';
export { loadConfig, type Config, type OidcConfig } from './platform/config.ts';
export type { Deps } from './platform/deps.ts';
export { startServer, type RunningServer } from './serve.ts';
export { JobInterrupted, JobWorker, type JobHandler } from './platform/jobs/worker.ts';
export * from './platform/files/index.ts';
export { FILES_SWEEP_JOB, filesSweepJob } from './platform/files/sweep-job.ts';
export { verifyAuditChain, lastCheckpoint, type VerifyResult } from './platform/jobs/audit-verify.ts';
export {
  AUDIT_CHECKPOINT_JOB,
  auditCheckpointJob,
  runAuditCheckpoint,
} from './platform/jobs/audit-checkpoint.ts';
export {
  loadSigningKey,
  publicKeyFileOf,
  readCheckpoints,
  readPublicKey,
  writeCheckpoints,
  type CheckpointFile,
  type CheckpointProblem,
} from './platform/services/audit-checkpoints.ts';
export { hashPassword } from './platform/auth/secrets.ts';
export { createMailer, type Mailer } from './platform/mail/mailer.ts';
export { prepareSetupCode } from './platform/services/setup.ts';
export { installBuiltinPacks, readBuiltinPacks, readBuiltinMappings } from './modules/library/builtin.ts';
export { parsePackYaml, checkPack, packChecksum } from './modules/library/pack-loader.ts';
export { prepareImport, applyImport, type ImportOptions } from './modules/library/import-service.ts';
export { describeProblems } from '@shinrai/formats/sheets';
export { smeRemindersJob, SME_REMINDERS } from './modules/sme/reminders-job.ts';
export {
  DELIVERY_ATTEMPTS,
  sharingNotifyJobs,
  SHARING_DELIVERY_JOB,
  SHARING_NOTIFY_JOB,
} from './modules/sharing/notify/deliver.ts';
export { publishedIndicators, type PublishedIndicator } from './modules/sharing/public.ts';
export { setTaxiiNet } from './modules/sharing/intake/net.ts';
export { sharingIntakeJobs } from './modules/sharing/intake/job.ts';
export { importStixFile } from './modules/sharing/intake/import-file.ts';
export { describeStixProblems, noteMessage } from './modules/sharing/intake/messages.ts';
export { backoffMs, pullSource, SHARING_INTAKE_PULL_JOB } from './modules/sharing/intake/pull.ts';
export { scheduleDaily } from './platform/jobs/schedule.ts';
export * from './modules/advisories/feed/index.ts';
export { SERVER_MODULES } from './modules/index.ts';
export type { ServerModule, ModuleError } from './platform/module.ts';
export { registerModuleErrors, statusOf } from './platform/http/errors.ts';
export { workers, WorkerPool, WorkerMemoryError } from './platform/workers/pool.ts';
