/**
 * Tables of the supply-chain module: a buyer's supplier registry (tier 1 and the tier-2+ records it keeps),
 * the suppliers' contacts, the ★3/★4 decisions with their history, and the explicit shares by which an
 * organization lets a buyer see its own supplier registry (tier 2 seen through the relationship graph).
 */
export interface SuppliersTable {
  id: string;
  /** The buyer whose registry this is. */
  org_id: string;
  /** 法人番号 (13 digits, check digit validated); the key that merges duplicates. Null when unknown. */
  corporate_number: string | null;
  name: string;
  name_kana: string | null;
  /** JSON array of 'services' | 'components' | 'software' | 'data_handling'. */
  supplies: string;
  /** 'high' | 'medium' | 'low' */
  criticality: string;
  contract_start: string | null;
  contract_end: string | null;
  /** ★ level the buyer requires (3 or 4; null until decided). */
  star_required: number | null;
  /** ★ level the supplier holds (1–5; null when none is known). */
  star_held: number | null;
  /** The supplier's organization on Shinrai, through an agreed relationship. */
  linked_org_id: string | null;
  /** 1 for a direct supplier; 2 and more for records of a supplier's suppliers. */
  tier: number;
  /** For tier ≥ 2 records: the supplier one tier up. */
  parent_supplier_id: string | null;
  notes: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface SupplierContactsTable {
  id: string;
  supplier_id: string;
  org_id: string;
  name: string;
  email: string;
  role: string;
  /** 1 for the supplier's primary contact (at most one). */
  is_primary: number;
  created_at: string;
}

/** One ★3/★4 decision; the latest per supplier is the current one, the others its history. */
export interface SupplierStarDecisionsTable {
  id: string;
  org_id: string;
  supplier_id: string;
  /** The scheme's three questions, 1 = yes, 0 = no. */
  q_important_info: number;
  q_outage_delay: number;
  q_network_reach: number;
  /** The level the rule gives (3 or 4). */
  computed_level: number;
  /** The level decided (the computed one, or the override). */
  decided_level: number;
  /** Required when decided_level differs from computed_level. */
  override_note: string | null;
  rule_version: string;
  decided_by: string | null;
  decided_at: string;
}

/** An organization letting a buyer see its own supplier registry (the buyer's tier 2). */
export interface SupplierRegistrySharesTable {
  id: string;
  /** The organization sharing its registry (the buyer's tier-1 supplier). */
  org_id: string;
  /** The buyer who may see it. */
  with_org_id: string;
  /** 1 when the buyer may pass this registry on to its own buyers (their tier 3 and beyond). */
  onward: number;
  created_by: string | null;
  created_at: string;
  revoked_at: string | null;
}

/** The supply-chain module's tables; part of `Database`. */
export interface SupplychainTables {
  suppliers: SuppliersTable;
  supplier_contacts: SupplierContactsTable;
  supplier_star_decisions: SupplierStarDecisionsTable;
  supplier_registry_shares: SupplierRegistrySharesTable;
}
