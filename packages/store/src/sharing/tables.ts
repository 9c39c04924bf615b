/**
 * Tables of the sharing module (情報共有ハブ): hub settings, members' NDA acceptance, sector groups, reports
 * with their redactions and approval, the publication sequence, and members' sightings and comments.
 */
export interface SharingHubsTable {
  org_id: string;
  nda_version: string;
  /** The last publication number handed out; the row lock on it orders publications (TAXII paging). */
  last_seq: number;
  /** The last TAXII object number handed out (sharing_taxii_objects.seq). */
  last_object_seq: number;
  updated_at: string;
}

export interface SharingMembersTable {
  hub_org_id: string;
  member_org_id: string;
  nda_version: string;
  nda_accepted_at: string;
  nda_accepted_by: string | null;
  /** 1 when the member chose to be named to other members (on its sightings and comments). */
  named: number;
}

export interface SharingGroupsTable {
  id: string;
  hub_org_id: string;
  name: string;
  created_at: string;
}

export interface SharingGroupMembersTable {
  group_id: string;
  hub_org_id: string;
  member_org_id: string;
}

export interface SharingReportsTable {
  id: string;
  hub_org_id: string;
  reporter_org_id: string;
  submitted_by: string | null;
  lang: string;
  attack_type: string;
  occurred_on: string;
  title: string;
  text: string;
  /** JSON: what the member declared as indicators ({type, value}). */
  declared_indicators: string;
  /** JSON: the proposal as computed at submission (provenance). */
  proposal: string;
  /** JSON: the current redactions ({start, end, category, text, reason, source, by, at}). */
  redactions: string;
  /** JSON: indicators kept for publication ({type, value, reason, source}). */
  indicators: string;
  published_title: string | null;
  /** submitted → awaiting_approval → approved → published (or changes_requested back to the analyst). */
  status: string;
  revision: number;
  approved_revision: number | null;
  approved_text: string | null;
  approved_at: string | null;
  approved_by: string | null;
  reporter_note: string | null;
  tlp: string | null;
  published_at: string | null;
  /** Publication order (1, 2, 3 … per instance); TAXII pages by it. */
  published_seq: number | null;
  created_at: string;
  updated_at: string;
}

export interface SharingReportGroupsTable {
  report_id: string;
  group_id: string;
}

export interface SharingCommentsTable {
  id: string;
  report_id: string;
  hub_org_id: string;
  org_id: string;
  kind: string;
  text: string;
  named: number;
  created_at: string;
}

/** A member's own sanitization dictionary: its other names, and customer names never to publish. */
export interface SharingTermsTable {
  org_id: string;
  term: string;
  /** org or customer */
  category: string;
  created_at: string;
}

/**
 * One STIX object version in one TAXII collection (`all/<tlp>` or `<groupId>/<tlp>`), written when a report is
 * published. `seq` is per hub and handed out under the hub row's lock, so it grows in commit order: TAXII pages
 * by it, never by time.
 */
export interface SharingTaxiiObjectsTable {
  hub_org_id: string;
  seq: number;
  collection: string;
  report_id: string;
  stix_id: string;
  stix_type: string;
  /** `modified`, else `created` (marking definitions). */
  version: string;
  date_added: string;
  /** 1 for the newest version of the object in its collection (kept up to date on insert). */
  is_last: number;
  object: string;
}

/** A member organization's notification settings for publications of its hubs (and replies to its reports). */
export interface SharingNotifySettingsTable {
  org_id: string;
  webhook_url: string | null;
  /** HMAC-SHA256 key of the webhook signature; shown once when the URL is set. */
  webhook_secret: string | null;
  /** 1: owners and admins get e-mail. */
  email_enabled: number;
  /** A notification address (e.g. the SOC's list) used instead of the owners and admins; null: them. */
  email_to: string | null;
  updated_at: string;
}

/** One notification to one organization over one channel; what its recipient sees of it. */
export interface SharingDeliveriesTable {
  id: string;
  /** The recipient organization. */
  org_id: string;
  report_id: string;
  /** What caused it: the report (published) or the comment (sighting/comment on the recipient's report). */
  source_id: string;
  /** published | comment */
  event: string;
  /** email | webhook */
  channel: string;
  /** The webhook URL, or the number of mail recipients. */
  target: string;
  /** pending | delivered | retrying | failed */
  status: string;
  attempts: number;
  http_status: number | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

/** A file attached to a report (an .eml or a log excerpt); the bytes are in the file store. */
export interface SharingReportAttachmentsTable {
  id: string;
  report_id: string;
  /** `eml` (parsed) or `text` (a log excerpt or a list of hashes). */
  kind: string;
  filename: string;
  content_type: string;
  size: number;
  sha256: string;
  file_key: string;
  /** JSON: what was read from an .eml (recipients already removed); null for text. */
  summary: string | null;
  uploaded_by: string | null;
  created_at: string;
}

// Outside intelligence (STIX 2.1 import, TAXII 2.1 client), migration 0032.
/** A TAXII 2.1 collection an organization pulls from on a schedule. */
export interface SharingIntakeSourcesTable {
  id: string;
  org_id: string;
  name: string;
  /** The API root, e.g. `https://hub.example/taxii2/root/`. */
  api_root_url: string;
  collection_id: string;
  /** none | bearer | basic */
  auth_kind: string;
  username: string | null;
  /** The bearer token or the basic password; never returned by the API. */
  secret: string | null;
  interval_minutes: number;
  enabled: number;
  /** The last `X-TAXII-Date-Added-Last` a completed pull received; the next pull's `added_after`. */
  checkpoint: string | null;
  next_run_at: string | null;
  /** Failed pulls in a row (backoff grows with it). */
  failures: number;
  last_error: string | null;
  last_attempt_at: string | null;
  last_success_at: string | null;
  created_at: string;
  updated_at: string;
}

/** One import (an uploaded bundle or one pull of a source) and its counts. */
export interface SharingIntakeImportsTable {
  id: string;
  org_id: string;
  source_id: string | null;
  /** upload | taxii */
  kind: string;
  /** The file name or the source's name. */
  label: string;
  /** misp | opencti | stix */
  producer: string;
  added: number;
  updated: number;
  unchanged: number;
  skipped: number;
  /** JSON `{skipped: [{pointer, id, reason}], warnings: [{pointer, code, id}]}`. */
  details: string;
  actor_user_id: string | null;
  created_at: string;
}

/** One version of one imported STIX object, per importing organization. */
export interface SharingIntakeObjectsTable {
  org_id: string;
  stix_id: string;
  /** `modified`, else `created`, else ''. */
  version: string;
  stix_type: string;
  /** 1 for the newest version held. */
  is_current: number;
  tlp: string | null;
  producer: string;
  source_label: string;
  import_id: string;
  name: string | null;
  value: string | null;
  first_seen: string | null;
  last_seen: string | null;
  object: string;
  added_at: string;
}

/** The sharing module's tables; part of `Database`. */
export interface SharingTables {
  sharing_hubs: SharingHubsTable;
  sharing_members: SharingMembersTable;
  sharing_groups: SharingGroupsTable;
  sharing_group_members: SharingGroupMembersTable;
  sharing_reports: SharingReportsTable;
  sharing_report_groups: SharingReportGroupsTable;
  sharing_comments: SharingCommentsTable;
  sharing_terms: SharingTermsTable;
  sharing_taxii_objects: SharingTaxiiObjectsTable;
  sharing_notify_settings: SharingNotifySettingsTable;
  sharing_deliveries: SharingDeliveriesTable;
  sharing_report_attachments: SharingReportAttachmentsTable;
  sharing_intake_sources: SharingIntakeSourcesTable;
  sharing_intake_imports: SharingIntakeImportsTable;
  sharing_intake_objects: SharingIntakeObjectsTable;
}
