/**
 * Questionnaire campaigns (回答依頼) of the supply-chain module: a campaign asks suppliers to answer one
 * catalog by a deadline; each supplier gets a request whose answers live in an assessment of the buyer
 * (scope type `supplier`, written through the assessment engine); respondents open it through links of
 * which only the SHA-256 is stored; every mail goes through the outbox.
 */
export interface CampaignsTable {
  id: string;
  org_id: string;
  title: string;
  catalog_id: string;
  tier: string | null;
  /** YYYY-MM-DD, Japan time. */
  deadline: string;
  /** Days a link stays valid from when it is mailed. */
  link_days: number;
  message: string | null;
  /** 'draft' | 'sent' | 'closed' */
  status: string;
  /** Who is told when a supplier is overdue (the campaign's owner). */
  owner_id: string | null;
  created_by: string | null;
  created_at: string;
  sent_at: string | null;
  /** The language of its mails to respondents (0039): 'ja_en' (Japanese, then English) | 'ja' | 'en'. */
  mail_language: string;
}

export interface CampaignRequestsTable {
  id: string;
  org_id: string;
  campaign_id: string;
  supplier_id: string;
  supplier_name: string;
  /** Created when the questionnaire is first opened (a campaign to thousands stays cheap to send). */
  assessment_id: string | null;
  /** RequestStatus of @shinrai/core/supplychain. */
  status: string;
  opened_at: string | null;
  submitted_at: string | null;
  accepted_at: string | null;
  accepted_by: string | null;
  /** JSON array of the reminder offsets already mailed, e.g. [7,3]. */
  reminders: string;
  escalated_at: string | null;
  updated_at: string;
}

export interface CampaignItemsTable {
  request_id: string;
  org_id: string;
  ref: string;
  /** 'open' | 'returned' | 'accepted' */
  state: string;
  follow_reason: string | null;
  follow_date: string | null;
  return_note: string | null;
  returned_at: string | null;
  accepted_at: string | null;
  /** The link whose holder last answered it (who answered, for the buyer). */
  answered_by_link: string | null;
  updated_at: string;
  /** Where a reused answer came from (JSON {type, id, label, date}); null when typed here (0034). */
  reused_from: string | null;
}

export interface RespondLinksTable {
  id: string;
  org_id: string;
  request_id: string;
  email: string;
  name: string | null;
  /** Hex SHA-256 of the token; the token itself is never stored. */
  token_hash: string;
  /** A forwarded single item (null: the whole questionnaire). */
  item_ref: string | null;
  forwarded_from: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  revoked_at: string | null;
}

export interface RespondSessionsTable {
  /** Hex SHA-256 of the cookie's secret. */
  id_hash: string;
  link_id: string;
  csrf: string;
  created_at: string;
  expires_at: string;
}

export interface CampaignEvidenceTable {
  id: string;
  org_id: string;
  request_id: string;
  ref: string;
  name: string;
  content_type: string;
  size: number;
  sha256: string;
  file_key: string;
  link_id: string | null;
  created_at: string;
}

export interface OutboxMailsTable {
  id: string;
  org_id: string;
  campaign_id: string | null;
  request_id: string | null;
  /** 'invite' | 'reminder' | 'forward' | 'escalation' */
  kind: string;
  to_email: string;
  to_name: string | null;
  item_ref: string | null;
  /** Link that asked for it (a forward) and the link it carries once minted. */
  from_link: string | null;
  link_id: string | null;
  /** Extra words of the mail (reminder offset, forwarder's note) as JSON. */
  details: string;
  /** 'queued' | 'sent' | 'failed' */
  state: string;
  error: string | null;
  attempts: number;
  created_at: string;
  updated_at: string;
  sent_at: string | null;
}

/** A supplier's SECURITY ACTION declaration attached to a request with its consent (0034; `org_id`: the buyer). */
export interface CampaignRequestDeclarationsTable {
  request_id: string;
  org_id: string;
  /** 'star1' | 'star2' */
  level: string;
  declaration_id: string;
  declared_on: string;
  attached_at: string;
}

export interface CampaignTables {
  campaigns: CampaignsTable;
  campaign_requests: CampaignRequestsTable;
  campaign_items: CampaignItemsTable;
  respond_links: RespondLinksTable;
  respond_sessions: RespondSessionsTable;
  campaign_evidence: CampaignEvidenceTable;
  outbox_mails: OutboxMailsTable;
  campaign_request_declarations: CampaignRequestDeclarationsTable;
}
