import { linkTokenHash } from '@shinrai/core/supplychain';
import { JobWorker, SERVER_MODULES, createMailer, type Mailer } from '@shinrai/server';
import { insertSupplier, kyselyRespondQueries, type SupplierRow } from '@shinrai/store';
import type { FastifyBaseLogger, FastifyInstance, LightMyRequestResponse } from 'fastify';
import { simpleParser, type ParsedMail } from 'mailparser';
import { createHash, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, Client, json, makeApp, setupInstance, type TestApp } from '../helpers/app.ts';
import { multipart } from '../helpers/multipart.ts';
import { supplierRow } from '../helpers/supplier-row.ts';

/*
 * Questionnaire campaigns end to end through the API, on the dialect of the API suites (SQLite, or
 * PostgreSQL with SHINRAI_TEST_API_DIALECT=postgres): a real SMTP server receives every mail; the
 * respondent has no account and works with the link from the mail, then the session cookie it starts.
 */

const PUBLIC_URL = 'https://shinrai.example.jp';
const silentLog = new Proxy({}, { get: () => () => undefined }) as FastifyBaseLogger;
const LINK = /\/respond\/#(r1_[A-Za-z0-9_-]+)/;

interface Received {
  to: string[];
  mail: ParsedMail;
}

async function startSmtp(inbox: Received[]) {
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, done) {
      if (address.address.startsWith('bounce@')) {
        const err = new Error('5.1.1 mailbox unavailable') as Error & { responseCode: number };
        err.responseCode = 550;
        done(err);
      } else done();
    },
    onData(stream, session, done) {
      simpleParser(stream)
        .then((mail) => {
          inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), mail });
          done();
        })
        .catch((err: Error) => done(err));
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const { port } = smtp.server.address() as AddressInfo;
  return {
    smtp,
    mailer: createMailer(`smtp://127.0.0.1:${port}`, 'Shinrai <no-reply@shinrai.example.jp>', silentLog),
  };
}

/** A respondent's browser: no account, the respondent cookie and its CSRF token. */
class Respondent {
  cookie: string | undefined;
  csrf: string | undefined;
  lang: 'ja' | 'en' = 'ja';
  constructor(readonly app: FastifyInstance) {}

  async req(
    method: string,
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> {
    const h: Record<string, string> = { 'accept-language': this.lang };
    if (this.cookie) h.cookie = this.cookie;
    if (this.csrf && method !== 'GET') h['x-csrf-token'] = this.csrf;
    const res = await this.app.inject({
      method: method as 'GET',
      url,
      headers: { ...h, ...headers },
      ...(body === undefined ? {} : { payload: body as object }),
    });
    const set = res.headers['set-cookie'];
    for (const c of Array.isArray(set) ? set : set ? [set] : []) {
      const [pair] = c.split(';');
      if (pair?.startsWith('shinrai_respond=')) this.cookie = pair;
    }
    const csrf = res.headers['x-respond-csrf'];
    if (typeof csrf === 'string') this.csrf = csrf;
    return res;
  }
  open = (token: string) => this.req('POST', '/api/respond/open', { token });
  view = async () => json<Questionnaire>(await this.req('GET', '/api/respond/questionnaire'));
  answer = (
    ref: string,
    value: unknown,
    followUp = { reason: null as string | null, plannedDate: null as string | null },
  ) => this.req('PUT', `/api/respond/answers/${encodeURIComponent(ref)}`, { value, followUp });
}

interface Questionnaire {
  buyer: string;
  supplier: string;
  scope: string;
  status: string;
  canSubmit: boolean;
  items: {
    ref: string;
    kind: string;
    state: string;
    editable: boolean;
    followUpNeeded: boolean;
    evidence: { sha256: string }[];
    returnNote: string | null;
  }[];
}

const code = (res: LightMyRequestResponse) =>
  (JSON.parse(res.body) as { error?: { code: string } }).error?.code;
const message = (res: LightMyRequestResponse) =>
  (JSON.parse(res.body) as { error: { message: string } }).error.message;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

describe('questionnaire campaigns answered without an account', () => {
  const inbox: Received[] = [];
  let smtp: SMTPServer;
  let t: TestApp;
  let buyer: Client;
  let orgId: string;
  let now = new Date('2027-04-05T01:00:00Z'); // Monday
  let catalogId: string;
  let worker: JobWorker;
  const suppliers = { a: '', b: '', none: '' };

  const deliver = async () => {
    await worker.tick();
    await worker.idle();
  };
  const linkIn = (to: string, subject?: RegExp): string => {
    const m = [...inbox]
      .reverse()
      .find((r) => r.to.includes(to) && (!subject || subject.test(r.mail.subject ?? '')));
    const found = m && LINK.exec(m.mail.text ?? '');
    if (!found) throw new Error(`no link mailed to ${to}`);
    return found[1]!;
  };

  async function addSupplier(name: string, contacts: { name: string; email: string }[]): Promise<string> {
    const id = randomUUID();
    const at = now.toISOString();
    const row: SupplierRow = supplierRow(orgId, at, { id, name, criticality: 'high' });
    await insertSupplier(t.deps.store.db, row);
    for (const [i, c] of contacts.entries())
      await t.deps.store.db
        .insertInto('supplier_contacts')
        .values({
          id: randomUUID(),
          supplier_id: id,
          org_id: orgId,
          name: c.name,
          email: c.email,
          role: '',
          is_primary: i === 0 ? 1 : 0,
          created_at: at,
        })
        .execute();
    return id;
  }

  beforeAll(async () => {
    let mailer: Mailer;
    ({ smtp, mailer } = await startSmtp(inbox));
    t = await makeApp('sqlite', { mailer, now: () => now, config: { publicUrl: PUBLIC_URL } });
    ({ admin: buyer, orgId } = await setupInstance(t, '信頼精機株式会社'));
    catalogId = json<{ items: { id: string; urn: string }[] }>(
      await buyer.get(`/api/orgs/${orgId}/catalogs`),
    ).items.find((c) => c.urn === 'urn:shinrai:catalog:ipa-sme-self-check')!.id;
    suppliers.a = await addSupplier('株式会社あおば部品', [
      { name: '青葉 一郎', email: 'ichiro@aoba.example.jp' },
    ]);
    suppliers.b = await addSupplier('北斗システム株式会社', [
      { name: '北斗 花子', email: 'hanako@hokuto.example.jp' },
      { name: '不達', email: 'bounce@hokuto.example.jp' },
    ]);
    suppliers.none = await addSupplier('連絡先なし商事', []);
    const jobs = SERVER_MODULES.find((m) => m.name === 'supplychain')!.jobs!(t.deps);
    worker = new JobWorker(t.deps, jobs);
  });

  afterAll(async () => {
    await t.close();
    await new Promise<void>((resolve) => smtp.close(resolve));
  });

  const campaign = (over: Record<string, unknown> = {}) => ({
    title: '2027年度 取引先セキュリティ確認',
    catalogId,
    deadline: '2027-05-06',
    supplierIds: [suppliers.a, suppliers.b],
    ...over,
  });

  it('checks before sending what would stop a respondent, each with its own code', async () => {
    const res = await buyer.post(
      `/api/orgs/${orgId}/supplychain/campaigns/check`,
      campaign({ supplierIds: [suppliers.a, suppliers.none], deadline: '2027-04-01' }),
    );
    expect(res.statusCode).toBe(200);
    const body = json<{ ok: boolean; checks: { code: string; supplierId?: string }[] }>(res);
    expect(body.ok).toBe(false);
    expect(body.checks.map((c) => c.code).sort()).toEqual(['deadline_past', 'supplier_no_contact']);
    expect(body.checks.find((c) => c.code === 'supplier_no_contact')?.supplierId).toBe(suppliers.none);
    const short = json<{ checks: { code: string }[] }>(
      await buyer.post(`/api/orgs/${orgId}/supplychain/campaigns/check`, campaign({ linkDays: 7 })),
    );
    expect(short.checks.map((c) => c.code)).toEqual(['links_expire_before_deadline']);
    const refused = await buyer.post(
      `/api/orgs/${orgId}/supplychain/campaigns`,
      campaign({ supplierIds: [suppliers.none] }),
    );
    expect(refused.statusCode).toBe(409);
    expect(code(refused)).toBe('campaign_not_ready');
    expect(
      json<{ campaigns?: unknown }>(await buyer.get(`/api/orgs/${orgId}/supplychain/campaigns`)),
    ).toEqual({ items: [] });
  });

  it('refuses to send without mail configured (pre-send check)', async () => {
    const saved = t.deps.mailer;
    t.deps.mailer = { configured: false, send: async () => undefined };
    try {
      const res = json<{ checks: { code: string }[] }>(
        await buyer.post(`/api/orgs/${orgId}/supplychain/campaigns/check`, campaign()),
      );
      expect(res.checks.map((c) => c.code)).toEqual(['mail_not_configured']);
    } finally {
      t.deps.mailer = saved;
    }
  });

  let campaignId: string;
  let tokenA: string;

  it('sends: one mail per contact through SMTP, each with its own link of which only the hash is stored; a refused address shows its SMTP error', async () => {
    const res = await buyer.post(`/api/orgs/${orgId}/supplychain/campaigns`, campaign());
    expect(res.statusCode).toBe(201);
    const sent = json<{ id: string; requests: number; mails: number }>(res);
    expect(sent).toMatchObject({ requests: 2, mails: 3 });
    campaignId = sent.id;
    const queued = json<{ items: { state: string }[] }>(
      await buyer.get(`/api/orgs/${orgId}/supplychain/outbox?campaignId=${campaignId}`),
    );
    expect(queued.items.map((m) => m.state)).toEqual(['queued', 'queued', 'queued']);
    expect(inbox).toHaveLength(0);
    await deliver();
    expect(inbox.map((r) => r.to[0]).sort()).toEqual(['hanako@hokuto.example.jp', 'ichiro@aoba.example.jp']);
    const mailA = inbox.find((r) => r.to.includes('ichiro@aoba.example.jp'))!.mail;
    expect(mailA.subject).toContain('信頼精機株式会社');
    expect(mailA.text).toContain('2027-05-06');
    tokenA = linkIn('ichiro@aoba.example.jp');
    expect(mailA.text).toContain(`${PUBLIC_URL}/respond/#${tokenA}`);
    const outbox = json<{ items: { id: string; to: string; state: string; error: string | null }[] }>(
      await buyer.get(`/api/orgs/${orgId}/supplychain/outbox?campaignId=${campaignId}`),
    );
    const bounced = outbox.items.find((m) => m.to === 'bounce@hokuto.example.jp')!;
    expect(bounced.state).toBe('failed');
    expect(bounced.error).toContain('mailbox unavailable');
    expect(outbox.items.filter((m) => m.state === 'sent')).toHaveLength(2);
    // only hashes: no column of any link row holds the token
    const links = await t.deps.store.db.selectFrom('respond_links').selectAll().execute();
    expect(links.some((l) => l.token_hash === linkTokenHash(tokenA))).toBe(true);
    expect(JSON.stringify(links)).not.toContain(tokenA.slice(3));
    // resend the failed one: it fails again with the same SMTP words, attempts counted
    const resend = await buyer.post(`/api/orgs/${orgId}/supplychain/outbox/${bounced.id}/resend`);
    expect(resend.statusCode).toBe(202);
    await deliver();
    const again = json<{ items: { id: string; state: string; attempts: number }[] }>(
      await buyer.get(`/api/orgs/${orgId}/supplychain/outbox`),
    ).items.find((m) => m.id === bounced.id)!;
    expect(again).toMatchObject({ state: 'failed', attempts: 2 });
  });

  it('sends again a mail a stopped worker left taken for delivery once it is stale, not while it is fresh', async () => {
    const db = t.deps.store.db;
    const all = json<{ items: { id: string; to: string; state: string }[] }>(
      await buyer.get(`/api/orgs/${orgId}/supplychain/outbox?campaignId=${campaignId}`),
    ).items;
    const sentTo = (to: string) => all.find((m) => m.to === to && m.state === 'sent')!;
    const stale = sentTo('hanako@hokuto.example.jp');
    const fresh = sentTo('ichiro@aoba.example.jp');
    const taken = (id: string, at: Date) =>
      db
        .updateTable('outbox_mails')
        .set({ state: 'sending', updated_at: at.toISOString() })
        .where('id', '=', id)
        .execute();
    await taken(stale.id, new Date(now.getTime() - 60 * 60_000));
    await taken(fresh.id, now);
    const mailsTo = (to: string) => inbox.filter((r) => r.to.includes(to)).length;
    const before = { hanako: mailsTo('hanako@hokuto.example.jp'), ichiro: mailsTo('ichiro@aoba.example.jp') };
    // Any run of the outbox job picks it up: here the one a resend starts.
    const bounced = all.find((m) => m.to === 'bounce@hokuto.example.jp')!;
    expect((await buyer.post(`/api/orgs/${orgId}/supplychain/outbox/${bounced.id}/resend`)).statusCode).toBe(
      202,
    );
    await deliver();
    expect(mailsTo('hanako@hokuto.example.jp')).toBe(before.hanako + 1);
    expect(mailsTo('ichiro@aoba.example.jp')).toBe(before.ichiro);
    const state = async (id: string) =>
      (await db.selectFrom('outbox_mails').select('state').where('id', '=', id).executeTakeFirstOrThrow())
        .state;
    expect(await state(stale.id)).toBe('sent');
    expect(await state(fresh.id)).toBe('sending');
    await db.updateTable('outbox_mails').set({ state: 'sent' }).where('id', '=', fresh.id).execute();
  });

  it('refuses malformed, tampered, guessed, reused and expired links with distinct messages in ja and en', async () => {
    const r = new Respondent(t.app);
    const flipped = tokenA.slice(0, 12) + (tokenA[12] === 'x' ? 'y' : 'x') + tokenA.slice(13);
    const guessed = 'r1_' + 'A'.repeat(32);
    const cases: [string, number, string][] = [
      [tokenA.slice(0, 25), 400, 'respond_link_malformed'],
      [flipped, 400, 'respond_link_tampered'],
    ];
    for (const [token, status, c] of cases) {
      const res = await r.open(token);
      expect([res.statusCode, code(res)]).toEqual([status, c]);
    }
    // a well-formed token with a valid check that was never issued
    const { newLinkToken } = await import('@shinrai/core/supplychain');
    const never = await r.open(newLinkToken());
    expect([never.statusCode, code(never)]).toEqual([404, 'respond_link_unknown']);
    expect(guessed).toHaveLength(35);
    const messages = new Set<string>();
    for (const lang of ['ja', 'en'] as const) {
      const x = new Respondent(t.app);
      x.lang = lang;
      for (const token of [tokenA.slice(0, 25), flipped, newLinkToken()])
        messages.add(message(await x.open(token)));
    }
    expect(messages.size).toBe(6);
    expect(r.cookie).toBeUndefined();
  });

  const a = new Respondent({} as FastifyInstance);
  it('opens once: the browser that opened it keeps a session to come back to; the link itself is then used', async () => {
    Object.assign(a, { app: t.app });
    const res = await a.open(tokenA);
    expect(res.statusCode).toBe(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/api/respond');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    const reuse = await new Respondent(t.app).open(tokenA);
    expect([reuse.statusCode, code(reuse)]).toEqual([409, 'respond_link_used']);
    const q = await a.view();
    expect(q).toMatchObject({
      buyer: '信頼精機株式会社',
      supplier: '株式会社あおば部品',
      scope: 'questionnaire',
      status: 'opened',
    });
    expect(q.items).toHaveLength(25);
    expect(q.items[0]).toMatchObject({ kind: 'single', editable: true, state: 'open' });
  });

  it("finds the respondent's session, link, request and campaign in one prepared statement, as the Kysely functions do", async () => {
    const secret = a.cookie!.slice('shinrai_respond='.length);
    const hash = createHash('sha256').update(secret).digest('hex');
    const prepared = await t.deps.store.respond.respondent(hash);
    expect(prepared?.request.supplier_name).toBe('株式会社あおば部品');
    expect(prepared).toEqual(await kyselyRespondQueries(t.deps.store.db).respondent(hash));
    expect(await t.deps.store.respond.respondent('0'.repeat(64))).toBeUndefined();
  });

  it('saves answers (CSRF token required), asks for a follow-up on "no", forwards one item to a colleague with a link of their own', async () => {
    const noCsrf = await a.req(
      'PUT',
      '/api/respond/answers/1',
      { value: { kind: 'choice', value: 'yes' }, followUp: { reason: null, plannedDate: null } },
      { 'x-csrf-token': 'wrong' },
    );
    expect(code(noCsrf)).toBe('csrf_failed');
    for (let i = 1; i <= 25; i++)
      if (i !== 7)
        expect(
          (await a.answer(String(i), { kind: 'choice', value: i === 3 ? 'no' : 'yes' })).statusCode,
        ).toBe(204);
    const bad = await a.answer('2', { kind: 'choice', value: 'maybe' });
    expect([bad.statusCode, code(bad)]).toEqual([400, 'validation_failed']);
    expect((await a.view()).items.find((i) => i.ref === '3')?.followUpNeeded).toBe(true);

    const fwd = await a.req('POST', '/api/respond/forward', {
      email: 'Jiro@Aoba.example.jp',
      name: '青葉 次郎',
      ref: '7',
    });
    expect(fwd.statusCode).toBe(202);
    await deliver();
    const colleague = new Respondent(t.app);
    expect((await colleague.open(linkIn('jiro@aoba.example.jp'))).statusCode).toBe(200);
    const theirs = await colleague.view();
    expect(theirs.scope).toBe('item');
    expect(theirs.items.map((i) => i.ref)).toEqual(['7']);
    expect(theirs.canSubmit).toBe(false);
    expect(code(await colleague.answer('8', { kind: 'choice', value: 'no' }))).toBe('respond_item_not_yours');
    expect((await colleague.answer('7', { kind: 'choice', value: 'partial' })).statusCode).toBe(204);
    const upload = multipart({ name: 'policy.pdf', data: PDF, type: 'application/pdf' }, { ref: '7' });
    const up = await colleague.req('POST', '/api/respond/evidence', upload.payload, upload.headers);
    expect(up.statusCode).toBe(201);
    const exe = multipart(
      { name: 'tool.exe', data: Buffer.from('MZ....'), type: 'application/octet-stream' },
      { ref: '7' },
    );
    expect(code(await colleague.req('POST', '/api/respond/evidence', exe.payload, exe.headers))).toBe(
      'evidence_refused',
    );
    const audit = await t.deps.store.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('action', '=', 'respond.forward')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).toContain('jiro@aoba.example.jp');
  });

  it('refuses an incomplete submission with the located items, then submits', async () => {
    const res = await a.req('POST', '/api/respond/submit');
    expect([res.statusCode, code(res)]).toEqual([422, 'respond_incomplete']);
    expect((JSON.parse(res.body) as { error: { details: unknown } }).error.details).toEqual([
      { in: 'body', pointer: '/items/3', message: 'follow_up_missing' },
    ]);
    expect(
      (
        await a.answer(
          '3',
          { kind: 'choice', value: 'no' },
          { reason: '来期に導入予定', plannedDate: '2027-09-30' },
        )
      ).statusCode,
    ).toBe(204);
    expect((await a.req('POST', '/api/respond/submit')).statusCode).toBe(204);
    const q = await a.view();
    expect(q.status).toBe('submitted');
    expect(q.items.every((i) => !i.editable)).toBe(true);
    expect(code(await a.answer('1', { kind: 'choice', value: 'no' }))).toBe('respond_item_locked');
  });

  it('lets the buyer send one item back, the supplier answer it, and the buyer accept (locked; status known for coverage)', async () => {
    const detail = json<{ requests: { id: string; supplierId: string; status: string }[] }>(
      await buyer.get(`/api/orgs/${orgId}/supplychain/campaigns/${campaignId}`),
    );
    const reqA = detail.requests.find((r) => r.supplierId === suppliers.a)!;
    expect(reqA.status).toBe('submitted');
    const review = json<{
      items: {
        ref: string;
        value: unknown;
        followUp: { reason: string | null };
        evidence: { sha256: string }[];
      }[];
    }>(await buyer.get(`/api/orgs/${orgId}/supplychain/requests/${reqA.id}`));
    expect(review.items.find((i) => i.ref === '3')).toMatchObject({
      value: { kind: 'choice', value: 'no' },
      followUp: { reason: '来期に導入予定' },
    });
    const file = review.items.find((i) => i.ref === '7')!.evidence[0]!;
    expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);
    const download = await buyer.get(`/api/orgs/${orgId}/supplychain/files/${(file as { id?: string }).id}`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(PDF)).toBe(true);
    expect(download.headers['x-content-sha256']).toBe(file.sha256);

    expect(
      (
        await buyer.post(`/api/orgs/${orgId}/supplychain/requests/${reqA.id}/items/3/return`, {
          note: '導入予定の製品名を教えてください',
        })
      ).statusCode,
    ).toBe(204);
    expect(code(await buyer.post(`/api/orgs/${orgId}/supplychain/requests/${reqA.id}/accept`))).toBe(
      'campaign_state',
    );
    await deliver();
    expect(inbox.at(-1)?.mail.subject).toContain('確認のお願い');
    const q = await a.view();
    expect(q.items.find((i) => i.ref === '3')).toMatchObject({
      state: 'returned',
      editable: true,
      returnNote: '導入予定の製品名を教えてください',
    });
    expect(q.items.find((i) => i.ref === '1')?.editable).toBe(false);
    expect((await a.answer('3', { kind: 'choice', value: 'partial' })).statusCode).toBe(204);
    expect((await a.req('POST', '/api/respond/submit')).statusCode).toBe(204);

    const { knownSupplierStatus } =
      await import('../../packages/server/src/modules/supplychain/campaigns/coverage.ts');
    expect((await knownSupplierStatus(t.deps.store.db, orgId, now)).has(suppliers.a)).toBe(false);
    const coverage = async () =>
      json<{ overall: { total: number; known: number } }>(
        await buyer.get(`/api/orgs/${orgId}/suppliers/coverage`),
      ).overall;
    expect(await coverage()).toMatchObject({ total: 3, known: 0 });
    expect((await buyer.post(`/api/orgs/${orgId}/supplychain/requests/${reqA.id}/accept`)).statusCode).toBe(
      204,
    );
    expect(await coverage()).toMatchObject({ total: 3, known: 1 });
    const known = await knownSupplierStatus(t.deps.store.db, orgId, now);
    expect([...known.keys()]).toEqual([suppliers.a]);
    expect(known.get(suppliers.a)?.assessmentId).toBeTruthy();
    // a year and a day later it is no longer known
    expect((await knownSupplierStatus(t.deps.store.db, orgId, new Date('2028-04-06T01:00:00Z'))).size).toBe(
      0,
    );
    expect((await a.view()).items.every((i) => i.state === 'accepted' && !i.editable)).toBe(true);
    const reopen = await a.answer('3', { kind: 'choice', value: 'yes' });
    expect(code(reopen)).toBe('respond_item_locked');
  });

  it('keeps tenants apart: another organization sees none of it; a respondent reaches no buyer route', async () => {
    const other = new Client(t.app);
    await other.login(ADMIN.email, ADMIN.password);
    const created = json<{ organization: { id: string } }>(
      await other.post('/api/orgs', { name: '別会社', kind: 'enterprise' }),
    );
    const otherOrg = created.organization.id;
    const detail = json<{ requests: { id: string }[] }>(
      await buyer.get(`/api/orgs/${orgId}/supplychain/campaigns/${campaignId}`),
    );
    expect((await other.get(`/api/orgs/${otherOrg}/supplychain/campaigns/${campaignId}`)).statusCode).toBe(
      404,
    );
    expect(
      (await other.get(`/api/orgs/${otherOrg}/supplychain/requests/${detail.requests[0]!.id}`)).statusCode,
    ).toBe(404);
    expect(json(await other.get(`/api/orgs/${otherOrg}/supplychain/outbox`))).toEqual({ items: [] });
    expect((await a.req('GET', `/api/orgs/${orgId}/supplychain/campaigns`)).statusCode).toBe(401);
    const none = new Respondent(t.app);
    expect(code(await none.req('GET', '/api/respond/questionnaire'))).toBe('respond_session_missing');
  });

  it('copies a fresh link from the outbox (shown once), and expired links offer a new one by mail to the same address', async () => {
    const outbox = json<{ items: { id: string; to: string; kind: string }[] }>(
      await buyer.get(`/api/orgs/${orgId}/supplychain/outbox?campaignId=${campaignId}`),
    );
    const toHanako = outbox.items.find((m) => m.to === 'hanako@hokuto.example.jp' && m.kind === 'invite')!;
    const oldToken = linkIn('hanako@hokuto.example.jp');
    const copied = await buyer.post(`/api/orgs/${orgId}/supplychain/outbox/${toHanako.id}/link`);
    expect(copied.statusCode).toBe(201);
    const url = json<{ url: string }>(copied).url;
    expect(url).toMatch(new RegExp(`^${PUBLIC_URL}/respond/#r1_`));
    // the mailed link, never opened, was withdrawn in favour of the copied one
    const old = await new Respondent(t.app).open(oldToken);
    expect(code(old)).toBe('respond_link_revoked');
    const copiedToken = LINK.exec(url)![1]!;
    now = new Date('2027-06-10T01:00:00Z');
    const expired = await new Respondent(t.app).open(copiedToken);
    expect([expired.statusCode, code(expired)]).toEqual([410, 'respond_link_expired']);
    const before = inbox.length;
    expect(
      (await new Respondent(t.app).req('POST', '/api/respond/relink', { token: copiedToken })).statusCode,
    ).toBe(202);
    await deliver();
    expect(inbox.length).toBe(before + 1);
    expect(inbox.at(-1)?.to).toEqual(['hanako@hokuto.example.jp']);
    now = new Date('2027-04-05T01:00:00Z');
  });
});

describe('reminders and escalation (daily job)', () => {
  it('reminds 7/3/1 working days before the deadline around Golden Week, then tells the owner once', async () => {
    const inbox: Received[] = [];
    const { smtp, mailer } = await startSmtp(inbox);
    let now = new Date('2027-04-19T01:00:00Z');
    const t = await makeApp('sqlite', { mailer, now: () => now, config: { publicUrl: PUBLIC_URL } });
    try {
      const { admin, orgId } = await setupInstance(t, '督促テスト株式会社');
      const catalogId = json<{ items: { id: string; urn: string }[] }>(
        await admin.get(`/api/orgs/${orgId}/catalogs`),
      ).items.find((c) => c.urn === 'urn:shinrai:catalog:ipa-sme-self-check')!.id;
      const id = randomUUID();
      const at = now.toISOString();
      await insertSupplier(t.deps.store.db, {
        id,
        org_id: orgId,
        corporate_number: null,
        name: '遅延部品株式会社',
        name_kana: null,
        supplies: '[]',
        criticality: 'high',
        contract_start: null,
        contract_end: null,
        star_required: null,
        star_held: null,
        linked_org_id: null,
        tier: 1,
        parent_supplier_id: null,
        notes: '',
        created_by: null,
        created_at: at,
        updated_at: at,
      });
      await t.deps.store.db
        .insertInto('supplier_contacts')
        .values({
          id: randomUUID(),
          supplier_id: id,
          org_id: orgId,
          name: '担当',
          email: 'late@example.jp',
          role: '',
          is_primary: 1,
          created_at: at,
        })
        .execute();
      const jobs = SERVER_MODULES.find((m) => m.name === 'supplychain')!.jobs!(t.deps);
      const worker = new JobWorker(t.deps, jobs);
      expect(
        (
          await admin.post(`/api/orgs/${orgId}/supplychain/campaigns`, {
            title: 'GW前の確認',
            catalogId,
            deadline: '2027-05-06',
            supplierIds: [id],
          })
        ).statusCode,
      ).toBe(201);
      await worker.tick();
      await worker.idle();
      expect(inbox).toHaveLength(1);
      const run = async (jstDay: string) => {
        now = new Date(`${jstDay}T03:00:00+09:00`);
        await jobs['supplychain.reminders']!({ progress: async () => undefined } as never);
      };
      const reminders = () =>
        inbox.filter((r) => (r.mail.subject ?? '').includes('リマインド')).map((r) => r.mail.text ?? '');
      for (const day of ['2027-04-26', '2027-04-27']) await run(day);
      expect(reminders()).toHaveLength(0);
      await run('2027-04-28'); // 7 days before is 29 Apr (昭和の日): moved to the 28th
      expect(reminders()).toHaveLength(1);
      expect(reminders()[0]).toContain('あと 7 日');
      expect(reminders()[0]).toMatch(LINK);
      await run('2027-04-29');
      expect(reminders()).toHaveLength(1);
      await run('2027-04-30'); // 3 and 1 days before (3 and 5 May) both fall back to Fri 30 Apr: one reminder
      expect(reminders()).toHaveLength(2);
      for (const day of ['2027-05-01', '2027-05-03', '2027-05-05', '2027-05-06']) await run(day);
      expect(reminders()).toHaveLength(2);
      const escalations = () => inbox.filter((r) => r.to.includes(ADMIN.email));
      expect(escalations()).toHaveLength(0);
      await run('2027-05-07'); // first working day after the deadline
      expect(escalations()).toHaveLength(1);
      expect(escalations()[0]!.mail.text).toContain('遅延部品株式会社');
      await run('2027-05-10');
      expect(escalations()).toHaveLength(1);
    } finally {
      await t.close();
      await new Promise<void>((resolve) => smtp.close(resolve));
    }
  });
});
