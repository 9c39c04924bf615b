import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../helpers/app.ts';
import { addMember, json, makeApp, setupInstance, type TestApp } from '../helpers/app.ts';

function must(res: LightMyRequestResponse, status: number): LightMyRequestResponse {
  if (res.statusCode !== status) throw new Error(`expected ${status}, got ${res.statusCode}: ${res.body}`);
  return res;
}

interface Chain {
  nodes: {
    id: string;
    parentId: string | null;
    tier: number;
    name: string;
    source: string;
    sharedBy: string | null;
    sharedByName: string | null;
    supplies: string[];
    score: number | null;
  }[];
  notShared: { orgId: string }[];
  limits: { maxTier: number; maxNodes: number; truncated: boolean };
}

/**
 * Tier 3 and beyond through shares: buyer → A → B → C → D, every company on Shinrai. The buyer sees B's
 * registry (C) only when B shares it with A AND allows A to pass it on; D only when C does the same with B.
 */
describe('supply chain: tier 3+ through onward shares', () => {
  let t: TestApp;
  let owner: Client;
  let buyer: string;
  const org: Record<'a' | 'b' | 'c' | 'x', string> = { a: '', b: '', c: '', x: '' };
  const users: Record<'a' | 'b' | 'c', Client | null> = { a: null, b: null, c: null };
  let buyerMember: Client;

  const slug = async (id: string) =>
    json<{ organization: { slug: string } }>(must(await owner.get(`/api/orgs/${id}`), 200)).organization.slug;
  /** An agreed buyer → supplier relationship (the supplier asks, the buyer accepts). */
  const relate = async (buyerOrg: string, supplierOrg: string) => {
    const rel = json<{ relationship: { id: string } }>(
      must(
        await owner.post(`/api/orgs/${supplierOrg}/relationships`, {
          counterpartSlug: await slug(buyerOrg),
          type: 'buyer_supplier',
          side: 'to',
        }),
        201,
      ),
    ).relationship.id;
    must(await owner.post(`/api/orgs/${buyerOrg}/relationships/${rel}/accept`), 200);
    return rel;
  };
  const record = async (c: Client, inOrg: string, name: string, linkedOrgId?: string) =>
    json<{ supplier: { id: string } }>(
      must(
        await c.post(`/api/orgs/${inOrg}/suppliers`, {
          name,
          supplies: ['components'],
          ...(linkedOrgId ? { linkedOrgId } : {}),
        }),
        201,
      ),
    ).supplier.id;
  const share = async (c: Client, from: string, withOrgId: string, shared: boolean, onward?: boolean) =>
    json<{ items: { orgId: string; shared: boolean; onward: boolean }[] }>(
      must(
        await c.req('PUT', `/api/orgs/${from}/suppliers/registry-shares`, {
          withOrgId,
          shared,
          ...(onward === undefined ? {} : { onward }),
        }),
        200,
      ),
    ).items;
  const chain = async (c: Client, of: string) =>
    json<Chain>(must(await c.get(`/api/orgs/${of}/suppliers/chain`), 200));
  const names = (c: Chain) => c.nodes.map((n) => `${n.tier}:${n.name}`).sort();

  beforeAll(async () => {
    t = await makeApp('sqlite');
    ({ admin: owner, orgId: buyer } = await setupInstance(t, '信頼精機'));
    for (const [k, name] of [
      ['a', 'エー電子'],
      ['b', 'ビー部品'],
      ['c', 'シー精密'],
      ['x', '無関係商事'],
    ] as const)
      org[k] = json<{ organization: { id: string } }>(
        must(await owner.post('/api/orgs', { name, kind: 'enterprise' }), 201),
      ).organization.id;
    // each supplier run by its own owner (who is not a member of the buyer)
    for (const k of ['a', 'b', 'c'] as const)
      users[k] = await addMember(t, owner, org[k], `${k}-owner@example.jp`, 'owner');
    buyerMember = await addMember(t, owner, buyer, 'buyer-member@example.jp', 'member');
    await relate(buyer, org.a);
    await relate(org.a, org.b);
    await relate(org.b, org.c);
    await record(owner, buyer, 'エー電子', org.a);
    await record(users.a!, org.a, 'ビー部品', org.b);
    await record(users.b!, org.b, 'シー精密', org.c);
    await record(users.c!, org.c, 'ディー素材');
  });
  afterAll(async () => {
    await t.close();
  });

  it('shows tier 3 only when the tier-2 supplier allows onward sharing, tier 4 only when tier 3 does too', async () => {
    expect(names(await chain(buyerMember, buyer))).toEqual(['1:エー電子']);
    await share(users.a!, org.a, buyer, true);
    await share(users.b!, org.b, org.a, true); // B shares with A, but not onward
    await share(users.c!, org.c, org.b, true, true);
    let c = await chain(buyerMember, buyer);
    // C is absent: B did not allow A to pass its registry on
    expect(names(c)).toEqual(['1:エー電子', '2:ビー部品']);
    expect(c.nodes.find((n) => n.tier === 2)).toMatchObject({
      source: 'shared',
      sharedBy: org.a,
      sharedByName: 'エー電子',
      supplies: ['components'],
      score: null,
    });
    expect(c.limits).toMatchObject({ truncated: false });
    // A itself sees B's registry (a direct share needs no onward consent), and D through C's onward share
    expect(names(await chain(users.a!, org.a))).toEqual(['1:ビー部品', '2:シー精密', '3:ディー素材']);

    // with B's consent to onward sharing, C appears at tier 3, shared by B; C's own onward share shows D
    const items = await share(users.b!, org.b, org.a, true, true);
    expect(items).toEqual([expect.objectContaining({ orgId: org.a, shared: true, onward: true })]);
    c = await chain(buyerMember, buyer);
    expect(names(c)).toEqual(['1:エー電子', '2:ビー部品', '3:シー精密', '4:ディー素材']);
    const tier3 = c.nodes.find((n) => n.tier === 3)!;
    expect(tier3).toMatchObject({ sharedBy: org.b, sharedByName: 'ビー部品' });
    expect(c.nodes.find((n) => n.tier === 4)!.parentId).toBe(tier3.id);

    // a loop (C also buys from A, and A shares onward with C) shows A once more under C, and stops there
    await relate(org.c, org.a);
    await record(users.c!, org.c, 'エー電子', org.a);
    await share(users.a!, org.a, org.c, true, true);
    c = await chain(buyerMember, buyer);
    expect(names(c)).toEqual(['1:エー電子', '2:ビー部品', '3:シー精密', '4:エー電子', '4:ディー素材']);
    expect(c.limits.truncated).toBe(false);
    await share(users.a!, org.a, org.c, false);

    // C withdraws its onward consent: its registry (D, and its record of A) goes, C stays
    await share(users.c!, org.c, org.b, true, false);
    expect(names(await chain(buyerMember, buyer))).toEqual(['1:エー電子', '2:ビー部品', '3:シー精密']);
    // A stops sharing with the buyer: everything behind A goes
    await share(users.a!, org.a, buyer, false);
    c = await chain(buyerMember, buyer);
    expect(names(c)).toEqual(['1:エー電子']);
    expect(c.notShared.map((n) => n.orgId)).toEqual([org.a]);
  });

  it('leaks nothing across tenants', async () => {
    await share(users.a!, org.a, buyer, true);
    // the buyer's member cannot read the suppliers' registries or chains directly
    for (const o of [org.a, org.b, org.c]) {
      must(await buyerMember.get(`/api/orgs/${o}/suppliers`), 404);
      must(await buyerMember.get(`/api/orgs/${o}/suppliers/chain`), 404);
    }
    // C's owner sees none of its buyers' chains
    must(await users.c!.get(`/api/orgs/${buyer}/suppliers/chain`), 404);
    must(await users.c!.get(`/api/orgs/${org.b}/suppliers/chain`), 404);
    // onward consent can only be given to an organization one has a relationship with
    must(
      await users.c!.req('PUT', `/api/orgs/${org.c}/suppliers/registry-shares`, {
        withOrgId: org.x,
        shared: true,
        onward: true,
      }),
      409,
    );
    // a share to an unrelated organization does not show up in anyone's chain
    expect(names(await chain(owner, org.x))).toEqual([]);
  });
});
