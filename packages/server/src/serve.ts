import { migrate, oneInstanceAtATime, openStore, type Store } from '@shinrai/store';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import type { Config } from './platform/config.ts';
import type { Deps } from './platform/deps.ts';
import { AUDIT_CHECKPOINT_JOB, auditCheckpointJob } from './platform/jobs/audit-checkpoint.ts';
import { auditVerifyJob } from './platform/jobs/audit-verify.ts';
import { openFileStore } from './platform/files/index.ts';
import { FILES_SWEEP_JOB, filesSweepJob } from './platform/files/sweep-job.ts';
import { JobWorker, type JobHandler } from './platform/jobs/worker.ts';
import { scheduleDaily } from './platform/jobs/schedule.ts';
import { SERVER_MODULES } from './modules/index.ts';
import { createMailer } from './platform/mail/mailer.ts';
import { prepareSetupCode } from './platform/services/setup.ts';

export interface RunningServer {
  app: FastifyInstance;
  store: Store;
  worker: JobWorker;
  url: string;
  stop(): Promise<void>;
}

/** Opens the database, applies migrations, starts HTTP and the job worker. */
export async function startServer(
  config: Config,
  opts: { logger?: boolean; handleSignals?: boolean } = {},
): Promise<RunningServer> {
  const store = openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  // several instances may start together on one PostgreSQL: each migrates and installs in turn
  await oneInstanceAtATime(store, () => migrate(store));
  const logger = opts.logger === false ? false : { level: config.logLevel };
  // deps.log and the mailer need Fastify's logger, which exists once the app is built; nothing uses them before.
  const deps: Deps = {
    store,
    files: openFileStore(store, config.dataDir),
    config,
    now: () => new Date(),
    mailer: { send: async () => {} },
    log: undefined as never,
  };
  const app = await buildApp(deps, logger);
  deps.log = app.log;
  deps.mailer = createMailer(config.smtpUrl, config.mailFrom, app.log);
  const handlers: Record<string, JobHandler> = {
    'audit.verify': auditVerifyJob(deps),
    [FILES_SWEEP_JOB]: filesSweepJob(deps),
    [AUDIT_CHECKPOINT_JOB]: auditCheckpointJob(deps),
  };
  for (const m of SERVER_MODULES) Object.assign(handlers, m.jobs?.(deps));
  const worker = new JobWorker(deps, handlers);

  const code = await oneInstanceAtATime(store, async () => {
    for (const m of SERVER_MODULES) await m.start?.(deps);
    for (const m of SERVER_MODULES) for (const kind of m.daily ?? []) await scheduleDaily(deps, kind);
    await scheduleDaily(deps, FILES_SWEEP_JOB);
    await scheduleDaily(deps, AUDIT_CHECKPOINT_JOB);
    return prepareSetupCode(deps);
  });
  if (code !== null) {
    app.log.warn(
      { setupCode: code },
      `First run: open ${config.publicUrl}/setup and enter the setup code ${code}`,
    );
  }
  await app.listen({ host: config.host, port: config.port });
  // SHINRAI_JOBS=off: this instance only serves requests; the others (sharing the database) run the jobs
  if (config.jobs) worker.start();
  else app.log.info('job worker off (SHINRAI_JOBS=off): jobs run on other instances');
  const url = `http://${config.host}:${(app.server.address() as { port: number }).port}`;

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      app.log.info('shutting down: finishing in-flight requests and jobs');
      deps.shuttingDown = true;
      app.server.closeIdleConnections();
      const deadline = setTimeout(() => app.server.closeAllConnections(), 15_000);
      deadline.unref();
      await app.close();
      await worker.stop();
      await store.close();
    })();
    return stopping;
  };
  if (opts.handleSignals) {
    for (const sig of ['SIGTERM', 'SIGINT'] as const) {
      process.once(sig, () => {
        void stop().then(() => process.exit(0));
      });
    }
  }
  return { app, store, worker, url, stop };
}
