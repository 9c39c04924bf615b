import path from 'node:path';

/** Everything the server reads from the environment, in one place (see README "Configuration"). */
export interface Config {
  host: string;
  port: number;
  dataDir: string;
  databaseUrl: string | undefined;
  publicUrl: string;
  /** Cookies get `Secure` when the public URL is https (behind TLS). */
  secureCookies: boolean;
  trustProxy: boolean;
  sessionHours: number;
  bodyLimitBytes: number;
  setupCode: string | undefined;
  smtpUrl: string | undefined;
  mailFrom: string;
  metricsToken: string | undefined;
  logLevel: string;
  webDist: string | undefined;
  oidc: OidcConfig | undefined;
  jobPollMs: number;
  /** false (SHINRAI_JOBS=off): this instance serves HTTP only and runs no background jobs; another instance runs them. */
  jobs: boolean;
  loginRateLimitPerMinute: number;
  /** Ed25519 private key that signs audit checkpoints (created on first use; public key beside it). */
  auditKeyFile: string;
  /** JSON-lines file the signed audit checkpoints are appended to (ship it elsewhere). */
  auditCheckpointFile: string;
  /** Advisory feed: the schedule of sources without their own (`every:<N>h` or `daily:HH:MM`, Japan time). */
  advisoryFeedSchedule: string;
  /** Advisory feed: the folder under which folder sources are read (a source cannot name a path outside it). */
  advisoryFeedDir: string;
}

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  label: string;
  /** Create an account on first sign-in for a verified e-mail that has none. */
  autoCreate: boolean;
}

type Env = Record<string, string | undefined>;

export function loadConfig(env: Env = process.env, cwd = process.cwd()): Config {
  const port = Number(env.PORT ?? 8080);
  const publicUrl = (env.SHINRAI_PUBLIC_URL ?? `http://127.0.0.1:${port}`).replace(/\/+$/, '');
  const oidc =
    env.SHINRAI_OIDC_ISSUER && env.SHINRAI_OIDC_CLIENT_ID
      ? {
          issuer: env.SHINRAI_OIDC_ISSUER,
          clientId: env.SHINRAI_OIDC_CLIENT_ID,
          clientSecret: env.SHINRAI_OIDC_CLIENT_SECRET ?? '',
          label: env.SHINRAI_OIDC_LABEL ?? 'SSO',
          autoCreate: env.SHINRAI_OIDC_AUTO_CREATE === 'true',
        }
      : undefined;
  const dataDir = path.resolve(cwd, env.SHINRAI_DATA_DIR ?? 'data');
  return {
    host: env.HOST ?? '127.0.0.1',
    port,
    dataDir,
    databaseUrl: env.SHINRAI_DATABASE_URL || undefined,
    publicUrl,
    secureCookies: publicUrl.startsWith('https://'),
    trustProxy: env.SHINRAI_TRUST_PROXY === 'true',
    sessionHours: Number(env.SHINRAI_SESSION_HOURS ?? 12),
    bodyLimitBytes: Number(env.SHINRAI_BODY_LIMIT_BYTES ?? 1_048_576),
    setupCode: env.SHINRAI_SETUP_CODE || undefined,
    smtpUrl: env.SHINRAI_SMTP_URL || undefined,
    mailFrom: env.SHINRAI_MAIL_FROM ?? 'Shinrai <no-reply@localhost>',
    metricsToken: env.SHINRAI_METRICS_TOKEN || undefined,
    logLevel: env.SHINRAI_LOG_LEVEL ?? 'info',
    webDist: env.SHINRAI_WEB_DIST,
    oidc,
    jobPollMs: Number(env.SHINRAI_JOB_POLL_MS ?? 500),
    jobs: env.SHINRAI_JOBS !== 'off',
    loginRateLimitPerMinute: Number(env.SHINRAI_LOGIN_RATE_LIMIT ?? 20),
    auditKeyFile: path.resolve(
      cwd,
      env.SHINRAI_AUDIT_KEY_FILE ?? path.join(dataDir, 'audit-signing-key.pem'),
    ),
    auditCheckpointFile: path.resolve(
      cwd,
      env.SHINRAI_AUDIT_CHECKPOINT_FILE ?? path.join(dataDir, 'audit-checkpoints.jsonl'),
    ),
    advisoryFeedSchedule: env.SHINRAI_ADVISORY_FEED_SCHEDULE || 'daily:04:00',
    advisoryFeedDir: path.resolve(cwd, env.SHINRAI_ADVISORY_FEED_DIR ?? path.join(dataDir, 'advisory-feeds')),
  };
}
