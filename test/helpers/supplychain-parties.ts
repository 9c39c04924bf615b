import type { LightMyRequestResponse } from 'fastify';
import { Client, json, type TestApp } from './app.ts';
import type { Received } from './smtp.ts';

/** The response when its status is `status`; otherwise fails with the status and body. */
export function must(res: LightMyRequestResponse, status: number): LightMyRequestResponse {
  if (res.statusCode !== status) throw new Error(`${res.statusCode} ${res.body}`);
  return res;
}

/** Invites `email` to `orgId` with `role` (by `inviter`, mail through the real SMTP server) and signs them up. */
export async function invitedMember(
  t: TestApp,
  inviter: Client,
  orgId: string,
  mails: Received[],
  p: { email: string; role: string; name: string },
): Promise<Client> {
  must(await inviter.post(`/api/orgs/${orgId}/invitations`, { email: p.email, role: p.role }), 201);
  const token = [...mails]
    .reverse()
    .find((m) => m.envelope.rcptTo.some((r) => r.address === p.email))
    ?.mail.text?.match(/\/invite\/([\w-]+)/)?.[1];
  const c = new Client(t.app);
  must(
    await c.post(`/api/invitations/${token}/accept`, {
      displayName: p.name,
      password: 'another long passphrase 1',
    }),
    200,
  );
  return c;
}

/**
 * A person with an organization of their own. Invited to `hostOrg` (by `admin`, through the real SMTP server
 * whose mails land in `mails`) only to get an account, then removed from it.
 */
export async function personWithOrg(
  t: TestApp,
  admin: Client,
  hostOrg: string,
  mails: Received[],
  p: { email: string; name: string; orgName: string },
): Promise<{ c: Client; id: string }> {
  const c = await invitedMember(t, admin, hostOrg, mails, { email: p.email, role: 'viewer', name: p.name });
  const id = json<{ organization: { id: string } }>(
    must(await c.post('/api/orgs', { name: p.orgName, kind: 'enterprise' }), 201),
  ).organization.id;
  const members = json<{ items: { user: { id: string; email: string } }[] }>(
    await admin.get(`/api/orgs/${hostOrg}/members`),
  ).items;
  const userId = members.find((m) => m.user.email === p.email)!.user.id;
  must(await admin.del(`/api/orgs/${hostOrg}/members/${userId}`), 204);
  return { c, id };
}

/**
 * The supplier asks the buyer for an agreed buyer–supplier relationship, the buyer accepts and records the
 * supplier in its registry, linked to the supplier's organization. Returns the registry entry's id.
 */
export async function linkSupplier(
  buyer: Client,
  buyerOrg: string,
  supplier: Client,
  supplierOrg: string,
  entry: Record<string, unknown> = {},
): Promise<string> {
  const slug = json<{ organization: { slug: string } }>(await buyer.get(`/api/orgs/${buyerOrg}`)).organization
    .slug;
  const rel = json<{ relationship: { id: string } }>(
    must(
      await supplier.post(`/api/orgs/${supplierOrg}/relationships`, {
        counterpartSlug: slug,
        type: 'buyer_supplier',
        side: 'to',
      }),
      201,
    ),
  ).relationship.id;
  must(await buyer.post(`/api/orgs/${buyerOrg}/relationships/${rel}/accept`), 200);
  return json<{ supplier: { id: string } }>(
    must(
      await buyer.post(`/api/orgs/${buyerOrg}/suppliers`, {
        name: 'エス部品株式会社',
        linkedOrgId: supplierOrg,
        criticality: 'high',
        contacts: [{ name: '江洲 一郎', email: 'ichiro@s-parts.example.jp' }],
        ...entry,
      }),
      201,
    ),
  ).supplier.id;
}
