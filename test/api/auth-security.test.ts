import { ERROR_MESSAGES } from '@shinrai/core';
import { JobWorker, verifyAuditChain } from '@shinrai/server';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { createHash } from 'node:crypto';
import { TOTP, URI } from 'otpauth';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addMember, ADMIN, Client, json, makeApp, setupInstance, type TestApp } from '../helpers/app.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const code = (res: LightMyRequestResponse) => json<{ error?: { code: string } }>(res).error?.code;

/** A clock the test moves by hand. */
function manualClock() {
  let at = Date.now();
  return { now: () => new Date(at), advance: (ms: number) => void (at += ms) };
}

function tokenFromMail(t: TestApp, to: string): string {
  const token = t.mails
    .filter((m) => m.to === to)
    .at(-1)
    ?.text.match(/\/invite\/([\w-]+)/)?.[1];
  if (!token) throw new Error(`no invitation mail to ${to}`);
  return token;
}

describe('login lockout', () => {
  const clock = manualClock();
  let t: TestApp;
  const unknown = { email: 'nobody-here@example.jp', password: 'wrong password' };
  beforeAll(async () => {
    t = await makeApp('sqlite', { now: clock.now, config: { loginRateLimitPerMinute: 1000 } });
    await setupInstance(t);
  });
  afterAll(async () => {
    await t.close();
  });
  const counter = () =>
    t.deps.store.db
      .selectFrom('users')
      .select(['failed_logins', 'locked_until'])
      .where('email', '=', ADMIN.email)
      .executeTakeFirstOrThrow();
  const lockouts = async () =>
    (await t.deps.store.db.selectFrom('audit_log').select('action').execute()).filter(
      (e) => e.action === 'auth.lockout',
    ).length;
  const lockMails = () => t.mails.filter((m) => m.to === ADMIN.email && /ロック/.test(m.subject));

  it('locks the account after five wrong passwords, even against the right one, until the time has passed', async () => {
    const c = new Client(t.app);
    for (let i = 1; i <= 5; i++) {
      const res = await c.login(ADMIN.email, `wrong password ${i}`);
      expect(res.statusCode, `attempt ${i}`).toBe(401);
      expect(code(res)).toBe('invalid_credentials');
    }
    expect((await counter()).locked_until).not.toBeNull();
    expect(lockMails()).toHaveLength(1);
    const right = await c.login(ADMIN.email, ADMIN.password);
    expect(right.statusCode).toBe(401);
    expect(code(right)).toBe('invalid_credentials');
    expect(right.headers['set-cookie']).toBeUndefined();

    clock.advance(14 * 60_000);
    expect((await c.login(ADMIN.email, ADMIN.password)).statusCode).toBe(401);
    clock.advance(2 * 60_000);
    const after = await c.login(ADMIN.email, ADMIN.password);
    expect(after.statusCode).toBe(200);
    expect(json(after)).toMatchObject({ status: 'ok' });
    expect(await counter()).toEqual({ failed_logins: 0, locked_until: null });
    // The count starts again from zero.
    expect((await new Client(t.app).login(ADMIN.email, 'wrong again')).statusCode).toBe(401);
    expect((await counter()).failed_logins).toBe(1);
    expect(json(await new Client(t.app).login(ADMIN.email, ADMIN.password))).toMatchObject({ status: 'ok' });
  });

  it('answers a locked account exactly as an unknown address, and tells the owner by e-mail', async () => {
    const lang = async (l: 'ja' | 'en', email: string, password: string) => {
      const c = new Client(t.app);
      c.lang = l;
      return c.login(email, password);
    };
    for (let i = 0; i < 5; i++) await lang('ja', ADMIN.email, `wrong ${i}`);
    expect(lockMails()).toHaveLength(2);
    for (const l of ['ja', 'en'] as const) {
      const locked = await lang(l, ADMIN.email, ADMIN.password);
      const lockedWrong = await lang(l, ADMIN.email, 'still wrong');
      const none = await lang(l, unknown.email, unknown.password);
      for (const res of [locked, lockedWrong]) {
        expect(res.statusCode).toBe(none.statusCode);
        expect(res.body).toBe(none.body);
        expect(Object.keys(res.headers).sort()).toEqual(Object.keys(none.headers).sort());
      }
      expect(none.statusCode).toBe(401);
      expect(json(none)).toEqual({
        error: { code: 'invalid_credentials', message: ERROR_MESSAGES.invalid_credentials[l] },
      });
    }
    // One e-mail per lock, not per refused attempt.
    expect(lockMails()).toHaveLength(2);
    const mail = lockMails().at(-1);
    expect(mail?.text).toContain('日本時間');
    expect(mail?.text).toContain('Japan time');
    clock.advance(16 * 60_000);
  });

  it('counts parallel wrong passwords exactly and locks the account at the fifth failure', async () => {
    const before = await lockouts();
    const mailsBefore = lockMails().length;
    const results = await Promise.all(
      Array.from({ length: 19 }, (_, i) => new Client(t.app).login(ADMIN.email, `parallel guess ${i}`)),
    );
    for (const res of results) {
      expect(res.statusCode).toBe(401);
      expect(code(res)).toBe('invalid_credentials');
    }
    const row = await counter();
    // Every attempt was counted (the first one after the last lock ran out starts at 1).
    expect(row.failed_logins).toBe(19);
    expect(row.locked_until).toBe(new Date(clock.now().getTime() + 15 * 60_000).toISOString());
    // Locked once: one audit entry, one e-mail.
    expect(await lockouts()).toBe(before + 1);
    expect(lockMails()).toHaveLength(mailsBefore + 1);
    // The right password, right after, is refused.
    expect((await new Client(t.app).login(ADMIN.email, ADMIN.password)).statusCode).toBe(401);

    // Another round of parallel guesses past the lock neither lifts nor extends it.
    const r = await Promise.all(
      Array.from({ length: 8 }, (_, i) => new Client(t.app).login(ADMIN.email, `round two ${i}`)),
    );
    expect(r.map((x) => x.statusCode)).toEqual(Array(8).fill(401));
    expect(await counter()).toEqual({ failed_logins: 19 + 1 + 8, locked_until: row.locked_until });
    clock.advance(15 * 60_000);
    expect(json(await new Client(t.app).login(ADMIN.email, ADMIN.password))).toMatchObject({ status: 'ok' });
  }, 120_000);
});

describe('login rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeApp('sqlite', { config: { loginRateLimitPerMinute: 3 } });
    await setupInstance(t);
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers 429 rate_limited past the per-minute limit of one address', async () => {
    const attempt = (remoteAddress: string, lang = 'ja') =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress,
        headers: { 'accept-language': lang },
        payload: { email: 'nobody@example.jp', password: 'guessing' },
      });
    for (let i = 0; i < 3; i++) expect((await attempt('192.0.2.10')).statusCode).toBe(401);
    const limited = await attempt('192.0.2.10');
    expect(limited.statusCode).toBe(429);
    expect(json(limited)).toEqual({
      error: { code: 'rate_limited', message: ERROR_MESSAGES.rate_limited.ja },
    });
    expect(limited.headers['retry-after']).toBeDefined();
    const limitedEn = await attempt('192.0.2.10', 'en');
    expect(json(limitedEn)).toMatchObject({ error: { message: ERROR_MESSAGES.rate_limited.en } });
    // Even the right password waits.
    const right = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: '192.0.2.10',
      payload: { email: ADMIN.email, password: ADMIN.password },
    });
    expect(right.statusCode).toBe(429);
    // Another address is not affected.
    expect((await attempt('192.0.2.11')).statusCode).toBe(401);
  });
});

describe('two-factor sign-in (TOTP)', () => {
  let t: TestApp;
  let owner: Client;
  let totp: TOTP;
  let recoveryCodes: string[];
  beforeAll(async () => {
    t = await makeApp('sqlite');
    owner = (await setupInstance(t)).admin;
  });
  afterAll(async () => {
    await t.close();
  });

  /** A code that is valid for none of the steps the server accepts. */
  function wrongCode(): string {
    const valid = new Set([-1, 0, 1].map((d) => totp.generate({ timestamp: Date.now() + d * 30_000 })));
    for (let n = 0; ; n++) {
      const candidate = String(n).padStart(6, '0');
      if (!valid.has(candidate)) return candidate;
    }
  }

  it('enrols with a code computed by an authenticator', async () => {
    const setup = await owner.post('/api/me/totp/setup');
    expect(setup.statusCode).toBe(200);
    const { secret, otpauthUrl } = json<{ secret: string; otpauthUrl: string }>(setup);
    const parsed = URI.parse(otpauthUrl);
    if (!(parsed instanceof TOTP)) throw new Error('not a TOTP URI');
    totp = parsed;
    expect(totp.secret.base32).toBe(secret);
    expect(totp.issuer).toBe('Shinrai');
    expect(totp.label).toBe(ADMIN.email);
    // Not active before it is confirmed.
    expect(json(await owner.get('/api/me'))).toMatchObject({ user: { totpEnabled: false } });

    const bad = await owner.post('/api/me/totp/enable', { code: wrongCode() });
    expect(bad.statusCode).toBe(401);
    expect(code(bad)).toBe('totp_invalid');
    const ok = await owner.post('/api/me/totp/enable', { code: totp.generate() });
    expect(ok.statusCode).toBe(200);
    recoveryCodes = json<{ recoveryCodes: string[] }>(ok).recoveryCodes;
    expect(recoveryCodes).toHaveLength(10);
    for (const rc of recoveryCodes) expect(rc).toMatch(/^[0-9a-f]{4}-[0-9a-f]{4}$/);
    expect(new Set(recoveryCodes).size).toBe(10);
    expect(json(await owner.get('/api/me'))).toMatchObject({ user: { totpEnabled: true } });
    // A second enrolment is refused while TOTP is on.
    expect((await owner.post('/api/me/totp/setup')).statusCode).toBe(409);
  });

  it('asks for the code after the password; a wrong code is refused, the right one signs in', async () => {
    const c = new Client(t.app);
    const first = await c.login(ADMIN.email, ADMIN.password);
    expect(first.statusCode).toBe(200);
    expect(json(first)).toEqual({ status: 'mfa_required' });
    expect(c.cookie).toBeDefined();
    // The half-way session is no session.
    expect((await c.get('/api/me')).statusCode).toBe(401);

    const wrong = await c.post('/api/auth/login/totp', { code: wrongCode() });
    expect(wrong.statusCode).toBe(401);
    expect(code(wrong)).toBe('totp_invalid');
    // The code used to enrol was spent; the next time step's code (within the drift window) signs in.
    const nextCode = totp.generate({ timestamp: Date.now() + 30_000 });
    const right = await c.post('/api/auth/login/totp', { code: nextCode });
    expect(right.statusCode).toBe(200);
    expect(json(right)).toMatchObject({ status: 'ok', user: { email: ADMIN.email, totpEnabled: true } });
    expect((await c.get('/api/me')).statusCode).toBe(200);
    // The second step cannot be replayed without a new password step.
    expect((await new Client(t.app).post('/api/auth/login/totp', { code: totp.generate() })).statusCode).toBe(
      401,
    );
    // Nor can the same code be used again after a fresh password step: a seen code is spent.
    const replay = new Client(t.app);
    expect(json(await replay.login(ADMIN.email, ADMIN.password))).toEqual({ status: 'mfa_required' });
    const again = await replay.post('/api/auth/login/totp', { code: nextCode });
    expect(again.statusCode).toBe(401);
    expect(code(again)).toBe('totp_invalid');
  });

  it('accepts a recovery code once, and not twice', async () => {
    const [first, second] = recoveryCodes;
    if (!first || !second) throw new Error('no recovery codes');
    const signIn = async (rc: string) => {
      const c = new Client(t.app);
      expect(json(await c.login(ADMIN.email, ADMIN.password))).toEqual({ status: 'mfa_required' });
      return { c, res: await c.post('/api/auth/login/totp', { code: rc }) };
    };
    const once = await signIn(first);
    expect(once.res.statusCode).toBe(200);
    expect((await once.c.get('/api/me')).statusCode).toBe(200);
    const twice = await signIn(first);
    expect(twice.res.statusCode).toBe(401);
    expect(code(twice.res)).toBe('totp_invalid');
    expect((await twice.c.get('/api/me')).statusCode).toBe(401);
    // Codes are not case-sensitive.
    expect((await signIn(second.toUpperCase())).res.statusCode).toBe(200);
  });

  it('turns TOTP off only with the password', async () => {
    const bad = await owner.post('/api/me/totp/disable', { password: 'not my password' });
    expect(bad.statusCode).toBe(401);
    expect((await owner.post('/api/me/totp/disable', { password: ADMIN.password })).statusCode).toBe(204);
    expect(json(await new Client(t.app).login(ADMIN.email, ADMIN.password))).toMatchObject({ status: 'ok' });
  });
});

describe('parallel second-factor guesses', () => {
  let t: TestApp;
  let totp: TOTP;
  beforeAll(async () => {
    t = await makeApp('sqlite', { config: { loginRateLimitPerMinute: 1000 } });
    const { admin } = await setupInstance(t);
    const { otpauthUrl } = json<{ otpauthUrl: string }>(await admin.post('/api/me/totp/setup'));
    const parsed = URI.parse(otpauthUrl);
    if (!(parsed instanceof TOTP)) throw new Error('not a TOTP URI');
    totp = parsed;
    expect((await admin.post('/api/me/totp/enable', { code: totp.generate() })).statusCode).toBe(200);
  });
  afterAll(async () => {
    await t.close();
  });

  it('checks no more than five codes: the fifth wrong one locks, the rest are refused unchecked', async () => {
    const c = new Client(t.app);
    expect(json(await c.login(ADMIN.email, ADMIN.password))).toEqual({ status: 'mfa_required' });
    const valid = new Set([-1, 0, 1].map((d) => totp.generate({ timestamp: Date.now() + d * 30_000 })));
    const wrong: string[] = [];
    for (let n = 0; wrong.length < 17; n++) {
      const candidate = String(n).padStart(6, '0');
      if (!valid.has(candidate)) wrong.push(candidate);
    }
    const results = await Promise.all(wrong.map((w) => c.post('/api/auth/login/totp', { code: w })));
    const codes = results.map(code);
    // Attempts 1–4 were checked and wrong; the fifth locked; the others never reached the check.
    expect(codes.filter((x) => x === 'totp_invalid')).toHaveLength(4);
    const rest = codes.filter((x) => x !== 'totp_invalid');
    expect(new Set(rest).size).toBeLessThanOrEqual(2);
    for (const x of rest) expect(['locked', 'unauthenticated']).toContain(x);
    const row = await t.deps.store.db
      .selectFrom('users')
      .select(['failed_logins', 'locked_until'])
      .where('email', '=', ADMIN.email)
      .executeTakeFirstOrThrow();
    expect(row.locked_until).not.toBeNull();
    // Every attempt that got past the session check was counted; the password step was not.
    expect(row.failed_logins).toBe(17 - rest.filter((x) => x === 'unauthenticated').length);
    const audit = await t.deps.store.db.selectFrom('audit_log').select('action').execute();
    expect(audit.filter((e) => e.action === 'auth.lockout')).toHaveLength(1);
    expect(t.mails.filter((m) => m.to === ADMIN.email)).toHaveLength(1);
    // The right code is refused now too, and the half-way session is gone.
    const right = await c.post('/api/auth/login/totp', { code: totp.generate() });
    expect(right.statusCode).toBe(401);
  });
});

describe('invitations, sessions and API tokens over time', () => {
  let clock: ReturnType<typeof manualClock>;
  let t: TestApp;
  let owner: Client;
  let orgId: string;
  beforeEach(async () => {
    clock = manualClock();
    t = await makeApp('sqlite', { now: clock.now });
    ({ admin: owner, orgId } = await setupInstance(t));
  });
  afterEach(async () => {
    await t.close();
  });

  it('answers 410 for an invitation past its 7 days, and 404 for a revoked one', async () => {
    expect(
      (await owner.post(`/api/orgs/${orgId}/invitations`, { email: 'late@example.jp', role: 'member' }))
        .statusCode,
    ).toBe(201);
    const late = tokenFromMail(t, 'late@example.jp');
    const inv = await owner.post(`/api/orgs/${orgId}/invitations`, {
      email: 'revoked@example.jp',
      role: 'member',
    });
    const revoked = tokenFromMail(t, 'revoked@example.jp');
    expect(
      (
        await owner.del(
          `/api/orgs/${orgId}/invitations/${json<{ invitation: { id: string } }>(inv).invitation.id}`,
        )
      ).statusCode,
    ).toBe(204);

    const anon = new Client(t.app);
    const r1 = await anon.get(`/api/invitations/${revoked}`);
    expect(r1.statusCode).toBe(404);
    expect(code(r1)).toBe('invalid_token');
    expect(
      (
        await anon.post(`/api/invitations/${revoked}/accept`, {
          displayName: 'x',
          password: 'a long passphrase',
        })
      ).statusCode,
    ).toBe(404);

    expect((await anon.get(`/api/invitations/${late}`)).statusCode).toBe(200);
    clock.advance(8 * DAY);
    const g = await anon.get(`/api/invitations/${late}`);
    expect(g.statusCode).toBe(410);
    expect(code(g)).toBe('expired');
    const a = await anon.post(`/api/invitations/${late}/accept`, {
      displayName: 'late',
      password: 'a long passphrase',
    });
    expect(a.statusCode).toBe(410);
    expect(code(a)).toBe('expired');
    expect(a.headers['set-cookie']).toBeUndefined();
  });

  it('refuses forged and expired session cookies', async () => {
    for (const cookie of [
      'shinrai_session=forged',
      `shinrai_session=${'A'.repeat(43)}`,
      'shinrai_session=',
    ]) {
      const c = new Client(t.app);
      c.cookie = cookie;
      const res = await c.get('/api/me');
      expect(res.statusCode, cookie).toBe(401);
      expect(code(res)).toBe('unauthenticated');
    }
    const setCookie = (await new Client(t.app).login(ADMIN.email, ADMIN.password)).headers['set-cookie'];
    expect(setCookie).toMatch(/Max-Age=43200/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect((await owner.get('/api/me')).statusCode).toBe(200);
    clock.advance(13 * HOUR);
    expect((await owner.get('/api/me')).statusCode).toBe(401);
  });

  it('shows an API token secret once, stores only its SHA-256, and honours revocation and expiry', async () => {
    const created = await owner.post(`/api/orgs/${orgId}/tokens`, {
      name: 'CI',
      role: 'viewer',
      expiresInDays: 1,
    });
    expect(created.statusCode).toBe(201);
    const { token, secret } = json<{ token: { id: string; prefix: string }; secret: string }>(created);
    expect(secret).toMatch(/^shr_[\w-]{40,}$/);
    expect(token.prefix).toBe(secret.slice(0, 10));

    const listed = await owner.get(`/api/orgs/${orgId}/tokens`);
    expect(listed.body).not.toContain(secret);
    expect(listed.body).not.toContain(secret.slice(10));
    const rows = await t.deps.store.db.selectFrom('api_tokens').selectAll().execute();
    expect(rows).toHaveLength(1);
    const stored = JSON.stringify(rows);
    expect(stored).not.toContain(secret);
    expect(stored).not.toContain(secret.slice(10));
    expect(Object.values(rows[0] ?? {})).toContain(sha256(secret));

    const bot = new Client(t.app);
    bot.bearer = secret;
    const read = await bot.get(`/api/orgs/${orgId}/members`);
    expect(read.statusCode).toBe(200);
    expect((await bot.patch(`/api/orgs/${orgId}`, { industry: '化学' })).statusCode).toBe(403);
    const after = json<{ items: { lastUsedAt: string | null }[] }>(
      await owner.get(`/api/orgs/${orgId}/tokens`),
    );
    expect(after.items[0]?.lastUsedAt).not.toBeNull();
    const wrong = new Client(t.app);
    wrong.bearer = `${secret}x`;
    expect((await wrong.get(`/api/orgs/${orgId}/members`)).statusCode).toBe(401);

    // Expiry: a second token, one day.
    const second = json<{ secret: string; token: { id: string } }>(
      await owner.post(`/api/orgs/${orgId}/tokens`, { name: 'short', role: 'viewer', expiresInDays: 1 }),
    );
    expect((await owner.del(`/api/orgs/${orgId}/tokens/${token.id}`)).statusCode).toBe(204);
    const revoked = await bot.get(`/api/orgs/${orgId}/members`);
    expect(revoked.statusCode).toBe(401);
    expect(code(revoked)).toBe('unauthenticated');

    const shortBot = new Client(t.app);
    shortBot.bearer = second.secret;
    expect((await shortBot.get(`/api/orgs/${orgId}`)).statusCode).toBe(200);
    clock.advance(DAY + 60_000);
    const expired = await shortBot.get(`/api/orgs/${orgId}`);
    expect(expired.statusCode).toBe(401);
    expect(code(expired)).toBe('unauthenticated');
  });

  it('ends the other sessions when the password changes', async () => {
    const laptop = new Client(t.app);
    expect((await laptop.login(ADMIN.email, ADMIN.password)).statusCode).toBe(200);
    const wrongCurrent = await owner.post('/api/me/password', {
      currentPassword: 'not it at all',
      newPassword: 'a new long passphrase',
    });
    expect(wrongCurrent.statusCode).toBe(401);
    const weak = await owner.post('/api/me/password', {
      currentPassword: ADMIN.password,
      newPassword: 'short',
    });
    expect(weak.statusCode).toBe(400);
    expect(code(weak)).toBe('weak_password');
    expect((await laptop.get('/api/me')).statusCode).toBe(200);

    const changed = await owner.post('/api/me/password', {
      currentPassword: ADMIN.password,
      newPassword: 'a new long passphrase',
    });
    expect(changed.statusCode).toBe(204);
    expect((await laptop.get('/api/me')).statusCode).toBe(401);
    expect((await owner.get('/api/me')).statusCode).toBe(200);
    expect((await new Client(t.app).login(ADMIN.email, ADMIN.password)).statusCode).toBe(401);
    expect((await new Client(t.app).login(ADMIN.email, 'a new long passphrase')).statusCode).toBe(200);
  });

  it('needs the CSRF token when a signed-in person accepts an invitation', async () => {
    const orgB = json<{ organization: { id: string } }>(
      await owner.post('/api/orgs', { name: '別組織', kind: 'hub' }),
    ).organization.id;
    const member = await addMember(t, owner, orgId, 'member@example.jp', 'member');
    expect(
      (await owner.post(`/api/orgs/${orgB}/invitations`, { email: 'member@example.jp', role: 'viewer' }))
        .statusCode,
    ).toBe(201);
    const token = tokenFromMail(t, 'member@example.jp');
    expect(json(await member.get(`/api/invitations/${token}`))).toMatchObject({ accountExists: true });

    // A cross-site form would carry the cookie but not the token.
    const forged = new Client(t.app);
    forged.cookie = member.cookie;
    const res = await forged.post(`/api/invitations/${token}/accept`, {});
    expect(res.statusCode).toBe(403);
    expect(code(res)).toBe('csrf_failed');
    // Someone else's session cannot accept it either.
    expect((await owner.post(`/api/invitations/${token}/accept`, {})).statusCode).toBe(401);
    const ok = await member.post(`/api/invitations/${token}/accept`, {});
    expect(ok.statusCode).toBe(200);
    expect(json(ok)).toMatchObject({ orgId: orgB });
  });
});

describe('audit log', () => {
  let t: TestApp;
  let owner: Client;
  let orgId: string;
  let ownerId: string;
  const readers = {} as Record<'viewer' | 'member' | 'auditor', Client>;
  beforeAll(async () => {
    t = await makeApp('sqlite');
    ({ admin: owner, orgId } = await setupInstance(t));
    ownerId = json<{ user: { id: string } }>(await owner.get('/api/me')).user.id;
    for (const role of ['viewer', 'member', 'auditor'] as const) {
      readers[role] = await addMember(t, owner, orgId, `${role}@example.jp`, role);
    }
  });
  afterAll(async () => {
    await t.close();
  });

  interface Entry {
    seq: number;
    actor: { userId: string | null; email: string | null; tokenId: string | null } | null;
    action: string;
    targetType: string | null;
    targetId: string | null;
    requestId: string | null;
    details: Record<string, unknown>;
  }
  const entries = async () =>
    json<{ items: Entry[] }>(await owner.get(`/api/orgs/${orgId}/audit?limit=200`)).items;

  it('records actor, organization, action, target and the caller’s request id', async () => {
    const res = await owner.req(
      'PATCH',
      `/api/orgs/${orgId}`,
      { industry: '電子部品' },
      { 'x-request-id': 'req-audit-0001' },
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-request-id']).toBe('req-audit-0001');
    const entry = (await entries()).find((e) => e.requestId === 'req-audit-0001');
    expect(entry).toMatchObject({
      actor: { userId: ownerId, email: ADMIN.email, tokenId: null },
      action: 'organization.update',
      targetType: 'organization',
      targetId: orgId,
      details: { fields: ['industry'] },
    });
    // The log of another organization does not hold it.
    const other = json<{ organization: { id: string } }>(
      await owner.post('/api/orgs', { name: '他社', kind: 'supplier' }),
    ).organization.id;
    const otherLog = json<{ items: Entry[] }>(await owner.get(`/api/orgs/${other}/audit`)).items;
    expect(otherLog.map((e) => e.requestId)).not.toContain('req-audit-0001');

    // An API token is recorded as the token, on behalf of its creator.
    const { secret, token } = json<{ secret: string; token: { id: string } }>(
      await owner.post(`/api/orgs/${orgId}/tokens`, { name: 'bot', role: 'admin', expiresInDays: 1 }),
    );
    const bot = new Client(t.app);
    bot.bearer = secret;
    const inv = await bot.req(
      'POST',
      `/api/orgs/${orgId}/invitations`,
      { email: 'from-bot@example.jp', role: 'viewer' },
      { 'x-request-id': 'bot-7' },
    );
    expect(inv.statusCode).toBe(201);
    expect((await entries()).find((e) => e.requestId === 'bot-7')).toMatchObject({
      actor: { userId: ownerId, tokenId: token.id },
      action: 'invitation.create',
      targetType: 'invitation',
      targetId: json<{ invitation: { id: string } }>(inv).invitation.id,
    });
    // A request id that is not a plain token is replaced, not logged.
    const odd = await owner.req(
      'PATCH',
      `/api/orgs/${orgId}`,
      { industry: '機械' },
      { 'x-request-id': 'bad id\r\nx' },
    );
    expect(odd.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('exports CSV with a BOM and the header line', async () => {
    const res = await owner.get(`/api/orgs/${orgId}/audit.csv`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="shinrai-audit-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect([...res.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = res.rawPayload.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toBe(
      'seq,at,actor_user_id,actor_email,actor_token_id,action,target_type,target_id,request_id,details,prev_hash,hash',
    );
    expect(lines.filter((l) => l.includes('req-audit-0001'))).toHaveLength(1);
    expect(lines.at(-1)).toBe('');
    expect(lines.length - 2).toBe((await entries()).length);
  });

  it('lets the owner and the auditor read the log, not viewers or members', async () => {
    for (const role of ['viewer', 'member'] as const) {
      for (const res of [
        await readers[role].get(`/api/orgs/${orgId}/audit`),
        await readers[role].get(`/api/orgs/${orgId}/audit.csv`),
        await readers[role].post(`/api/orgs/${orgId}/audit/verify`),
      ]) {
        expect(res.statusCode, role).toBe(403);
        expect(code(res)).toBe('forbidden');
      }
    }
    expect((await readers.auditor.get(`/api/orgs/${orgId}/audit`)).statusCode).toBe(200);
    expect((await readers.auditor.get(`/api/orgs/${orgId}/audit.csv`)).statusCode).toBe(200);
    expect((await owner.get(`/api/orgs/${orgId}/audit.csv`)).statusCode).toBe(200);
  });

  it('verifies the hash chain in a background job', async () => {
    const worker = new JobWorker(t.deps, {
      'audit.verify': (ctx) =>
        verifyAuditChain(
          t.deps,
          ctx.job.org_id,
          (n, total) => ctx.progress(n, total),
          () => ctx.stopping,
        ),
    });
    interface JobT {
      id: string;
      status: string;
      progress: { current: number; total: number };
      result: { ok: boolean; checked: number; firstBrokenSeq: number | null } | null;
    }
    const runJob = async (c: Client): Promise<JobT> => {
      const started = await c.post(`/api/orgs/${orgId}/audit/verify`);
      expect(started.statusCode).toBe(202);
      const queued = json<{ job: JobT & { kind: string } }>(started).job;
      expect(queued).toMatchObject({ kind: 'audit.verify', status: 'queued' });
      for (let i = 0; i < 50; i++) {
        await worker.tick();
        await worker.idle();
        const job = json<{ job: JobT }>(await c.get(`/api/orgs/${orgId}/jobs/${queued.id}`)).job;
        if (job.status === 'succeeded' || job.status === 'failed') return job;
      }
      throw new Error('job did not finish');
    };

    const total = (await entries()).length + 1; // + the verify_start entry
    const job = await runJob(owner);
    expect(job.status).toBe('succeeded');
    expect(job.result).toMatchObject({ ok: true, firstBrokenSeq: null });
    expect(job.result?.checked).toBeGreaterThanOrEqual(total);
    expect(job.progress.current).toBe(job.progress.total);
    expect((await runJob(readers.auditor)).result).toMatchObject({ ok: true });

    // The database refuses to edit the log; someone with the database file can drop that guard, and is found.
    const victim = (await entries()).find((e) => e.requestId === 'req-audit-0001');
    const db = t.deps.store.db;
    const tamper = () =>
      db
        .updateTable('audit_log')
        .set({ details: JSON.stringify({ fields: ['name'] }) })
        .where('seq', '=', victim?.seq ?? -1)
        .execute();
    await expect(tamper()).rejects.toThrow();
    if (t.deps.store.ops.name === 'postgres') {
      await sql`drop trigger audit_log_no_update on audit_log`.execute(db);
    } else {
      const triggers = await sql<{
        name: string;
      }>`select name from sqlite_master where type = 'trigger' and tbl_name = 'audit_log'`.execute(db);
      expect(triggers.rows.length).toBeGreaterThan(0);
      for (const { name } of triggers.rows) await sql`drop trigger ${sql.id(name)}`.execute(db);
    }
    await tamper();
    const broken = await runJob(owner);
    expect(broken.status).toBe('succeeded');
    expect(broken.result).toMatchObject({ ok: false, firstBrokenSeq: victim?.seq });
    await worker.stop(1000);
  });
});
