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
 * "Answer once" with a ★ result, through the API on the dialect of the API suites (SQLite, or PostgreSQL
 * with SHINRAI_TEST_API_DIALECT=postgres): a supplier organization records its ★ results, shows one to
 * buyer A's request after confirming; A sees it on the request and in its registry (and coverage); buyer B
 * of the same supplier sees nothing of it; an expired result is never offered.
 */

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

interface Shown {
  level: number;
  kind: string;
  obtainedOn: string;
  validUntil: string;
  expired: boolean;
  bodyName: string | null;
  registrationNo: string | null;
  evidence: { name: string; size: number; sha256: string } | null;
}
interface Own extends Shown {
  id: string;
}
interface Offer {
  items: { id: string; shown: Shown }[];
  attached: { starResultId: string; shown: Shown } | null;
  withdrawable: boolean;
}
interface SupplierView {
  id: string;
  name: string;
  starHeld: number | null;
  starRequired: number | null;
  starMet: boolean | null;
  starAttested: { level: number; validUntil: string; requestId: string; attachedAt: string } | null;
}
interface AuditList {
  items: { action: string; details: Record<string, unknown> }[];
}

const error = (res: LightMyRequestResponse) =>
  (JSON.parse(res.body) as { error?: { code: string; message: string; details?: { pointer?: string }[] } })
    .error;

describe('★ results a supplier records and shows to one buyer', () => {
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
  const supplierOf = { a: '', b: '' };
  const result = { valid: '', expired: '' };

  const person = (email: string, name: string, orgName: string) =>
    personWithOrg(t, admin, org.a, mails, { email, name, orgName });

  /** The buyer's relationship with S, its registry entry linked to S (★ required from the decision), a campaign. */
  async function buyerSends(buyer: Client, buyerOrg: string, title: string) {
    const supplierId = await linkSupplier(buyer, buyerOrg, supplier, org.s);
    must(
      await buyer.post(`/api/orgs/${buyerOrg}/suppliers/${supplierId}/star`, {
        answers: { importantInfo: false, outageDelay: false, networkReach: false },
      }),
      200,
    );
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
    return { requestId: detail.requests[0]!.id, supplierId };
  }

  beforeAll(async () => {
    let mailer;
    ({ smtp, mailer } = await startSmtp(mails));
    t = await makeApp('sqlite', { mailer, now: () => now });
    ({ admin, orgId: org.a } = await setupInstance(t, 'エー機械株式会社'));
    ({ c: supplier, id: org.s } = await person('owner@s-parts.example.jp', '江洲 花子', 'エス部品株式会社'));
    ({ c: buyerB, id: org.b } = await person('owner@b-kogyo.example.jp', '備 太郎', 'ビー工業株式会社'));
    supplierViewer = await invitedMember(t, supplier, org.s, mails, {
      email: 'viewer@s-parts.example.jp',
      role: 'viewer',
      name: '閲覧 者',
    });
    ({ requestId: request.a, supplierId: supplierOf.a } = await buyerSends(
      admin,
      org.a,
      'エー機械 取引先確認',
    ));
    ({ requestId: request.b, supplierId: supplierOf.b } = await buyerSends(
      buyerB,
      org.b,
      'ビー工業 取引先確認',
    ));
  });

  afterAll(async () => {
    await t.close();
    await stopSmtp(smtp);
  });

  const S = () => `/api/orgs/${org.s}/supplychain/star-results`;
  const inbox = (id: string) => `/api/orgs/${org.s}/supplychain/inbox/${id}/star-result`;
  const registry = async (c: Client, o: string, id: string) =>
    json<{ supplier: SupplierView }>(must(await c.get(`/api/orgs/${o}/suppliers/${id}`), 200)).supplier;
  const review = async (c: Client, o: string, id: string) =>
    json<{ starResult: (Shown & { attachedAt: string; correctedAt: string | null }) | null }>(
      must(await c.get(`/api/orgs/${o}/supplychain/requests/${id}`), 200),
    ).starResult;

  it('records ★ results (owners and administrators), refusing located problems in ja and en', async () => {
    const bad = await supplier.post(S(), {
      level: 4,
      kind: 'self',
      obtainedOn: '2027-03-01',
      validUntil: '2027-02-01',
      bodyName: '  ',
    });
    expect(bad.statusCode).toBe(422);
    expect(error(bad)?.code).toBe('star_result_invalid');
    expect(error(bad)?.details?.map((d) => d.pointer)).toEqual(['/kind', '/validUntil', '/bodyName']);
    const en = await supplier.req(
      'POST',
      S(),
      { level: 3, kind: 'third_party', obtainedOn: '2027-03-01', validUntil: '2028-03-01' },
      { 'accept-language': 'en' },
    );
    expect(error(en)?.message).toMatch(/self-assessment/);
    expect(error(bad)?.message).toMatch(/自己評価/);
    const unknownAssessment = await supplier.post(S(), {
      level: 3,
      kind: 'self',
      obtainedOn: '2027-03-01',
      validUntil: '2028-03-31',
      assessmentId: 'not-ours',
    });
    expect(error(unknownAssessment)?.details?.map((d) => d.pointer)).toEqual(['/assessmentId']);
    // Another organization's assessment is not the supplier's own either.
    const catalogId = json<{ items: { id: string; urn: string }[] }>(
      await admin.get(`/api/orgs/${org.a}/catalogs`),
    ).items.find((c) => c.urn === 'urn:shinrai:catalog:ipa-sme-self-check')!.id;
    const ofA = json<{ assessment: { id: string } }>(
      must(await admin.post(`/api/orgs/${org.a}/assessments`, { catalogId, title: 'A の評価' }), 201),
    ).assessment.id;
    const notOurs = await supplier.post(S(), {
      level: 3,
      kind: 'self',
      obtainedOn: '2027-03-01',
      validUntil: '2028-03-31',
      assessmentId: ofA,
    });
    expect(error(notOurs)?.details?.map((d) => d.pointer)).toEqual(['/assessmentId']);
    const own = json<{ assessment: { id: string } }>(
      must(
        await supplier.post(`/api/orgs/${org.s}/assessments`, { catalogId, title: '★3 自己評価の準備' }),
        201,
      ),
    ).assessment.id;
    // Without a validity end it is refused by the schema (we never compute one).
    expect((await supplier.post(S(), { level: 3, kind: 'self', obtainedOn: '2027-03-01' })).statusCode).toBe(
      400,
    );
    const viewerTry = await supplierViewer.post(S(), {
      level: 3,
      kind: 'self',
      obtainedOn: '2027-03-01',
      validUntil: '2028-03-31',
    });
    expect(viewerTry.statusCode).toBe(403);
    expect(json<{ items: unknown[] }>(await supplier.get(S())).items).toEqual([]);

    const valid = json<Own>(
      must(
        await supplier.post(S(), {
          level: 3,
          kind: 'self',
          obtainedOn: '2027-03-01',
          validUntil: '2028-02-29',
          registrationNo: ' 自己-2027-001 ',
          assessmentId: own,
        }),
        201,
      ),
    );
    expect(valid).toMatchObject({
      level: 3,
      kind: 'self',
      registrationNo: '自己-2027-001',
      expired: false,
      assessmentId: own,
    });
    result.valid = valid.id;
    const up = multipart({ name: 'star3.pdf', data: PDF, type: 'application/pdf' }, {});
    const withFile = json<Own>(
      must(await supplier.req('POST', `${S()}/${valid.id}/evidence`, up.payload, up.headers), 200),
    );
    expect(withFile.evidence?.sha256).toBe(createHash('sha256').update(PDF).digest('hex'));
    const exe = multipart(
      { name: 'star3.exe', data: Buffer.from('MZ'), type: 'application/octet-stream' },
      {},
    );
    expect(
      error(await supplier.req('POST', `${S()}/${valid.id}/evidence`, exe.payload, exe.headers))?.code,
    ).toBe('evidence_refused');

    const expired = json<Own>(
      must(
        await supplier.post(S(), {
          level: 4,
          kind: 'third_party',
          obtainedOn: '2026-02-01',
          validUntil: '2027-04-04',
          bodyName: '例示評価機関',
        }),
        201,
      ),
    );
    expect(expired.expired).toBe(true);
    result.expired = expired.id;
    const list = json<{ items: Own[] }>(await supplierViewer.get(S())).items;
    expect(list.map((r) => [r.id, r.expired])).toEqual([
      [valid.id, false],
      [expired.id, true],
    ]);
    const logged = json<AuditList>(await supplier.get(`/api/orgs/${org.s}/audit?limit=50`)).items.map(
      (e) => e.action,
    );
    expect(logged).toContain('supplychain.star_result.record');
    expect(logged).toContain('supplychain.star_result.evidence');
  });

  it('offers only unexpired results, shown exactly as the buyer will see them; attaching needs consent', async () => {
    const offer = json<Offer>(must(await supplier.get(inbox(request.a)), 200));
    expect(offer.items.map((i) => i.id)).toEqual([result.valid]);
    expect(offer.attached).toBeNull();
    expect(await review(admin, org.a, request.a)).toBeNull();

    expect((await supplier.post(inbox(request.a), { starResultId: result.valid })).statusCode).toBe(400);
    expect(
      (await supplierViewer.post(inbox(request.a), { starResultId: result.valid, confirm: true })).statusCode,
    ).toBe(403);
    const old = await supplier.post(inbox(request.a), { starResultId: result.expired, confirm: true });
    expect(old.statusCode).toBe(409);
    expect(error(old)?.code).toBe('star_result_expired');
    expect(error(old)?.details?.[0]?.pointer).toBe('/starResultId');
    const guess = await supplier.post(inbox(request.a), { starResultId: 'guess', confirm: true });
    expect(error(guess)?.code).toBe('reuse_source_unknown');
    // Not a request of the supplier's inbox: B cannot attach to (or read) A's request through its own org.
    expect(
      (
        await buyerB.post(`/api/orgs/${org.b}/supplychain/inbox/${request.a}/star-result`, {
          starResultId: result.valid,
          confirm: true,
        })
      ).statusCode,
    ).toBe(404);

    must(await supplier.post(inbox(request.a), { starResultId: result.valid, confirm: true }), 200);
    const shown = await review(admin, org.a, request.a);
    const after = json<Offer>(await supplier.get(inbox(request.a)));
    expect(after.attached?.starResultId).toBe(result.valid);
    const { attachedAt: _at, correctedAt: _corrected, ...buyerSees } = shown!;
    // The supplier's own assessment link and the result's id stay with the supplier.
    expect(shown).not.toHaveProperty('assessmentId');
    expect(JSON.stringify(shown)).not.toContain(result.valid);
    expect(buyerSees).toEqual(offer.items[0]!.shown);
    expect(shown).toMatchObject({
      level: 3,
      kind: 'self',
      obtainedOn: '2027-03-01',
      validUntil: '2028-02-29',
      registrationNo: '自己-2027-001',
      expired: false,
    });
    const file = must(
      await admin.get(`/api/orgs/${org.a}/supplychain/requests/${request.a}/star-result/evidence`),
      200,
    );
    expect(createHash('sha256').update(file.rawPayload).digest('hex')).toBe(shown!.evidence!.sha256);
    expect(file.headers['x-content-sha256']).toBe(shown!.evidence!.sha256);

    const buyerLog = json<AuditList>(await admin.get(`/api/orgs/${org.a}/audit?limit=50`)).items.find(
      (e) => e.action === 'respond.star_result',
    );
    expect(buyerLog?.details).toMatchObject({
      consent: true,
      sourceType: 'star_result',
      level: 3,
      name: '江洲 花子',
    });
    const supplierLog = json<AuditList>(await supplier.get(`/api/orgs/${org.s}/audit?limit=50`)).items.find(
      (e) => e.action === 'supplychain.inbox.star_result',
    );
    expect(supplierLog?.details).toMatchObject({ consent: true, sourceId: result.valid });
  });

  it("A's registry and coverage use the attested ★; B, another buyer of the same supplier, sees nothing of it", async () => {
    const a = await registry(admin, org.a, supplierOf.a);
    expect(a.starHeld).toBeNull();
    expect(a.starRequired).toBe(3);
    expect(a.starAttested).toMatchObject({ level: 3, validUntil: '2028-02-29', requestId: request.a });
    expect(a.starMet).toBe(true);
    const coverage = json<{ star: { level: number; required: number; met: number }[] }>(
      must(await admin.get(`/api/orgs/${org.a}/suppliers/coverage/dashboard`), 200),
    );
    expect(coverage.star).toEqual([{ level: 3, required: 1, met: 1 }]);
    // The registry file carries the shown ★ beside the typed one (export-only columns, ignored on import).
    const rowOf = (csv: string, name: string) =>
      csv
        .split('\r\n')
        .find((l) => l.includes(name))
        ?.split(',')
        .slice(-4);
    const aCsv = must(await admin.get(`/api/orgs/${org.a}/suppliers/export.csv`), 200).body;
    expect(aCsv.split('\r\n')[0]).toContain('★（サプライヤー提示）');
    expect(rowOf(aCsv, a.name)).toEqual(['3', '自己評価', '2028-02-29', 'はい']);
    type Chain = { nodes: { id: string; starHeld: number | null; starAttested: boolean }[] };
    const chainNode = async (c: Client, o: string, id: string) =>
      json<Chain>(must(await c.get(`/api/orgs/${o}/suppliers/chain`), 200)).nodes.find((n) => n.id === id);
    expect(await chainNode(admin, org.a, supplierOf.a)).toMatchObject({ starHeld: 3, starAttested: true });
    expect(await chainNode(buyerB, org.b, supplierOf.b)).toMatchObject({
      starHeld: null,
      starAttested: false,
    });

    const b = await registry(buyerB, org.b, supplierOf.b);
    expect(b.starAttested).toBeNull();
    expect(b.starMet).toBe(false);
    const bCsv = must(await buyerB.get(`/api/orgs/${org.b}/suppliers/export.csv`), 200).body;
    expect(rowOf(bCsv, b.name)).toEqual(['', '', '', 'いいえ']);
    expect(await review(buyerB, org.b, request.b)).toBeNull();
    const bCoverage = json<{ star: { met: number }[] }>(
      await buyerB.get(`/api/orgs/${org.b}/suppliers/coverage/dashboard`),
    );
    expect(bCoverage.star).toEqual([{ level: 3, required: 1, met: 0 }]);
    // B reaches neither A's request nor its evidence, nor the supplier's own results.
    expect(
      (await buyerB.get(`/api/orgs/${org.b}/supplychain/requests/${request.a}/star-result/evidence`))
        .statusCode,
    ).toBe(404);
    expect((await buyerB.get(`/api/orgs/${org.a}/supplychain/requests/${request.a}`)).statusCode).toBe(404);
    expect((await buyerB.get(`/api/orgs/${org.s}/supplychain/star-results`)).statusCode).toBe(404);
    const bLog = json<AuditList>(await buyerB.get(`/api/orgs/${org.b}/audit?limit=100`)).items;
    expect(bLog.some((e) => e.action.includes('star_result'))).toBe(false);
  });

  it('is withdrawn before submission (audited in both logs) and locked once submitted', async () => {
    must(await supplier.del(inbox(request.a)), 204);
    expect(await review(admin, org.a, request.a)).toBeNull();
    expect((await registry(admin, org.a, supplierOf.a)).starAttested).toBeNull();
    expect(
      json<AuditList>(await admin.get(`/api/orgs/${org.a}/audit?limit=50`)).items.map((e) => e.action),
    ).toContain('respond.star_result_withdraw');
    expect((await supplier.del(inbox(request.a))).statusCode).toBe(404);
    must(await supplier.post(inbox(request.a), { starResultId: result.valid, confirm: true }), 200);
    for (let i = 1; i <= 25; i++)
      must(
        await supplier.req('PUT', `/api/orgs/${org.s}/supplychain/inbox/${request.a}/answers/${i}`, {
          value: { kind: 'choice', value: 'yes' },
          followUp: { reason: null, plannedDate: null },
        }),
        204,
      );
    must(await supplier.post(`/api/orgs/${org.s}/supplychain/inbox/${request.a}/submit`), 204);
    expect(json<Offer>(await supplier.get(inbox(request.a))).withdrawable).toBe(false);
    const late = await supplier.del(inbox(request.a));
    expect(late.statusCode).toBe(409);
    expect(error(late)?.code).toBe('campaign_state');
    must(await admin.post(`/api/orgs/${org.a}/supplychain/requests/${request.a}/accept`), 204);
    const locked = await supplier.post(inbox(request.a), { starResultId: result.valid, confirm: true });
    expect(locked.statusCode).toBe(409);
    expect(error(locked)?.code).toBe('campaign_state');
    expect((await review(admin, org.a, request.a))?.level).toBe(3);
  });
});
