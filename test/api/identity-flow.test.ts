import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addMember,
  ADMIN,
  Client,
  json,
  makeApp,
  SETUP_CODE,
  setupInstance,
  type TestApp,
} from '../helpers/app.ts';

describe('first-run setup, login, organizations, members', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await makeApp('sqlite');
  });
  afterEach(async () => {
    await t.close();
  });

  it('refuses setup without the code from the log, then accepts it once', async () => {
    const c = new Client(t.app);
    const body = {
      setupCode: 'WRONG-CODE',
      email: ADMIN.email,
      displayName: 'x',
      password: ADMIN.password,
      organization: { name: 'A社', kind: 'enterprise' },
    };
    const bad = await c.post('/api/setup', body);
    expect(bad.statusCode).toBe(403);
    expect(json(bad)).toMatchObject({ error: { code: 'setup_code_invalid' } });
    const ok = await c.post('/api/setup', { ...body, setupCode: SETUP_CODE.toLowerCase() });
    expect(ok.statusCode).toBe(201);
    const again = await new Client(t.app).post('/api/setup', { ...body, setupCode: SETUP_CODE });
    expect(again.statusCode).toBe(409);
    expect(json(await c.get('/api/setup/status'))).toEqual({ needsSetup: false });
  });

  it('logs in, requires CSRF on writes, and logs out', async () => {
    const { orgId } = await setupInstance(t);
    const c = new Client(t.app);
    expect((await c.login(ADMIN.email, 'wrong password here')).statusCode).toBe(401);
    const res = await c.login(ADMIN.email, ADMIN.password);
    expect(res.statusCode).toBe(200);
    expect(res.headers['set-cookie']).toMatch(/HttpOnly/);
    expect(res.headers['set-cookie']).toMatch(/SameSite=Lax/);
    const csrf = c.csrf;
    c.csrf = undefined;
    const noCsrf = await c.patch(`/api/orgs/${orgId}`, { industry: '化学' });
    expect(noCsrf.statusCode).toBe(403);
    expect(json(noCsrf)).toMatchObject({ error: { code: 'csrf_failed' } });
    c.csrf = csrf;
    expect((await c.patch(`/api/orgs/${orgId}`, { industry: '化学' })).statusCode).toBe(200);
    expect((await c.post('/api/auth/logout')).statusCode).toBe(204);
    expect((await c.get('/api/me')).statusCode).toBe(401);
  });

  it('invites a member who accepts once; the link cannot be reused', async () => {
    const { admin, orgId } = await setupInstance(t);
    const member = await addMember(t, admin, orgId, 'member@example.jp', 'member');
    const me = json<{ memberships: { role: string }[] }>(await member.get('/api/me'));
    expect(me.memberships).toEqual([expect.objectContaining({ role: 'member' })]);
    const token = t.mails.at(-1)?.text.match(/\/invite\/([\w-]+)/)?.[1];
    const reuse = await new Client(t.app).post(`/api/invitations/${token}/accept`, {
      displayName: 'x',
      password: 'yet another passphrase',
    });
    expect(reuse.statusCode).toBe(410);
    const forged = await new Client(t.app).get(`/api/invitations/${'A'.repeat(43)}`);
    expect(forged.statusCode).toBe(404);
  });

  it('keeps the last owner', async () => {
    const { admin, orgId } = await setupInstance(t);
    const me = json<{ user: { id: string } }>(await admin.get('/api/me'));
    const res = await admin.patch(`/api/orgs/${orgId}/members/${me.user.id}`, { role: 'admin' });
    expect(res.statusCode).toBe(409);
    expect(json(res)).toMatchObject({ error: { code: 'last_owner' } });
  });
});
