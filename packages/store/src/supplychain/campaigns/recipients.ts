import type { Executor } from '../../database.ts';

// Recipients (the registry's suppliers and contacts, read in bulk for a campaign to thousands)

/** The buyer's suppliers among `ids` with their contacts (primary first), in chunks of 500 ids. */
export async function listCampaignRecipients(
  ex: Executor,
  orgId: string,
  ids: readonly string[],
): Promise<{ id: string; name: string; contacts: { id: string; email: string; name: string }[] }[]> {
  const out: { id: string; name: string; contacts: { id: string; email: string; name: string }[] }[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const suppliers = await ex
      .selectFrom('suppliers')
      .select(['id', 'name'])
      .where('org_id', '=', orgId)
      .where('id', 'in', chunk)
      .execute();
    const contacts = await ex
      .selectFrom('supplier_contacts')
      .select(['id', 'supplier_id', 'email', 'name', 'is_primary'])
      .where('org_id', '=', orgId)
      .where('supplier_id', 'in', chunk)
      .orderBy('is_primary', 'desc')
      .orderBy('name')
      .execute();
    const by = new Map<string, { id: string; email: string; name: string }[]>();
    for (const c of contacts) {
      const list = by.get(c.supplier_id) ?? [];
      if (c.email.trim() !== '') list.push({ id: c.id, email: c.email.trim(), name: c.name });
      by.set(c.supplier_id, list);
    }
    for (const s of suppliers) out.push({ id: s.id, name: s.name, contacts: by.get(s.id) ?? [] });
  }
  return out;
}
