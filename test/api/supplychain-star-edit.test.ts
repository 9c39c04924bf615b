import type { LightMyRequestResponse } from 'fastify';
import type { SMTPServer } from 'smtp-server';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../helpers/app.ts';
import { json, makeApp, setupInstance, type TestApp } from '../helpers/app.ts';
import { multipart } from '../helpers/multipart.ts';
import { invitedMember, linkSupplier, must, personWithOrg } from '../helpers/supplychain-parties.ts';
import { startSmtp, stopSmtp, type Received } from '../helpers/smtp.ts';

/*
 * Correcting a recorded ★ result, through the API on the dialect of the API suites (SQLite, or PostgreSQL
 * with SHINRAI_TEST_API_DIALECT=postgres): the supplier shows one result to buyer A's and buyer B's open
 * requests, corrects it (fields, then the evidence file); both buyers see the corrected values with the day
 * it was corrected, each edit audited in the supplier's log and each buyer's. Once A accepted its request
 * the result is locked.
 */

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const PDF2 = Buffer.from('%PDF-1.4\n2 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

interface Shown {
  level: number;
  kind: string;
  obtainedOn: string;
  validUntil: string;
  bodyName: string | null;
  registrationNo: string | null;
  evidence: { sha256: string } | null;
}
interface Own extends Shown {
  id: string;
  locked: boolean;
}
interface AuditList {
  items: { action: string; targetId?: string | null; details: Record<string, unknown> }[];
}

const error = (res: LightMyRequestResponse) =>
  (JSON.parse(res.body) as { error?: { code: string; message: string; details?: { pointer?: string }[] } })
    .error;

describe('a supplier corrects a ★ result it showed to open requests', () => {
  const mails: Received[] = [];
  let smtp: SMTPServer;
  let t: TestApp;
  const now = new Date('2027-04-05T01:00:00Z');
  let admin: Client;
  let buyerB: Client;
  let supplier: Client;
  let supplierViewer: Client;
  const org = { a: '', b: '', s: '' };
  const request = { a: '', b: '' };
  let resultId = '';

  async function buyerSends(buyer: Client, buyerOrg: string, title: string) {
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
    return json<{ requests: { id: string }[] }>(
      await buyer.get(`/api/orgs/${buyerOrg}/supplychain/campaigns/${sent.id}`),
    ).requests[0]!.id;
  }

  beforeAll(async () => {
    let mailer;
    ({ smtp, mailer } = await startSmtp(mails));
    t = await makeApp('sqlite', { mailer, now: () => now });
    ({ admin, orgId: org.a } = await setupInstance(t, 'エー機械株式会社'));
    const person = (email: string, name: string, orgName: string) =>
      personWithOrg(t, admin, org.a, mails, { email, name, orgName });
    ({ c: supplier, id: org.s } = await person('owner@s-parts.example.jp', '江洲 花子', 'エス部品株式会社'));
    ({ c: buyerB, id: org.b } = await person('owner@b-kogyo.example.jp', '備 太郎', 'ビー工業株式会社'));
    supplierViewer = await invitedMember(t, supplier, org.s, mails, {
      email: 'viewer@s-parts.example.jp',
      role: 'viewer',
      name: '閲覧 者',
    });
    request.a = await buyerSends(admin, org.a, 'エー機械 取引先確認');
    request.b = await buyerSends(buyerB, org.b, 'ビー工業 取引先確認');
  });

  afterAll(async () => {
    await t.close();
    await stopSmtp(smtp);
  });

  const S = () => `/api/orgs/${org.s}/supplychain/star-results`;
  const inbox = (id: string) => `/api/orgs/${org.s}/supplychain/inbox/${id}/star-result`;
  const review = async (c: Client, o: string, id: string) =>
    json<{ starResult: (Shown & { attachedAt: string; correctedAt: string | null }) | null }>(
      must(await c.get(`/api/orgs/${o}/supplychain/requests/${id}`), 200),
    ).starResult;
  const log = async (c: Client, o: string) =>
    json<AuditList>(must(await c.get(`/api/orgs/${o}/audit?limit=100`), 200)).items;
  const evidence = (data: Buffer, name: string) => multipart({ name, data, type: 'application/pdf' }, {});
  const corrected = {
    level: 4,
    kind: 'third_party',
    obtainedOn: '2027-03-01',
    validUntil: '2029-03-31',
    bodyName: ' 例示評価機関 ',
    registrationNo: 'TP-2027-9',
  };

  it('corrects the fields: both buyers see the corrected values and the day; audited in every log', async () => {
    resultId = json<Own>(
      must(
        await supplier.post(S(), {
          level: 3,
          kind: 'self',
          obtainedOn: '2027-03-01',
          validUntil: '2028-02-29',
          registrationNo: 'A-1',
        }),
        201,
      ),
    ).id;
    const up = evidence(PDF, 'star3.pdf');
    must(await supplier.req('POST', `${S()}/${resultId}/evidence`, up.payload, up.headers), 200);
    for (const id of [request.a, request.b])
      must(await supplier.post(inbox(id), { starResultId: resultId, confirm: true }), 200);
    expect((await review(admin, org.a, request.a))?.correctedAt).toBeNull();

    // The same located problems as recording, in Japanese and English; nothing changed.
    const bad = await supplier.req('PUT', `${S()}/${resultId}`, {
      level: 4,
      kind: 'self',
      obtainedOn: '2027-03-01',
      validUntil: '2027-02-01',
      bodyName: '  ',
    });
    expect(bad.statusCode).toBe(422);
    expect(error(bad)?.code).toBe('star_result_invalid');
    expect(error(bad)?.details?.map((d) => d.pointer)).toEqual(['/kind', '/validUntil', '/bodyName']);
    expect(error(bad)?.message).toMatch(/自己評価/);
    const en = await supplier.req(
      'PUT',
      `${S()}/${resultId}`,
      { ...corrected, kind: 'self' },
      { 'accept-language': 'en' },
    );
    expect(error(en)?.message).toMatch(/self-assessment/);
    expect(error(en)?.details?.map((d) => d.pointer)).toEqual(['/kind']);
    expect((await supplierViewer.req('PUT', `${S()}/${resultId}`, corrected)).statusCode).toBe(403);
    expect(
      (await supplier.req('PUT', `${S()}/00000000-0000-4000-8000-000000000000`, corrected)).statusCode,
    ).toBe(404);
    // Another organization cannot reach the supplier's results, even through its own organization's path.
    expect((await buyerB.req('PUT', `${S()}/${resultId}`, corrected)).statusCode).toBe(404);
    expect(
      (await buyerB.req('PUT', `/api/orgs/${org.b}/supplychain/star-results/${resultId}`, corrected))
        .statusCode,
    ).toBe(404);
    expect((await review(admin, org.a, request.a))?.level).toBe(3);

    const edited = json<Own>(must(await supplier.req('PUT', `${S()}/${resultId}`, corrected), 200));
    expect(edited).toMatchObject({
      level: 4,
      bodyName: '例示評価機関',
      validUntil: '2029-03-31',
      locked: false,
    });
    for (const [c, o, id] of [
      [admin, org.a, request.a],
      [buyerB, org.b, request.b],
    ] as const) {
      const seen = await review(c, o, id);
      expect(seen).toMatchObject({
        level: 4,
        kind: 'third_party',
        validUntil: '2029-03-31',
        bodyName: '例示評価機関',
        registrationNo: 'TP-2027-9',
        correctedAt: now.toISOString(),
      });
      expect(seen?.evidence?.sha256).toBe(sha(PDF));
    }
    const offer = json<{ attached: { correctedAt: string | null; shown: Shown } }>(
      await supplier.get(inbox(request.a)),
    );
    expect(offer.attached).toMatchObject({ correctedAt: now.toISOString(), shown: { level: 4 } });

    const own = (await log(supplier, org.s)).find((e) => e.action === 'supplychain.star_result.edit');
    expect(own?.details).toMatchObject({
      changed: {
        level: { from: 3, to: 4 },
        kind: { from: 'self', to: 'third_party' },
        valid_until: { from: '2028-02-29', to: '2029-03-31' },
        registration_no: { from: 'A-1', to: 'TP-2027-9' },
      },
    });
    expect((own?.details.requests as string[]).sort()).toEqual([request.a, request.b].sort());
    const atA = (await log(admin, org.a)).find((e) => e.action === 'respond.star_result_correct');
    expect(atA?.details).toMatchObject({ sourceType: 'star_result', supplierOrgId: org.s });
    // A's log says nothing of B's request.
    expect(JSON.stringify(atA)).not.toContain(request.b);
    expect((await log(buyerB, org.b)).some((e) => e.action === 'respond.star_result_correct')).toBe(true);
  });

  it('replaces the evidence file as a correction: the buyers download the new file', async () => {
    const up = evidence(PDF2, 'star4.pdf');
    must(await supplier.req('POST', `${S()}/${resultId}/evidence`, up.payload, up.headers), 200);
    const file = must(
      await admin.get(`/api/orgs/${org.a}/supplychain/requests/${request.a}/star-result/evidence`),
      200,
    );
    expect(sha(file.rawPayload)).toBe(sha(PDF2));
    expect((await review(buyerB, org.b, request.b))?.evidence?.sha256).toBe(sha(PDF2));
    const atB = (await log(buyerB, org.b)).filter((e) => e.action === 'respond.star_result_correct');
    expect(atB).toHaveLength(2);
    expect(atB[0]?.details).toMatchObject({
      changed: { evidence_sha256: { from: sha(PDF), to: sha(PDF2) } },
    });
  });

  it('is locked once a buyer accepted a request showing it; what the buyer accepted stays', async () => {
    for (let i = 1; i <= 25; i++)
      must(
        await supplier.req('PUT', `/api/orgs/${org.s}/supplychain/inbox/${request.a}/answers/${i}`, {
          value: { kind: 'choice', value: 'yes' },
          followUp: { reason: null, plannedDate: null },
        }),
        204,
      );
    must(await supplier.post(`/api/orgs/${org.s}/supplychain/inbox/${request.a}/submit`), 204);
    // Submitted but not accepted: still correctable.
    must(
      await supplier.req('PUT', `${S()}/${resultId}`, { ...corrected, registrationNo: 'TP-2027-10' }),
      200,
    );
    expect((await review(admin, org.a, request.a))?.registrationNo).toBe('TP-2027-10');
    must(await admin.post(`/api/orgs/${org.a}/supplychain/requests/${request.a}/accept`), 204);

    const locked = await supplier.req('PUT', `${S()}/${resultId}`, { ...corrected, registrationNo: 'X' });
    expect(locked.statusCode).toBe(409);
    expect(error(locked)?.code).toBe('star_result_locked');
    expect(error(locked)?.message).toMatch(/承認/);
    const lockedEn = await supplier.req(
      'PUT',
      `${S()}/${resultId}`,
      { ...corrected, registrationNo: 'X' },
      { 'accept-language': 'en' },
    );
    expect(error(lockedEn)?.message).toMatch(/accepted/);
    const up = evidence(PDF, 'again.pdf');
    const file = await supplier.req('POST', `${S()}/${resultId}/evidence`, up.payload, up.headers);
    expect([file.statusCode, error(file)?.code]).toEqual([409, 'star_result_locked']);
    const list = json<{ items: Own[] }>(await supplier.get(S())).items;
    expect(list.find((r) => r.id === resultId)?.locked).toBe(true);
    for (const [c, o, id] of [
      [admin, org.a, request.a],
      [buyerB, org.b, request.b],
    ] as const)
      expect(await review(c, o, id)).toMatchObject({
        registrationNo: 'TP-2027-10',
        evidence: { sha256: sha(PDF2) },
      });

    // A result shown nowhere is corrected without touching any buyer's log.
    const other = json<Own>(
      must(
        await supplier.post(S(), {
          level: 3,
          kind: 'self',
          obtainedOn: '2027-03-02',
          validUntil: '2028-03-01',
        }),
        201,
      ),
    );
    expect(other.locked).toBe(false);
    const before = (await log(admin, org.a)).length;
    must(await supplier.req('PUT', `${S()}/${other.id}`, { ...corrected, validUntil: '2030-01-01' }), 200);
    expect((await log(admin, org.a)).length).toBe(before);
  });
});
