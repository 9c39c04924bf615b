import { isValidCorporateNumber } from '@shinrai/core';
import { createMailer } from '@shinrai/server';
import { appendAudit } from '@shinrai/store';
import type { FastifyBaseLogger } from 'fastify';
import type { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, Client, json, makeApp, setupInstance, type TestApp } from '../helpers/app.ts';
import { startSmtp, stopSmtp, type Received } from '../helpers/smtp.ts';

const PUBLIC_URL = 'https://shinrai.example.jp';

/** A valid 法人番号 from 12 digits (the check digit in front). */
function corporateNumber(base: string): string {
  for (let d = 1; d <= 9; d++) if (isValidCorporateNumber(`${d}${base}`)) return `${d}${base}`;
  throw new Error('no check digit');
}

interface Entry {
  slug: string;
  name: string;
  kind: string;
  prefecture: string | null;
}

describe('buyer and supplier: finding, inviting, requests by mail, names in the audit log', () => {
  const inbox: Received[] = [];
  let smtp: SMTPServer;
  let t: TestApp;
  let buyer: Client;
  let buyerOrg: string;
  let supplierUser: Client;
  let supplierOrg: { id: string; slug: string };
  const shown = corporateNumber('700110005901');
  const hidden = corporateNumber('700110005902');

  const search = (q: string, c = buyer, org = buyerOrg) =>
    c.get(`/api/orgs/${org}/directory?q=${encodeURIComponent(q)}`);
  const names = async (q: string) => json<{ items: Entry[] }>(await search(q)).items.map((i) => i.name);

  beforeAll(async () => {
    let mailer;
    ({ smtp, mailer } = await startSmtp(inbox));
    t = await makeApp('sqlite', { mailer, config: { publicUrl: PUBLIC_URL } });
    ({ admin: buyer, orgId: buyerOrg } = await setupInstance(t, '大手機械工業'));
    // Members are added by invitation, whose mails go to the same SMTP server.
    supplierUser = await (async () => {
      const inv = await buyer.post(`/api/orgs/${buyerOrg}/invitations`, {
        email: 'supplier@example.jp',
        role: 'viewer',
      });
      const token = inbox.at(-1)?.mail.text?.match(/\/invite\/([\w-]+)/)?.[1];
      expect(inv.statusCode).toBe(201);
      const c = new Client(t.app);
      await c.post(`/api/invitations/${token}/accept`, {
        displayName: '供給 花子',
        password: 'another long passphrase 1',
      });
      return c;
    })();
    supplierOrg = json<{ organization: { id: string; slug: string } }>(
      await supplierUser.post('/api/orgs', {
        name: 'ｼﾝﾗｲ精密株式会社',
        kind: 'supplier',
        prefecture: '23',
        corporateNumber: shown,
        discoverable: true,
      }),
    ).organization;
    await supplierUser.post('/api/orgs', {
      name: 'シンライ秘密工業',
      kind: 'supplier',
      corporateNumber: hidden,
    });
    inbox.length = 0;
  });
  afterAll(async () => {
    await t.close();
    await stopSmtp(smtp);
  });

  it('finds an organization that allows it by part of its name, full or half width, and by 法人番号', async () => {
    expect(await names('シンライ')).toEqual(['ｼﾝﾗｲ精密株式会社']);
    expect(await names('ｼﾝﾗｲ')).toEqual(['ｼﾝﾗｲ精密株式会社']);
    expect(await names('精密')).toEqual(['ｼﾝﾗｲ精密株式会社']);
    const byNumber = json<{ items: Entry[] }>(await search(shown)).items;
    // Only what the request needs: no id, no members, no 法人番号 echoed.
    expect(byNumber).toEqual([
      { slug: supplierOrg.slug, name: 'ｼﾝﾗｲ精密株式会社', kind: 'supplier', prefecture: '23' },
    ]);
    // Full-width digits with hyphens are the same number.
    const wide = shown.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    expect(json<{ items: Entry[] }>(await search(`${wide.slice(0, 4)}-${wide.slice(4)}`)).items).toHaveLength(
      1,
    );
  });

  it('never reveals an organization that does not allow being found', async () => {
    expect(await names('秘密')).toEqual([]);
    expect(json<{ items: Entry[] }>(await search(hidden)).items).toEqual([]);
    // LIKE wildcards are matched literally, so they cannot list everyone.
    expect(await names('%%')).toEqual([]);
    expect(await names('__')).toEqual([]);
    // Nor does the searching organization find itself.
    expect(await names('大手機械')).toEqual([]);
    // Switching the setting on makes it findable; off again hides it.
    const hiddenId = json<{ memberships: { organization: { id: string; name: string } }[] }>(
      await supplierUser.get('/api/me'),
    ).memberships.find((m) => m.organization.name === 'シンライ秘密工業')?.organization.id;
    await supplierUser.patch(`/api/orgs/${hiddenId}`, { discoverable: true });
    expect(await names('秘密')).toEqual(['シンライ秘密工業']);
    await supplierUser.patch(`/api/orgs/${hiddenId}`, { discoverable: false });
    expect(await names('秘密')).toEqual([]);
  });

  it('refuses a one-letter search and a 法人番号 with a wrong check digit, located', async () => {
    const short = await search('ｼ');
    expect(short.statusCode).toBe(400);
    expect(json(short)).toMatchObject({ error: { code: 'validation_failed' } });
    expect(JSON.stringify(json(short))).toContain('/q');
    const wrong = `${(Number(shown[0]) % 9) + 1}${shown.slice(1)}`;
    const bad = await search(wrong);
    expect(bad.statusCode).toBe(400);
    expect(json(bad)).toMatchObject({
      error: { code: 'invalid_corporate_number', details: { in: 'querystring', pointer: '/q' } },
    });
  });

  it('limits searches: at most 20 results a page and 30 searches a minute', async () => {
    for (let i = 1; i <= 22; i++)
      await supplierUser.post('/api/orgs', { name: `部品商事${i}`, kind: 'supplier', discoverable: true });
    const page = json<{ items: Entry[]; limit: number; more: boolean }>(await search('部品商事'));
    expect(page).toMatchObject({ limit: 20, more: true });
    expect(page.items).toHaveLength(20);
    let refusedAt = 0;
    for (let i = 1; i <= 31 && refusedAt === 0; i++)
      if ((await search('部品商事')).statusCode === 429) refusedAt = i;
    expect(refusedAt).toBeGreaterThan(0);
    expect(refusedAt).toBeLessThanOrEqual(31);
  });

  it('mails the supplier’s owners when a request arrives and counts it on the badge', async () => {
    const pending = async () =>
      json<{ incoming: number }>(await supplierUser.get(`/api/orgs/${supplierOrg.id}/relationships/pending`))
        .incoming;
    expect(await pending()).toBe(0);
    const res = await buyer.post(`/api/orgs/${buyerOrg}/relationships`, {
      counterpartSlug: supplierOrg.slug,
      type: 'buyer_supplier',
      side: 'from',
    });
    expect(res.statusCode).toBe(201);
    expect(inbox).toHaveLength(1);
    const [{ envelope, mail }] = inbox as [Received];
    expect(envelope.rcptTo.map((r) => r.address)).toEqual(['supplier@example.jp']);
    expect(mail.subject).toContain('大手機械工業');
    expect(mail.text).toContain(`${PUBLIC_URL}/orgs/${supplierOrg.id}/relationships`);
    expect(await pending()).toBe(1);
    // The requester's own pending request is not a badge for it.
    expect(
      json<{ incoming: number }>(await buyer.get(`/api/orgs/${buyerOrg}/relationships/pending`)).incoming,
    ).toBe(0);
    const id = json<{ relationship: { id: string } }>(res).relationship.id;
    await supplierUser.post(`/api/orgs/${supplierOrg.id}/relationships/${id}/accept`);
    expect(await pending()).toBe(0);
  });

  it('invites an organization not on Shinrai by e-mail; the link signs it up with the request waiting', async () => {
    inbox.length = 0;
    const res = await buyer.post(`/api/orgs/${buyerOrg}/org-invitations`, {
      email: 'Newco@Example.jp',
      companyName: '新規部品株式会社',
      type: 'buyer_supplier',
      side: 'from',
    });
    expect(res.statusCode).toBe(201);
    expect(json(res)).toMatchObject({
      mail: 'sent',
      invitation: { status: 'pending', email: 'newco@example.jp' },
    });
    expect(json(res)).not.toHaveProperty('link');
    expect(inbox).toHaveLength(1);
    const text = inbox[0]?.mail.text ?? '';
    expect(text).toContain('新規部品株式会社');
    const token = text.match(/\/org-invite\/([\w-]+)/)?.[1] ?? '';
    const stranger = new Client(t.app);
    expect(json(await stranger.get(`/api/org-invitations/${token}`))).toMatchObject({
      from: { name: '大手機械工業' },
      companyName: '新規部品株式会社',
      email: 'newco@example.jp',
      accountExists: false,
    });
    const acc = await stranger.post(`/api/org-invitations/${token}/accept`, {
      displayName: '新規 一郎',
      password: 'a long enough passphrase 2',
      organization: { name: '新規部品株式会社', kind: 'supplier', slug: 'shinki-buhin', discoverable: false },
    });
    expect(acc.statusCode).toBe(200);
    const { orgId, relationshipId } = json<{ orgId: string; relationshipId: string }>(acc);
    const rels = json<{ items: { id: string; status: string; requestedBy: string; from: { id: string } }[] }>(
      await stranger.get(`/api/orgs/${orgId}/relationships`),
    ).items;
    expect(rels).toEqual([
      expect.objectContaining({ id: relationshipId, status: 'pending', requestedBy: buyerOrg }),
    ]);
    expect(rels[0]?.from.id).toBe(buyerOrg);
    expect(
      json<{ incoming: number }>(await stranger.get(`/api/orgs/${orgId}/relationships/pending`)).incoming,
    ).toBe(1);
    // The organization has the chosen slug, and only it may accept: the buyer cannot accept its own request.
    expect(json(await stranger.get(`/api/orgs/${orgId}`))).toMatchObject({
      organization: { slug: 'shinki-buhin', discoverable: false },
    });
    expect(
      (await buyer.post(`/api/orgs/${buyerOrg}/relationships/${relationshipId}/accept`)).statusCode,
    ).toBe(409);
    expect(
      (await stranger.post(`/api/orgs/${orgId}/relationships/${relationshipId}/accept`)).statusCode,
    ).toBe(200);
    // Single use.
    expect((await new Client(t.app).get(`/api/org-invitations/${token}`)).statusCode).toBe(410);
    const list = json<{ items: { status: string }[] }>(
      await buyer.get(`/api/orgs/${buyerOrg}/org-invitations`),
    );
    expect(list.items.map((i) => i.status)).toEqual(['accepted']);
  });

  it('names the objects in the audit log, only from the organization’s own objects', async () => {
    const catalogs = json<{ items: { id: string; urn: string }[] }>(
      await buyer.get(`/api/orgs/${buyerOrg}/catalogs`),
    ).items;
    const catalogId = catalogs.find((c) => c.urn === 'urn:shinrai:catalog:ipa-sme-self-check')?.id;
    const mine = json<{ assessment: { id: string } }>(
      await buyer.post(`/api/orgs/${buyerOrg}/assessments`, { catalogId, title: '当社の自社診断' }),
    ).assessment.id;
    const theirs = json<{ assessment: { id: string } }>(
      await supplierUser.post(`/api/orgs/${supplierOrg.id}/assessments`, {
        catalogId,
        title: '秘密の診断名',
      }),
    ).assessment.id;
    // An entry of the buyer's log that names the supplier's assessment id, and one of a deleted object
    // whose name was recorded when it happened.
    await t.deps.store.db.transaction().execute(async (trx) => {
      for (const [id, details] of [
        [theirs, {}],
        ['00000000-0000-4000-8000-000000000001', { name: '削除済みの製品' }],
      ] as const)
        await appendAudit(trx, t.deps.store.ops, {
          at: new Date().toISOString(),
          orgId: buyerOrg,
          actorUserId: null,
          actorTokenId: null,
          action: 'assessment.update',
          targetType: id === theirs ? 'assessment' : 'software_product',
          targetId: id,
          requestId: null,
          details,
        });
    });
    const entries = json<{
      items: { action: string; targetType: string; targetId: string; objectName: string | null }[];
    }>(await buyer.get(`/api/orgs/${buyerOrg}/audit?limit=100`)).items;
    const nameOf = (type: string, id: string) =>
      entries.find((e) => e.targetType === type && e.targetId === id)?.objectName;
    expect(nameOf('assessment', mine)).toBe('当社の自社診断');
    expect(nameOf('assessment', theirs)).toBeNull();
    expect(JSON.stringify(entries)).not.toContain('秘密の診断名');
    expect(nameOf('software_product', '00000000-0000-4000-8000-000000000001')).toBe('削除済みの製品');
    expect(nameOf('organization', buyerOrg)).toBe('大手機械工業');
    const rel = entries.find((e) => e.targetType === 'relationship');
    expect(['ｼﾝﾗｲ精密株式会社', '新規部品株式会社']).toContain(rel?.objectName);
    const inv = entries.find((e) => e.targetType === 'invitation');
    expect(inv?.objectName).toBe('supplier@example.jp');
  });
});

describe('a shared SME self-check shows its real state, the declaration and the policy page', () => {
  let t: TestApp;
  let owner: Client;
  let orgId: string;

  beforeAll(async () => {
    t = await makeApp('sqlite', { config: { publicUrl: PUBLIC_URL } });
    ({ admin: owner, orgId } = await setupInstance(t, 'みどり製作所'));
  });
  afterAll(async () => {
    await t.close();
  });

  it('in progress, then completed on its date with its score, ★★ and the policy link', async () => {
    const slug = json<{ organization: { slug: string } }>(await owner.get(`/api/orgs/${orgId}`)).organization
      .slug;
    const catalogId = json<{ items: { id: string; urn: string }[] }>(
      await owner.get(`/api/orgs/${orgId}/catalogs`),
    ).items.find((c) => c.urn === 'urn:shinrai:catalog:ipa-sme-self-check')?.id;
    const id = json<{ assessment: { id: string } }>(
      await owner.post(`/api/orgs/${orgId}/assessments`, { catalogId, title: '自社診断' }),
    ).assessment.id;
    const answer = (ref: number) =>
      owner.req('PUT', `/api/orgs/${orgId}/assessments/${id}/answers/${ref}`, {
        value: { kind: 'choice', value: 'yes' },
        revision: 0,
      });
    await answer(1);
    const buyerUser = await addMember(t, owner, orgId, 'buyer@example.jp', 'viewer');
    const buyer = json<{ organization: { id: string } }>(
      await buyerUser.post('/api/orgs', { name: '大手機械', kind: 'enterprise' }),
    ).organization;
    const rel = json<{ relationship: { id: string } }>(
      await buyerUser.post(`/api/orgs/${buyer.id}/relationships`, {
        counterpartSlug: slug,
        type: 'buyer_supplier',
        side: 'from',
      }),
    ).relationship.id;
    await owner.post(`/api/orgs/${orgId}/relationships/${rel}/accept`);
    const share = json<{ share: { id: string } }>(
      await owner.post(`/api/orgs/${orgId}/shares`, { assessmentId: id, withOrgId: buyer.id }),
    ).share.id;
    type Sme = {
      state: string;
      completedAt: string | null;
      answered: number;
      items: number;
      points: number | null;
      declaration: { level: string; declarationId: string; declaredOn: string } | null;
      policyUrl: string | null;
    };
    const listed = async () =>
      json<{ items: { sme: Sme | null }[] }>(await buyerUser.get(`/api/orgs/${buyer.id}/shared-with-us`))
        .items[0]?.sme;
    expect(await listed()).toMatchObject({
      kind: 'self_check',
      state: 'in_progress',
      completedAt: null,
      answered: 1,
      items: 25,
      declaration: null,
      policyUrl: null,
    });
    for (let i = 2; i <= 25; i++) await answer(i);
    await owner.post(`/api/orgs/${orgId}/sme/declarations`, {
      level: 'star2',
      declarationId: '12345678901',
      declaredOn: '2026-11-30',
    });
    await owner.req('PUT', `/api/orgs/${orgId}/sme/policy`, {
      companyName: 'みどり製作所',
      representativeTitle: '代表取締役',
      representativeName: '緑川 一郎',
      scope: '全ての事業所',
      contact: '総務部',
      establishedOn: '2026-11-25',
    });
    await owner.post(`/api/orgs/${orgId}/sme/policy/publish`, { published: true });
    const detail = json<{ assessment: { status: string }; sme: Sme }>(
      await buyerUser.get(`/api/orgs/${buyer.id}/shared-with-us/${share}`),
    );
    expect(detail.sme).toMatchObject({
      state: 'completed',
      answered: 25,
      points: 100,
      declaration: { level: 'star2', declarationId: '12345678901', declaredOn: '2026-11-30' },
      policyUrl: `${PUBLIC_URL}/p/${slug}/policy`,
    });
    expect(detail.sme.completedAt).toEqual(expect.any(String));
    expect((await listed())?.state).toBe('completed');
    // The buyer's log names the received share by what it shares, only while it lasts.
    const received = async () =>
      json<{ items: { action: string; objectName: string | null }[] }>(
        await buyerUser.get(`/api/orgs/${buyer.id}/audit`),
      ).items.find((e) => e.action === 'share.received')?.objectName;
    expect(await received()).toBe('自社診断');
    await owner.del(`/api/orgs/${orgId}/shares/${share}`);
    expect(await received()).toBeNull();
  });
});

describe('inviting an organization without an SMTP server', () => {
  it('says no mail was sent and hands the inviter a working link', async () => {
    const log = new Proxy({}, { get: () => () => undefined }) as FastifyBaseLogger;
    const t = await makeApp('sqlite', {
      mailer: createMailer(undefined, 'Shinrai <no-reply@example.jp>', log),
      config: { publicUrl: PUBLIC_URL },
    });
    try {
      const { admin, orgId } = await setupInstance(t, '大手機械工業');
      const res = await admin.post(`/api/orgs/${orgId}/org-invitations`, {
        email: 'nomail@example.jp',
        companyName: 'メール無し商事',
        type: 'buyer_supplier',
        side: 'from',
      });
      expect(res.statusCode).toBe(201);
      const body = json<{ mail: string; link: string }>(res);
      expect(body.mail).toBe('not_configured');
      expect(body.link).toMatch(new RegExp(`^${PUBLIC_URL}/org-invite/[\\w-]+$`));
      const offer = await new Client(t.app).get(`/api/org-invitations/${body.link.split('/').pop() ?? ''}`);
      expect(json(offer)).toMatchObject({ companyName: 'メール無し商事', email: 'nomail@example.jp' });
    } finally {
      await t.close();
    }
  });
});
