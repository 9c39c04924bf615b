import type { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, makeApp, setupInstance, type Client, type TestApp } from '../helpers/app.ts';
import { multipart } from '../helpers/multipart.ts';
import { linkSupplier, must, personWithOrg } from '../helpers/supplychain-parties.ts';
import { startSmtp, stopSmtp, type Received } from '../helpers/smtp.ts';

/*
 * "Answer once" with date and file questions, on the dialect of the API suites: a supplier on Shinrai answers
 * buyer A's questionnaire from its inbox (the file question by attaching a file), then reuses those answers for
 * buyer B's request of the same catalog; the file comes along, so B's file question is answered too.
 */

const URN = 'urn:shinrai:catalog:question-types-reuse';
const CSV =
  '\uFEFFID,親ID,項目名,Title,回答形式\r\n' +
  'Q1,,方針を定めている,A policy is set,impl\r\n' +
  'D1,,直近のインシデント対応訓練の実施日,Date of the last incident response exercise,date\r\n' +
  'F1,,認証の証明書を添付してください,Attach your certificate,file\r\n';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const none = { reason: null, plannedDate: null };

interface Item {
  ref: string;
  kind: string;
  value: unknown;
  evidence: unknown[];
}

describe('answer once with a file question', () => {
  const mails: Received[] = [];
  let smtp: SMTPServer;
  let t: TestApp;
  let admin: Client;
  let supplier: Client;
  let buyerB: Client;
  const org = { a: '', b: '', s: '' };

  const person = (email: string, name: string, orgName: string) =>
    personWithOrg(t, admin, org.a, mails, { email, name, orgName });

  /** The catalog imported from CSV, a relationship with S, its registry entry linked to S, and a campaign. */
  async function buyerSends(buyer: Client, buyerOrg: string, title: string): Promise<string> {
    const { payload, headers } = multipart(
      { name: 'kinds.csv', data: Buffer.from(CSV, 'utf8') },
      {
        options: JSON.stringify({
          mode: 'apply',
          mapping: {
            ref: 'ID',
            parent: '親ID',
            titleJa: '項目名',
            titleEn: 'Title',
            answerModel: '回答形式',
          },
          header: { id: URN, version: '1.0.0', title: { ja: '形式確認', en: 'Kinds' } },
          defaultProvenance: 'own',
        }),
      },
    );
    must(await buyer.req('POST', `/api/orgs/${buyerOrg}/catalogs/import`, payload, headers), 201);
    const catalogId = json<{ items: { id: string; urn: string }[] }>(
      await buyer.get(`/api/orgs/${buyerOrg}/catalogs`),
    ).items.find((c) => c.urn === URN)!.id;
    const supplierId = await linkSupplier(buyer, buyerOrg, supplier, org.s);
    const sent = json<{ id: string }>(
      must(
        await buyer.post(`/api/orgs/${buyerOrg}/supplychain/campaigns`, {
          title,
          catalogId,
          deadline: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
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
    t = await makeApp('sqlite', { mailer, config: { publicUrl: 'https://shinrai.example.jp' } });
    ({ admin, orgId: org.a } = await setupInstance(t, 'エー機械株式会社'));
    ({ c: supplier, id: org.s } = await person('owner@s-parts.example.jp', '江洲 花子', 'エス部品株式会社'));
    ({ c: buyerB, id: org.b } = await person('owner@b-kogyo.example.jp', '備 太郎', 'ビー工業株式会社'));
  });
  afterAll(async () => {
    await t.close();
    await stopSmtp(smtp);
  });

  const base = (id: string) => `/api/orgs/${org.s}/supplychain/inbox/${id}`;
  const items = async (id: string) => json<{ items: Item[] }>(must(await supplier.get(base(id)), 200)).items;

  it('answers the file question in the inbox by attaching a file, and copies it with the answers', async () => {
    const a = await buyerSends(admin, org.a, '2027年度 エー機械 取引先確認');
    const answer = (ref: string, value: unknown) =>
      supplier.req('PUT', `${base(a)}/answers/${ref}`, { value, followUp: none });
    must(await answer('Q1', { kind: 'choice', value: 'implemented' }), 204);
    must(await answer('D1', { kind: 'date', value: '2026-10-01' }), 204);
    expect((await items(a)).find((i) => i.ref === 'F1')).toMatchObject({ kind: 'file', value: null });
    const missing = must(await supplier.post(`${base(a)}/submit`), 422);
    expect((JSON.parse(missing.body) as { error: { details: unknown } }).error.details).toEqual([
      { in: 'body', pointer: '/items/F1', message: 'unanswered' },
    ]);
    const up = multipart({ name: 'cert.pdf', data: PDF, type: 'application/pdf' }, { ref: 'F1' });
    must(await supplier.req('POST', `${base(a)}/evidence`, up.payload, up.headers), 201);
    expect((await items(a)).find((i) => i.ref === 'F1')?.value).toEqual({ kind: 'file', files: 1 });
    must(await supplier.post(`${base(a)}/submit`), 204);

    const b = await buyerSends(buyerB, org.b, '2027年度 ビー工業 取引先確認');
    expect((await items(b)).every((i) => i.value === null)).toBe(true);
    // B's file question already holds another file: after the reuse it counts both (not A's count of 1).
    const note = multipart(
      { name: 'note.txt', data: Buffer.from('更新予定: 2027-03\n'), type: 'text/plain' },
      {
        ref: 'F1',
      },
    );
    must(await supplier.req('POST', `${base(b)}/evidence`, note.payload, note.headers), 201);
    const offer = json<{ items: { id: string; items: { ref: string }[]; evidence: number }[] }>(
      must(await supplier.get(`${base(b)}/reuse`), 200),
    ).items.find((o) => o.id === a)!;
    expect(offer.items.map((i) => i.ref)).toEqual(['Q1', 'D1', 'F1']);
    expect(offer.evidence).toBe(1);
    must(
      await supplier.post(`${base(b)}/reuse`, {
        type: 'request',
        id: a,
        refs: ['Q1', 'D1', 'F1'],
        confirm: true,
      }),
      200,
    );
    const filled = await items(b);
    expect(filled.find((i) => i.ref === 'D1')?.value).toEqual({ kind: 'date', value: '2026-10-01' });
    const f1 = filled.find((i) => i.ref === 'F1')!;
    expect(f1.value).toEqual({ kind: 'file', files: 2 });
    expect(f1.evidence).toHaveLength(2);
    must(await supplier.post(`${base(b)}/submit`), 204);
  });
});
