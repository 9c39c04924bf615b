import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'vitest';
import { addMember, json, type Client, type TestApp } from './app.ts';
import { multipart } from './multipart.ts';

/**
 * A hub (its own organization and user) whose member is the given organization, with the current NDA
 * accepted, and a draft report of that member to the hub: what an .eml attachment needs.
 */
export async function memberReport(t: TestApp, admin: Client, orgId: string): Promise<string> {
  const user = await addMember(t, admin, orgId, `hub-${orgId.slice(0, 8)}@example.jp`, 'viewer');
  const me = json<{ user: { id: string } }>(await user.get('/api/me')).user.id;
  const hub = json<{ organization: { id: string } }>(
    await user.post('/api/orgs', { name: '製造業情報共有ハブ', kind: 'hub' }),
  ).organization.id;
  expect((await admin.del(`/api/orgs/${orgId}/members/${me}`)).statusCode).toBe(204);
  expect((await user.req('PUT', `/api/orgs/${hub}/sharing/hub`, { ndaVersion: '1' })).statusCode).toBe(200);
  const slug = json<{ organization: { slug: string } }>(await admin.get(`/api/orgs/${orgId}`)).organization
    .slug;
  const rel = json<{ relationship: { id: string } }>(
    await user.post(`/api/orgs/${hub}/relationships`, {
      counterpartSlug: slug,
      type: 'hub_member',
      side: 'from',
    }),
  ).relationship.id;
  expect((await admin.post(`/api/orgs/${orgId}/relationships/${rel}/accept`)).statusCode).toBe(200);
  expect(
    (await admin.post(`/api/orgs/${orgId}/sharing/hubs/${hub}/nda`, { version: '1', named: false }))
      .statusCode,
  ).toBe(200);
  const res = await admin.post(`/api/orgs/${orgId}/sharing/hubs/${hub}/reports`, {
    title: '請求書を装ったフィッシングメール',
    text: '2026年12月1日、取引先を装ったメールが届いた。メールを添付する。',
    lang: 'ja',
    attackType: 'targeted-attack',
    occurredOn: '2026-12-01',
  });
  expect(res.statusCode, res.body).toBe(201);
  return json<{ report: { id: string } }>(res).report.id;
}

/** The request that attaches a file to a report (multipart `file`), not yet sent. */
export function attachRequest(admin: Client, orgId: string, reportId: string, name: string, data: Buffer) {
  const { payload, headers } = multipart({ name, data }, {});
  return {
    method: 'POST' as const,
    url: `/api/orgs/${orgId}/sharing/reports/${reportId}/attachments`,
    payload,
    headers: { ...headers, cookie: admin.cookie ?? '', 'x-csrf-token': admin.csrf ?? '' },
  };
}

/**
 * A mail of about 9 MB: a text body of `lines` lines with one URL, and one base64 attachment of
 * `attachmentBytes` bytes; `attachment` is those bytes (to compare the hash the server reports).
 */
export function largeEml(lines = 30_000, attachmentBytes = 4_500_000) {
  const attachment = Buffer.alloc(attachmentBytes);
  for (let i = 0; i < attachment.length; i++) attachment[i] = (i * 7919) % 251;
  const body = Array.from(
    { length: lines },
    (_, i) => `${i + 1}. 請求書をご確認ください https://invoice.example-verify.com/view?id=8841`,
  ).join('\r\n');
  const b64 = attachment.toString('base64').replace(/.{76}/g, '$&\r\n');
  const mail = [
    'From: "経理部" <billing@example-verify.com>',
    'To: t.sato@sample-denki.co.jp',
    `Subject: =?UTF-8?B?${Buffer.from('【請求書】ご確認ください').toString('base64')}?=`,
    'Date: Tue, 01 Dec 2026 09:12:30 +0900',
    'Message-ID: <big.8841@example-verify.com>',
    'Received: from mx.example-verify.com (mx.example-verify.com [203.0.113.45]) by mx.sample-denki.co.jp with ESMTP; Tue, 01 Dec 2026 09:12:31 +0900',
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="b1"',
    '',
    '--b1',
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    body,
    '--b1',
    'Content-Type: application/octet-stream; name="invoice.dat"',
    'Content-Disposition: attachment; filename="invoice.dat"',
    'Content-Transfer-Encoding: base64',
    '',
    b64,
    '--b1--',
    '',
  ].join('\r\n');
  return { mail: Buffer.from(mail, 'utf8'), attachment };
}

/** A TAXII 2.1 server on a real loopback port answering every request with one envelope (one page). */
export async function taxiiPageServer(
  envelope: Buffer,
): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((_req, res) => {
    res
      .writeHead(200, {
        'content-type': 'application/taxii+json;version=2.1',
        'x-taxii-date-added-last': '2026-12-01T00:00:00.000Z',
      })
      .end(envelope);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/taxii2/root/`,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
