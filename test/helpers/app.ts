import {
  buildApp,
  installBuiltinPacks,
  loadConfig,
  openFileStore,
  prepareSetupCode,
  type Config,
  type Deps,
  type Mailer,
} from '@shinrai/server';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { makeStore, type TestDialect, type TestStore } from './stores.ts';

export const SETUP_CODE = 'TEST-SETU-PCOD';
export const ADMIN = {
  email: 'admin@example.jp',
  password: 'correct horse battery staple',
  displayName: '管理 太郎',
};

export interface SentMail {
  to: string;
  subject: string;
  text: string;
}

export interface TestApp {
  app: FastifyInstance;
  deps: Deps;
  db: TestStore;
  mails: SentMail[];
  close(): Promise<void>;
}

/** The real application on a fresh database; mail is captured in memory unless a mailer is given. */
/**
 * The database API tests run on: SQLite by default; SHINRAI_TEST_API_DIALECT=postgres (with
 * SHINRAI_TEST_PG_URL) or pglite runs the same API tests on PostgreSQL (.ci/run does).
 */
const API_DIALECT = (process.env.SHINRAI_TEST_API_DIALECT as TestDialect | undefined) ?? 'sqlite';

export async function makeApp(
  requested: TestDialect = 'sqlite',
  opts: { config?: Partial<Config>; mailer?: Mailer; now?: () => Date; packs?: boolean } = {},
): Promise<TestApp> {
  const dialect = requested === 'sqlite' ? API_DIALECT : requested;
  const db = await makeStore(dialect);
  const mails: SentMail[] = [];
  const config: Config = {
    ...loadConfig({
      SHINRAI_DATA_DIR: db.dataDir,
      SHINRAI_SETUP_CODE: SETUP_CODE,
      SHINRAI_WEB_DIST: '/nonexistent',
    }),
    ...opts.config,
  };
  const deps: Deps = {
    store: db.store,
    files: openFileStore(db.store, config.dataDir),
    config,
    mailer: opts.mailer ?? { send: async (m) => void mails.push(m) },
    now: opts.now ?? (() => new Date()),
    log: undefined as never,
  };
  const app = await buildApp(deps);
  deps.log = app.log;
  await prepareSetupCode(deps);
  if (opts.packs !== false) await installBuiltinPacks(deps);
  return {
    app,
    deps,
    db,
    mails,
    async close() {
      await app.close();
      await db.cleanup();
    },
  };
}

/** A browser-like client: keeps the session cookie and sends the CSRF header on writes. */
export class Client {
  cookie: string | undefined;
  csrf: string | undefined;
  bearer: string | undefined;
  lang: 'ja' | 'en' = 'ja';

  constructor(readonly app: FastifyInstance) {}

  async req(
    method: string,
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> {
    const h: Record<string, string> = { 'accept-language': this.lang, ...headers };
    if (this.cookie) h.cookie = this.cookie;
    if (this.csrf && method !== 'GET') h['x-csrf-token'] = this.csrf;
    if (this.bearer) h.authorization = `Bearer ${this.bearer}`;
    const res = await this.app.inject({
      method: method as 'GET',
      url,
      headers: h,
      ...(body === undefined ? {} : { payload: body as object }),
    });
    const set = res.headers['set-cookie'];
    for (const c of Array.isArray(set) ? set : set ? [set] : []) {
      const [pair] = c.split(';');
      if (pair?.startsWith('shinrai_session=')) this.cookie = pair.endsWith('=') ? undefined : pair;
    }
    const json = safeJson(res.body);
    if (
      json &&
      typeof json === 'object' &&
      'csrfToken' in json &&
      typeof json.csrfToken === 'string' &&
      json.csrfToken
    ) {
      this.csrf = json.csrfToken;
    }
    return res;
  }

  get = (url: string) => this.req('GET', url);
  post = (url: string, body?: unknown) => this.req('POST', url, body ?? {});
  patch = (url: string, body: unknown) => this.req('PATCH', url, body);
  del = (url: string) => this.req('DELETE', url);

  async login(email: string, password: string): Promise<LightMyRequestResponse> {
    return this.post('/api/auth/login', { email, password });
  }
}

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s) as unknown;
  } catch {
    return undefined;
  }
}

export function json<T = Record<string, unknown>>(res: LightMyRequestResponse): T {
  return JSON.parse(res.body) as T;
}

/** Runs first-run setup; returns the admin's client and the first organization's id. */
export async function setupInstance(
  t: TestApp,
  orgName = '信頼製作所',
): Promise<{ admin: Client; orgId: string }> {
  const admin = new Client(t.app);
  const res = await admin.post('/api/setup', {
    setupCode: SETUP_CODE,
    email: ADMIN.email,
    displayName: ADMIN.displayName,
    password: ADMIN.password,
    locale: 'ja',
    organization: { name: orgName, kind: 'enterprise', prefecture: '13', size: 'large', industry: '製造業' },
  });
  if (res.statusCode !== 201) throw new Error(`setup failed: ${res.statusCode} ${res.body}`);
  const me = json<{ memberships: { organization: { id: string } }[] }>(await admin.get('/api/me'));
  const orgId = me.memberships[0]?.organization.id;
  if (!orgId) throw new Error('no organization after setup');
  return { admin, orgId };
}

/** Creates a user who is a member of `orgId` with `role`, through an invitation, and returns their client. */
export async function addMember(
  t: TestApp,
  admin: Client,
  orgId: string,
  email: string,
  role: string,
  password = 'another long passphrase 1',
): Promise<Client> {
  const inv = await admin.post(`/api/orgs/${orgId}/invitations`, { email, role });
  if (inv.statusCode !== 201) throw new Error(`invite failed: ${inv.statusCode} ${inv.body}`);
  const mail = t.mails.filter((m) => m.to === email).at(-1);
  const token = mail?.text.match(/\/invite\/([\w-]+)/)?.[1];
  if (!token) throw new Error('no invitation link in mail');
  const c = new Client(t.app);
  const acc = await c.post(`/api/invitations/${token}/accept`, {
    displayName: email.split('@')[0],
    password,
  });
  if (acc.statusCode !== 200) throw new Error(`accept failed: ${acc.statusCode} ${acc.body}`);
  return c;
}
