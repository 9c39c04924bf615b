import { JobWorker, scheduleDaily, SME_REMINDERS, smeRemindersJob } from '@shinrai/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, Client, json, makeApp, setupInstance, type TestApp } from '../helpers/app.ts';
import { pdfText } from '../helpers/pdf-text.ts';

interface Status {
  eligibility: { level: string; missing: string[] };
  selfCheck: { answered: number; total: number; points: number | null; band: { id: string } | null };
  policy: { set: boolean; published: boolean; publicUrl: string | null };
  fiveRules: { declared: number };
}

const POLICY = {
  companyName: '株式会社<script>alert(1)</script>みどり製作所',
  representativeTitle: '代表取締役',
  representativeName: '緑川 一郎',
  scope: '当社の全ての事業所と、業務で扱う全ての情報',
  contact: '総務部 03-0000-0000',
  establishedOn: '2026-11-25',
};

describe('SME package: five rules, self-check, policy, SECURITY ACTION, sharing', () => {
  let t: TestApp;
  let owner: Client;
  let orgId: string;
  let slug: string;
  const catalog = async (urn: string) =>
    json<{ items: { id: string; urn: string }[] }>(await owner.get(`/api/orgs/${orgId}/catalogs`)).items.find(
      (c) => c.urn === urn,
    )?.id;
  const status = async () => json<Status>(await owner.get(`/api/orgs/${orgId}/sme/status`));
  const answer = (id: string, ref: string, value: string) =>
    owner.req('PUT', `/api/orgs/${orgId}/assessments/${id}/answers/${ref}`, {
      value: { kind: 'choice', value },
      revision: 0,
    });

  beforeAll(async () => {
    t = await makeApp('sqlite');
    ({ admin: owner, orgId } = await setupInstance(t, 'みどり製作所'));
    slug = json<{ organization: { slug: string } }>(await owner.get(`/api/orgs/${orgId}`)).organization.slug;
  });
  afterAll(async () => {
    await t.close();
  });

  let selfCheckId = '';

  it('gives ★ once all five rules are declared', async () => {
    expect((await status()).eligibility.level).toBe('none');
    const id = json<{ assessment: { id: string } }>(
      await owner.post(`/api/orgs/${orgId}/assessments`, {
        catalogId: await catalog('urn:shinrai:catalog:ipa-five-rules'),
        title: '5か条',
      }),
    ).assessment.id;
    for (const r of ['1', '2', '3', '4']) await answer(id, r, 'declared');
    expect((await status()).eligibility.level).toBe('none');
    await answer(id, '5', 'declared');
    const s = await status();
    expect(s.fiveRules.declared).toBe(5);
    expect(s.eligibility).toMatchObject({
      level: 'star1',
      missing: ['self_check', 'policy_set', 'policy_published'],
    });
  });

  it('gives ★★ after the self-check and a published policy, not before', async () => {
    selfCheckId = json<{ assessment: { id: string } }>(
      await owner.post(`/api/orgs/${orgId}/assessments`, {
        catalogId: await catalog('urn:shinrai:catalog:ipa-sme-self-check'),
        title: '自社診断',
      }),
    ).assessment.id;
    for (let i = 1; i <= 25; i++) await answer(selfCheckId, String(i), i <= 20 ? 'yes' : 'partial');
    let s = await status();
    expect(s.selfCheck).toMatchObject({ answered: 25, total: 25, points: 90 });
    expect(s.selfCheck.band?.id).toBeDefined();
    expect(s.eligibility).toMatchObject({ level: 'star1', missing: ['policy_set', 'policy_published'] });

    expect((await owner.req('PUT', `/api/orgs/${orgId}/sme/policy`, POLICY)).statusCode).toBe(204);
    expect((await status()).eligibility).toMatchObject({ level: 'star1', missing: ['policy_published'] });
    const pub = json<{ publicUrl: string }>(
      await owner.post(`/api/orgs/${orgId}/sme/policy/publish`, { published: true }),
    );
    expect(pub.publicUrl).toMatch(new RegExp(`/p/${slug}/policy$`));
    s = await status();
    expect(s.eligibility).toMatchObject({ level: 'star2', missing: [] });
  });

  it('publishes the policy, escaped, on a public page, and nothing else of the organization', async () => {
    const anon = new Client(t.app);
    const page = await anon.get(`/p/${slug}/policy`);
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.body).toContain('情報セキュリティ基本方針');
    expect(page.body).toContain('緑川 一郎');
    expect(page.body).not.toContain('<script>alert(1)</script>');
    expect(page.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page.body).not.toContain('data-entries-lang');
    const en = await anon.get(`/p/${slug}/policy?lang=en`);
    expect(en.body).toContain('Basic Information Security Policy');
    // The company wrote its entries in Japanese: the English page shows them as written and says so.
    expect(en.body).toContain('data-entries-lang="ja"');
    expect(en.body).toContain('shown as the company wrote them, in Japanese');
    for (const url of [
      `/api/orgs/${orgId}`,
      `/api/orgs/${orgId}/sme/policy`,
      `/api/orgs/${orgId}/sme/status`,
      `/api/orgs/${orgId}/assessments`,
    ]) {
      expect((await anon.get(url)).statusCode, url).toBe(401);
    }
    expect((await anon.get('/p/no-such-org/policy')).statusCode).toBe(404);
    await owner.post(`/api/orgs/${orgId}/sme/policy/publish`, { published: false });
    expect((await anon.get(`/p/${slug}/policy`)).statusCode).toBe(404);
    expect((await status()).eligibility.level).toBe('star1');
    await owner.post(`/api/orgs/${orgId}/sme/policy/publish`, { published: true });
  });

  it('prints the policy as a PDF with Japanese text', async () => {
    const res = await owner.get(`/api/orgs/${orgId}/sme/policy.pdf`);
    expect(res.statusCode).toBe(200);
    const text = await pdfText(res.rawPayload);
    expect(text).toContain('情報セキュリティ基本方針');
    expect(text).toContain('緑川 一郎');
    expect(text).toContain('2026年11月25日');
  });

  it('records the declaration the company made with IPA', async () => {
    const bad = await owner.post(`/api/orgs/${orgId}/sme/declarations`, {
      level: 'star2',
      declarationId: 'abc',
      declaredOn: '2026-11-26',
    });
    expect(bad.statusCode).toBe(400);
    const ok = await owner.post(`/api/orgs/${orgId}/sme/declarations`, {
      level: 'star2',
      declarationId: '52345678901',
      declaredOn: '2026-11-26',
    });
    expect(ok.statusCode).toBe(201);
    expect(
      json<{ declarations: { declarationId: string }[] }>(await owner.get(`/api/orgs/${orgId}/sme/status`))
        .declarations[0]?.declarationId,
    ).toBe('52345678901');
  });

  it('shares the self-check with a buyer only through an active relationship, revocably', async () => {
    const buyerUser = await addMember(t, owner, orgId, 'buyer@example.jp', 'viewer');
    const buyer = json<{ organization: { id: string; slug: string } }>(
      await buyerUser.post('/api/orgs', { name: '大手機械', kind: 'enterprise' }),
    ).organization;
    // No relationship yet: refused.
    expect(
      (await owner.post(`/api/orgs/${orgId}/shares`, { assessmentId: selfCheckId, withOrgId: buyer.id }))
        .statusCode,
    ).toBe(403);
    const rel = json<{ relationship: { id: string } }>(
      await buyerUser.post(`/api/orgs/${buyer.id}/relationships`, {
        counterpartSlug: slug,
        type: 'buyer_supplier',
        side: 'from',
      }),
    ).relationship.id;
    expect((await owner.post(`/api/orgs/${orgId}/relationships/${rel}/accept`)).statusCode).toBe(200);
    const share = json<{ share: { id: string } }>(
      await owner.post(`/api/orgs/${orgId}/shares`, { assessmentId: selfCheckId, withOrgId: buyer.id }),
    ).share.id;

    const list = json<{ items: { id: string; from: { name: string } }[] }>(
      await buyerUser.get(`/api/orgs/${buyer.id}/shared-with-us`),
    );
    expect(list.items.map((i) => [i.id, i.from.name])).toEqual([[share, 'みどり製作所']]);
    const seen = json<{ score: { points: number } }>(
      await buyerUser.get(`/api/orgs/${buyer.id}/shared-with-us/${share}`),
    );
    expect(seen.score.points).toBe(90);
    // The buyer still cannot open the supplier's assessment directly.
    expect((await buyerUser.get(`/api/orgs/${buyer.id}/assessments/${selfCheckId}`)).statusCode).toBe(404);

    expect((await owner.del(`/api/orgs/${orgId}/shares/${share}`)).statusCode).toBe(204);
    expect((await buyerUser.get(`/api/orgs/${buyer.id}/shared-with-us/${share}`)).statusCode).toBe(404);
    expect(
      json<{ items: unknown[] }>(await buyerUser.get(`/api/orgs/${buyer.id}/shared-with-us`)).items,
    ).toEqual([]);

    // A new share disappears when the relationship ends.
    const again = json<{ share: { id: string } }>(
      await owner.post(`/api/orgs/${orgId}/shares`, { assessmentId: selfCheckId, withOrgId: buyer.id }),
    ).share.id;
    expect((await buyerUser.get(`/api/orgs/${buyer.id}/shared-with-us/${again}`)).statusCode).toBe(200);
    expect((await owner.post(`/api/orgs/${orgId}/relationships/${rel}/end`)).statusCode).toBe(200);
    expect((await buyerUser.get(`/api/orgs/${buyer.id}/shared-with-us/${again}`)).statusCode).toBe(404);
    // Ending it revoked the share, audited in the supplier's log.
    const mine = json<{ items: { id: string; revokedAt: string | null }[] }>(
      await owner.get(`/api/orgs/${orgId}/shares`),
    ).items;
    expect(mine.find((s) => s.id === again)?.revokedAt).not.toBeNull();
    const log = json<{ items: { action: string; targetId: string; details: Record<string, unknown> }[] }>(
      await owner.get(`/api/orgs/${orgId}/audit?limit=100`),
    ).items;
    expect(
      log.filter((e) => e.action === 'share.revoke' && e.details.reason === 'relationship_ended'),
    ).toEqual([
      expect.objectContaining({
        targetId: again,
        details: { reason: 'relationship_ended', relationship: rel, by: orgId },
      }),
    ]);

    // A new relationship is agreed: the share never revoked by hand does not come back with it.
    const rel2 = json<{ relationship: { id: string } }>(
      await buyerUser.post(`/api/orgs/${buyer.id}/relationships`, {
        counterpartSlug: slug,
        type: 'buyer_supplier',
        side: 'from',
      }),
    ).relationship.id;
    expect((await owner.post(`/api/orgs/${orgId}/relationships/${rel2}/accept`)).statusCode).toBe(200);
    expect((await buyerUser.get(`/api/orgs/${buyer.id}/shared-with-us/${again}`)).statusCode).toBe(404);
    expect(
      json<{ items: unknown[] }>(await buyerUser.get(`/api/orgs/${buyer.id}/shared-with-us`)).items,
    ).toEqual([]);
  });
});

describe('yearly self-check reminders', () => {
  it('mails owners about a year after the last self-check, at most monthly, and schedules the next run', async () => {
    let now = new Date('2026-01-10T01:00:00Z');
    const t = await makeApp('sqlite', { now: () => now });
    try {
      const { admin, orgId } = await setupInstance(t, '年次確認株式会社');
      const catalogId = json<{ items: { id: string; urn: string }[] }>(
        await admin.get(`/api/orgs/${orgId}/catalogs`),
      ).items.find((c) => c.urn === 'urn:shinrai:catalog:ipa-sme-self-check')?.id;
      const id = json<{ assessment: { id: string } }>(
        await admin.post(`/api/orgs/${orgId}/assessments`, { catalogId, title: '2026' }),
      ).assessment.id;
      for (let i = 1; i <= 25; i++) {
        await admin.req('PUT', `/api/orgs/${orgId}/assessments/${id}/answers/${i}`, {
          value: { kind: 'choice', value: 'yes' },
          revision: 0,
        });
      }
      const worker = new JobWorker(t.deps, { [SME_REMINDERS]: smeRemindersJob(t.deps) });
      const runDay = async () => {
        await scheduleDaily(t.deps, SME_REMINDERS);
        now = new Date(now.getTime() + 86_400_000);
        await worker.tick();
        await worker.idle();
      };
      const mailsTo = () => t.mails.filter((m) => m.subject.includes('自社診断の見直し')).length;
      await runDay();
      expect(mailsTo()).toBe(0); // done this month: nothing to remind
      now = new Date('2026-12-20T01:00:00Z');
      await runDay();
      expect(mailsTo()).toBe(1);
      expect(t.mails.at(-1)).toMatchObject({ to: 'admin@example.jp' });
      expect(t.mails.at(-1)?.text).toContain(`/orgs/${orgId}/assessments`);
      await runDay();
      expect(mailsTo()).toBe(1); // not again within a month
      const queued = await t.deps.store.db
        .selectFrom('jobs')
        .select(['id', 'status'])
        .where('kind', '=', SME_REMINDERS)
        .where('status', '=', 'queued')
        .execute();
      expect(queued).toHaveLength(1);
    } finally {
      await t.close();
    }
  });
});
