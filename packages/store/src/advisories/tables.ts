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
  imported_at: string;
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
  /** queued | running | done | failed */
  status: string;
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

export interface AdvisoryTables {
  advisories: AdvisoriesTable;
  advisory_packages: AdvisoryPackagesTable;
  advisory_imports: AdvisoryImportsTable;
}
