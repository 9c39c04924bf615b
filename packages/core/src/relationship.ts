/**
 * Relationships (組織間の関係) that both organizations agree to. `from` is the buyer, hub, provider or
 * parent company (group_company: 親会社 → グループ会社, for the group comparison of the management guideline).
 */
export const RELATIONSHIP_TYPES = [
  'buyer_supplier',
  'hub_member',
  'provider_customer',
  'group_company',
] as const;
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

export const RELATIONSHIP_STATUSES = ['pending', 'active', 'declined', 'ended'] as const;
export type RelationshipStatus = (typeof RELATIONSHIP_STATUSES)[number];

export type RelationshipAction = 'accept' | 'decline' | 'end';

export interface RelationshipState {
  status: RelationshipStatus;
  fromOrgId: string;
  toOrgId: string;
  requestedByOrgId: string;
}

export type TransitionResult =
  | { ok: true; status: RelationshipStatus }
  | { ok: false; reason: 'not_party' | 'own_request' | 'invalid_state' };

/**
 * The relationship state machine. Only the side that did not ask may accept or decline;
 * either side may end a pending or active relationship.
 */
export function transition(
  rel: RelationshipState,
  actingOrgId: string,
  action: RelationshipAction,
): TransitionResult {
  if (actingOrgId !== rel.fromOrgId && actingOrgId !== rel.toOrgId) return { ok: false, reason: 'not_party' };
  switch (action) {
    case 'accept':
    case 'decline':
      if (rel.status !== 'pending') return { ok: false, reason: 'invalid_state' };
      if (rel.requestedByOrgId === actingOrgId) return { ok: false, reason: 'own_request' };
      return { ok: true, status: action === 'accept' ? 'active' : 'declined' };
    case 'end':
      if (rel.status !== 'active' && rel.status !== 'pending') return { ok: false, reason: 'invalid_state' };
      return { ok: true, status: 'ended' };
  }
}
