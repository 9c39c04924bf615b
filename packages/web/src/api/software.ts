// Software supply chain (ソフトウェアサプライチェーン): products, releases, SBOMs, findings with VEX,
// components, licenses, artifacts, where-used and the advisory database. Types follow the HTTP contract of
// issue 6 (the web app does not import @shinrai/core or the server).
import { request, upload } from './client';
import type { Job } from './types';

export const PRODUCT_KINDS = ['device', 'application', 'library', 'service'] as const;
export type ProductKind = (typeof PRODUCT_KINDS)[number];
export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'none', 'unknown'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const VEX_STATUSES = ['under_investigation', 'affected', 'not_affected', 'fixed'] as const;
export type VexStatus = (typeof VEX_STATUSES)[number];
/** CycloneDX / OpenVEX justifications for `not_affected` (the values both formats share). */
export const VEX_JUSTIFICATIONS = [
  'component_not_present',
  'vulnerable_code_not_present',
  'vulnerable_code_not_in_execute_path',
  'vulnerable_code_cannot_be_controlled_by_adversary',
  'inline_mitigations_already_exist',
] as const;
export type VexJustification = (typeof VEX_JUSTIFICATIONS)[number];
export const VEX_FORMATS = ['cyclonedx', 'openvex'] as const;
export type VexFormat = (typeof VEX_FORMATS)[number];

export interface Risk {
  critical: number;
  high: number;
  medium: number;
  low: number;
  malicious: number;
}

export interface Product {
  id: string;
  name: string;
  kind: ProductKind;
  vendor: string | null;
  supportEnds: string | null;
  /** Computed by the server against today in Japan. */
  supportEnded?: boolean;
  releaseCount: number;
  risk: Risk;
}

export interface ProductInput {
  name: string;
  kind: ProductKind;
  vendor?: string | null;
  supportEnds?: string | null;
}

export interface SbomInfo {
  format: string;
  specVersion: string;
  componentCount: number;
  uploadedAt: string;
}

export interface Release {
  id: string;
  productId: string;
  version: string;
  releasedOn: string | null;
  supportEnds: string | null;
  supportEnded?: boolean;
  sbom: SbomInfo | null;
  risk: Risk;
}

export interface ReleaseInput {
  version: string;
  releasedOn?: string | null;
  supportEnds?: string | null;
}

export interface Component {
  id: string;
  name: string;
  version: string | null;
  purl: string | null;
  ecosystem?: string | null;
  licenses?: string | null;
  supplier?: string | null;
  dev?: boolean;
  supportEnds?: string | null;
  supportEnded?: boolean;
  hashes?: { alg: string; value: string }[];
}

export interface Vex {
  status: VexStatus;
  justification: string | null;
  detail: string | null;
  updatedAt: string;
}

export interface Finding {
  id: string;
  advisoryId: string;
  aliases: string[];
  summary: string | null;
  severity: Severity;
  score: number | null;
  malicious: boolean;
  component: { id: string; name: string; version: string | null; purl: string | null };
  fixedVersion: string | null;
  path: string[];
  vex: Vex | null;
  suppressed: boolean;
}

export interface VexInput {
  status: VexStatus;
  justification?: string | null;
  detail?: string | null;
}

export interface LicensePolicy {
  allow: string[];
  deny: string[];
}

/** One component of a release whose license the policy denies or cannot decide. */
export interface LicenseViolation {
  component: { id: string; name: string; version: string | null; purl: string | null };
  licenses: string | null;
  status: 'denied' | 'unknown';
  reason: string | null;
  ids: string[];
}

export interface LicenseReport {
  policy: LicensePolicy;
  items: LicenseViolation[];
  counts: { allowed: number; denied: number; unknown: number };
}

/** Signature metadata registered with an artifact (all optional). */
export interface ArtifactSignature {
  algorithm?: string;
  keyId?: string;
  signatureUrl?: string;
  certificateSubject?: string;
}

export interface Artifact {
  id: string;
  filename: string;
  sha256: string;
  signature: Record<string, unknown> | null;
  createdAt: string;
}

export interface ArtifactInput {
  filename: string;
  sha256: string;
  signature?: ArtifactSignature | null;
}

export interface VerifyInput {
  productId?: string;
  productName?: string;
  releaseId?: string;
  releaseVersion?: string;
  filename?: string;
  sha256: string;
}

export type VerifyResult = 'match' | 'mismatch' | 'unknown';

export interface WhereUsedItem {
  productId: string;
  productName: string;
  releaseId: string;
  version: string;
  component: { name: string; version: string | null; purl: string | null };
  ownerOrg: { id: string; name: string };
}

export interface ImportRow {
  id: string;
  source: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  startedAt: string | null;
  finishedAt: string | null;
  processed: number;
  added: number;
  updated: number;
  unchanged: number;
  withdrawn: number;
  malicious: number;
  skipped: number;
  skippedReasons?: {
    reason: string;
    count: number;
    examples: string[];
    message: { ja: string; en: string };
  }[];
  error: { code: string; detail: string; message: { ja: string; en: string } } | null;
}

export interface AdvisoryStatus {
  total: number;
  malicious: number;
  withdrawn: number;
  byEcosystem: { ecosystem: string; count: number }[];
  lastImport: ImportRow | null;
}

export interface Advisory {
  id: string;
  summary: string | null;
  aliases: string[];
  severity: Severity;
  score: number | null;
  malicious: boolean;
  withdrawn: string | null;
  record: unknown;
}

/** A release share as the supplier sees it; `state` says whether the buyer still sees the release. */
export interface SoftwareShare {
  id: string;
  releaseId: string;
  withOrgId: string;
  createdAt: string;
  revokedAt: string | null;
  state: 'active' | 'relationship_ended' | 'revoked';
  product: { id: string; name: string };
  release: { id: string; version: string };
  withOrg: { id: string; name: string };
}

export interface NotificationSettings {
  webhookUrl: string | null;
  emailEnabled: boolean;
  hasWebhookSecret: boolean;
}

export interface Incident {
  id: string;
  /** `artifact_mismatch` or `malicious_package` today. */
  kind: string;
  releaseId: string | null;
  release: { id: string; version: string; productId: string; productName: string } | null;
  status: string;
  details: Record<string, unknown>;
  createdAt: string;
}

const enc = encodeURIComponent;
const base = (orgId: string) => `/api/orgs/${enc(orgId)}/software`;

function fileForm(file: File): FormData {
  const form = new FormData();
  form.append('file', file, file.name);
  return form;
}

export const softwareApi = {
  products: (orgId: string) => request<{ items: Product[] }>('GET', `${base(orgId)}/products`),
  product: (orgId: string, productId: string) =>
    request<{ product: Product }>('GET', `${base(orgId)}/products/${enc(productId)}`),
  createProduct: (orgId: string, body: ProductInput) =>
    request<{ product: Product }>('POST', `${base(orgId)}/products`, body),
  updateProduct: (orgId: string, productId: string, body: Partial<ProductInput>) =>
    request<{ product: Product }>('PATCH', `${base(orgId)}/products/${enc(productId)}`, body),
  deleteProduct: (orgId: string, productId: string) =>
    request<void>('DELETE', `${base(orgId)}/products/${enc(productId)}`),

  releases: (orgId: string, productId: string) =>
    request<{ items: Release[] }>('GET', `${base(orgId)}/products/${enc(productId)}/releases`),
  createRelease: (orgId: string, productId: string, body: ReleaseInput) =>
    request<{ release: Release }>('POST', `${base(orgId)}/products/${enc(productId)}/releases`, body),
  release: (orgId: string, releaseId: string) =>
    request<{ release: Release }>('GET', `${base(orgId)}/releases/${enc(releaseId)}`),
  deleteRelease: (orgId: string, releaseId: string) =>
    request<void>('DELETE', `${base(orgId)}/releases/${enc(releaseId)}`),
  uploadSbom: (orgId: string, releaseId: string, file: File) =>
    upload<{ release: Release; findings: number; malicious?: number; warnings?: unknown[] }>(
      `${base(orgId)}/releases/${enc(releaseId)}/sbom`,
      fileForm(file),
    ),

  components: (orgId: string, releaseId: string) =>
    request<{ items: Component[] }>('GET', `${base(orgId)}/releases/${enc(releaseId)}/components`),
  findings: (orgId: string, releaseId: string) =>
    request<{ items: Finding[] }>('GET', `${base(orgId)}/releases/${enc(releaseId)}/findings`),
  setVex: (orgId: string, findingId: string, body: VexInput) =>
    request<{ finding: Finding }>('PUT', `${base(orgId)}/findings/${enc(findingId)}/vex`, body),
  importVex: (orgId: string, releaseId: string, file: File) =>
    upload<{ format: string; applied: number; unmatched: string[] }>(
      `${base(orgId)}/releases/${enc(releaseId)}/vex`,
      fileForm(file),
    ),
  vexUrl: (orgId: string, releaseId: string, format: VexFormat) =>
    `${base(orgId)}/releases/${enc(releaseId)}/vex?format=${format}`,

  licensePolicy: (orgId: string) => request<LicensePolicy>('GET', `${base(orgId)}/license-policy`),
  setLicensePolicy: (orgId: string, body: LicensePolicy) =>
    request<LicensePolicy>('PUT', `${base(orgId)}/license-policy`, body),
  licenses: (orgId: string, releaseId: string) =>
    request<LicenseReport>('GET', `${base(orgId)}/releases/${enc(releaseId)}/licenses`),

  artifacts: (orgId: string, releaseId: string) =>
    request<{ items: Artifact[] }>('GET', `${base(orgId)}/releases/${enc(releaseId)}/artifacts`),
  registerArtifact: (orgId: string, releaseId: string, body: ArtifactInput) =>
    request<{ artifact: Artifact }>('POST', `${base(orgId)}/releases/${enc(releaseId)}/artifacts`, body),
  verifyArtifact: (orgId: string, body: VerifyInput) =>
    request<{ result: VerifyResult; expected: { filename: string; sha256: string }[]; incidentId?: string }>(
      'POST',
      `${base(orgId)}/artifacts/verify`,
      body,
    ),

  whereUsed: (orgId: string, query: { purl: string; range?: string; includeShared?: boolean }) => {
    const params = new URLSearchParams({ purl: query.purl });
    if (query.range) params.set('range', query.range);
    params.set('includeShared', query.includeShared ? 'true' : 'false');
    return request<{ items: WhereUsedItem[] }>('GET', `${base(orgId)}/where-used?${params.toString()}`);
  },

  shares: (orgId: string, releaseId?: string) =>
    request<{ items: SoftwareShare[] }>(
      'GET',
      `${base(orgId)}/shares${releaseId ? `?releaseId=${enc(releaseId)}` : ''}`,
    ),
  createShare: (orgId: string, body: { releaseId: string; withOrgId: string }) =>
    request<{ share: { id: string } }>('POST', `${base(orgId)}/shares`, body),
  revokeShare: (orgId: string, shareId: string) =>
    request<void>('DELETE', `${base(orgId)}/shares/${enc(shareId)}`),

  notifications: (orgId: string) => request<NotificationSettings>('GET', `${base(orgId)}/notifications`),
  setNotifications: (orgId: string, body: { webhookUrl: string | null; emailEnabled: boolean }) =>
    request<NotificationSettings & { webhookSecret: string | null }>(
      'PUT',
      `${base(orgId)}/notifications`,
      body,
    ),

  incidents: (orgId: string) => request<{ items: Incident[] }>('GET', `${base(orgId)}/incidents`),

  advisoryStatus: (orgId: string) => request<AdvisoryStatus>('GET', `${base(orgId)}/advisories/status`),
  importAdvisories: (orgId: string, file: File) =>
    upload<{ job: Job }>(`${base(orgId)}/advisories/import`, fileForm(file)),
  advisory: (orgId: string, advisoryId: string) =>
    request<{ advisory: Advisory }>('GET', `${base(orgId)}/advisories/${enc(advisoryId)}`),
};
