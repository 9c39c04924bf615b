/** Tables of the software module (products, releases, components, findings, VEX, licenses, artifacts); part of `Database`. */
export interface SoftwareProductsTable {
  id: string;
  org_id: string;
  name: string;
  /** device | application | library | service */
  kind: string;
  vendor: string | null;
  /** End of support (保守・サポート期間の終了), YYYY-MM-DD. */
  support_ends: string | null;
  created_at: string;
  updated_at: string;
}

export interface SoftwareReleasesTable {
  id: string;
  org_id: string;
  product_id: string;
  version: string;
  released_on: string | null;
  support_ends: string | null;
  sbom_format: string | null;
  sbom_spec_version: string | null;
  sbom_uploaded_at: string | null;
  component_count: number;
  /** The SBOM's dependency graph as JSON: { rootRefs: string[], dependencies: {from, to[]}[] }. */
  graph: string | null;
  created_at: string;
  /**
   * The `sbom_uploaded_at` of the SBOM whose package keys (`software_component_keys`) are complete; null while
   * the keys job has not finished for the current SBOM (where-used and re-match then read its components).
   */
  keys_indexed_at: string | null;
}

export interface SoftwareComponentsTable {
  id: string;
  org_id: string;
  release_id: string;
  bom_ref: string;
  name: string;
  version: string | null;
  /** Canonical purl, or null when the BOM had none or an invalid one. */
  purl: string | null;
  /** purl without version/qualifiers/subpath (`purlKey`): the where-used key. */
  purl_key: string | null;
  /** OSV ecosystem (with a distribution release, e.g. "Debian:12") and package name; null: not matchable. */
  ecosystem: string | null;
  osv_name: string | null;
  licenses: string | null;
  /** JSON array of { alg, value }. */
  hashes: string;
  supplier: string | null;
  dev: number;
  support_ends: string | null;
}

/**
 * The package keys of components, for lookups by package across releases (where-used, re-match), written
 * by the `software.keys` job after an upload rather than in it (migration 0037 says why).
 */
export interface SoftwareComponentKeysTable {
  component_id: string;
  release_id: string;
  org_id: string;
  purl_key: string | null;
  name: string;
  version: string | null;
  purl: string | null;
  ecosystem: string | null;
  osv_name: string | null;
}

export interface SoftwareFindingsTable {
  id: string;
  org_id: string;
  release_id: string;
  component_id: string;
  advisory_id: string;
  /** Joins the VEX statement: the component's purl, or name@version without one. */
  component_ref: string;
  severity: string;
  score: number | null;
  malicious: number;
  summary: string | null;
  /** JSON string array. */
  aliases: string;
  fixed_version: string | null;
  /** JSON string array: names from the root of the BOM to the component. */
  path: string;
  created_at: string;
}

/** VEX statements, keyed so they survive a new SBOM of the same release: (release, advisory, component purl or name@version). */
export interface SoftwareVexTable {
  id: string;
  org_id: string;
  release_id: string;
  advisory_id: string;
  component_ref: string;
  status: string;
  justification: string | null;
  detail: string | null;
  updated_by: string | null;
  updated_at: string;
  /** JSON string array of CycloneDX analysis.response values, or null. */
  response: string | null;
  /** 1 product, 2 package family (no version), 3 version range, 4 this version or this component. */
  specificity: number;
  /** When the statement was made (its document's timestamp), if it says. */
  statement_at: string | null;
  /** `manual` or `file:<name>`. */
  source: string | null;
}

/** Every VEX statement read or set, applied or not (a more specific or later one stood). */
export interface SoftwareVexHistoryTable {
  id: string;
  org_id: string;
  release_id: string;
  advisory_id: string;
  component_ref: string;
  status: string;
  justification: string | null;
  detail: string | null;
  response: string | null;
  specificity: number;
  statement_at: string | null;
  source: string;
  applied: number;
  recorded_by: string | null;
  recorded_at: string;
  /** Order within one import (statements recorded at the same time). */
  position: number;
}

export interface SoftwareLicensePoliciesTable {
  org_id: string;
  /** JSON string arrays of SPDX ids or `ID WITH exception` terms. */
  allow: string;
  deny: string;
  updated_at: string;
}

export interface SoftwareArtifactsTable {
  id: string;
  org_id: string;
  release_id: string;
  filename: string;
  sha256: string;
  /** JSON object of signature metadata ({ algorithm, keyId, signatureUrl, … }) or null. */
  signature: string | null;
  created_at: string;
}

export interface SoftwareIncidentsTable {
  id: string;
  org_id: string;
  /** artifact_mismatch | malicious_package */
  kind: string;
  release_id: string | null;
  status: string;
  /** JSON object with what was seen. */
  details: string;
  created_at: string;
}

/** A release a supplier shares with a related organization (revocable). */
export interface SoftwareSharesTable {
  id: string;
  org_id: string;
  release_id: string;
  with_org_id: string;
  created_at: string;
  revoked_at: string | null;
}

export interface SoftwareNotificationSettingsTable {
  org_id: string;
  webhook_url: string | null;
  webhook_secret: string | null;
  email_enabled: number;
  updated_at: string;
}

export interface SoftwareTables {
  software_products: SoftwareProductsTable;
  software_releases: SoftwareReleasesTable;
  software_components: SoftwareComponentsTable;
  software_component_keys: SoftwareComponentKeysTable;
  software_findings: SoftwareFindingsTable;
  software_vex: SoftwareVexTable;
  software_vex_history: SoftwareVexHistoryTable;
  software_license_policies: SoftwareLicensePoliciesTable;
  software_artifacts: SoftwareArtifactsTable;
  software_incidents: SoftwareIncidentsTable;
  software_shares: SoftwareSharesTable;
  software_notification_settings: SoftwareNotificationSettingsTable;
}
