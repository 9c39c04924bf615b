import { generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, json, makeApp, setupInstance, type TestApp } from '../helpers/app.ts';

const CLIENT_ID = 'shinrai-test';
const CLIENT_SECRET = 'a-client-secret-that-is-long-enough-for-hs256';
const LABEL = '社内SSO';

interface IdpAccount {
  email: string;
  verified: boolean;
  name: string;
}

/** People known to the identity provider, by subject. */
const ACCOUNTS: Record<string, IdpAccount> = {
  'sub-admin': { email: ADMIN.email, verified: true, name: 'IdP上の管理者' },
  'sub-unverified': { email: ADMIN.email, verified: false, name: '未確認の誰か' },
  'sub-stranger': { email: 'stranger@example.jp', verified: true, name: '外部 次郎' },
};

async function freePort(): Promise<number> {
  const srv = createNetServer();
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const { port } = srv.address() as AddressInfo;
  await new Promise<void>((resolve, reject) => srv.close((err) => (err ? reject(err) : resolve())));
  return port;
}

/**
 * A real OpenID provider on 127.0.0.1. Its login page signs in whoever `login` names; consent is given
 * for the requested scopes. Token requests are recorded to check how the client authenticates.
 */
async function startIdp(redirectUris: string[]) {
  const state = {
    login: 'sub-admin',
    tokenAuth: [] as (string | undefined)[],
    errors: [] as unknown[],
  };
  let handle: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.end();
  const server: Server = createServer((req, res) => handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const jwk = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: redirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    cookies: { keys: ['idp-cookie-signing-key'] },
    jwks: { keys: [{ ...jwk, kid: 'test-key', use: 'sig', alg: 'RS256' }] },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    pkce: { required: () => true },
    ttl: {
      Interaction: 600,
      Session: 3600,
      Grant: 3600,
      AccessToken: 600,
      IdToken: 600,
      AuthorizationCode: 60,
    },
    async findAccount(_ctx, sub) {
      const a = ACCOUNTS[sub];
      if (!a) return undefined;
      return {
        accountId: sub,
        claims: () => ({ sub, email: a.email, email_verified: a.verified, name: a.name }),
      };
    },
  });
  provider.on('server_error', (_ctx, err) => state.errors.push(err));

  async function interaction(req: IncomingMessage, res: ServerResponse) {
    const details = await provider.interactionDetails(req, res);
    if (details.prompt.name === 'login') {
      await provider.interactionFinished(
        req,
        res,
        { login: { accountId: state.login } },
        { mergeWithLastSubmission: false },
      );
      return;
    }
    const grant = new provider.Grant({
      accountId: details.session?.accountId ?? '',
      clientId: details.params.client_id,
    });
    grant.addOIDCScope(details.params.scope ?? 'openid');
    await provider.interactionFinished(
      req,
      res,
      { consent: { grantId: await grant.save() } },
      { mergeWithLastSubmission: true },
    );
  }

  const callback = provider.callback();
  handle = (req, res) => {
    if (req.url?.startsWith('/interaction/')) {
      interaction(req, res).catch((err: unknown) => {
        state.errors.push(err);
        res.statusCode = 500;
        res.end();
      });
      return;
    }
    if (req.method === 'POST' && req.url?.startsWith('/token'))
      state.tokenAuth.push(req.headers.authorization);
    callback(req, res);
  };
  return {
    issuer,
    state,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

interface Hop {
  status: number;
  url: URL;
  location: URL | null;
}

/** A browser that does not follow redirects on its own, with one cookie jar per origin. */
class Browser {
  private jar = new Map<string, Map<string, string>>();

  cookie(origin: string, name: string): string | undefined {
    return this.jar.get(origin)?.get(name);
  }

  async fetch(url: string | URL): Promise<Hop & { body: string }> {
    const u = new URL(url);
    const cookies = [...(this.jar.get(u.origin) ?? [])].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(u, { redirect: 'manual', headers: cookies ? { cookie: cookies } : {} });
    const jar = this.jar.get(u.origin) ?? new Map<string, string>();
    this.jar.set(u.origin, jar);
    for (const c of res.headers.getSetCookie()) {
      const [pair = '', ...attrs] = c.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const gone =
        value === '' || attrs.some((a) => /^\s*max-age=0\s*$/i.test(a) || /^\s*expires=.*1970/i.test(a));
      if (gone) jar.delete(name);
      else jar.set(name, value);
    }
    const location = res.headers.get('location');
    return {
      status: res.status,
      url: u,
      location: location ? new URL(location, u) : null,
      body: await res.text(),
    };
  }

  /** Follows redirects from `url` until `stop` accepts the next address (returned, not fetched) or one is not a redirect. */
  async follow(url: string | URL, stop: (next: URL) => boolean): Promise<Hop> {
    let current = new URL(url);
    for (let i = 0; i < 20; i++) {
      const hop = await this.fetch(current);
      if (hop.status < 300 || hop.status >= 400 || !hop.location)
        throw new Error(`stopped at ${hop.status} ${current.href}: ${hop.body.slice(0, 300)}`);
      if (stop(hop.location)) return hop;
      current = hop.location;
    }
    throw new Error('too many redirects');
  }
}

/** An app on a real port with single sign-on configured. */
async function startApp(port: number, issuer: string, autoCreate: boolean) {
  const publicUrl = `http://127.0.0.1:${port}`;
  const t = await makeApp('sqlite', {
    config: {
      publicUrl,
      oidc: { issuer, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, label: LABEL, autoCreate },
    },
  });
  await t.app.listen({ host: '127.0.0.1', port });
  return { t, publicUrl };
}

describe('single sign-on with OpenID Connect', () => {
  let idp: Awaited<ReturnType<typeof startIdp>>;
  let linked: Awaited<ReturnType<typeof startApp>>;
  let creating: Awaited<ReturnType<typeof startApp>>;
  let ownerId: string;

  const userIds = async (t: TestApp) =>
    (await t.deps.store.db.selectFrom('users').select('id').execute()).map((u) => u.id);

  /** The whole browser round trip for `login`: Shinrai → provider → Shinrai; ends at Shinrai's last redirect. */
  async function signIn(app: { publicUrl: string }, login: string) {
    idp.state.login = login;
    const browser = new Browser();
    const last = await browser.follow(
      `${app.publicUrl}/api/auth/oidc/start`,
      (next) => next.origin === app.publicUrl && !next.pathname.startsWith('/api/'),
    );
    return {
      browser,
      last,
      landing: last.location ? `${last.location.pathname}${last.location.search}` : null,
      session: browser.cookie(app.publicUrl, 'shinrai_session'),
    };
  }

  beforeAll(async () => {
    const [p1, p2] = [await freePort(), await freePort()];
    idp = await startIdp([
      `http://127.0.0.1:${p1}/api/auth/oidc/callback`,
      `http://127.0.0.1:${p2}/api/auth/oidc/callback`,
    ]);
    linked = await startApp(p1, idp.issuer, false);
    creating = await startApp(p2, idp.issuer, true);
    const { admin } = await setupInstance(linked.t);
    ownerId = json<{ user: { id: string } }>(await admin.get('/api/me')).user.id;
  });

  afterAll(async () => {
    await linked.t.close();
    await creating.t.close();
    await idp.close();
  });

  it('says single sign-on is enabled, and starts the code flow with PKCE', async () => {
    const info = await fetch(`${linked.publicUrl}/api/auth/oidc`);
    expect(await info.json()).toEqual({ enabled: true, label: LABEL });
    const hop = await new Browser().fetch(`${linked.publicUrl}/api/auth/oidc/start`);
    expect(hop.status).toBe(302);
    const to = hop.location;
    expect(to?.origin).toBe(idp.issuer);
    const q = to?.searchParams;
    expect(q?.get('client_id')).toBe(CLIENT_ID);
    expect(q?.get('response_type')).toBe('code');
    expect(q?.get('redirect_uri')).toBe(`${linked.publicUrl}/api/auth/oidc/callback`);
    expect(q?.get('code_challenge_method')).toBe('S256');
    expect(q?.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(q?.get('state')).toBeTruthy();
    expect(q?.get('nonce')).toBeTruthy();
    expect(q?.get('scope')?.split(' ')).toEqual(expect.arrayContaining(['openid', 'email']));
  });

  it('signs an existing local user in by verified e-mail, linking rather than duplicating the account', async () => {
    const before = await userIds(linked.t);
    const first = await signIn(linked, 'sub-admin');
    expect(first.last.status).toBe(302);
    expect(first.landing).toBe('/');
    expect(first.session).toBeTruthy();
    // The flow cookie is spent.
    expect(first.browser.cookie(linked.publicUrl, 'shinrai_oidc')).toBeUndefined();
    const me = await first.browser.fetch(`${linked.publicUrl}/api/me`);
    expect(me.status).toBe(200);
    expect(JSON.parse(me.body)).toMatchObject({
      user: { id: ownerId, email: ADMIN.email },
      memberships: [{ role: 'owner' }],
    });
    expect(await userIds(linked.t)).toEqual(before);
    // The client authenticated at the token endpoint with HTTP Basic, as registered.
    expect(idp.state.tokenAuth.at(-1)).toMatch(/^Basic /);

    // The second time the link is used directly.
    const again = await signIn(linked, 'sub-admin');
    expect(again.landing).toBe('/');
    expect(JSON.parse((await again.browser.fetch(`${linked.publicUrl}/api/me`)).body)).toMatchObject({
      user: { id: ownerId },
    });
    expect(await userIds(linked.t)).toEqual(before);
    expect(again.session).not.toBe(first.session);
  });

  it('does not link an unverified e-mail, and does not create accounts when auto-creation is off', async () => {
    const before = await userIds(linked.t);
    for (const login of ['sub-unverified', 'sub-stranger']) {
      const r = await signIn(linked, login);
      expect(r.landing, login).toBe('/login?sso=no_account');
      expect(r.session, login).toBeUndefined();
    }
    expect(await userIds(linked.t)).toEqual(before);
  });

  it('fails on a tampered state, and on a callback replayed without the flow cookie', async () => {
    idp.state.login = 'sub-admin';
    const browser = new Browser();
    const atCallback = await browser.follow(
      `${linked.publicUrl}/api/auth/oidc/start`,
      (next) => next.pathname === '/api/auth/oidc/callback',
    );
    const callback = atCallback.location ?? new URL('about:blank');
    expect(callback.searchParams.get('code')).toBeTruthy();

    // Replayed in another browser (no flow cookie): refused.
    const replay = await new Browser().fetch(callback);
    expect(replay.status).toBe(302);
    expect(replay.location?.pathname + (replay.location?.search ?? '')).toBe('/login?sso=failed');

    const tampered = new URL(callback);
    tampered.searchParams.set('state', `${callback.searchParams.get('state')}x`);
    const res = await browser.fetch(tampered);
    expect(res.status).toBe(302);
    expect(`${res.location?.pathname}${res.location?.search}`).toBe('/login?sso=failed');
    expect(browser.cookie(linked.publicUrl, 'shinrai_session')).toBeUndefined();
    // The flow cookie was spent by the failed attempt: the genuine callback cannot be used afterwards either.
    const genuine = await browser.fetch(callback);
    expect(`${genuine.location?.pathname}${genuine.location?.search}`).toBe('/login?sso=failed');
    expect(browser.cookie(linked.publicUrl, 'shinrai_session')).toBeUndefined();
  });

  it('creates an account on first sign-in when auto-creation is on, but not before first-run setup', async () => {
    const early = await signIn(creating, 'sub-stranger');
    expect(early.landing).toBe('/login?sso=no_account');
    expect(await userIds(creating.t)).toEqual([]);
    expect(json(await creating.t.app.inject({ method: 'GET', url: '/api/setup/status' }))).toEqual({
      needsSetup: true,
    });

    await setupInstance(creating.t);
    const first = await signIn(creating, 'sub-stranger');
    expect(first.landing).toBe('/');
    const me = JSON.parse((await first.browser.fetch(`${creating.publicUrl}/api/me`)).body) as {
      user: { id: string; email: string; displayName: string; isInstanceAdmin: boolean };
      memberships: unknown[];
    };
    expect(me.user).toMatchObject({
      email: 'stranger@example.jp',
      displayName: '外部 次郎',
      isInstanceAdmin: false,
    });
    expect(me.memberships).toEqual([]);
    const count = (await userIds(creating.t)).length;
    const second = await signIn(creating, 'sub-stranger');
    expect(JSON.parse((await second.browser.fetch(`${creating.publicUrl}/api/me`)).body)).toMatchObject({
      user: { id: me.user.id },
    });
    expect(await userIds(creating.t)).toHaveLength(count);
    // A password login is not possible for an SSO-only account.
    const pw = await creating.t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'stranger@example.jp', password: 'anything at all' },
    });
    expect(pw.statusCode).toBe(401);
  });

  it('raised no error inside the provider', () => {
    expect(idp.state.errors).toEqual([]);
  });
});
