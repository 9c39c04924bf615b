import { listCampaignRecipients, type Executor } from '@shinrai/store';

/** A supplier of the buyer with the contacts a campaign mails. */
export interface SupplierRecipients {
  id: string;
  name: string;
  contacts: { id: string | null; email: string; name: string | null }[];
}

/** The buyer's suppliers among `ids` (unknown ids, and other buyers' suppliers, are left out), with their contacts. */
export async function loadRecipients(
  ex: Executor,
  orgId: string,
  ids: readonly string[],
): Promise<SupplierRecipients[]> {
  return listCampaignRecipients(ex, orgId, ids);
}
