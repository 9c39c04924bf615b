import { JobWorker, SERVER_MODULES } from '@shinrai/server';
import { insertSupplier } from '@shinrai/store';
import type { LightMyRequestResponse } from 'fastify';
import { randomUUID } from 'node:crypto';
import type { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../helpers/app.ts';
import { json, makeApp, setupInstance, type TestApp } from '../helpers/app.ts';
import { startSmtp, stopSmtp, type Received } from '../helpers/smtp.ts';
import { supplierRow } from '../helpers/supplier-row.ts';

/*
 * The language of a campaign's mails to respondents (who have no account to hold a preference), through
 * the API on the dialect of the API suites, with a real SMTP server: Japanese then English by default,
 * Japanese only, or English only, for every mail of the campaign to a respondent (invitation, forward to a
 * colleague, send-back for clarification, reminder).
 */

const LINK = /\/respond\/#(r1_[A-Za-z0-9_-]+)/;
/** Words only the Japanese part of a mail has, and only the English part. */
const JA = ['様', 'ご回答', '有効期限', 'このリンク', '【Shinrai】'];
const EN = ['Dear', 'Hello,', 'deadline', 'Valid until', 'questionnaire', '[Shinrai]'];

const hasAny = (s: string, words: string[]) => words.filter((w) => s.includes(w));

/** A respondent's browser: no account, the respondent cookie and its CSRF token. */
class Respondent {
  cookie: string | undefined;
  csrf: string | undefined;
  constructor(readonly t: TestApp) {}
  async req(method: string, url: string, body?: unknown): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = {};
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrf && method !== 'GET') headers['x-csrf-token'] = this.csrf;
    const res = await this.t.app.inject({
      method: method as 'GET',
      url,
      headers,
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
}

describe('a campaign mails its respondents in the language the buyer chose', () => {
  const inbox: Received[] = [];
  let smtp: SMTPServer;
  let t: TestApp;
  let buyer: Client;
  let orgId: string;
  let catalogId: string;
  let worker: JobWorker;
  let jobs: ReturnType<NonNullable<(typeof SERVER_MODULES)[number]['jobs']>>;
  let now = new Date('2027-04-05T01:00:00Z');

  const deliver = async () => {
    await worker.tick();
    await worker.idle();
  };
  const mailsTo = (to: string) => inbox.filter((r) => r.envelope.rcptTo.some((a) => a.address === to));
  const last = (to: string) => {
    const m = mailsTo(to).at(-1);
    if (!m) throw new Error(`no mail to ${to}`);
    return { subject: m.mail.subject ?? '', text: m.mail.text ?? '' };
  };

  async function addSupplier(name: string, email: string): Promise<string> {
    const id = randomUUID();
    const at = now.toISOString();
    await insertSupplier(t.deps.store.db, supplierRow(orgId, at, { id, name, criticality: 'high' }));
    await t.deps.store.db
      .insertInto('supplier_contacts')
      .values({
        id: randomUUID(),
        supplier_id: id,
        org_id: orgId,
        name: '担当 一郎',
        email,
        role: '',
        is_primary: 1,
        created_at: at,
      })
      .execute();
    return id;
  }

  beforeAll(async () => {
    let mailer;
    ({ smtp, mailer } = await startSmtp(inbox));
    t = await makeApp('sqlite', { mailer, now: () => now });
    ({ admin: buyer, orgId } = await setupInstance(t, '信頼精機株式会社'));
    catalogId = json<{ items: { id: string; urn: string }[] }>(
      await buyer.get(`/api/orgs/${orgId}/catalogs`),
    ).items.find((c) => c.urn === 'urn:shinrai:catalog:ipa-sme-self-check')!.id;
    jobs = SERVER_MODULES.find((m) => m.name === 'supplychain')!.jobs!(t.deps);
    worker = new JobWorker(t.deps, jobs);
  });

  afterAll(async () => {
    await t.close();
    await stopSmtp(smtp);
  });

  const send = async (mailLanguage: string | undefined, answerer: string, silent: string) => {
    const res = await buyer.post(`/api/orgs/${orgId}/supplychain/campaigns`, {
      title: 'Supplier check 2027',
      catalogId,
      deadline: '2027-05-06',
      supplierIds: [
        await addSupplier(`回答 ${answerer}`, answerer),
        await addSupplier(`未回答 ${silent}`, silent),
      ],
      ...(mailLanguage === undefined ? {} : { mailLanguage }),
    });
    expect(res.statusCode).toBe(201);
    return json<{ id: string }>(res).id;
  };

  it('refuses an unknown language at its pointer and keeps Japanese then English by default', async () => {
    const bad = await buyer.post(`/api/orgs/${orgId}/supplychain/campaigns`, {
      title: 'x',
      catalogId,
      deadline: '2027-05-06',
      supplierIds: [],
      mailLanguage: 'fr',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('/mailLanguage');
    const id = await send(undefined, 'both@a.example.jp', 'both-silent@a.example.jp');
    const detail = json<{ campaign: { mailLanguage: string } }>(
      await buyer.get(`/api/orgs/${orgId}/supplychain/campaigns/${id}`),
    );
    expect(detail.campaign.mailLanguage).toBe('ja_en');
    await deliver();
    const m = last('both@a.example.jp');
    expect(m.subject).toMatch(/^【Shinrai】.* \/ Security questionnaire$/);
    expect(m.text.indexOf('担当 一郎 様')).toBeLessThan(m.text.indexOf('Dear 担当 一郎,'));
    expect(m.text.indexOf('担当 一郎 様')).toBe(0);
  });

  for (const lang of ['ja', 'en'] as const) {
    it(`mails only ${lang === 'ja' ? 'Japanese' : 'English'}: invitation, forward, send-back and reminder`, async () => {
      now = new Date('2027-04-05T01:00:00Z');
      const answerer = `${lang}@a.example.jp`;
      const silent = `${lang}-silent@a.example.jp`;
      const colleague = `${lang}-colleague@a.example.jp`;
      const id = await send(lang, answerer, silent);
      expect(
        json<{ campaign: { mailLanguage: string } }>(
          await buyer.get(`/api/orgs/${orgId}/supplychain/campaigns/${id}`),
        ).campaign.mailLanguage,
      ).toBe(lang);
      await deliver();
      const own = lang === 'ja' ? JA : EN;
      const other = lang === 'ja' ? EN : JA;
      const check = (m: { subject: string; text: string }) => {
        expect(hasAny(`${m.subject}\n${m.text}`, other)).toEqual([]);
        expect(hasAny(`${m.subject}\n${m.text}`, own).length).toBeGreaterThan(1);
        expect(m.text).not.toContain('\n--\n');
      };
      const invite = last(answerer);
      check(invite);
      expect(invite.subject).toContain(
        lang === 'ja' ? 'セキュリティ質問票のご依頼' : 'Security questionnaire from',
      );

      const r = new Respondent(t);
      const token = LINK.exec(invite.text)![1]!;
      expect((await r.req('POST', '/api/respond/open', { token })).statusCode).toBe(200);
      expect(
        (await r.req('POST', '/api/respond/forward', { email: colleague, name: '同僚 次郎', ref: '7' }))
          .statusCode,
      ).toBe(202);
      await deliver();
      const fwd = last(colleague);
      check(fwd);
      expect(fwd.subject).toContain(lang === 'ja' ? '回答の依頼' : 'asks for your answer');

      for (let i = 1; i <= 25; i++)
        expect(
          (
            await r.req('PUT', `/api/respond/answers/${i}`, {
              value: { kind: 'choice', value: 'yes' },
              followUp: { reason: null, plannedDate: null },
            })
          ).statusCode,
        ).toBe(204);
      expect((await r.req('POST', '/api/respond/submit')).statusCode).toBe(204);
      const requests = json<{ requests: { id: string; status: string }[] }>(
        await buyer.get(`/api/orgs/${orgId}/supplychain/campaigns/${id}`),
      ).requests;
      const submitted = requests.find((q) => q.status === 'submitted')!;
      expect(
        (
          await buyer.post(`/api/orgs/${orgId}/supplychain/requests/${submitted.id}/items/3/return`, {
            note: lang === 'ja' ? '製品名を教えてください' : 'Which product?',
          })
        ).statusCode,
      ).toBe(204);
      await deliver();
      const back = last(answerer);
      check(back);
      expect(back.subject).toContain(lang === 'ja' ? '確認のお願い' : 'Clarification requested');

      const before = mailsTo(silent).length;
      now = new Date('2027-04-28T03:00:00+09:00'); // 7 days before the deadline (29 Apr is a holiday)
      await jobs['supplychain.reminders']!({ progress: async () => undefined } as never);
      await deliver();
      expect(mailsTo(silent)).toHaveLength(before + 1);
      const reminder = last(silent);
      check(reminder);
      expect(reminder.subject).toContain(lang === 'ja' ? 'リマインド' : 'Reminder');
      expect(reminder.text).toContain(lang === 'ja' ? 'あと 7 日' : '7 day(s) away');
    });
  }
});
