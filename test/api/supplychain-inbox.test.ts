import { JobWorker, SERVER_MODULES } from '@shinrai/server';
import type { LightMyRequestResponse } from 'fastify';
import type { SMTPServer } from 'smtp-server';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, json, makeApp, setupInstance, type TestApp } from '../helpers/app.ts';
import { multipart } from '../helpers/multipart.ts';
import { linkSupplier, must, personWithOrg } from '../helpers/supplychain-parties.ts';
import { startSmtp, stopSmtp, type Received } from '../helpers/smtp.ts';

/*
 * The supplier's inbox on Shinrai and "answer once", through the API on the dialect of the API suites
 * (SQLite, or PostgreSQL with SHINRAI_TEST_API_DIALECT=postgres): two buyers send campaigns of the same
 * catalog to a supplier organization linked in their registries; it answers A's from its own account,
 * reuses those answers for B's with one confirmation; B sees them marked as reused; neither B nor a third
 * organization ever reads A's request.
 */

const PUBLIC_URL = 'https://shinrai.example.jp';
const LINK = /\/respond\/#(r1_[A-Za-z0-9_-]+)/;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

interface Inbox {
  open: number;
  items: { id: string; buyer: string; title: string; status: string; clarify: number; open: boolean }[];
}
interface Questionnaire {
  buyer: string;
  status: string;
  canSubmit: boolean;
  items: {
    ref: string;
    value: { kind: string; value?: string } | null;
    state: string;
    editable: boolean;
    evidence: { sha256: string }[];
    reusedFrom: { type: string; id: string; date: string } | null;
  }[];
}
interface Offers {
  items: {
    type: string;
    id: string;
    label: string;
    date: string;
    items: { ref: string }[];
    evidence: number;
  }[];
}
interface Review {
  items: {
    ref: string;
    value: { kind: string; value: string } | null;
    reusedFrom: { type: string; label: string; date: string } | null;
    evidence?: { id: string; sha256: string }[];
  }[];
}

const code = (res: LightMyRequestResponse) =>
  (JSON.parse(res.body) as { error?: { code: string } }).error?.code;
const noFollowUp: { reason: string | null; plannedDate: string | null } = { reason: null, plannedDate: null };

describe('supplier inbox on Shinrai and answer once', () => {
  const mails: Received[] = [];
  let smtp: SMTPServer;
  let t: TestApp;
  const now = new Date('2027-04-05T01:00:00Z');
  let worker: JobWorker;
  let admin: Client;
  const org = { a: '', b: '', s: '', x: '' };
  let buyerB: Client;
  let supplier: Client;
  let outsider: Client;
  let supplierViewer: Client;
  const request = { a: '', b: '' };

  const deliver = async () => {
    await worker.tick();
    await worker.idle();
  };

  const person = (email: string, name: string, orgName: string) =>
    personWithOrg(t, admin, org.a, mails, { email, name, orgName });

  /** The buyer's agreed relationship with S, its registry entry linked to S, and a campaign to it. */
  async function buyerSends(buyer: Client, buyerOrg: string, title: string): Promise<string> {
    const supplierId = await linkSupplier(buyer, buyerOrg, supplier, org.s);
    const catalogId = json<{ items: { id: string; urn: string }[] }>(
      await buyer.get(`/api/orgs/${buyerOrg}/catalogs`),
    ).items.find((c) => c.urn === 'urn:shinrai:catalog:ipa-sme-self-check')!.id;
    const sent = json<{ id: string }>(
      must(
        await buyer.post(`/api/orgs/${buyerOrg}/supplychain/campaigns`, {
          title,
          catalogId,
          deadline: '2027-05-06',
          supplierIds: [supplierId],
        }),
        201,
      ),
    );
    const detail = json<{ requests: { id: string }[] }>(
      await buyer.get(`/api/orgs/${buyerOrg}/supplychain/campaigns/${sent.id}`),
    );
    return detail.requests[0]!.id;
  }

  beforeAll(async () => {
    let mailer;
    ({ smtp, mailer } = await startSmtp(mails));
    t = await makeApp('sqlite', { mailer, now: () => now, config: { publicUrl: PUBLIC_URL } });
    ({ admin, orgId: org.a } = await setupInstance(t, 'エー機械株式会社'));
    const jobs = SERVER_MODULES.find((m) => m.name === 'supplychain')!.jobs!(t.deps);
    worker = new JobWorker(t.deps, jobs);
    ({ c: supplier, id: org.s } = await person('owner@s-parts.example.jp', '江洲 花子', 'エス部品株式会社'));
    ({ c: buyerB, id: org.b } = await person('owner@b-kogyo.example.jp', '備 太郎', 'ビー工業株式会社'));
    ({ c: outsider, id: org.x } = await person('owner@x.example.jp', '部外 者', '第三者商会'));
    must(
      await supplier.post(`/api/orgs/${org.s}/invitations`, {
        email: 'viewer@s-parts.example.jp',
        role: 'viewer',
      }),
      201,
    );
    const token = mails.at(-1)?.mail.text?.match(/\/invite\/([\w-]+)/)?.[1];
    supplierViewer = new Client(t.app);
    must(
      await supplierViewer.post(`/api/invitations/${token}/accept`, {
        displayName: '閲覧 者',
        password: 'another long passphrase 1',
      }),
      200,
    );
    request.a = await buyerSends(admin, org.a, '2027年度 エー機械 取引先確認');
  });

  afterAll(async () => {
    await t.close();
    await stopSmtp(smtp);
  });

  const inboxOf = async (c: Client, o: string) =>
    json<Inbox>(must(await c.get(`/api/orgs/${o}/supplychain/inbox`), 200));
  const base = (id: string) => `/api/orgs/${org.s}/supplychain/inbox/${id}`;
  const answer = (c: Client, id: string, ref: string, value: unknown, followUp = noFollowUp) =>
    c.req('PUT', `${base(id)}/answers/${ref}`, { value, followUp });

  it('lists only the requests addressed to the organization, with buyer, campaign, catalog and deadline', async () => {
    const box = await inboxOf(supplier, org.s);
    expect(box.open).toBe(1);
    expect(box.items).toEqual([
      expect.objectContaining({
        id: request.a,
        buyer: 'エー機械株式会社',
        title: '2027年度 エー機械 取引先確認',
        status: 'sent',
        clarify: 0,
        open: true,
      }),
    ]);
    expect((await inboxOf(buyerB, org.b)).items).toEqual([]);
    expect((await inboxOf(outsider, org.x)).items).toEqual([]);
    // Another organization's member cannot open the request through its own inbox, nor S's.
    expect((await outsider.get(`/api/orgs/${org.x}/supplychain/inbox/${request.a}`)).statusCode).toBe(404);
    expect((await outsider.get(base(request.a))).statusCode).toBe(404);
  });

  it('forwards a request or one item to a colleague who may answer (not a viewer), audited in both logs, mailed a link to the inbox', async () => {
    must(
      await supplier.post(`/api/orgs/${org.s}/invitations`, {
        email: 'member@s-parts.example.jp',
        role: 'member',
      }),
      201,
    );
    const token = mails.at(-1)?.mail.text?.match(/\/invite\/([\w-]+)/)?.[1];
    const colleague = new Client(t.app);
    must(
      await colleague.post(`/api/invitations/${token}/accept`, {
        displayName: '江洲 次郎',
        password: 'another long passphrase 1',
      }),
      200,
    );
    const members = json<{ items: { user: { id: string; email: string } }[] }>(
      await supplier.get(`/api/orgs/${org.s}/members`),
    ).items;
    const idOf = (email: string) => members.find((m) => m.user.email === email)!.user.id;
    const forward = (c: Client, userId: string, ref: string | null) =>
      c.post(`${base(request.a)}/forward`, { userId, ref, note: '設問3をお願いします' });
    // A viewer cannot answer, the forwarder is not their own colleague, and a viewer cannot forward.
    for (const userId of [idOf('viewer@s-parts.example.jp'), idOf('owner@s-parts.example.jp'), 'nobody'])
      expect(code(await forward(supplier, userId, '3'))).toBe('inbox_forward_colleague');
    expect((await forward(supplierViewer, idOf('member@s-parts.example.jp'), '3')).statusCode).toBe(403);
    // Another organization cannot reach S's request at all.
    expect(
      (await outsider.post(`${base(request.a)}/forward`, { userId: 'x', ref: null, note: null })).statusCode,
    ).toBe(404);
    const before = mails.length;
    must(await forward(supplier, idOf('member@s-parts.example.jp'), '3'), 202);
    await deliver();
    const mail = mails
      .slice(before)
      .find((m) => m.envelope.rcptTo.some((r) => r.address === 'member@s-parts.example.jp'));
    expect(mail?.mail.subject).toContain('江洲 花子');
    expect(mail?.mail.text).toContain(`${PUBLIC_URL}/orgs/${org.s}/inbox/${request.a}`);
    expect(mail?.mail.text).toContain('設問3をお願いします');
    const buyerLog = json<{ items: { action: string; details: Record<string, unknown> }[] }>(
      await admin.get(`/api/orgs/${org.a}/audit?limit=50`),
    ).items.find((e) => e.action === 'respond.forward');
    expect(buyerLog?.details).toMatchObject({
      from: 'owner@s-parts.example.jp',
      to: 'member@s-parts.example.jp',
      item: '3',
      supplierOrgId: org.s,
    });
    const supplierLog = json<{ items: { action: string; details: Record<string, unknown> }[] }>(
      await supplier.get(`/api/orgs/${org.s}/audit?limit=50`),
    ).items.find((e) => e.action === 'supplychain.inbox.forward');
    expect(supplierLog?.details).toMatchObject({
      to: 'member@s-parts.example.jp',
      note: '設問3をお願いします',
    });
    // The colleague answers it from their own account.
    must(await answer(colleague, request.a, '3', { kind: 'choice', value: 'yes' }), 204);
  });

  it('answers from the account (viewers may read only), with evidence; the buyer sees the same answers; submit is audited with the name', async () => {
    expect((await answer(supplierViewer, request.a, '1', { kind: 'choice', value: 'yes' })).statusCode).toBe(
      403,
    );
    expect((await answer(supplier, request.a, '1', { kind: 'choice', value: 'maybe' })).statusCode).toBe(400);
    for (let i = 1; i <= 25; i++)
      must(
        await answer(supplier, request.a, String(i), { kind: 'choice', value: i === 3 ? 'no' : 'yes' }),
        204,
      );
    const early = await supplier.post(`${base(request.a)}/submit`);
    expect(code(early)).toBe('respond_incomplete');
    must(
      await answer(
        supplier,
        request.a,
        '3',
        { kind: 'choice', value: 'no' },
        {
          reason: '予算の都合',
          plannedDate: '2027-09-30',
        },
      ),
      204,
    );
    const up = multipart({ name: 'policy.pdf', data: PDF, type: 'application/pdf' }, { ref: '2' });
    must(await supplier.req('POST', `${base(request.a)}/evidence`, up.payload, up.headers), 201);
    const q = json<Questionnaire>(await supplierViewer.get(base(request.a)));
    expect(q.status).toBe('opened');
    expect(q.items.find((i) => i.ref === '2')?.evidence).toHaveLength(1);
    must(await supplier.post(`${base(request.a)}/submit`), 204);
    const review = json<Review>(await admin.get(`/api/orgs/${org.a}/supplychain/requests/${request.a}`));
    expect(review.items.find((i) => i.ref === '3')?.value).toEqual({ kind: 'choice', value: 'no' });
    expect(review.items.every((i) => i.reusedFrom === null)).toBe(true);
    const audit = json<{ items: { action: string; details: Record<string, unknown> }[] }>(
      await admin.get(`/api/orgs/${org.a}/audit?limit=50`),
    ).items.find((e) => e.action === 'respond.submit');
    expect(audit?.details).toMatchObject({
      email: 'owner@s-parts.example.jp',
      name: '江洲 花子',
      supplierOrgId: org.s,
    });
  });

  it('a link mailed to a contact of the linked supplier works on the same answers', async () => {
    await deliver();
    const m = [...mails]
      .reverse()
      .find((r) => r.envelope.rcptTo.some((x) => x.address === 'ichiro@s-parts.example.jp'));
    const token = LINK.exec(m?.mail.text ?? '')![1]!;
    const res = await t.app.inject({ method: 'POST', url: '/api/respond/open', payload: { token } });
    expect(res.statusCode).toBe(200);
    const cookie = String(res.headers['set-cookie']).split(';')[0]!;
    const q = json<Questionnaire>(
      await t.app.inject({ method: 'GET', url: '/api/respond/questionnaire', headers: { cookie } }),
    );
    expect(q.status).toBe('submitted');
    expect(q.items.find((i) => i.ref === '3')?.value).toEqual({ kind: 'choice', value: 'no' });
  });

  it("B cannot read A's answers before reuse; S reuses them for B with one confirmation; B sees them marked", async () => {
    request.b = await buyerSends(buyerB, org.b, 'ビー工業 2027 調査');
    // Before reuse: B's request is empty, and nothing of A's is reachable from B or the third organization.
    const before = json<Review>(await buyerB.get(`/api/orgs/${org.b}/supplychain/requests/${request.b}`));
    expect(before.items.every((i) => i.value === null)).toBe(true);
    for (const c of [buyerB, outsider]) {
      const o = c === buyerB ? org.b : org.x;
      expect((await c.get(`/api/orgs/${o}/supplychain/requests/${request.a}`)).statusCode).toBe(404);
      expect((await c.get(`/api/orgs/${org.a}/supplychain/requests/${request.a}`)).statusCode).toBe(404);
    }
    expect((await outsider.get(`/api/orgs/${org.x}/supplychain/inbox/${request.b}/reuse`)).statusCode).toBe(
      404,
    );
    const box = await inboxOf(supplier, org.s);
    expect(Object.fromEntries(box.items.map((i) => [i.id, i.status]))).toEqual({
      [request.a]: 'submitted',
      [request.b]: 'sent',
    });
    expect(box.open).toBe(1);

    const offers = json<Offers>(must(await supplier.get(`${base(request.b)}/reuse`), 200)).items;
    expect(offers).toHaveLength(1);
    expect(offers[0]).toMatchObject({ type: 'request', id: request.a, date: '2027-04-05' });
    expect(offers[0]!.label).toContain('エー機械株式会社');
    expect(offers[0]!.items).toHaveLength(25);
    // A's evidence file (item 2) comes along with the answers.
    expect(offers[0]!.evidence).toBe(1);
    const refs = offers[0]!.items.map((i) => i.ref);
    // Consent is explicit; a source that is not offered is refused.
    expect(
      (await supplier.post(`${base(request.b)}/reuse`, { type: 'request', id: request.a, refs })).statusCode,
    ).toBe(400);
    expect(
      code(
        await supplier.post(`${base(request.b)}/reuse`, {
          type: 'request',
          id: request.b,
          refs,
          confirm: true,
        }),
      ),
    ).toBe('reuse_source_unknown');
    expect(
      (
        await supplierViewer.post(`${base(request.b)}/reuse`, {
          type: 'request',
          id: request.a,
          refs,
          confirm: true,
        })
      ).statusCode,
    ).toBe(403);
    const done = json<{ filled: number }>(
      must(
        await supplier.post(`${base(request.b)}/reuse`, {
          type: 'request',
          id: request.a,
          refs,
          confirm: true,
        }),
        200,
      ),
    );
    expect(done.filled).toBe(25);
    must(await supplier.post(`${base(request.b)}/submit`), 204);

    const after = json<Review>(await buyerB.get(`/api/orgs/${org.b}/supplychain/requests/${request.b}`));
    const three = after.items.find((i) => i.ref === '3')!;
    expect(three.value).toEqual({ kind: 'choice', value: 'no' });
    // Marked with the kind of source and its date, never the other buyer's name.
    expect(three.reusedFrom).toEqual({ type: 'request', label: '', date: '2027-04-05' });
    expect(JSON.stringify(after)).not.toContain('エー機械');
    // The evidence was copied for B with its hash: B downloads the same bytes from its own copy.
    const pdfHash = createHash('sha256').update(PDF).digest('hex');
    const copied = after.items.find((i) => i.ref === '2')?.evidence ?? [];
    expect(copied.map((e) => e.sha256)).toEqual([pdfHash]);
    const file = await buyerB.get(`/api/orgs/${org.b}/supplychain/files/${copied[0]!.id}`);
    expect(file.statusCode).toBe(200);
    expect(createHash('sha256').update(file.rawPayload).digest('hex')).toBe(pdfHash);
    // A keeps its own file (B's is a copy of its own).
    const reviewA = json<Review>(await admin.get(`/api/orgs/${org.a}/supplychain/requests/${request.a}`));
    expect(reviewA.items.find((i) => i.ref === '2')?.evidence?.map((e) => e.id)).not.toContain(copied[0]!.id);
    const consent = json<{ items: { action: string; details: Record<string, unknown> }[] }>(
      await buyerB.get(`/api/orgs/${org.b}/audit?limit=50`),
    ).items.find((e) => e.action === 'respond.reuse');
    expect(consent?.details).toMatchObject({
      consent: true,
      sourceType: 'request',
      sourceId: request.a,
      name: '江洲 花子',
      evidence: [{ ref: '2', sha256: pdfHash, size: PDF.length }],
    });
    const own = json<{ items: { action: string }[] }>(
      await supplier.get(`/api/orgs/${org.s}/audit?limit=50`),
    ).items;
    expect(own.map((e) => e.action)).toContain('supplychain.inbox.reuse');
    // A never sees B's request.
    expect((await admin.get(`/api/orgs/${org.a}/supplychain/requests/${request.b}`)).statusCode).toBe(404);
  });

  it('a buyer sending back an item shows it in the inbox; the supplier answers it again from the account', async () => {
    must(
      await buyerB.post(`/api/orgs/${org.b}/supplychain/requests/${request.b}/items/5/return`, {
        note: '根拠を添えてください',
      }),
      204,
    );
    const box = await inboxOf(supplier, org.s);
    expect(box.items.find((i) => i.id === request.b)).toMatchObject({ clarify: 1, open: true });
    // The supplier's owner (not its viewer) is told too, with a link to the request in its inbox.
    const before = mails.length;
    await deliver();
    await deliver();
    const told = mails.slice(before).filter((m) => m.mail.subject?.includes('確認のお願い'));
    const to = (m: Received) => m.envelope.rcptTo.map((r) => r.address);
    const owner = told.find((m) => to(m).includes('owner@s-parts.example.jp'));
    expect(owner?.mail.text).toContain(`${PUBLIC_URL}/orgs/${org.s}/inbox/${request.b}`);
    expect(owner?.mail.text).toContain('根拠を添えてください');
    expect(owner?.mail.subject).toContain('ビー工業株式会社');
    expect(told.some((m) => to(m).includes('viewer@s-parts.example.jp'))).toBe(false);
    must(await answer(supplier, request.b, '5', { kind: 'choice', value: 'yes' }), 204);
    expect(code(await answer(supplier, request.b, '6', { kind: 'choice', value: 'no' }))).toBe(
      'respond_item_locked',
    );
    must(await supplier.post(`${base(request.b)}/submit`), 204);
    const after = json<Review>(await buyerB.get(`/api/orgs/${org.b}/supplychain/requests/${request.b}`));
    // A typed answer is no longer marked as reused; the others keep their mark.
    expect(after.items.find((i) => i.ref === '5')?.reusedFrom).toBeNull();
    expect(after.items.find((i) => i.ref === '6')?.reusedFrom).not.toBeNull();
  });

  it('attaches its SECURITY ACTION declaration to a request once it confirms; the buyer sees it', async () => {
    const none = json<{ declaration: unknown }>(await supplier.get(`${base(request.b)}/reuse`));
    expect(none.declaration).toBeNull();
    expect(code(await supplier.post(`${base(request.b)}/declaration`, { confirm: true }))).toBe(
      'reuse_source_unknown',
    );
    must(
      await supplier.post(`/api/orgs/${org.s}/sme/declarations`, {
        level: 'star2',
        declarationId: '12345678901',
        declaredOn: '2027-03-31',
      }),
      201,
    );
    const offer = json<{ declaration: unknown }>(await supplier.get(`${base(request.b)}/reuse`));
    expect(offer.declaration).toEqual({
      level: 'star2',
      declarationId: '12345678901',
      declaredOn: '2027-03-31',
      attached: false,
    });
    const review = async () =>
      json<{ declaration: unknown }>(
        await buyerB.get(`/api/orgs/${org.b}/supplychain/requests/${request.b}`),
      );
    expect((await review()).declaration).toBeNull();
    expect((await supplier.post(`${base(request.b)}/declaration`, {})).statusCode).toBe(400);
    expect((await supplierViewer.post(`${base(request.b)}/declaration`, { confirm: true })).statusCode).toBe(
      403,
    );
    must(await supplier.post(`${base(request.b)}/declaration`, { confirm: true }), 200);
    expect((await review()).declaration).toEqual({
      level: 'star2',
      declarationId: '12345678901',
      declaredOn: '2027-03-31',
    });
    // Only B's request carries it; A's does not.
    const a = json<{ declaration: unknown }>(
      await admin.get(`/api/orgs/${org.a}/supplychain/requests/${request.a}`),
    );
    expect(a.declaration).toBeNull();
    const logged = json<{ items: { action: string; details: Record<string, unknown> }[] }>(
      await buyerB.get(`/api/orgs/${org.b}/audit?limit=50`),
    ).items.find((e) => e.action === 'respond.declaration');
    expect(logged?.details).toMatchObject({ consent: true, sourceType: 'declaration', name: '江洲 花子' });
  });

  it("offers the supplier's own assessment of the same catalog; the buyer sees it marked with its title", async () => {
    must(
      await buyerB.post(`/api/orgs/${org.b}/supplychain/requests/${request.b}/items/7/return`, {
        note: '現状を教えてください',
      }),
      204,
    );
    const catalogs = json<{ items: { id: string; urn: string }[] }>(
      await supplier.get(`/api/orgs/${org.s}/catalogs`),
    );
    const sme = catalogs.items.find((c) => c.urn === 'urn:shinrai:catalog:ipa-sme-self-check')!;
    const own = json<{ assessment: { id: string } }>(
      must(
        await supplier.post(`/api/orgs/${org.s}/assessments`, {
          catalogId: sme.id,
          title: '2027年度 自社診断',
        }),
        201,
      ),
    ).assessment.id;
    must(
      await supplier.req('PUT', `/api/orgs/${org.s}/assessments/${own}/answers/7`, {
        value: { kind: 'choice', value: 'partial' },
        revision: 0,
      }),
      200,
    );
    const offers = json<Offers>(must(await supplier.get(`${base(request.b)}/reuse`), 200)).items;
    // Only the item sent back can be filled; A's answers and the own assessment both offer it.
    expect(offers.map((o) => [o.type, o.items.map((i) => i.ref)])).toEqual([
      ['request', ['7']],
      ['assessment', ['7']],
    ]);
    const fromOwn = offers.find((o) => o.type === 'assessment')!;
    expect(fromOwn).toMatchObject({ id: own, label: '2027年度 自社診断' });
    // Items not offered by the source are refused, located.
    const wrong = await supplier.post(`${base(request.b)}/reuse`, {
      type: 'assessment',
      id: own,
      refs: ['7', '8'],
      confirm: true,
    });
    expect([wrong.statusCode, code(wrong)]).toEqual([422, 'reuse_item_unavailable']);
    expect(json<{ error: { details: { pointer: string }[] } }>(wrong).error.details[0]?.pointer).toBe(
      '/refs/1',
    );
    must(
      await supplier.post(`${base(request.b)}/reuse`, {
        type: 'assessment',
        id: own,
        refs: ['7'],
        confirm: true,
      }),
      200,
    );
    const after = json<Review>(await buyerB.get(`/api/orgs/${org.b}/supplychain/requests/${request.b}`));
    const seven = after.items.find((i) => i.ref === '7')!;
    expect(seven.value).toEqual({ kind: 'choice', value: 'partial' });
    expect(seven.reusedFrom).toMatchObject({ type: 'assessment', label: '2027年度 自社診断' });
    must(await supplier.post(`${base(request.b)}/submit`), 204);
  });

  it("ending the relationship takes the buyer's requests out of the inbox", async () => {
    const rels = json<{ items: { id: string; from: { id: string } }[] }>(
      await supplier.get(`/api/orgs/${org.s}/relationships`),
    ).items;
    const withB = rels.find((r) => r.from.id === org.b)!;
    must(await supplier.post(`/api/orgs/${org.s}/relationships/${withB.id}/end`), 200);
    expect((await inboxOf(supplier, org.s)).items.map((i) => i.id)).toEqual([request.a]);
    expect((await supplier.get(base(request.b))).statusCode).toBe(404);
  });

  it("a link respondent's re-evaluation starts from the same address's earlier answers to the same buyer", async () => {
    const again = await (async () => {
      const catalogs = json<{ items: { id: string; urn: string }[] }>(
        await admin.get(`/api/orgs/${org.a}/catalogs`),
      );
      const catalogId = catalogs.items.find((c) => c.urn === 'urn:shinrai:catalog:ipa-sme-self-check')!.id;
      const suppliers = json<{ items: { id: string }[] }>(
        await admin.get(`/api/orgs/${org.a}/suppliers`),
      ).items;
      const sent = json<{ id: string }>(
        must(
          await admin.post(`/api/orgs/${org.a}/supplychain/campaigns`, {
            title: '2028年度 エー機械 再評価',
            catalogId,
            deadline: '2027-06-30',
            supplierIds: suppliers.map((x) => x.id),
          }),
          201,
        ),
      );
      return json<{ requests: { id: string }[] }>(
        await admin.get(`/api/orgs/${org.a}/supplychain/campaigns/${sent.id}`),
      ).requests[0]!.id;
    })();
    await deliver();
    const m = [...mails]
      .reverse()
      .find(
        (r) =>
          r.envelope.rcptTo.some((x) => x.address === 'ichiro@s-parts.example.jp') &&
          (r.mail.text ?? '').includes('2028年度 エー機械 再評価'),
      );
    const token = LINK.exec(m?.mail.text ?? '')![1]!;
    const opened = await t.app.inject({ method: 'POST', url: '/api/respond/open', payload: { token } });
    const cookie = String(opened.headers['set-cookie']).split(';')[0]!;
    const csrf = String(opened.headers['x-respond-csrf']);
    const offers = json<Offers>(
      await t.app.inject({ method: 'GET', url: '/api/respond/reuse', headers: { cookie } }),
    ).items;
    expect(offers.map((o) => [o.type, o.id, o.items.length])).toEqual([['request', request.a, 25]]);
    const refs = offers[0]!.items.map((i) => i.ref);
    const noCsrf = await t.app.inject({
      method: 'POST',
      url: '/api/respond/reuse',
      headers: { cookie },
      payload: { type: 'request', id: request.a, refs, confirm: true },
    });
    expect(code(noCsrf)).toBe('csrf_failed');
    const done = await t.app.inject({
      method: 'POST',
      url: '/api/respond/reuse',
      headers: { cookie, 'x-csrf-token': csrf },
      payload: { type: 'request', id: request.a, refs, confirm: true },
    });
    expect(json<{ filled: number }>(done).filled).toBe(25);
    const review = json<Review>(await admin.get(`/api/orgs/${org.a}/supplychain/requests/${again}`));
    expect(review.items.find((i) => i.ref === '3')?.value).toEqual({ kind: 'choice', value: 'no' });
    expect(review.items.every((i) => i.reusedFrom?.type === 'request')).toBe(true);
  });
});
