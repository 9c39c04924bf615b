import {
  decideStar,
  starMet,
  type Criticality,
  type StarQuestionKey,
  type SupplyKind,
} from '@shinrai/core/supplychain';
import type { StarDecisionRow, SupplierContactRow, SupplierRow } from '@shinrai/store';
import type { AttestedStar } from './star-results/attested.ts';

export type ContactView = ReturnType<typeof contactView>;
export type SupplierView = ReturnType<typeof supplierView>;
export type StarDecisionView = ReturnType<typeof starDecisionView>;

export function contactView(c: SupplierContactRow) {
  return { id: c.id, name: c.name, email: c.email, role: c.role, primary: c.is_primary === 1 };
}

export function parseSupplies(json: string): SupplyKind[] {
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? (v.filter((x) => typeof x === 'string') as SupplyKind[]) : [];
  } catch {
    return [];
  }
}

export interface SupplierExtras {
  contacts: readonly SupplierContactRow[];
  orgNames: ReadonlyMap<string, string>;
  knownSince: ReadonlyMap<string, string>;
  /** The ★ each supplier showed this buyer itself (newest unexpired); it counts before the typed one. */
  attested?: ReadonlyMap<string, AttestedStar>;
}

export function supplierView(s: SupplierRow, x: SupplierExtras) {
  const mine = x.contacts.filter((c) => c.supplier_id === s.id);
  const primary = mine.find((c) => c.is_primary === 1) ?? mine[0];
  const attested = x.attested?.get(s.id) ?? null;
  return {
    id: s.id,
    corporateNumber: s.corporate_number,
    name: s.name,
    nameKana: s.name_kana,
    supplies: parseSupplies(s.supplies),
    criticality: s.criticality as Criticality,
    contractStart: s.contract_start,
    contractEnd: s.contract_end,
    starRequired: s.star_required,
    starHeld: s.star_held,
    starAttested: attested,
    starMet: starMet(s.star_required, attested?.level ?? s.star_held),
    linkedOrg:
      s.linked_org_id === null
        ? null
        : { id: s.linked_org_id, name: x.orgNames.get(s.linked_org_id) ?? s.linked_org_id },
    tier: s.tier,
    parentSupplierId: s.parent_supplier_id,
    notes: s.notes,
    primaryContact: primary ? contactView(primary) : null,
    contactCount: mine.length,
    statusKnownSince: x.knownSince.get(s.id) ?? null,
    createdAt: s.created_at,
    updatedAt: s.updated_at,
  };
}

export function starDecisionView(d: StarDecisionRow) {
  const answers = {
    importantInfo: d.q_important_info === 1,
    outageDelay: d.q_outage_delay === 1,
    networkReach: d.q_network_reach === 1,
  };
  const reasons: StarQuestionKey[] = decideStar(answers).reasons;
  return {
    id: d.id,
    answers,
    computedLevel: d.computed_level,
    decidedLevel: d.decided_level,
    reasons,
    overridden: d.decided_level !== d.computed_level,
    note: d.override_note,
    ruleVersion: d.rule_version,
    decidedBy: d.decided_by,
    decidedAt: d.decided_at,
  };
}
