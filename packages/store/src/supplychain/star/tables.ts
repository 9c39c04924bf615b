/** A ★ result a supplier organization obtained (0036; `org_id`: the supplier). */
export interface SupplychainStarResultsTable {
  id: string;
  org_id: string;
  /** 3 | 4 */
  level: number;
  /** 'self' (★3 self-assessment) | 'third_party' (★4 third-party assessment) */
  kind: string;
  obtained_on: string;
  valid_until: string;
  body_name: string | null;
  registration_no: string | null;
  assessment_id: string | null;
  evidence_name: string | null;
  evidence_type: string | null;
  evidence_size: number | null;
  evidence_sha256: string | null;
  evidence_key: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** A ★ result attached to a buyer's request with the supplier's consent, as shown (0036; `org_id`: the buyer). */
export interface CampaignRequestStarResultsTable {
  request_id: string;
  org_id: string;
  supplier_org_id: string;
  star_result_id: string;
  level: number;
  kind: string;
  obtained_on: string;
  valid_until: string;
  body_name: string | null;
  registration_no: string | null;
  evidence_name: string | null;
  evidence_type: string | null;
  evidence_size: number | null;
  evidence_sha256: string | null;
  evidence_key: string | null;
  attached_at: string;
  /** When the supplier last corrected the result while the request was open (0039); null when never. */
  corrected_at: string | null;
}

export interface StarResultTables {
  supplychain_star_results: SupplychainStarResultsTable;
  campaign_request_star_results: CampaignRequestStarResultsTable;
}
