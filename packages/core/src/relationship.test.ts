import { describe, expect, it } from 'vitest';
import {
  RELATIONSHIP_STATUSES,
  transition,
  type RelationshipAction,
  type RelationshipState,
  type RelationshipStatus,
  type TransitionResult,
} from './relationship.ts';

const ACTIONS: RelationshipAction[] = ['accept', 'decline', 'end'];
const FROM = 'org-from';
const TO = 'org-to';
const THIRD = 'org-third';

/** The rules of docs/api.md written out as a table, independently of the implementation. */
function expected(
  status: RelationshipStatus,
  requestedBy: string,
  actor: string,
  action: RelationshipAction,
): TransitionResult {
  if (actor !== FROM && actor !== TO) return { ok: false, reason: 'not_party' };
  if (action === 'end') {
    return status === 'pending' || status === 'active'
      ? { ok: true, status: 'ended' }
      : { ok: false, reason: 'invalid_state' };
  }
  if (status !== 'pending') return { ok: false, reason: 'invalid_state' };
  if (actor === requestedBy) return { ok: false, reason: 'own_request' };
  return { ok: true, status: action === 'accept' ? 'active' : 'declined' };
}

const cases = RELATIONSHIP_STATUSES.flatMap((status) =>
  [FROM, TO].flatMap((requestedBy) =>
    [FROM, TO, THIRD].flatMap((actor) =>
      ACTIONS.map((action) => [status, requestedBy, actor, action] as const),
    ),
  ),
);

describe('relationship state machine', () => {
  it('covers every status × requester × actor × action', () => {
    expect(cases).toHaveLength(4 * 2 * 3 * 3);
  });

  it.each(cases)('%s, requested by %s: %s does %s', (status, requestedBy, actor, action) => {
    const rel: RelationshipState = { status, fromOrgId: FROM, toOrgId: TO, requestedByOrgId: requestedBy };
    expect(transition(rel, actor, action)).toEqual(expected(status, requestedBy, actor, action));
  });

  it('declined and ended are terminal', () => {
    for (const status of ['declined', 'ended'] as const) {
      for (const actor of [FROM, TO]) {
        for (const action of ACTIONS) {
          const r = transition(
            { status, fromOrgId: FROM, toOrgId: TO, requestedByOrgId: FROM },
            actor,
            action,
          );
          expect(r.ok).toBe(false);
        }
      }
    }
  });

  it('walks a full life: request → accept → end', () => {
    let rel: RelationshipState = { status: 'pending', fromOrgId: FROM, toOrgId: TO, requestedByOrgId: TO };
    const steps: [string, RelationshipAction, RelationshipStatus][] = [
      [FROM, 'accept', 'active'],
      [TO, 'end', 'ended'],
    ];
    for (const [actor, action, next] of steps) {
      const r = transition(rel, actor, action);
      expect(r).toEqual({ ok: true, status: next });
      rel = { ...rel, status: next };
    }
  });

  it('a third organization is refused before anything else is looked at', () => {
    for (const status of RELATIONSHIP_STATUSES) {
      for (const action of ACTIONS) {
        const r = transition(
          { status, fromOrgId: FROM, toOrgId: TO, requestedByOrgId: THIRD },
          THIRD,
          action,
        );
        expect(r).toEqual({ ok: false, reason: 'not_party' });
      }
    }
  });
});
