import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../helpers/app.ts';
import { addMember, json, makeApp, setupInstance, type TestApp } from '../helpers/app.ts';
import { multipart } from '../helpers/multipart.ts';

// Report attachments: a suspicious .eml parsed (recipients removed, hops, authentication, hashes, defanged
// URLs), its text sanitized with the report, its attacker side proposed as indicators; refusals before any
// work; the raw file for the hub and the reporter only; and the leak test: nothing of the recipients or of
// the reporter's people in the published report, its STIX bundle or the TAXII objects.

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/sharing/eml');
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name));
const TAXII = 'application/taxii+json;version=2.1';

interface Org {
  id: string;
  slug: string;
  name: string;
  user: Client;
}
interface Att {
  id: string;
  kind: string;
  filename: string;
  sha256: string;
  eml: {
    from: { address: string; name: string } | null;
    subject: string | null;
    auth: { spf: string | null; dkim: string | null; dmarc: string | null };
    received: { from: string | null; by: string | null; ips: string[] }[];
    defangedUrls: string[];
    urls: string[];
    attachments: { name: string; sha256: string; sha1: string; md5: string; size: number }[];
    recipientsRedacted: number;
    body: string;
    textCut?: { chars: number; urls: number; body: boolean };
  } | null;
}
interface Detail {
  id: string;
  revision: number;
  status: string;
  text: string;
  redactions: { start: number; end: number; category: string; text: string }[];
  indicators: { type: string; value: string; reason: string; source: string }[];
  attachments: Att[];
}

/** Everything that names a recipient of the fixture mails or the reporter's people in them. */
const SECRETS = [
  't.sato',
  'i.suzuki',
  'kobai@',
  'h.yamamoto',
  '佐藤',
  '鈴木',
  '山本',
  'sample-denki.co.jp',
  'サンプル電機',
];

describe('sharing report attachments (.eml)', () => {
  let t: TestApp;
  let admin: Client;
  let A: Org; // reporter
  let H: Org; // hub
  let B: Org; // member
  let D: Org; // not a member
  let reportId = '';
  let detail: Detail;

  async function orgOf(email: string, name: string, kind = 'enterprise'): Promise<Org> {
    const user = await addMember(t, admin, A.id, email, 'viewer');
    const me = json<{ user: { id: string } }>(await user.get('/api/me')).user.id;
    const org = json<{ organization: { id: string; slug: string } }>(
      await user.post('/api/orgs', { name, kind }),
    ).organization;
    expect((await admin.del(`/api/orgs/${A.id}/members/${me}`)).statusCode).toBe(204);
    return { id: org.id, slug: org.slug, name, user };
  }
  async function join(m: Org) {
    const rel = json<{ relationship: { id: string } }>(
      await H.user.post(`/api/orgs/${H.id}/relationships`, {
        counterpartSlug: m.slug,
        type: 'hub_member',
        side: 'from',
      }),
    ).relationship.id;
    expect((await m.user.post(`/api/orgs/${m.id}/relationships/${rel}/accept`)).statusCode).toBe(200);
    expect(
      (await m.user.post(`/api/orgs/${m.id}/sharing/hubs/${H.id}/nda`, { version: '1', named: false }))
        .statusCode,
    ).toBe(200);
  }
  const upload = (as: Org, name: string, data: Buffer, type?: string) => {
    const mp = multipart({ name, data, ...(type ? { type } : {}) }, {});
    return as.user.req(
      'POST',
      `/api/orgs/${as.id}/sharing/reports/${reportId}/attachments`,
      mp.payload,
      mp.headers,
    );
  };
  const read = async (as: Org = A) =>
    json<{ report: Detail }>(await as.user.get(`/api/orgs/${as.id}/sharing/reports/${reportId}`)).report;

  beforeAll(async () => {
    t = await makeApp('sqlite');
    let orgId: string;
    ({ admin, orgId } = await setupInstance(t, 'サンプル電機株式会社'));
    A = { id: orgId, slug: '', name: 'サンプル電機株式会社', user: admin };
    A.slug = json<{ organization: { slug: string } }>(
      await admin.get(`/api/orgs/${orgId}`),
    ).organization.slug;
    H = await orgOf('hub@example.jp', '製造業情報共有ハブ', 'hub');
    B = await orgOf('b@example.jp', 'ベータ精機');
    D = await orgOf('d@example.jp', 'デルタ物流');
    expect((await H.user.req('PUT', `/api/orgs/${H.id}/sharing/hub`, { ndaVersion: '1' })).statusCode).toBe(
      200,
    );
    await join(A);
    await join(B);
    await admin.req('PUT', `/api/orgs/${A.id}/sharing/dictionary`, {
      terms: [
        { term: 'サンプル電機', category: 'org' },
        { term: 'sample-denki.co.jp', category: 'org' },
      ],
    });
    const res = await admin.post(`/api/orgs/${A.id}/sharing/hubs/${H.id}/reports`, {
      title: '銀行・請求書を装ったフィッシングメール',
      text: '2026年12月1日、銀行と取引先を装ったメールが複数の社員に届いた。メールを添付する。',
      lang: 'ja',
      attackType: 'targeted-attack',
      occurredOn: '2026-12-01',
    });
    expect(res.statusCode, res.body).toBe(201);
    reportId = json<{ report: Detail }>(res).report.id;
  });
  afterAll(async () => {
    await t.close();
  });

  it('parses an .eml: headers, a Received chain of hops, failing authentication, recipients removed', async () => {
    const res = await upload(A, 'bank-utf8-qp.eml', fixture('bank-utf8-qp.eml'));
    expect(res.statusCode, res.body).toBe(201);
    detail = json<{ report: Detail }>(res).report;
    expect(detail.status).toBe('awaiting_review');
    expect(detail.revision).toBe(2);
    const eml = detail.attachments[0]?.eml;
    expect(eml?.from).toEqual({ address: 'support@sample-bank.example', name: 'サンプル銀行' });
    expect(eml?.subject).toBe('【重要】口座の本人確認のお願い');
    expect(eml?.auth).toEqual({ spf: 'fail', dkim: 'none', dmarc: 'fail' });
    expect(eml?.received.map((h) => h.ips)).toEqual([
      ['10.20.0.5'],
      ['203.0.113.45'],
      ['192.0.2.77', '198.51.100.23'],
    ]);
    expect(eml?.defangedUrls).toEqual([
      'hxxps://sample-bank-login[.]example-verify[.]com/auth/confirm?id=8841',
    ]);
    expect(eml?.recipientsRedacted).toBe(1);
    // The attacker side is proposed, marked as from the attachment; private hops are not.
    const fromMail = detail.indicators
      .filter((i) => i.source === 'attachment')
      .map((i) => [i.type, i.value, i.reason]);
    expect(fromMail).toEqual(
      expect.arrayContaining([
        ['email', 'support@sample-bank.example', 'eml_sender'],
        ['email', 'verify-desk@example-verify.com', 'eml_reply_to'],
        ['email', 'bounce-7731@mailer.example-verify.com', 'eml_return_path'],
        ['ipv4', '203.0.113.45', 'eml_received_ip'],
        ['url', 'https://sample-bank-login.example-verify.com/auth/confirm?id=8841', 'eml_url'],
      ]),
    );
    expect(detail.indicators.some((i) => i.value === '10.20.0.5')).toBe(false);
    expect(detail.indicators.some((i) => i.value.includes('20261201001230.8841'))).toBe(false);
    // The mail's text joined the report defanged; recipients never appear, even for the hub.
    expect(detail.text).toContain('hxxps://sample-bank-login[.]example-verify[.]com');
    for (const s of ['t.sato', '佐藤']) expect(JSON.stringify(await read(H))).not.toContain(s);
  });

  it('reads ISO-2022-JP and base64, hashes the mail’s own attachment, and sanitizes the mail’s text', async () => {
    const res = await upload(A, 'invoice-iso2022jp.eml', fixture('invoice-iso2022jp.eml'), 'message/rfc822');
    expect(res.statusCode, res.body).toBe(201);
    const r = json<{ report: Detail }>(res).report;
    const eml = r.attachments[1]?.eml;
    expect(eml?.subject).toBe('【請求書送付】11月分ご請求のご案内');
    expect(eml?.received).toHaveLength(4);
    expect(eml?.auth).toEqual({ spf: 'softfail', dkim: 'fail', dmarc: 'fail' });
    expect(eml?.recipientsRedacted).toBe(2);
    const inner = eml?.attachments[0];
    expect(inner).toMatchObject({ name: '請求書_202611.txt', size: 132 });
    expect(inner?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(inner?.sha1).toMatch(/^[0-9a-f]{40}$/);
    expect(inner?.md5).toMatch(/^[0-9a-f]{32}$/);
    expect(r.indicators).toContainEqual({
      type: 'sha256',
      value: inner?.sha256,
      reason: 'eml_attachment_hash',
      source: 'attachment',
    });
    // The reporter's name in the mail's body is proposed for redaction like the report text.
    const red = r.redactions.map((x) => x.text);
    expect(red).toEqual(expect.arrayContaining([expect.stringContaining('サンプル電機')]));
    const res3 = await upload(A, 'delivery-utf8-base64.eml', fixture('delivery-utf8-base64.eml'));
    expect(res3.statusCode, res3.body).toBe(201);
    detail = json<{ report: Detail }>(res3).report;
    expect(detail.attachments[2]?.eml?.received[1]?.ips).toEqual(['2001:db8:85a3::8a2e:370:7334']);
    // A sender spoofed as the recipient ("sent from your own account"): hidden, never an indicator.
    const self = await upload(A, 'sextortion.eml', fixture('sextortion-spoofed-self.eml'));
    expect(self.statusCode, self.body).toBe(201);
    detail = json<{ report: Detail }>(self).report;
    const spoofed = detail.attachments[3]?.eml;
    expect(spoofed?.from).toEqual({ address: '［受信者］', name: '［受信者］' });
    expect(spoofed?.subject).toBe('あなたのアカウント ［受信者］ はハッキングされました');
    expect(detail.indicators.map((i) => i.value)).toEqual(
      expect.arrayContaining(['203.0.113.66', 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq']),
    );
    expect(JSON.stringify(detail)).not.toContain('t.sato');
    // The addressee's name in the body (the mail's To has no display name) is found by the analyser.
    expect(detail.redactions.filter((x) => x.category === 'person').map((x) => x.text)).toEqual(
      expect.arrayContaining(['山本', '花子']),
    );
  });

  it('refuses executables, archives, oversized and malformed files before any work, and keeps nothing', async () => {
    const before = await read();
    const code = (r: Parameters<typeof json>[0]) =>
      json<{ error: { code: string; details?: unknown } }>(r).error;
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);
    const zip = Buffer.from('504b0304140000000800', 'hex');
    expect(code(await upload(A, 'invoice.eml', exe)).code).toBe('sharing_attachment_type');
    expect(code(await upload(A, 'log.txt', zip)).code).toBe('sharing_attachment_type');
    expect(code(await upload(A, 'sample.exe', Buffer.from('plain text'))).code).toBe(
      'sharing_attachment_type',
    );
    const big = await upload(A, 'big.log', Buffer.alloc(10 * 1024 * 1024 + 1, 0x61));
    expect(big.statusCode).toBe(413);
    const notMail = await upload(A, 'x.eml', Buffer.from('hello world\nthis is no mail\n'));
    expect(notMail.statusCode).toBe(422);
    expect(code(notMail)).toMatchObject({
      code: 'sharing_eml_invalid',
      details: { file: 'x.eml', code: 'not_mail', line: 1 },
    });
    const many = Array.from({ length: 501 }, (_, i) => `X-H${i}: v`).join('\r\n');
    expect(code(await upload(A, 'h.eml', Buffer.from(`${many}\r\n\r\nbody`))).details).toMatchObject({
      code: 'headers',
      line: 501,
    });
    const en = await (async () => {
      admin.lang = 'en';
      try {
        return code(await upload(A, 'a.bin', exe));
      } finally {
        admin.lang = 'ja';
      }
    })();
    expect(JSON.stringify(en)).toContain('executables');
    const after = await read();
    expect(after.revision).toBe(before.revision);
    expect(after.attachments).toHaveLength(before.attachments.length);
    // A log excerpt is kept (not published); its attacker values are proposed.
    const log = await upload(
      A,
      'proxy.log',
      Buffer.from('2026-12-01 09:20 CONNECT 198.51.100.200:443 from 10.1.2.3\n'),
    );
    expect(log.statusCode, log.body).toBe(201);
    detail = json<{ report: Detail }>(log).report;
    expect(detail.indicators).toContainEqual(
      expect.objectContaining({ value: '198.51.100.200', source: 'attachment' }),
    );
  });

  it('lets the hub and the reporter download the raw file; the hub cannot attach; members and others get 404', async () => {
    const att = detail.attachments[0]!;
    const url = (o: Org) => `/api/orgs/${o.id}/sharing/reports/${reportId}/attachments/${att.id}`;
    for (const o of [A, H]) {
      const res = await o.user.get(url(o));
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/octet-stream');
      expect(res.headers['content-disposition']).toMatch(/^attachment;/);
      expect(res.rawPayload.equals(fixture('bank-utf8-qp.eml'))).toBe(true);
    }
    for (const o of [B, D]) expect((await o.user.get(url(o))).statusCode).toBe(404);
    expect((await upload(B, 'x.eml', fixture('bank-utf8-qp.eml'))).statusCode).toBe(404);
    expect((await upload(H, 'x.eml', fixture('bank-utf8-qp.eml'))).statusCode).toBe(403);
  });

  it('publishes the sanitized summary and the indicators: no recipient or reporter name anywhere a member reads', async () => {
    const r = await read(H);
    const reviewed = json<{ report: Detail }>(
      await H.user.req('PUT', `/api/orgs/${H.id}/sharing/reports/${reportId}/review`, {
        revision: r.revision,
        publishedTitle: '銀行・請求書を装ったフィッシングメール',
        redactions: r.redactions.map(({ start, end, category }) => ({ start, end, category })),
        indicators: r.indicators.map(({ type, value }) => ({ type, value })),
      }),
    ).report;
    const approved = await admin.post(`/api/orgs/${A.id}/sharing/reports/${reportId}/decision`, {
      revision: reviewed.revision,
      approve: true,
    });
    expect(approved.statusCode, approved.body).toBe(200);
    const pub = await H.user.post(`/api/orgs/${H.id}/sharing/reports/${reportId}/publish`, {
      revision: reviewed.revision,
      tlp: 'green',
      groupIds: [],
    });
    expect(pub.statusCode, pub.body).toBe(200);
    expect((await upload(A, 'late.eml', fixture('bank-utf8-qp.eml'))).statusCode).toBe(409);
    const token = json<{ secret: string }>(
      await B.user.post(`/api/orgs/${B.id}/tokens`, { name: 'taxii', role: 'viewer', expiresInDays: 30 }),
    ).secret;
    const taxii = (url: string) =>
      t.app.inject({ method: 'GET', url, headers: { accept: TAXII, authorization: `Bearer ${token}` } });
    const cols = JSON.parse((await taxii(`/taxii2/${H.slug}/collections/`)).body) as {
      collections: { id: string }[];
    };
    const objects = await Promise.all(
      cols.collections.map(
        async (c) => (await taxii(`/taxii2/${H.slug}/collections/${c.id}/objects/?limit=1000`)).body,
      ),
    );
    const feed = (await B.user.get(`/api/orgs/${B.id}/sharing/feed/${reportId}`)).body;
    const stix = (await B.user.get(`/api/orgs/${B.id}/sharing/feed/${reportId}/stix`)).body;
    const seen = [feed, stix, ...objects].join('\n');
    expect(seen).toContain('support@sample-bank.example');
    expect(seen).toContain('203.0.113.45');
    expect(objects.join('\n')).toContain('sample-bank-login.example-verify.com');
    for (const s of SECRETS) expect(seen, s).not.toContain(s);
    // Members never get the attachments or the raw mail.
    expect(feed).not.toContain('attachments');
    expect(seen).not.toContain('Delivered-To');
  });

  it('bounds the text derived from a mail to what a typed report may hold, and says what was cut', async () => {
    // 500 URLs of 8,000 characters (the most a mail gives): about 4 MB of derived text before the bound.
    const urls = Array.from({ length: 500 }, (_, i) => `https://evil.example/${i}/${'a'.repeat(7_980)}`);
    const mail = Buffer.from(
      [
        'From: billing@example-verify.com',
        'To: t.sato@sample-denki.co.jp',
        'Subject: invoice',
        '',
        '佐藤太郎様、請求書をご確認ください。',
        ...urls,
        '',
      ].join('\r\n'),
    );
    const created = await admin.post(`/api/orgs/${A.id}/sharing/hubs/${H.id}/reports`, {
      title: 'URL の多いメール',
      text: 'URL を大量に含むメールが届いた。',
      lang: 'ja',
      attackType: 'targeted-attack',
      occurredOn: '2026-12-01',
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = json<{ report: Detail }>(created).report.id;
    const mp = multipart({ name: 'urls.eml', data: mail }, {});
    const res = await A.user.req(
      'POST',
      `/api/orgs/${A.id}/sharing/reports/${id}/attachments`,
      mp.payload,
      mp.headers,
    );
    expect(res.statusCode, res.body.slice(0, 300)).toBe(201);
    const r = json<{ report: Detail }>(res).report;
    const before = 'URL を大量に含むメールが届いた。\n\n';
    expect(r.text.startsWith(before)).toBe(true);
    expect(r.text.length - before.length).toBeLessThanOrEqual(100_000);
    const cut = r.attachments[0]?.eml?.textCut;
    expect(cut?.urls).toBeGreaterThan(480);
    expect(cut?.body).toBe(false);
    expect(r.text).toMatch(
      new RegExp(
        `URL 一覧の ${cut?.urls} 件（計 ${cut?.chars.toLocaleString('en-US')} 文字）を省きました\\]$`,
      ),
    );
    // The body is kept and sanitized; the whole list stays in the summary and among the indicators.
    expect(r.redactions.map((x) => x.text)).toEqual(expect.arrayContaining(['佐藤太郎']));
    expect(r.attachments[0]?.eml?.urls).toHaveLength(500);
    expect(r.indicators.filter((i) => i.reason === 'eml_url').length).toBeGreaterThan(400);
  });
});
