/** Tables of the advisory database (OSV records, imports); part of `Database`. Shared by the whole instance. */
export interface AdvisoriesTable {
  /** The OSV id (GHSA-…, PYSEC-…, MAL-…). */
  id: string;
  modified: string;
  published: string | null;
  /** When the record was withdrawn (取り下げ); withdrawn records are kept but never matched. */
  withdrawn: string | null;
  /** 1 for malicious-package records (MAL-…). */
  malicious: number;
  summary: string | null;
  /** JSON array of alias ids (CVE-…). */
  aliases: string;
  /** Highest severity: critical | high | medium | low | none | unknown. */
  severity: string;
  score: number | null;
  vector: string | null;
  /** The whole OSV record as JSON. */
  record: string;
  /** SHA-256 (hex) of `record`: an import rewrites a record whose content changed under the same `modified`. */
  content_hash: string | null;
  imported_at: string;
  /** The import run that wrote this version of the record (null for records written before runs were kept). */
  import_id: string | null;
}

export interface AdvisoryPackagesTable {
  advisory_id: string;
  /** As in the record, e.g. "Debian:12". */
  ecosystem: string;
  /** Without the release suffix, e.g. "Debian". */
  base_ecosystem: string;
  name: string;
}

export interface AdvisoryImportsTable {
  id: string;
  /** File or folder name the records came from. */
  source: string;
  /** queued | running | done | failed | abandoned (its process died: the lease ran out) */
  status: string;
  /** How it was started: upload (web, instance administrator) | cli (the operator on the server). */
  via: string;
  /** A running import renews this with every batch; past it, the run is dead and is marked abandoned. */
  lease_until: string | null;
  started_at: string | null;
  finished_at: string | null;
  processed: number;
  added: number;
  updated: number;
  unchanged: number;
  withdrawn: number;
  malicious: number;
  skipped: number;
  /** JSON: { [reason]: { count, examples: string[] } }. */
  skipped_reasons: string;
  /** JSON { code, detail } when the import failed or the archive was refused. */
  error: string | null;
  created_at: string;
}

/**
 * Advisories changed by an import and not yet re-matched against the portfolio. Written in the batch's own
 * transaction; the re-match deletes the rows it has seen (by token) once it ran, so a crash anywhere leaves
 * them for the next re-match.
 */
export interface AdvisoryRematchPendingTable {
  advisory_id: string;
  /** One per written batch: a later batch that changes the same advisory again replaces it. */
  token: string;
  import_id: string | null;
  queued_at: string;
}

/** A source of the scheduled advisory feed (instance-wide; configured by instance administrators). */
export interface AdvisoryFeedSourcesTable {
  id: string;
  /** Unique, shown in the status and recorded as the import's source. */
  name: string;
  /** folder (under the feed folder of the server) | http (an OSV all.zip over HTTP(S)). */
  kind: string;
  /** The folder (relative to the feed folder) or the URL. */
  location: string;
  /** The ecosystem the source carries, as a label (e.g. PyPI). */
  ecosystem: string;
  enabled: number;
  /** `every:<N>h` or `daily:HH:MM` (Japan time); null: the instance's default. */
  schedule: string | null;
  /** What the server answered at the last successful download: sent back as If-None-Match / If-Modified-Since. */
  etag: string | null;
  last_modified: string | null;
  /** SHA-256 of the last archive imported in full: the same bytes again are not re-read. */
  content_sha256: string | null;
  /** When the scheduled job runs next (its job id carries this time). */
  next_run_at: string | null;
  /** Held by a run (renewed as it goes): no second run starts before it ends or the lease runs out. */
  lease_until: string | null;
  /** The job holding the lease: the same job, taken over after its process died, continues at once. */
  lease_job: string | null;
  /** Consecutive failed runs (the backoff grows with them); 0 after a success. */
  failures: number;
  last_run_at: string | null;
  last_success_at: string | null;
  /** imported | not_modified | unchanged | failed */
  last_result: string | null;
  last_import_id: string | null;
  seen: number;
  added: number;
  updated: number;
  unchanged: number;
  /** JSON { code, detail } of the last run when it failed. */
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

/** One row (id 1): raised by every advisory write (migration 0038). */
export interface AdvisoryGenerationTable {
  id: number;
  generation: number;
}

export interface AdvisoryTables {
  advisory_generation: AdvisoryGenerationTable;
  advisory_feed_sources: AdvisoryFeedSourcesTable;
  advisories: AdvisoriesTable;
  advisory_packages: AdvisoryPackagesTable;
  advisory_imports: AdvisoryImportsTable;
  advisory_rematch_pending: AdvisoryRematchPendingTable;
}
