export { buildApp, DEFAULT_WEB_DIST } from './app.ts';
export { loadConfig, type Config, type OidcConfig } from './config.ts';
export type { Deps } from './deps.ts';
export { startServer, type RunningServer } from './serve.ts';
export { JobWorker, type JobHandler } from './jobs/worker.ts';
export { verifyAuditChain } from './jobs/audit-verify.ts';
export { hashPassword } from './auth/secrets.ts';
export { createMailer, type Mailer } from './mail/mailer.ts';
export { prepareSetupCode } from './services/setup.ts';
