import { findOrganization } from '@shinrai/store';
import type { Deps } from '../deps.ts';
import { relationshipRequestMail } from '../mail/templates.ts';

/**
 * Tells the owners and administrators of `toOrgId` (those who may accept) that `fromOrgId` asked for a
 * relationship. After the request is committed; a mail that cannot be sent is logged, never undoes it.
 */
export async function mailRelationshipRequest(
  deps: Deps,
  p: { fromOrgId: string; toOrgId: string; type: string },
): Promise<void> {
  const db = deps.store.db;
  const [from, to] = await Promise.all([findOrganization(db, p.fromOrgId), findOrganization(db, p.toOrgId)]);
  if (!from || !to) return;
  const managers = await db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select('u.email')
    .where('m.org_id', '=', to.id)
    .where('m.role', 'in', ['owner', 'admin'])
    .orderBy('u.email')
    .execute();
  const link = `${deps.config.publicUrl}/orgs/${to.id}/relationships`;
  for (const m of managers) {
    try {
      await deps.mailer.send(
        relationshipRequestMail({
          to: m.email,
          orgName: to.name,
          fromOrgName: from.name,
          type: p.type,
          link,
        }),
      );
    } catch (err) {
      deps.log.error({ err }, 'relationship request mail could not be sent');
    }
  }
}
