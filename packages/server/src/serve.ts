import { migrate, openStore, type Store } from '@shinrai/store';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import type { Config } from './config.ts';
import type { Deps } from './deps.ts';
import { auditVerifyJob } from './jobs/audit-verify.ts';
import { JobWorker } from './jobs/worker.ts';
import { scheduleDaily } from './jobs/schedule.ts';
import { SME_REMINDERS, smeRemindersJob } from './jobs/sme-reminders.ts';
import { GOVERNANCE_OVERDUE_JOB, governanceOverdueJob } from './jobs/governance-overdue.ts';
import { ADVISORIES_IMPORT_JOB, advisoriesImportJob } from './software/advisories/job.ts';
import { installBuiltinPacks } from './library/builtin.ts';
import { SOFTWARE_REMATCH_JOB, softwareRematchJob } from './software/inventory/rematch.ts';
import { createMailer } from './mail/mailer.ts';
import { prepareSetupCode } from './services/setup.ts';

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
  await migrate(store);
  const logger = opts.logger === false ? false : { level: config.logLevel };
  // deps.log and the mailer need Fastify's logger, which exists once the app is built; nothing uses them before.
  const deps: Deps = {
    store,
    config,
    now: () => new Date(),
    mailer: { send: async () => {} },
    log: undefined as never,
  };
  const app = await buildApp(deps, logger);
  deps.log = app.log;
  deps.mailer = createMailer(config.smtpUrl, config.mailFrom, app.log);
  const worker = new JobWorker(deps, {
    'audit.verify': auditVerifyJob(deps),
    [SME_REMINDERS]: smeRemindersJob(deps),
    [GOVERNANCE_OVERDUE_JOB]: governanceOverdueJob(deps),
    [SOFTWARE_REMATCH_JOB]: softwareRematchJob(deps),
    [ADVISORIES_IMPORT_JOB]: advisoriesImportJob(deps),
  });

  const packs = await installBuiltinPacks(deps);
  if (packs.installed.length > 0) app.log.info({ packs: packs.installed }, 'catalog packs installed');
  for (const e of packs.errors) app.log.error(e, 'catalog pack not loaded');

  await scheduleDaily(deps, SME_REMINDERS);
  await scheduleDaily(deps, GOVERNANCE_OVERDUE_JOB);

  const code = await prepareSetupCode(deps);
  if (code !== null) {
    app.log.warn(
      { setupCode: code },
      `First run: open ${config.publicUrl}/setup and enter the setup code ${code}`,
    );
  }
  await app.listen({ host: config.host, port: config.port });
  worker.start();
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
