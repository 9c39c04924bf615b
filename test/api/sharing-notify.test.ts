import { DELIVERY_ATTEMPTS, JobWorker, sharingNotifyJobs } from '@shinrai/server';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, ADMIN, json, makeApp, setupInstance, type Client, type TestApp } from '../helpers/app.ts';
import { startSmtp, stopSmtp, type Received } from '../helpers/smtp.ts';

// Publication notifications: the audience of a published report (the module's visibility rule) gets an
// e-mail (real SMTP server) and a signed webhook (a real local HTTP receiver); nobody else does; nothing in
// them names the reporter or another member; a failing webhook is retried with backoff and its state shown.

interface Org {
  id: string;
  slug: string;
  name: string;
  email: string;
  user: Client;
}
interface Hook {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}
interface Delivery {
  channel: string;
  status: string;
  attempts: number;
  httpStatus: number | null;
  lastError: string | null;
  event: string;
  reportTitle: string;
}

const TEXT =
  '2026年11月5日、サンプル電機株式会社 経理部の山田太郎さん宛に請求書を装ったメールが届いた。' +
  '送信元は billing@sampledenki-invoice.com、C2 は 203.0.113.45。連絡先 yamada@sample-denki.example.jp。';
const TITLE = '請求書を装った標的型メール（社内向け）';
const PUBLISHED_TITLE = '請求書を装ったメールによる標的型攻撃';

describe('sharing notifications: e-mail and webhook to the audience only', () => {
  let t: TestApp;
  let smtp: SMTPServer;
  const inbox: Received[] = [];
  let receiver: Server;
  let port = 0;
  const hooks: Hook[] = [];
  /** Answers to give, per path, before answering 204. */
  const failFirst = new Map<string, number>();
  let clock = new Date('2026-12-02T09:00:00Z');
  let worker: JobWorker;
  let admin: Client;
  let A: Org; // reporter, in no sector group
  let H: Org; // hub
  let B: Org; // in the group, webhook works
  let F: Org; // in the group, named, webhook fails twice
  let C: Org; // member outside the group
  let D: Org; // not a member
  let groupId = '';
  const secrets = new Map<string, string>();

  /** Runs every due job until none is left (the clock decides what is due). */
  async function drain() {
    for (let i = 0; i < 20; i++) {
      await worker.tick();
      await worker.idle();
    }
  }
  async function orgOf(email: string, name: string, kind = 'enterprise'): Promise<Org> {
    const user = await addMember(t, admin, A.id, email, 'viewer');
    const me = json<{ user: { id: string } }>(await user.get('/api/me')).user.id;
    const org = json<{ organization: { id: string; slug: string } }>(
      await user.post('/api/orgs', { name, kind }),
    ).organization;
    expect((await admin.del(`/api/orgs/${A.id}/members/${me}`)).statusCode).toBe(204);
    return { id: org.id, slug: org.slug, name, email, user };
  }
  async function join(m: Org, named = false) {
    const rel = json<{ relationship: { id: string } }>(
      await H.user.post(`/api/orgs/${H.id}/relationships`, {
        counterpartSlug: m.slug,
        type: 'hub_member',
        side: 'from',
      }),
    ).relationship.id;
    expect((await m.user.post(`/api/orgs/${m.id}/relationships/${rel}/accept`)).statusCode).toBe(200);
    const nda = await m.user.post(`/api/orgs/${m.id}/sharing/hubs/${H.id}/nda`, {
      version: '2026-04',
      named,
    });
    expect(nda.statusCode).toBe(200);
  }
  async function setHook(m: Org, path: string) {
    // `.invalid` never resolves, so the address check at save time lets it through; at sending time the
    // test's resolver points it at the local receiver.
    const res = await m.user.req('PUT', `/api/orgs/${m.id}/sharing/notifications`, {
      webhookUrl: `http://hooks.invalid:${port}${path}`,
      emailEnabled: true,
    });
    expect(res.statusCode).toBe(200);
    const secret = json<{ webhookSecret: string }>(res).webhookSecret;
    expect(secret).toMatch(/^[\w-]{20,}$/);
    secrets.set(path, secret);
  }
  async function publish(tlp: string, groupIds: string[]) {
    const submitted = await admin.post(`/api/orgs/${A.id}/sharing/hubs/${H.id}/reports`, {
      title: TITLE,
      text: TEXT,
      lang: 'ja',
      attackType: 'targeted-attack',
      occurredOn: '2026-11-05',
      indicators: [],
    });
    expect(submitted.statusCode).toBe(201);
    const r = json<{
      report: {
        id: string;
        revision: number;
        redactions: { start: number; end: number; category: string }[];
      };
    }>(submitted).report;
    const reviewed = json<{ report: { revision: number } }>(
      await H.user.req('PUT', `/api/orgs/${H.id}/sharing/reports/${r.id}/review`, {
        revision: r.revision,
        publishedTitle: PUBLISHED_TITLE,
        redactions: r.redactions.map(({ start, end, category }) => ({ start, end, category })),
        indicators: [{ type: 'ipv4', value: '203.0.113.45' }],
      }),
    ).report;
    const approved = await admin.post(`/api/orgs/${A.id}/sharing/reports/${r.id}/decision`, {
      revision: reviewed.revision,
      approve: true,
    });
    expect(approved.statusCode).toBe(200);
    const pub = await H.user.post(`/api/orgs/${H.id}/sharing/reports/${r.id}/publish`, {
      revision: reviewed.revision,
      tlp,
      groupIds,
    });
    expect(pub.statusCode).toBe(200);
    return r.id;
  }
  const deliveries = async (m: Org) =>
    json<{ deliveries: Delivery[] }>(await m.user.get(`/api/orgs/${m.id}/sharing/notifications`)).deliveries;
  const mailsTo = (email: string) =>
    inbox.filter((r) => r.envelope.rcptTo.some((x) => x.address === email)).map((r) => r.mail);

  beforeAll(async () => {
    const started = await startSmtp(inbox);
    smtp = started.smtp;
    const mailer = started.mailer;
    t = await makeApp('sqlite', { now: () => clock });
    // Every mail goes through the real SMTP server; the invitation helper reads its copy in t.mails.
    t.deps.mailer = {
      send: async (m) => {
        t.mails.push(m);
        await mailer.send(m);
      },
    };
    receiver = createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (c: string) => (body += c));
      req.on('end', () => {
        const path = req.url ?? '';
        hooks.push({ path, headers: req.headers, body });
        const left = failFirst.get(path) ?? 0;
        if (left > 0) failFirst.set(path, left - 1);
        res.writeHead(left > 0 ? 500 : 204).end();
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    port = (receiver.address() as AddressInfo).port;
    worker = new JobWorker(
      t.deps,
      sharingNotifyJobs(t.deps, {
        resolve: async () => [{ address: '127.0.0.1', family: 4 }],
        allow: () => true,
      }),
    );
    let orgId: string;
    ({ admin, orgId } = await setupInstance(t, 'サンプル電機株式会社'));
    A = { id: orgId, slug: '', name: 'サンプル電機株式会社', email: ADMIN.email, user: admin };
    A.slug = json<{ organization: { slug: string } }>(
      await admin.get(`/api/orgs/${orgId}`),
    ).organization.slug;
    await addMember(t, admin, A.id, 'yamada@sample-denki.example.jp', 'member');
    H = await orgOf('hub@example.jp', '製造業情報共有ハブ', 'hub');
    B = await orgOf('b@example.jp', 'ベータ精機');
    F = await orgOf('f@example.jp', 'ファイ工業');
    C = await orgOf('c@example.jp', 'ガンマ化学');
    D = await orgOf('d@example.jp', 'デルタ物流');
    expect(
      (await H.user.req('PUT', `/api/orgs/${H.id}/sharing/hub`, { ndaVersion: '2026-04' })).statusCode,
    ).toBe(200);
    await join(A);
    await join(B);
    await join(F, true);
    await join(C);
    groupId = json<{ group: { id: string } }>(
      await H.user.post(`/api/orgs/${H.id}/sharing/groups`, { name: '製造業' }),
    ).group.id;
    await H.user.req('PUT', `/api/orgs/${H.id}/sharing/groups/${groupId}/members`, {
      memberOrgIds: [B.id, F.id],
    });
    await setHook(B, '/b');
    await setHook(F, '/f');
    await setHook(C, '/c');
    await setHook(D, '/d');
    inbox.length = 0;
  });
  afterAll(async () => {
    await worker.stop();
    await new Promise((r) => receiver.close(r));
    await stopSmtp(smtp);
    await t.close();
  });

  let reportId = '';
  it('sends exactly the audience one mail per owner and one signed webhook, and nobody else anything', async () => {
    failFirst.set('/f', 2);
    reportId = await publish('amber', [groupId]);
    // Nothing before the job runs: the publication only enqueued it.
    expect(inbox).toEqual([]);
    await drain();
    expect(inbox.flatMap((r) => r.envelope.rcptTo.map((x) => x.address)).sort()).toEqual([B.email, F.email]);
    expect(hooks.map((h) => h.path).sort()).toEqual(['/b', '/f']);
    const [mail] = mailsTo(B.email);
    expect(mail?.subject).toContain(PUBLISHED_TITLE);
    expect(mail?.subject).toContain('TLP:AMBER');
    for (const s of [PUBLISHED_TITLE, 'TLP:AMBER', '標的型攻撃', 'Targeted', H.name])
      expect(mail?.text ?? '', s).toContain(s);
    expect(mail?.text).toContain(`/orgs/${B.id}/sharing/feed/${reportId}`);
    const body = JSON.parse(hooks.find((h) => h.path === '/b')?.body ?? '{}') as Record<string, unknown>;
    expect(body).toMatchObject({
      event: 'sharing.report_published',
      report: { id: reportId, title: PUBLISHED_TITLE, tlp: 'amber', attackType: 'targeted-attack' },
    });
  });

  it('signs each webhook body with that webhook’s own secret', () => {
    for (const h of hooks) {
      const secret = secrets.get(h.path) ?? '';
      const want = Buffer.from(`sha256=${createHmac('sha256', secret).update(h.body).digest('hex')}`);
      const got = Buffer.from(String(h.headers['x-shinrai-signature']));
      expect(got.length === want.length && timingSafeEqual(got, want), h.path).toBe(true);
      const other = [...secrets.entries()].find(([p]) => p !== h.path)?.[1] ?? '';
      expect(String(h.headers['x-shinrai-signature'])).not.toBe(
        `sha256=${createHmac('sha256', other).update(h.body).digest('hex')}`,
      );
    }
  });

  it('names neither the reporter nor any other member, and carries no unpublished text', () => {
    const everything = [
      ...inbox.map((r) => `${r.mail.subject ?? ''}\n${r.mail.text ?? ''}\n${r.mail.html || ''}`),
      ...hooks.map((h) => `${h.body}\n${JSON.stringify(h.headers)}`),
    ];
    expect(everything.length).toBe(4);
    for (const text of everything)
      for (const s of [
        A.name,
        'サンプル電機',
        A.slug,
        A.id,
        'sample-denki',
        '山田',
        TITLE,
        C.name,
        C.slug,
        C.id,
        D.name,
      ])
        expect(text, s).not.toContain(s);
    // And no member is told of another: B's mail and webhook do not name F, nor F's name B.
    for (const [m, other] of [
      [B, F],
      [F, B],
    ] as const) {
      const own = [
        ...mailsTo(m.email).map((x) => `${x.subject ?? ''}${x.text ?? ''}`),
        ...hooks.filter((h) => h.path === `/${m.email[0]}`).map((h) => h.body),
      ].join('\n');
      for (const s of [other.name, other.slug, other.id, other.email]) expect(own, s).not.toContain(s);
    }
  });

  it('retries a failing webhook with backoff and shows its state to the member', async () => {
    const first = (await deliveries(F)).find((d) => d.channel === 'webhook');
    expect(first).toMatchObject({ status: 'retrying', attempts: 1, httpStatus: 500, lastError: 'http_500' });
    expect((await deliveries(F)).find((d) => d.channel === 'email')).toMatchObject({ status: 'delivered' });
    expect((await deliveries(B)).map((d) => [d.channel, d.status, d.reportTitle]).sort()).toEqual([
      ['email', 'delivered', PUBLISHED_TITLE],
      ['webhook', 'delivered', PUBLISHED_TITLE],
    ]);
    // Not due yet: the clock has not moved, so draining sends nothing.
    await drain();
    expect(hooks.filter((h) => h.path === '/f').length).toBe(1);
    clock = new Date(clock.getTime() + 3_000);
    await drain();
    expect(hooks.filter((h) => h.path === '/f').length).toBe(2);
    expect((await deliveries(F)).find((d) => d.channel === 'webhook')).toMatchObject({
      status: 'retrying',
      attempts: 2,
    });
    clock = new Date(clock.getTime() + 60_000);
    await drain();
    expect(hooks.filter((h) => h.path === '/f').length).toBe(3);
    expect((await deliveries(F)).find((d) => d.channel === 'webhook')).toMatchObject({
      status: 'delivered',
      attempts: 3,
      httpStatus: 204,
      lastError: null,
    });
    // Non-audience members see no delivery at all.
    expect(await deliveries(C)).toEqual([]);
    expect(await deliveries(D)).toEqual([]);
  });

  it('gives up after the last attempt and says so', async () => {
    failFirst.set('/b', 100);
    hooks.length = 0;
    await publish('green', [groupId]);
    await drain();
    for (let i = 0; i < DELIVERY_ATTEMPTS; i++) {
      clock = new Date(clock.getTime() + 11 * 60_000);
      await drain();
    }
    expect(hooks.filter((h) => h.path === '/b').length).toBe(DELIVERY_ATTEMPTS);
    const d = (await deliveries(B)).find((x) => x.channel === 'webhook');
    expect(d).toMatchObject({ status: 'failed', attempts: DELIVERY_ATTEMPTS, httpStatus: 500 });
    failFirst.set('/b', 0);
  });

  it('sends nothing for TLP:RED', async () => {
    inbox.length = 0;
    hooks.length = 0;
    await publish('red', []);
    await drain();
    expect(inbox).toEqual([]);
    expect(hooks).toEqual([]);
  });

  it('tells the reporter of sightings without naming the member unless it chose to be named', async () => {
    inbox.length = 0;
    const sight = await B.user.post(`/api/orgs/${B.id}/sharing/feed/${reportId}/comments`, {
      kind: 'sighting',
      text: 'ベータ精機でも同じ送信元から届いた',
    });
    expect(sight.statusCode).toBe(201);
    await drain();
    const anon = mailsTo(A.email);
    expect(anon.length).toBe(1);
    expect(anon[0]?.text).toContain('会員組織');
    for (const s of [B.name, B.slug, B.id, 'ベータ'])
      expect(`${anon[0]?.subject}${anon[0]?.text}`).not.toContain(s);
    inbox.length = 0;
    await F.user.post(`/api/orgs/${F.id}/sharing/feed/${reportId}/comments`, {
      kind: 'comment',
      text: '注意喚起済み',
    });
    await drain();
    const named = mailsTo(A.email);
    expect(named.length).toBe(1);
    expect(named[0]?.text).toContain(F.name);
    expect(named[0]?.text).not.toContain('注意喚起済み');
    // Only the reporter hears of it.
    expect(inbox.flatMap((r) => r.envelope.rcptTo.map((x) => x.address))).toEqual([A.email]);
  });

  it('sends to the member’s notification address instead of its owners when one is set', async () => {
    const set = await B.user.req('PUT', `/api/orgs/${B.id}/sharing/notifications`, {
      webhookUrl: null,
      emailEnabled: true,
      emailTo: 'soc@beta.example.jp',
    });
    expect(json<{ emailTo: string }>(set).emailTo).toBe('soc@beta.example.jp');
    inbox.length = 0;
    await publish('clear', [groupId]);
    await drain();
    expect(inbox.flatMap((r) => r.envelope.rcptTo.map((x) => x.address)).sort()).toEqual([
      F.email,
      'soc@beta.example.jp',
    ]);
    const bad = await B.user.req('PUT', `/api/orgs/${B.id}/sharing/notifications`, {
      webhookUrl: null,
      emailEnabled: true,
      emailTo: 'not an address',
    });
    expect(bad.statusCode).toBe(400);
    expect(json<{ error: { details: { pointer: string }[] } }>(bad).error.details[0]?.pointer).toBe(
      '/emailTo',
    );
  });

  it('refuses a webhook URL that reaches an internal address', async () => {
    const res = await B.user.req('PUT', `/api/orgs/${B.id}/sharing/notifications`, {
      webhookUrl: 'http://127.0.0.1:9/x',
      emailEnabled: true,
    });
    expect(res.statusCode).toBe(400);
    expect(
      json<{ error: { details: { pointer: string; code: string }[] } }>(res).error.details[0],
    ).toMatchObject({
      pointer: '/webhookUrl',
      code: 'private_address',
    });
  });
});
