import type { OrgAccess } from './principal.ts';
import type { Actor } from '../services/audit-trail.ts';

export function actorOf(access: OrgAccess, requestId: string): Actor {
  return { userId: access.actorUserId, tokenId: access.actorTokenId, requestId };
}
