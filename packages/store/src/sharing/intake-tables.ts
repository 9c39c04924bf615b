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

export interface SharingIntakeTables {
  sharing_intake_sources: SharingIntakeSourcesTable;
  sharing_intake_imports: SharingIntakeImportsTable;
  sharing_intake_objects: SharingIntakeObjectsTable;
}
