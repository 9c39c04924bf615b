import { createMailer, type Mailer } from '@shinrai/server';
import type { FastifyBaseLogger } from 'fastify';
import type { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, Client, json, makeApp, setupInstance, type TestApp } from '../helpers/app.ts';
import { startSmtp, type Received } from '../helpers/smtp.ts';

const ORG_NAME = '株式会社信頼精密';
const PUBLIC_URL = 'https://shinrai.example.jp';
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

describe('invitation e-mail through a real SMTP server', () => {
  const inbox: Received[] = [];
  let smtp: SMTPServer;
  let t: TestApp;
  let owner: Client;
  let orgId: string;

  beforeAll(async () => {
    let mailer: Mailer;
    ({ smtp, mailer } = await startSmtp(inbox));
    t = await makeApp('sqlite', { mailer, config: { publicUrl: PUBLIC_URL } });
    ({ admin: owner, orgId } = await setupInstance(t, ORG_NAME));
  });

  afterAll(async () => {
    await t.close();
    await new Promise<void>((resolve) => smtp.close(resolve));
  });

  it('delivers a Japanese invitation whose link lets the invitee join', async () => {
    const res = await owner.post(`/api/orgs/${orgId}/invitations`, {
      email: 'Newcomer@Example.jp',
      role: 'member',
    });
    expect(res.statusCode).toBe(201);
    expect(json(res)).toMatchObject({
      mailSent: true,
      mail: 'sent',
      invitation: { email: 'newcomer@example.jp', status: 'pending' },
    });
    // The mail carried the link: the response does not repeat it.
    expect(json<{ link?: string }>(res).link).toBeUndefined();
    // The in-memory capture of makeApp is not in use: the mail went over SMTP.
    expect(t.mails).toEqual([]);
    expect(inbox).toHaveLength(1);
    const [{ envelope, mail }] = inbox as [Received];

    expect(envelope.rcptTo.map((r) => r.address)).toEqual(['newcomer@example.jp']);
    expect(envelope.mailFrom && envelope.mailFrom.address).toBe('no-reply@shinrai.example.jp');
    expect(mail.from?.value[0]).toMatchObject({ address: 'no-reply@shinrai.example.jp', name: 'Shinrai' });
    const subject = mail.subject ?? '';
    expect(subject).toContain(ORG_NAME);
    expect(subject).toMatch(JAPANESE);
    expect(subject).toContain('招待');
    // Non-ASCII headers travel encoded (RFC 2047), not as raw 8-bit bytes.
    expect(String(mail.headerLines.find((h) => h.key === 'subject')?.line)).toMatch(/=\?UTF-8\?/i);

    const text = mail.text ?? '';
    expect(text).toContain(`組織「${ORG_NAME}」`);
    expect(text).toContain('メンバー');
    expect(text).toMatch(/日本時間/);
    const links = [...text.matchAll(/(https?:\/\/\S+)\/invite\/([\w-]+)/g)];
    expect(links.length).toBeGreaterThan(0);
    expect(new Set(links.map((l) => l[1]))).toEqual(new Set([PUBLIC_URL]));
    expect(new Set(links.map((l) => l[2])).size).toBe(1);
    const token = links[0]?.[2] ?? '';

    const guest = new Client(t.app);
    const offer = await guest.get(`/api/invitations/${token}`);
    expect(offer.statusCode).toBe(200);
    expect(json(offer)).toMatchObject({
      organization: { id: orgId, name: ORG_NAME },
      email: 'newcomer@example.jp',
      role: 'member',
      accountExists: false,
    });
    const accepted = await guest.post(`/api/invitations/${token}/accept`, {
      displayName: '新人 花子',
      password: 'a fresh long passphrase',
    });
    expect(accepted.statusCode).toBe(200);
    const me = json<{
      user: { email: string };
      memberships: { organization: { id: string }; role: string }[];
    }>(await guest.get('/api/me'));
    expect(me.user.email).toBe('newcomer@example.jp');
    expect(me.memberships).toEqual([
      expect.objectContaining({
        organization: expect.objectContaining({ id: orgId }) as unknown,
        role: 'member',
      }),
    ]);
    // The link is single-use.
    expect((await new Client(t.app).get(`/api/invitations/${token}`)).statusCode).toBe(410);
  });

  it('still records the invitation, and says so, when the SMTP server is down', async () => {
    await new Promise<void>((resolve) => smtp.close(resolve));
    const res = await owner.post(`/api/orgs/${orgId}/invitations`, {
      email: 'offline@example.jp',
      role: 'viewer',
    });
    expect(res.statusCode).toBe(201);
    expect(json(res)).toMatchObject({
      mailSent: false,
      mail: 'failed',
      invitation: { email: 'offline@example.jp', status: 'pending' },
    });
    // No mail went out, so the inviter gets the link to pass on; it works.
    const link = json<{ link: string }>(res).link;
    expect(link).toMatch(new RegExp(`^${PUBLIC_URL}/invite/[\\w-]+$`));
    const offer = await new Client(t.app).get(`/api/invitations/${link.split('/').pop() ?? ''}`);
    expect(json(offer)).toMatchObject({ email: 'offline@example.jp', role: 'viewer' });
    const list = json<{ items: { email: string }[] }>(await owner.get(`/api/orgs/${orgId}/invitations`));
    expect(list.items.map((i) => i.email)).toContain('offline@example.jp');
    expect(inbox).toHaveLength(1);
  });
});

describe('invitations without an SMTP server', () => {
  it('say that no mail was sent and hand the inviter a working link', async () => {
    const logged: unknown[] = [];
    const log = new Proxy({}, { get: () => (o: unknown) => void logged.push(o) }) as FastifyBaseLogger;
    const t = await makeApp('sqlite', {
      mailer: createMailer(undefined, 'Shinrai <no-reply@example.jp>', log),
      config: { publicUrl: PUBLIC_URL },
    });
    try {
      const { admin, orgId } = await setupInstance(t, ORG_NAME);
      const res = await admin.post(`/api/orgs/${orgId}/invitations`, {
        email: 'nomail@example.jp',
        role: 'member',
      });
      expect(res.statusCode).toBe(201);
      const body = json<{ mailSent: boolean; mail: string; link: string }>(res);
      expect(body).toMatchObject({ mailSent: false, mail: 'not_configured' });
      const token = body.link.split('/').pop() ?? '';
      expect(body.link).toBe(`${PUBLIC_URL}/invite/${token}`);
      const guest = new Client(t.app);
      expect(json(await guest.get(`/api/invitations/${token}`))).toMatchObject({
        email: 'nomail@example.jp',
      });
      const accepted = await guest.post(`/api/invitations/${token}/accept`, {
        displayName: '招待 太郎',
        password: 'a fresh long passphrase',
      });
      expect(accepted.statusCode).toBe(200);
      // The evaluation fallback stays: the mail is also in the server log.
      expect(JSON.stringify(logged)).toContain(token);
    } finally {
      await t.close();
    }
  });
});

describe('lockout notice through a real SMTP server', () => {
  const inbox: Received[] = [];
  let smtp: SMTPServer;
  let t: TestApp;
  const at = Date.parse('2030-04-01T00:00:00.000Z');

  beforeAll(async () => {
    let mailer: Mailer;
    ({ smtp, mailer } = await startSmtp(inbox));
    t = await makeApp('sqlite', {
      mailer,
      now: () => new Date(at),
      config: { loginRateLimitPerMinute: 1000 },
    });
    await setupInstance(t, ORG_NAME);
  });

  afterAll(async () => {
    await t.close();
    await new Promise<void>((resolve) => smtp.close(resolve));
  });

  it('tells the owner of the address when failed sign-ins lock the account, once, with the time it ends', async () => {
    for (let i = 0; i < 7; i++) {
      const res = await new Client(t.app).login(ADMIN.email, `wrong ${i}`);
      expect(res.statusCode).toBe(401);
    }
    expect(inbox).toHaveLength(1);
    const [{ envelope, mail }] = inbox as [Received];
    expect(envelope.rcptTo.map((r) => r.address)).toEqual([ADMIN.email]);
    expect(mail.subject).toContain('ロック');
    expect(mail.subject).toContain('locked');
    // 2030-04-01 00:15 UTC is 09:15 in Japan.
    expect(mail.text).toMatch(/9:15.*日本時間/);
    expect(mail.text).toMatch(/9:15 AM \(Japan time\)/);
    // An unknown address gets no mail, and the same answer.
    const none = await new Client(t.app).login('nobody@example.jp', 'wrong');
    expect(none.statusCode).toBe(401);
    expect(inbox).toHaveLength(1);
  });
});
